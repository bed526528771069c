import pg from "pg";
import type { DbConnection } from "../worker/protocol.js";

/** Runs `work` on a connection of its own to `connection` (a throwaway database), closed afterwards. */
export async function withClient<T>(connection: DbConnection, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...connection, ssl: connection.ssl as never });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
