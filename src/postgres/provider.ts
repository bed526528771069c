import type { DbConnection } from "../worker/protocol.js";

/** A running Postgres with one empty database for this run. */
export interface ProvisionedDatabase {
  provider: string;
  connection: DbConnection;
  serverVersion: string;
  /** Stops the server / drops the database and removes every file. Safe to call twice. */
  dispose(): Promise<void>;
}
