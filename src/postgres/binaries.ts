import { GateError } from "../engine/errors.js";
import { findLocalBinaries } from "./local-binaries.js";
import { startLocalCluster } from "./local-cluster.js";
import type { PostgresProvider } from "./provider.js";

/** A Postgres installed on the machine (initdb + postgres), run privately in a temp dir. */
export const binariesProvider: PostgresProvider = {
  name: "binaries",
  async check({ major }) {
    const { found, otherVersions } = await findLocalBinaries(major);
    if (found) return { ok: true, detail: `Postgres ${found.version} installed in ${found.source}` };
    return { ok: false, reason: `no local Postgres ${major} installation${otherVersions.length ? ` (found ${otherVersions.join(", ")})` : ""}` };
  },
  async start({ major }) {
    const { found, otherVersions } = await findLocalBinaries(major);
    if (!found) {
      throw new GateError("postgres-binaries-not-found", `No local Postgres ${major} installation was found (initdb and postgres)${otherVersions.length ? `; found ${otherVersions.join(", ")}` : ""}.`, {
        hint: `Set PGBIN to the bin folder of a Postgres ${major} installation, set postgres-version (--postgres-version) to an installed major, or use postgres: embedded.`,
      });
    }
    return startLocalCluster({ binaries: found, provider: "binaries" });
  },
};
