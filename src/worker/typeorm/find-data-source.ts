import path from "node:path";
import { GateError } from "../../engine/errors.js";
import { optionLabel } from "../../engine/parse-options.js";
import { importUserModule, userModuleThrew } from "../import-user-module.js";
import { isDataSource } from "./typeorm-types.js";
import { driverTypeFromError, loadErrorCause, typeVariable, undefinedTypeError } from "../user-code-errors.js";

export interface FindDataSourceRequest {
  file: string;
  /** `data-source: file#name` or data-source-export: a DataSource, an options object, or a function returning either. */
  exportName?: string;
  projectDir: string;
  projectRequire: NodeJS.Require;
}

/** What the gate rebuilds its isolated DataSource from. */
export interface FoundDataSource {
  options: Record<string, unknown>;
}

/**
 * Finds the data source as `typeorm -d` does, the module itself or exactly one DataSource
 * export; or, when an export is named, that export, which may also be a plain options object
 * (NestJS `TypeOrmModule.forRoot` options, a `getTypeORMSettings()` module) or a function
 * without parameters, sync or async, returning a DataSource or options.
 */
export async function findDataSource(request: FindDataSourceRequest): Promise<FoundDataSource> {
  const shown = path.relative(request.projectDir, request.file);
  let exports: Record<string, unknown>;
  try {
    exports = await importUserModule(request.file, request.projectRequire);
  } catch (error) {
    throw loadFailure(error, request.file, shown, request.projectDir);
  }

  const options = request.exportName ? await resolveNamed(exports, request.exportName, request.file, shown, request.projectDir) : findOnlyDataSource(exports, shown);
  checkType(options, request.file, shown);
  return { options };
}

/** Why importing the data source file (or calling its function) failed, said as precisely as the error allows. */
function loadFailure(error: unknown, file: string, shown: string, projectDir: string): GateError {
  const native = loadErrorCause(error, projectDir);
  if (native) return native;
  const driver = driverTypeFromError(error);
  if (driver) return driver.type === "undefined" ? undefinedTypeError(file, shown, error) : unsupportedType(driver.type, file, shown, error);
  if (error instanceof Error && error.name === "DriverPackageNotInstalledError") return missingDriver(error, shown);
  if (error instanceof GateError) return error;
  return userModuleThrew("data-source-threw", `the data source file ${shown}`, error);
}

function checkType(options: Record<string, unknown>, file: string, shown: string): void {
  if (options["type"] === undefined) throw undefinedTypeError(file, shown);
}

// ---------------------------------------------------------------------------------------------
// No export named: exactly one DataSource, as `typeorm -d`.

function findOnlyDataSource(exports: Record<string, unknown>, shown: string): Record<string, unknown> {
  const found = collectDataSources(exports);
  if (found.length === 1) return found[0]!.options;
  if (found.length > 1) {
    throw new GateError("several-data-sources", `${shown} exports ${found.length} DataSources: ${found.map((f) => f.name).join(", ")}.`, {
      hint: `Choose the one your migrations run with: --data-source ${shown}#${found[0]!.name} (or ${optionLabel("data-source-export")} ${found[0]!.name})`,
    });
  }
  const promises = Object.entries(exports).filter(([, v]) => v instanceof Promise).map(([k]) => k);
  const others = pickable(exports);
  // The file's one export is Postgres connection options (typeorm 0.2's `export =` config): nothing to choose between.
  if (others.length === 1 && others[0]!.what === "an options object") {
    const value = others[0]!.name === "default" && looksLikeOptions(exports) ? exports : (exports[others[0]!.name] ?? (exports["default"] as Record<string, unknown> | undefined)?.[others[0]!.name]);
    if (value && typeof value === "object" && (value as Record<string, unknown>)["type"] === "postgres") return value as Record<string, unknown>;
  }
  const instance = "Export the instance, e.g. `export const AppDataSource = new DataSource({...})` or `export default new DataSource({...})`, the same file `typeorm -d` takes; or give the entity and migration files as globs instead of the data source: --entities \"src/**/*.entity.ts\" --migrations \"src/migrations/*.ts\".";
  throw new GateError("no-data-source-export", `${shown} does not export a TypeORM DataSource (exports: ${Object.keys(exports).join(", ") || "none"}).`, {
    hint: promises.length
      ? `Export "${promises[0]}" is a promise: export the DataSource instance itself, e.g. export const AppDataSource = new DataSource({...}), and initialize it elsewhere.`
      : others.length === 1
        ? `Its export "${others[0]!.name}" is ${others[0]!.what}: check that with --data-source ${shown}#${others[0]!.name} (or ${optionLabel("data-source-export")} ${others[0]!.name}). Or: ${instance}`
        : others.length > 1
          ? `Pick one of its exports with --data-source ${shown}#<name>: ${others.map((o) => `${o.name} (${o.what})`).join(", ")}. Or: ${instance}`
          : instance,
  });
}

