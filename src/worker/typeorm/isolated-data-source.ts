import { GateError } from "../../engine/errors.js";
import type { DbConnection } from "../protocol.js";
import type { DataSourceLike, TypeormModule } from "./typeorm-types.js";

/** pg Pool options that would point the pool somewhere other than our server. */
const EXTRA_CONNECTION_KEYS = ["connectionString", "host", "hostaddr", "port", "user", "password", "database", "ssl", "sslmode", "options"];

/**
 * A new DataSource from the user's options with every connection setting replaced, so the
 * user's configured database can never be contacted: a `url` in the user's options would win
 * over `host`, `extra` is merged into the pool config last, and `replication` would send
 * queries elsewhere. Built anew rather than mutated, because the driver reads options once,
 * in the constructor.
 *
 * `replication` is deleted, not set to undefined: typeorm 0.3.20+ tests `"replication" in
 * options`, and a key holding undefined makes every Repository read inside a migration throw
 * "Cannot read properties of undefined (reading 'defaultMode')".
 *
 * `installExtensions` keeps the project's own setting (TypeORM's default is true): a real
 * `migration:run` creates uuid-ossp and friends on connect when entities use them, and many
 * projects' first migration relies on that. Forcing it off failed clean projects.
 */
export function createIsolatedDataSource(typeorm: TypeormModule, userOptions: Record<string, unknown>, connection: DbConnection, logger: unknown): DataSourceLike {
  if (userOptions["type"] !== "postgres") {
    throw new GateError("unsupported-database", `The data source is of type "${String(userOptions["type"])}"; migration-gate checks Postgres projects.`, {
      hint: 'Point the gate at a data source with type: "postgres".',
    });
  }
  const extra = { ...((userOptions["extra"] as Record<string, unknown> | undefined) ?? {}) };
  for (const key of EXTRA_CONNECTION_KEYS) delete extra[key];

  const options: Record<string, unknown> = {
    ...userOptions,
    host: connection.host,
    port: connection.port,
    username: connection.user,
    password: connection.password,
    database: connection.database,
    ssl: connection.ssl,
    extra,
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
    // A Redis or database query cache would open connections of its own.
    cache: false,
    logging: true,
    logger,
    migrationsTransactionMode: "each",
  };
  delete options["replication"];
  delete options["url"];
  return new typeorm.DataSource(options);
}
