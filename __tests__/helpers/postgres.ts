import { locateEmbeddedBinaries } from "../../src/postgres/embedded-binaries.js";
import { startLocalCluster } from "../../src/postgres/local-cluster.js";
import type { ProvisionedDatabase } from "../../src/postgres/provider.js";
import { DEFAULT_MAJOR } from "../../src/postgres/versions.js";

/** A Postgres server for a test to own (a "production" server, a database-url target). */
export async function startTestPostgres(options: { settings?: Record<string, string>; onServerLog?: (text: string) => void } = {}): Promise<ProvisionedDatabase> {
  const binaries = await locateEmbeddedBinaries(DEFAULT_MAJOR, () => undefined);
  return startLocalCluster({ binaries, provider: "test", ...options });
}
