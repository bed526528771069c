import path from "node:path";
import { GateError } from "../../engine/errors.js";
import { optionLabel } from "../../engine/parse-options.js";
import { importUserModule, userModuleThrew } from "../import-user-module.js";
import { isDataSource, type DataSourceLike } from "./typeorm-types.js";

export interface FindDataSourceRequest {
  file: string;
  exportName?: string;
  projectDir: string;
  projectRequire: NodeJS.Require;
}

/** Finds the exported DataSource as `typeorm -d` does: the module itself, or exactly one export. */
export async function findDataSource(request: FindDataSourceRequest): Promise<DataSourceLike> {
  const shown = path.relative(request.projectDir, request.file);
  let exports: Record<string, unknown>;
  try {
    exports = await importUserModule(request.file, request.projectRequire);
  } catch (error) {
    if (error instanceof Error && error.name === "DriverPackageNotInstalledError") throw missingDriver(error, shown);
    throw userModuleThrew("data-source-threw", `the data source file ${shown}`, error);
  }

  const found = collectDataSources(exports);
  if (request.exportName) {
    const chosen = found.find((f) => f.name === request.exportName);
    if (chosen) return chosen.dataSource;
    throw new GateError("data-source-export-not-found", `${shown} has no DataSource export named "${request.exportName}" (${describe(found)}).`, {
      hint: `Set ${optionLabel("data-source-export")} to one of the names listed, or leave it empty when there is only one.`,
    });
  }
  if (found.length === 1) return found[0]!.dataSource;
  if (found.length > 1) {
    throw new GateError("several-data-sources", `${shown} exports ${found.length} DataSources: ${found.map((f) => f.name).join(", ")}.`, {
      hint: `Choose the one your migrations run with: ${optionLabel("data-source-export")} ${found[0]!.name}`,
    });
  }
  const promises = Object.entries(exports).filter(([, v]) => v instanceof Promise).map(([k]) => k);
  throw new GateError("no-data-source-export", `${shown} does not export a TypeORM DataSource (exports: ${Object.keys(exports).join(", ") || "none"}).`, {
    hint: promises.length
      ? `Export "${promises[0]}" is a promise: export the DataSource instance itself, e.g. export const AppDataSource = new DataSource({...}), and initialize it elsewhere.`
      : "Export the instance, e.g. `export const AppDataSource = new DataSource({...})` or `export default new DataSource({...})`, the same file `typeorm -d` takes.",
  });
}

interface FoundDataSource {
  name: string;
  dataSource: DataSourceLike;
}

function collectDataSources(exports: Record<string, unknown>): FoundDataSource[] {
  if (isDataSource(exports)) return [{ name: "module.exports", dataSource: exports }];
  const found: FoundDataSource[] = [];
  const add = (name: string, value: unknown) => {
    if (isDataSource(value) && !found.some((f) => f.dataSource === value)) found.push({ name, dataSource: value });
  };
  for (const [name, value] of Object.entries(exports)) add(name, value);
  // import() of a CommonJS module puts module.exports under `default`.
  const fallback = exports["default"];
  if (fallback && typeof fallback === "object" && !isDataSource(fallback)) {
    for (const [name, value] of Object.entries(fallback)) add(name, value);
  }
  return found;
}

function describe(found: FoundDataSource[]): string {
  return found.length ? `DataSource exports: ${found.map((f) => f.name).join(", ")}` : "it exports no DataSource";
}

/** TypeORM loads the driver package in the DataSource constructor, so a wrong type fails at import. */
function missingDriver(error: Error, shown: string): GateError {
  if (/postgres/i.test(error.message)) {
    return new GateError("pg-not-installed", `${shown} creates a Postgres DataSource, but the pg package is not installed in the project.`, {
      hint: "Add pg to the project's dependencies (npm install pg) and install them before running the gate.",
      cause: error,
    });
  }
  return new GateError("unsupported-database", `${shown} creates a DataSource for another database than Postgres (${error.message}); migration-gate checks Postgres projects.`, {
    hint: 'Point the gate at a data source with type: "postgres".',
    cause: error,
  });
}
