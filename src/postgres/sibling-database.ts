import pg from "pg";
import type { DbConnection } from "../worker/protocol.js";
import { dropDatabase, leftoverComment, throwawayDatabaseName } from "./from-url.js";

export interface SiblingDatabase {
  connection: DbConnection;
  /** Drops it. Safe to call twice; the server's own disposal removes it too. */
  dispose(): Promise<void>;
}

/**
 * Another empty database on the run's own server, next to the throwaway one (the base
 * revision's replay): created through the throwaway database, never through the database the
 * user named, with the same name pattern and leftover comment as the throwaway one, so a killed
 * run's sibling on a database-url server is found and dropped like it.
 */
export async function createSiblingDatabase(of: DbConnection, runTimeoutMs: number): Promise<SiblingDatabase> {
  const name = throwawayDatabaseName();
  const admin = new pg.Client({ ...of, ssl: of.ssl as never });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.query(`COMMENT ON DATABASE "${name}" IS ${pg.escapeLiteral(leftoverComment(runTimeoutMs))}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  let disposed = false;
  return {
    connection: { ...of, database: name },
    async dispose() {
      if (disposed) return;
      disposed = true;
      const client = new pg.Client({ ...of, ssl: of.ssl as never });
      try {
        await client.connect();
        await dropDatabase(client, name);
      } catch {
        // The server is gone (its disposal took the database with it) or refuses: the
        // leftover comment lets the next run drop it.
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}
