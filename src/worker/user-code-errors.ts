/**
 * Errors from loading user code that have a cause more precise than "check your options":
 * a native module whose compiled binding does not load, and a driver type read from an
 * environment variable that is not set. Each names what to change.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GateError } from "../engine/errors.js";
import { stackFrames } from "./stack-frames.js";

/** How a native addon that cannot load shows itself, beyond a missing .node file (Node's dlopen, bindings, node-gyp-build). */
const NATIVE_FAILURE = /invalid ELF header|wrong ELF class|NODE_MODULE_VERSION|compiled against a different Node\.js version|not a valid Win32 application|Could not locate the bindings file|No native build was found|ERR_DLOPEN_FAILED/i;

/**
 * A native module (bcrypt, argon2, sharp...) that fails to load: its package, the user file and
 * line that imports it, and to rebuild it. Undefined when `error` is something else.
 */
export function nativeModuleError(error: unknown, projectDir = process.cwd()): GateError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: string }).code;
  const message = error.message;
  const nativeNotFound = code === "MODULE_NOT_FOUND" && /Cannot find module '[^']*\.node'/.test(message);
  if (!nativeNotFound && code !== "ERR_DLOPEN_FAILED" && (code === "MODULE_NOT_FOUND" || !NATIVE_FAILURE.test(message))) return undefined;
  const pkg = packageOf(message, error.stack);
  if (!pkg) return undefined;
  const importer = importerOf(error, pkg, projectDir);
  const where = importer ? ` It is imported at ${path.relative(projectDir, importer.file)}${importer.line ? `:${importer.line}` : ""}.` : "";
  return new GateError("native-module-failed", `The native module ${pkg} failed to load: ${firstLine(message)}.${where}`, {
    hint:
      `Its compiled binding is missing or was built for another platform or Node.js version. Rebuild it where the gate runs (npm rebuild ${pkg}), ` +
      "or install the dependencies on this machine (npm ci) instead of restoring node_modules built elsewhere; with npm ci --ignore-scripts, run npm rebuild afterwards. No database was contacted.",
    cause: error,
  });
}

/**
 * The cause of a user module failing to load, when it is more precise than "check the
 * options": a native module that does not load, or an import nothing resolves.
 */
export function loadErrorCause(error: unknown, projectDir = process.cwd()): GateError | undefined {
  return nativeModuleError(error, projectDir) ?? unbuiltPackageError(error, projectDir) ?? unresolvedImportError(error, projectDir);
}

/**
 * `Cannot find module '/repo/node_modules/isomorphic-lib/dist/index.js'`: the package is there
 * (a workspace package, linked into node_modules) but its entry point is build output nobody has
 * built yet. Installing changes nothing; building it does.
 */
function unbuiltPackageError(error: unknown, projectDir: string): GateError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: string }).code;
  if (code !== "MODULE_NOT_FOUND" && code !== "ERR_MODULE_NOT_FOUND") return undefined;
  const match = /Cannot find (?:module|package) '((?:file:\/\/)?\/[^']*[\\/]node_modules[\\/](@[^\\/]+[\\/])?[^\\/']+)[\\/]([^']+)'/.exec(error.message);
  if (!match) return undefined;
  const packageDir = match[1]!.startsWith("file:") ? fileURLToPath(match[1]!) : match[1]!;
  let manifest: { name?: string; main?: string; scripts?: Record<string, string> };
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as typeof manifest;
  } catch {
    return undefined;
  }
  const name = manifest.name ?? path.basename(packageDir);
  const real = fs.realpathSync(packageDir);
  const workspace = !real.split(path.sep).includes("node_modules");
  const entry = match[3]!;
  const build = manifest.scripts?.["build"] ? `its build script (npm run build -w ${name}, pnpm --filter ${name} build, or yarn workspace ${name} build)` : "its build";
  return new GateError("package-not-built", `${workspace ? "The workspace package" : "The package"} ${name} has no ${entry}: ${workspace ? `it is not built (${path.relative(projectDir, real) || real})` : "its install is incomplete"}.`, {
    hint: workspace
      ? `Build it before the gate runs: ${build}, in the same CI job after the install. Installing again will not help: the file is build output.`
      : `Reinstall the project's dependencies (npm ci). No database was contacted.`,
    cause: error,
  });
}

/** `Cannot find module 'bcrypt'` / `Cannot find package 'bcrypt' imported from ...`: a bare import nothing resolves. */
function unresolvedImportError(error: unknown, projectDir: string): GateError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: string }).code;
  if (code !== "MODULE_NOT_FOUND" && code !== "ERR_MODULE_NOT_FOUND") return undefined;
  const match = /Cannot find (?:module|package) '([^']+)'(?: imported from (\S+))?/.exec(error.message);
  const specifier = match?.[1];
  if (!specifier || /^(\.|\/|[A-Za-z]:|file:)/.test(specifier)) return undefined;
  const pkg = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
  const from = match[2] && (match[2].startsWith("file:") ? fileURLToPath(match[2]) : match[2]);
  const importer = from && !/[\\/]node_modules[\\/]/.test(from) ? { file: from, line: lineImporting(from, pkg) } : importerOf(error, pkg, projectDir);
  const where = importer ? `, imported at ${path.relative(projectDir, importer.file)}${importer.line ? `:${importer.line}` : ""}` : "";
  return new GateError("import-not-found", `Nothing resolves the import "${specifier}"${where}.`, {
    hint:
      `If ${pkg} is a package, install the project's dependencies in working-directory before the gate (npm ci; not --omit=dev when it is a devDependency). ` +
      "If it is a tsconfig paths alias, check compilerOptions.paths and baseUrl in the project's tsconfig.json. No database was contacted.",
    cause: error,
  });
}

