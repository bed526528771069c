import { createRequire } from "node:module";
import path from "node:path";
import { GateError } from "../../engine/errors.js";
import { installedVersion } from "../installed-version.js";
import type { DataSourceLike, TypeormModule } from "./typeorm-types.js";

export interface UserTypeorm {
  /** The project's typeorm; on 0.2, `DataSource` is the Connection API behind the DataSource one (see connectionAsDataSource). */
  module: TypeormModule;
  version: string;
  /** "connection": typeorm 0.2 (new Connection(options), connect(), close()). */
  api: "data-source" | "connection";
  /** require() bound to the project, for the user's own modules. */
  projectRequire: NodeJS.Require;
}

/** The oldest 0.2 supported: its Postgres driver has the type/default rules and runMigrations({ transaction }) the gate uses. */
const OLDEST_02_PATCH = 25;

/**
 * The project's own typeorm, resolved from its node_modules: entity metadata must come from
 * the same copy the entities' decorators register with.
 */
export function loadUserTypeorm(projectDir: string): UserTypeorm {
  const projectRequire = createRequire(path.join(projectDir, "package.json"));
  let entry: string;
  try {
    entry = projectRequire.resolve("typeorm");
  } catch (error) {
    throw new GateError("typeorm-not-installed", `typeorm is not installed in ${projectDir}.`, {
      hint: "Install the project's dependencies (npm ci) before running the gate, and set working-directory to the folder whose package.json lists typeorm.",
      cause: error,
    });
  }
  const version = installedVersion(entry, "typeorm");
  const patch02 = /^0\.2\.(\d+)/.exec(version);
  if (patch02 ? Number(patch02[1]) < OLDEST_02_PATCH : !/^(0\.3\.|1\.)/.test(version)) {
    throw new GateError("typeorm-unsupported", `typeorm ${version} is installed; migration-gate supports typeorm 0.2.${OLDEST_02_PATCH} and later 0.2.x, 0.3.x and 1.x.`, {
      hint: patch02 ? `Upgrade typeorm to the last 0.2 (npm install typeorm@0.2.45): the same API, and the gate can check it.` : "Upgrade typeorm to 0.3 or later.",
    });
  }
  const module = projectRequire("typeorm") as Record<string, unknown>;
  if (typeof module["DataSource"] === "function") return { module: module as unknown as TypeormModule, version, api: "data-source", projectRequire };
  return { module: { ...module, DataSource: connectionAsDataSource(module["Connection"] as ConnectionClass) } as unknown as TypeormModule, version, api: "connection", projectRequire };
}

type ConnectionClass = new (options: Record<string, unknown>) => DataSourceLike & { connect(): Promise<unknown>; close(): Promise<void>; isConnected: boolean };

/**
 * typeorm 0.2's Connection behind the DataSource API the adapter speaks: the constructor takes
 * the same options (url, host..., replication, extra; installExtensions on later 0.2 releases), and
 * connect()/close() are initialize()/destroy(). The rest (entityMetadatas, migrations,
 * runMigrations({ transaction }), driver.normalizeType/normalizeDefault/createFullType,
 * createSchemaBuilder().log()) has the same names on 0.2.
 */
function connectionAsDataSource(Connection: ConnectionClass): new (options: Record<string, unknown>) => DataSourceLike {
  return function ConnectionDataSource(options: Record<string, unknown>) {
    const connection = new Connection(options);
    return Object.assign(connection, {
      initialize: async () => {
        await connection.connect();
        return connection;
      },
      destroy: async () => {
        if (connection.isConnected) await connection.close();
      },
    });
  } as unknown as new (options: Record<string, unknown>) => DataSourceLike;
}
