/**
 * Child-process probe for the decorator-metadata parity test (bundled by it with esbuild, run
 * with node, cwd = the project). Loads a project's modules either as tsc -p compiled them
 * ("tsc": the compiled .js files) or through our own loader ("ours": the worker's real
 * installTransformHooks, with dist/esm-hooks.js, transpiling with dist/transformer.js), then
 * prints the design:type / design:paramtypes / design:returntype of every listed member.
 */
import "reflect-metadata";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { installTransformHooks, type InstalledHooks } from "../../src/worker/install-hooks.js";
import { readTsconfig } from "../../src/worker/read-tsconfig.js";
import { transformCacheDir } from "../../src/worker/transform-cache.js";

export interface ProbeClass {
  name: string;
  /** A decorated class: tsc writes design:paramtypes for its constructor. */
  decorated: boolean;
  members: Array<{ name: string; isStatic: boolean }>;
}
export interface ProbeRequest {
  mode: "tsc" | "ours";
  esm: boolean;
  projectDir: string;
  /** The file to load, and the classes in it, by the source file they come from. */
  modules: Array<{ source: string; load: string; classes: ProbeClass[] }>;
  /** "ours" through oxc (this binding) instead of TypeScript. */
  oxcBinding?: string;
}

const GLOBALS = new Set<unknown>([String, Number, Boolean, Object, Array, Function, Promise, Date, Symbol, BigInt, Map, Set, RegExp, Error, Buffer]);

function describe(value: unknown): unknown {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return value.map(describe);
  if (typeof value === "function") return GLOBALS.has(value) ? value.name : `class ${value.name}`;
  return typeof value;
}

const METADATA_KEYS = ["design:type", "design:paramtypes", "design:returntype"] as const;

function read(target: object, member?: string): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const key of METADATA_KEYS) {
    const has = member === undefined ? Reflect.hasOwnMetadata(key, target) : Reflect.hasOwnMetadata(key, target, member);
    if (has) found[key] = describe(member === undefined ? Reflect.getOwnMetadata(key, target) : Reflect.getOwnMetadata(key, target, member));
  }
  return found;
}

let hooks: InstalledHooks | undefined;

async function main(): Promise<void> {
  const request = JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as ProbeRequest;
  if (request.mode === "ours") {
    process.setSourceMapsEnabled(true);
    const cacheDir = process.env["MIGRATION_GATE_TRANSFORM_CACHE"] === "on" ? transformCacheDir(request.projectDir) : undefined;
    const tsconfig = readTsconfig(request.projectDir, cacheDir);
    const settings = { tsconfig, cacheDir, ...(request.oxcBinding && { oxcBinding: request.oxcBinding }) };
    hooks = installTransformHooks(settings, { esm: request.esm });
  }
  const requireFrom = createRequire(path.join(request.projectDir, "package.json"));
  const result: Record<string, Record<string, unknown>> = {};
  for (const module of request.modules) {
    const exports = (request.esm ? await import(pathToFileURL(module.load).href) : requireFrom(module.load)) as Record<string, unknown>;
    for (const klass of module.classes) {
      const ctor = exports[klass.name] as (new (...args: never[]) => unknown) | undefined;
      const prefix = `${module.source}#${klass.name}`;
      if (typeof ctor !== "function") {
        result[prefix] = { missing: true };
        continue;
      }
      if (klass.decorated) result[`${prefix}.constructor`] = read(ctor);
      for (const member of klass.members) {
        result[`${prefix}.${member.isStatic ? "static " : ""}${member.name}`] = read(member.isStatic ? ctor : ctor.prototype as object, member.name);
      }
    }
  }
  // As the worker does before its last message: the cache tests read what was written.
  await hooks?.flush();
  process.stdout.write(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
