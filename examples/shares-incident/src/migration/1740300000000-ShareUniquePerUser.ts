import { MigrationInterface, QueryRunner } from "typeorm";

// Written against a dev database where synchronize had created "shares".
export class ShareUniquePerUser1740300000000 implements MigrationInterface {
  name = "ShareUniquePerUser1740300000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "UQ_shares_document"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_shares_document_user" ON "shares" ("document_id", "user_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_shares_document_user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_shares_document" ON "shares" ("document_id")`);
  }
}
