import fs from "node:fs";
import path from "node:path";
import { GateError } from "../../engine/errors.js";
import type { OrmconfigSource } from "../../engine/parse-options.js";
import { optionLabel } from "../../engine/parse-options.js";
import { userModuleThrew } from "../import-user-module.js";
import type { UserTypeorm } from "./load-typeorm.js";
import { isDataSource } from "./typeorm-types.js";
import { driverTypeFromError, loadErrorCause, undefinedTypeError } from "../user-code-errors.js";

interface ReaderLike {
  all(): Promise<Array<Record<string, unknown>>>;
}

type ReaderClass = new (options: { root: string; configName?: string }) => ReaderLike;

/**
 * The connection options typeorm 0.2's CLI would use: read by the project's own
 * ConnectionOptionsReader (TYPEORM_CONNECTION/TYPEORM_URL variables, also from a .env file,
 * win over ormconfig.{env,js,ts,json,yml,yaml,xml}), the `default` connection or the one named.
 * 0.3 and 1.x keep the reader (1.x reads only js, ts and json).
 */
export async function readOrmconfig(typeorm: UserTypeorm, projectDir: string, source: OrmconfigSource): Promise<Record<string, unknown>> {
  const Reader = (typeorm.module as unknown as { ConnectionOptionsReader?: ReaderClass }).ConnectionOptionsReader;
  const shown = source.file ? path.relative(projectDir, source.file) : "ormconfig";
  if (typeof Reader !== "function") {
    throw new GateError("ormconfig-unsupported", `typeorm ${typeorm.version} does not read ormconfig files.`, {
      hint: `Give ${optionLabel("data-source")}: the file exporting the DataSource (or its options) your migrations run with.`,
    });
  }
  let all: Array<Record<string, unknown>>;
  try {
    all = await new Reader({ root: projectDir, ...(source.file && { configName: path.relative(projectDir, source.file) }) }).all();
  } catch (error) {
    const native = loadErrorCause(error, projectDir);
    if (native) throw native;
    const driver = driverTypeFromError(error);
    if (driver?.type === "undefined") throw undefinedTypeError(source.file, shown, error);
    if (error instanceof Error && /No connection options were found/.test(error.message)) {
      throw new GateError("ormconfig-not-found", `typeorm ${typeorm.version} found no connection options in ${projectDir}: no ormconfig file${source.file ? ` at ${shown}` : ""} it can read, and neither TYPEORM_CONNECTION nor TYPEORM_URL is set.`, {
        hint: `Give ${optionLabel("ormconfig")} (the file your typeorm CLI reads, e.g. ormconfig.json), or ${optionLabel("data-source")}.`,
        cause: error,
      });
    }
    throw userModuleThrew("ormconfig-threw", source.file ? `the ormconfig file ${shown}` : "the ormconfig (typeorm's ConnectionOptionsReader)", error);
  }

  const name = source.connectionName ?? "default";
  const connections = all.map((options) => ({ name: connectionName(options), options: isDataSource(options) ? (options.options as Record<string, unknown>) : options }));
  const chosen = connections.find((c) => c.name === name);
  if (!chosen) {
    throw new GateError("ormconfig-connection-not-found", `${describe(shown, all)} has no connection named "${name}" (connections: ${connections.map((c) => c.name).join(", ") || "none"}).`, {
      hint: `Set ${optionLabel("data-source-export")} to the connection your migrations run with.`,
    });
  }
  if (chosen.options["type"] === undefined) {
    if (!source.file && (process.env["TYPEORM_URL"] !== undefined || process.env["TYPEORM_HOST"] !== undefined)) {
      throw new GateError("data-source-type-undefined", "The connection read from the TYPEORM_* variables has no type: TYPEORM_CONNECTION is not set.", {
        hint: "Set TYPEORM_CONNECTION=postgres for the gate's step, as the app's environment does. No database was contacted.",
      });
    }
    throw undefinedTypeError(source.file ?? findOrmconfigFile(projectDir), shown);
  }
  return chosen.options;
}

function connectionName(options: Record<string, unknown>): string {
  const name = isDataSource(options) ? (options.options as Record<string, unknown>)["name"] : options["name"];
  return typeof name === "string" && name ? name : "default";
}

function describe(shown: string, all: unknown[]): string {
  return all.length ? shown : `${shown} (empty)`;
}

function findOrmconfigFile(projectDir: string): string | undefined {
  return ["js", "mjs", "cjs", "ts", "mts", "cts"].map((ext) => path.join(projectDir, `ormconfig.${ext}`)).find((file) => fs.existsSync(file));
}
