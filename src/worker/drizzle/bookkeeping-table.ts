import type { MigratorConfig } from "./drizzle-types.js";
import { quoteIdentifier } from "../../schema/model.js";

const HARDCODED = '"drizzle"."__drizzle_migrations"';

/**
 * drizzle-orm 0.x's pg-proxy migrator, the one the gate drives, hardcodes
 * "drizzle"."__drizzle_migrations" with `created_at numeric`; its node-postgres and postgres-js
 * migrators, the ones deploys run, honour migrationsSchema / migrationsTable and make created_at
 * bigint. The migrator's own statements are rewritten to what those send, so the throwaway
 * database keeps its rows where the deployed one does (deploy-check copies and compares them
 * there). Only the migrator's statements: never a migration's SQL.
 */
export function asRealMigrator(config: MigratorConfig): { own(sql: string): string; row(sql: string): string } {
  const schema = config.migrationsSchema ?? "drizzle";
  const qualified = `${quoteIdentifier(schema)}.${quoteIdentifier(config.migrationsTable ?? "__drizzle_migrations")}`;
  const table = (sql: string) => sql.split(HARDCODED).join(qualified);
  return {
    own(sql) {
      const renamed = /^\s*CREATE SCHEMA IF NOT EXISTS "drizzle"\s*$/.test(sql) ? `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}` : table(sql);
      return /^\s*CREATE TABLE IF NOT EXISTS/i.test(renamed) && renamed.includes(qualified) ? renamed.replace(/\bcreated_at\s+numeric\b/i, "created_at bigint") : renamed;
    },
    row: (sql) => (sql.trimStart().startsWith(`INSERT INTO ${HARDCODED}`) ? table(sql) : sql),
  };
}