/** The package that owns the failing binding: the last node_modules/<name> in the binding's path. */
function packageOf(message: string, stack: string | undefined): string | undefined {
  const paths = [...message.matchAll(/((?:[A-Za-z]:)?[\\/][^\s'"]*node_modules[\\/][^\s'"]+)/g)].map((m) => m[1]!);
  paths.push(...stackFrames(stack).map((frame) => frame.file).filter((file) => /[\\/]node_modules[\\/]/.test(file)));
  for (const file of paths) {
    const parts = file.split(/[\\/]node_modules[\\/]/);
    const last = parts[parts.length - 1]!.split(/[\\/]/);
    const name = last[0]!.startsWith("@") ? `${last[0]}/${last[1]}` : last[0]!;
    // A package the project asked for, not the loader helper that reported the failure.
    if (name && !/^(bindings|node-gyp-build|@mapbox\/node-pre-gyp|node-pre-gyp|prebuild-install)$/.test(name)) return name;
  }
  return undefined;
}

interface Importer {
  file: string;
  line?: number;
}

/** The user's file that imports `pkg`: from the require chain or the stack, else by reading the project's sources. */
function importerOf(error: Error, pkg: string, projectDir: string): Importer | undefined {
  const isUser = (file: string) => !/[\\/]node_modules[\\/]/.test(file) && path.isAbsolute(file) && file.startsWith(projectDir) && fs.existsSync(file);
  const frame = stackFrames(error.stack).find((f) => isUser(f.file));
  const requireStack = ((error as { requireStack?: string[] }).requireStack ?? []).find(isUser);
  const file = requireStack ?? frame?.file;
  if (file) return { file, line: lineImporting(file, pkg) ?? (frame?.file === file ? frame.line : undefined) };
  return findImporter(projectDir, pkg);
}

function importPattern(pkg: string): RegExp {
  const name = pkg.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`(?:from\\s*|require\\s*\\(\\s*|import\\s*\\(\\s*|import\\s+)["'\`]${name}(?:/[^"'\`]*)?["'\`]`);
}

function lineImporting(file: string, pkg: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const match = importPattern(pkg).exec(text);
  return match ? text.slice(0, match.index).split("\n").length : undefined;
}

/** ESM import chains leave no user frame in the stack: look for the import in the project's own sources. */
function findImporter(projectDir: string, pkg: string): Importer | undefined {
  const pattern = importPattern(pkg);
  let budget = 5000;
  const walk = (dir: string): Importer | undefined => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (budget-- <= 0) return undefined;
      if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "dist" || entry.name === "build") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(full);
        if (found) return found;
      } else if (/\.[cm]?[jt]sx?$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        const text = fs.readFileSync(full, "utf8");
        const match = pattern.exec(text);
        if (match) return { file: full, line: text.slice(0, match.index).split("\n").length };
      }
    }
    return undefined;
  };
  return walk(projectDir);
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/\.$/, "");
}

/** `Wrong driver: "undefined" given`: TypeORM's DriverFactory, from a DataSource constructor. */
export function driverTypeFromError(error: unknown): { type: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const match = /Wrong driver: "([^"]*)" given/.exec(error.message);
  return match ? { type: match[1]! } : undefined;
}

/**
 * The `type` of a data source is undefined: say so, and which environment variable the file
 * reads it from when a plain look at its source finds one.
 */
export function undefinedTypeError(file: string | undefined, shown: string, cause?: unknown): GateError {
  const variable = file ? typeVariable(file) : undefined;
  const unset = variable && process.env[variable.name] === undefined;
  const where = variable ? `: it is read from ${variable.expression}${unset ? `, and ${variable.name} is not set` : ""}` : "";
  return new GateError("data-source-type-undefined", `The data source's type is undefined in ${shown}${where}, so TypeORM cannot pick a driver.`, {
    hint: variable
      ? `Set ${variable.name} for the gate's step (${variable.name}=postgres, or env: { ${variable.name}: postgres } in the workflow), the way the app's own environment sets it; or write type: "postgres" in the file. No database was contacted.`
      : 'TypeORM got no type (usually read from an environment variable that is not set where the gate runs): set that variable for the gate\'s step (e.g. DB_TYPE=postgres), or write type: "postgres" in the data source. No database was contacted.',
    cause,
  });
}

export interface TypeVariable {
  /** The environment variable, e.g. DB_TYPE. */
  name: string;
  /** How the file reads it, e.g. process.env.DB_TYPE. */
  expression: string;
}

/** `type: process.env.DB_TYPE`, `type: process.env["DB_TYPE"] as any`, `type: config.get("DB_TYPE")`... in the file's source. */
export function typeVariable(file: string): TypeVariable | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const env = /\btype\s*:\s*(?:\(\s*|<\w+>\s*)*((?:process\.)?env(?:\.([A-Za-z_$][\w$]*)|\[\s*["'`]([^"'`]+)["'`]\s*\]))/.exec(text);
  if (env) return { name: (env[2] ?? env[3])!, expression: env[1]! };
  const config = /\btype\s*:\s*(?:\(\s*)*([\w$.]*\.get(?:OrThrow)?\s*(?:<[^>]*>)?\(\s*["'`]([^"'`]+)["'`])/.exec(text);
  if (config) return { name: config[2]!, expression: `${config[1]!.replace(/\s+/g, "")})` };
  const anyTypeVariable = /process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*["'`]([^"'`]+)["'`]\s*\])/g;
  for (const match of text.matchAll(anyTypeVariable)) {
    const name = (match[1] ?? match[2])!;
    if (/TYPE|DIALECT|DRIVER|ENGINE|CONNECTION$/i.test(name)) return { name, expression: match[0] };
  }
  return undefined;
}
