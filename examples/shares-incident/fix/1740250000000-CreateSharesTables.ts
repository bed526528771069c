import { MigrationInterface, QueryRunner } from "typeorm";

// The fix that shipped: IF NOT EXISTS because dev databases already have these tables
// from synchronize, and a timestamp that sorts before the first migration touching "shares".
export class CreateSharesTables1740250000000 implements MigrationInterface {
  name = "CreateSharesTables1740250000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS "shares" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "permission" character varying(16) NOT NULL DEFAULT 'read', "document_id" uuid, "user_id" uuid, CONSTRAINT "PK_shares" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX IF NOT EXISTS "UQ_shares_document" ON "shares" ("document_id")`);
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS "share_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "encrypted_key" text NOT NULL, "share_id" uuid, CONSTRAINT "PK_share_keys" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "shares" ADD CONSTRAINT "FK_shares_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "shares" ADD CONSTRAINT "FK_shares_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "share_keys" ADD CONSTRAINT "FK_share_keys_share" FOREIGN KEY ("share_id") REFERENCES "shares"("id") ON DELETE CASCADE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "share_keys"`);
    await queryRunner.query(`DROP TABLE "shares"`);
  }
}