interface NamedDataSource {
  name: string;
  options: Record<string, unknown>;
}

function collectDataSources(exports: Record<string, unknown>): NamedDataSource[] {
  if (isDataSourceOrConnection(exports)) return [{ name: "default", options: exports.options }];
  const found: NamedDataSource[] = [];
  const seen = new Set<unknown>();
  for (const [name, value] of exportEntries(exports)) {
    if (isDataSourceOrConnection(value) && !seen.has(value)) {
      seen.add(value);
      found.push({ name, options: value.options });
    }
  }
  return found;
}

/** Exports the user could name instead: options objects and functions (not classes), each once. */
function pickable(exports: Record<string, unknown>): Array<{ name: string; what: string }> {
  if (looksLikeOptions(exports)) return [{ name: "default", what: "an options object" }];
  const seen = new Set<unknown>();
  const out: Array<{ name: string; what: string }> = [];
  const entries = typeof exports === "function" ? ([["default", exports]] as Array<[string, unknown]>) : exportEntries(exports);
  for (const [name, value] of entries) {
    if (seen.has(value)) continue;
    seen.add(value);
    if (typeof value === "function" && !isClass(value)) out.push({ name, what: "a function" });
    else if (isNestAsyncOptions(value)) out.push({ name, what: "NestJS async options (useFactory)" });
    else if (looksLikeOptions(value)) out.push({ name, what: "an options object" });
  }
  return out;
}

/** The module's exports, and those of `default` when it is a CommonJS module.exports object seen through import(). */
function exportEntries(exports: Record<string, unknown>): Array<[string, unknown]> {
  const entries = Object.entries(exports);
  const fallback = exports["default"];
  if (fallback && typeof fallback === "object" && !isDataSourceOrConnection(fallback) && !looksLikeOptions(fallback) && !isNestAsyncOptions(fallback)) {
    entries.push(...Object.entries(fallback));
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// An export named: a DataSource, options, or a function returning either.

async function resolveNamed(exports: Record<string, unknown>, name: string, file: string, shown: string, projectDir: string): Promise<Record<string, unknown>> {
  const value = namedExport(exports, name);
  if (value === undefined) {
    const dataSources = collectDataSources(exports).map((f) => f.name);
    const others = pickable(exports).map((p) => p.name);
    const listed = [
      dataSources.length ? `DataSource exports: ${dataSources.join(", ")}` : "it exports no DataSource",
      ...(others.length ? [`options or functions: ${others.join(", ")}`] : []),
    ].join("; ");
    throw new GateError("data-source-export-not-found", `${shown} has no DataSource export named "${name}" (${listed}).`, {
      hint: `Name one of the exports listed: --data-source ${shown}#<name> (or ${optionLabel("data-source-export")}).`,
    });
  }
  return resolveValue(value, `Export "${name}" of ${shown}`, { file, shown, projectDir, name }, 0);
}

function namedExport(exports: Record<string, unknown>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(exports, name)) return exports[name];
  // module.exports = ... in CommonJS: the module itself is its default export.
  if (name === "default" || name === "module.exports") return exports;
  const fallback = exports["default"];
  if (fallback && typeof fallback === "object" && Object.prototype.hasOwnProperty.call(fallback, name)) return (fallback as Record<string, unknown>)[name];
  return undefined;
}

interface ResolveContext {
  file: string;
  shown: string;
  projectDir: string;
  name: string;
}

async function resolveValue(value: unknown, what: string, context: ResolveContext, depth: number): Promise<Record<string, unknown>> {
  if (isDataSourceOrConnection(value)) return value.options;
  if (isThenable(value)) return resolveValue(await call(() => value, context), `${what} (once resolved)`, context, depth);
  if (typeof value === "function") {
    if (isClass(value)) {
      throw new GateError("data-source-export-unusable", `${what} is a class (${value.name || "anonymous"}), not a DataSource, options object or function.`, {
        hint: "Name the export holding the DataSource instance or the options, or a function returning them.",
      });
    }
    if (depth > 0) throw notOptions(`${what} returns another function`, context);
    if (value.length > 0) throw needsArguments(`${what} is a function with ${value.length} parameter${value.length > 1 ? "s" : ""}`, context);
    return resolveValue(await call(() => (value as () => unknown)(), context), `What ${what.charAt(0).toLowerCase()}${what.slice(1)} returns`, context, depth + 1);
  }
  if (isNestAsyncOptions(value)) {
    const inject = Array.isArray(value.inject) ? value.inject : [];
    if (value.useFactory.length > 0 || inject.length > 0) {
      throw needsArguments(`${what} is TypeOrmModule.forRootAsync options whose useFactory takes ${inject.length ? `injected providers (${inject.map(providerName).join(", ")})` : `${value.useFactory.length} parameter(s)`}`, context);
    }
    return resolveValue(await call(() => value.useFactory(), context), `What useFactory of ${what.charAt(0).toLowerCase()}${what.slice(1)} returns`, context, depth + 1);
  }
  if (typeof value === "object" && value !== null && ("useClass" in value || "useExisting" in value)) {
    throw needsArguments(`${what} is TypeOrmModule.forRootAsync options with ${"useClass" in value ? "useClass" : "useExisting"}, built by Nest's injector`, context);
  }
  if (Array.isArray(value)) {
    throw notOptions(`${what} is an array (${value.length} connections?)`, context, "Export one connection's options, or name the export of the one your migrations run with.");
  }
  if (looksLikeOptions(value)) return value as Record<string, unknown>;
  throw notOptions(`${what} is ${describeValue(value)}`, context);
}

/** Runs the user's function: a throw is the user's error, told with the same care as a failing import. */
async function call(run: () => unknown, context: ResolveContext): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    throw loadFailure(error, context.file, context.shown, context.projectDir);
  }
}

