import type { DbConnection } from "../worker/protocol.js";

export type ProviderName = "url" | "binaries" | "embedded" | "docker";
export type ProviderChoice = ProviderName | "auto";

/** What the run asks of Postgres. */
export interface PostgresRequest {
  choice: ProviderChoice;
  /** Major version, e.g. 17. */
  major: number;
  /** Docker image; implies the docker provider. */
  image?: string;
  databaseUrl?: string;
  log: (line: string) => void;
  /** The run's timeout: a database-url database older than this (and a margin) is a leftover. */
  runTimeoutMs?: number;
}

/** A running Postgres with one empty database for this run. */
export interface ProvisionedDatabase {
  provider: string;
  connection: DbConnection;
  serverVersion: string;
  /** Settles, with what happened, only if the server goes away before dispose(). */
  died: Promise<string>;
  /** Stops the server / drops the database and removes every file. Safe to call twice. */
  dispose(): Promise<void>;
}

export type Availability = { ok: true; detail: string } | { ok: false; reason: string };

/** One way to get a throwaway Postgres. */
export interface PostgresProvider {
  name: ProviderName;
  /** Can it serve the request here and now? Cheap: no download, no server started. */
  check(request: PostgresRequest): Promise<Availability>;
  start(request: PostgresRequest): Promise<ProvisionedDatabase>;
}
