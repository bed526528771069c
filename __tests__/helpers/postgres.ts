import pg from "pg";
import { locateEmbeddedBinaries } from "../../src/postgres/embedded-binaries.js";
import { startLocalCluster } from "../../src/postgres/local-cluster.js";
import type { ProvisionedDatabase } from "../../src/postgres/provider.js";
import { DEFAULT_MAJOR } from "../../src/postgres/versions.js";

/** A Postgres server for a test to own (a "production" server, a database-url target). */
export async function startTestPostgres(options: { settings?: Record<string, string>; onServerLog?: (text: string) => void } = {}): Promise<ProvisionedDatabase> {
  const binaries = await locateEmbeddedBinaries(DEFAULT_MAJOR, () => undefined);
  return startLocalCluster({ binaries, provider: "test", ...options });
}

/**
 * Runs `work` on a connection of its own to `database` on `server`, closed afterwards. The
 * connection carries `applicationName`, so a statement audit can tell the test's own
 * connections from the gate's.
 */
export async function withTestClient<T>(server: ProvisionedDatabase, options: { database: string; applicationName: string }, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...server.connection, database: options.database, application_name: options.applicationName });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