function needsArguments(what: string, context: ResolveContext): GateError {
  return new GateError("data-source-export-needs-arguments", `${what}; the gate calls it with none (it runs no Nest application and no ConfigService).`, {
    hint:
      "Export the options from a plain function without parameters, reading process.env directly, e.g. " +
      '`export const typeormOptions = () => ({ type: "postgres", host: process.env.DB_HOST, entities: [...], migrations: [...] })`, ' +
      `call it from your useFactory, and give --data-source ${context.shown}#typeormOptions.`,
  });
}

function notOptions(what: string, context: ResolveContext, hint?: string): GateError {
  return new GateError("data-source-export-unusable", `${what}, not a DataSource, TypeORM options object or function returning one.`, {
    hint: hint ?? `Name an export holding a DataSource, an options object ({ type: "postgres", entities, migrations, ... }) or a function without parameters returning one: --data-source ${context.shown}#<name>.`,
  });
}

// ---------------------------------------------------------------------------------------------

interface Optioned {
  options: Record<string, unknown>;
}

/** A DataSource (0.3, 1.x), or a typeorm 0.2 Connection (no InstanceChecker marker there). */
function isDataSourceOrConnection(value: unknown): value is Optioned {
  if (isDataSource(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v["connect"] === "function" && typeof v["close"] === "function" && typeof v["options"] === "object" && "isConnected" in v && Array.isArray(v["entityMetadatas"]);
}

const OPTION_KEYS = ["type", "entities", "migrations", "url", "host", "database", "synchronize", "namingStrategy", "subscribers"];

function looksLikeOptions(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value) || isDataSourceOrConnection(value)) return false;
  return OPTION_KEYS.some((key) => key in value);
}

function isNestAsyncOptions(value: unknown): value is { useFactory: (...args: unknown[]) => unknown; inject?: unknown[] } {
  return typeof value === "object" && value !== null && typeof (value as { useFactory?: unknown }).useFactory === "function";
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

function isClass(value: unknown): value is abstract new (...args: never[]) => unknown {
  return typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value));
}

function providerName(provider: unknown): string {
  return typeof provider === "function" ? provider.name || "anonymous" : String(provider);
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return `an object without TypeORM options (keys: ${Object.keys(value).slice(0, 6).join(", ") || "none"})`;
  return `a ${typeof value}`;
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

/** A type TypeORM has no driver for: a typo, or an environment variable holding the wrong value. */
function unsupportedType(type: string, file: string, shown: string, error: unknown): GateError {
  const variable = typeVariable(file);
  return new GateError("unsupported-database", `${shown} creates a DataSource of type "${type}"${variable ? ` (read from ${variable.expression})` : ""}, which TypeORM has no driver for.`, {
    hint: variable ? `Set ${variable.name}=postgres for the gate's step: migration-gate checks Postgres projects.` : 'Use type: "postgres": migration-gate checks Postgres projects.',
    cause: error,
  });
}
