import pg from "pg";
import type { DbConnection } from "../worker/protocol.js";

export async function serverVersion(connection: DbConnection): Promise<string> {
  const client = new pg.Client({ ...connection, ssl: connection.ssl === false ? false : (connection.ssl as never) });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>("SHOW server_version");
    return result.rows[0]!.server_version;
  } finally {
    await client.end();
  }
}
