import { MigrationInterface, QueryRunner } from "typeorm";

// audit_log existed only through synchronize until this migration.
export class CreateAuditLog1740000000000 implements MigrationInterface {
  name = "CreateAuditLog1740000000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS "audit_log" ("id" SERIAL NOT NULL, "action" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
