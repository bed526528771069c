import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { cacheRoot } from "../postgres/embedded-binaries.js";
import type { TranspilerChoice } from "../worker/protocol.js";
import { GateError } from "./errors.js";
import { fetchFileFromTarball } from "./npm-tarball.js";

/** Must equal package.json's oxc-transform pin (a test checks it). */
export const OXC_VERSION = "0.151.0";

/** The registry's integrity for each platform package of OXC_VERSION (`npm view @oxc-transform/binding-<triple>@<version> dist.integrity`). */
const INTEGRITY: Record<string, string> = {
  "linux-x64-gnu": "sha512-kSpZQsSFo4hkRBV7UoFM8Z9myaFdZBzgy2gYAdgvi+fgGs+rOmszKXThexRhQaWuT/EqbOBl827vuNqH01iYhg==",
  "linux-x64-musl": "sha512-ZcQR7vRz0zm6xv1SfBbz0PPTk25hYZMS0oXqkf9iPMuT5e20j6oln2vIu995cL1JxASveoNC/MS13Xi6y2TUyQ==",
  "linux-arm64-gnu": "sha512-rzeAm2yFgKlBO17T8yKDidBxhS4DAEs5leSiV9z/MWtLCWR3uQ8GgU6//+ShnYsmwDs30PDqIb3ooN2UV8OXHQ==",
  "linux-arm64-musl": "sha512-glSrxOeppK1iVNMkKGiQS0BEHU+zqTPgtAzrjrkvadRZWz8myrLZr/2r9rsKjVClL8Sl9xhQryTfXBTDRiYciA==",
  "darwin-arm64": "sha512-wE7pEwtrYh9uw7f8R8Ek8Scj7Di27O+cXL2Mf/CnlKTprOGHycfAvA4O6/D4I56N8tQHOmMoDTyz32BJOrEw8w==",
  "darwin-x64": "sha512-AnvMXrSZwf3rwEfXZRVrwdzQs7i2KYuaut7H02+B6UQqDgLADOL5EJrzygi5BZ7nwAPnW7Q6nVBkIfc4Rty+rA==",
  "win32-x64-msvc": "sha512-BAr4gWwIPk9EWMFxOKkfinCOlOfiZYQBBuKTNgWVSqG5MYP6w4dxolvrWvqmsIlb47OTD/ZHNvWSycvq2AYHJQ==",
  "win32-arm64-msvc": "sha512-rjkojVlTmBd1oNXmCf6aCwkSdhzmLmNseZOXo5batX967yje5YZHb8w6JzZ9uLxxpTe33iV6KRtr4PUU8lSrGg==",
};

const FETCH_TIMEOUT_MS = 30_000;

export type TranspilerSetting = "auto" | "oxc" | "typescript";

let chosen: Promise<TranspilerChoice> | undefined;

/**
 * The transpiler for the project's TypeScript, chosen once per process and said in the log:
 * oxc-transform's native binding when it can be had (about a hundredth of TypeScript's time
 * per file), from our own node_modules (a CLI install), the per-machine cache, or the npm
 * registry (the action runs from dist/, with no node_modules: the platform package, about
 * 1.8 MB, is fetched once per machine, like the embedded Postgres). TypeScript otherwise.
 * MIGRATION_GATE_TRANSPILER=typescript|oxc forces one (oxc: an error if it cannot be had).
 */
export function chooseTranspiler(log: (line: string) => void): Promise<TranspilerChoice> {
  chosen ??= choose(log);
  return chosen;
}

async function choose(log: (line: string) => void): Promise<TranspilerChoice> {
  const setting = (process.env["MIGRATION_GATE_TRANSPILER"] ?? "auto") as TranspilerSetting;
  if (setting === "typescript") {
    log("Transpiler: TypeScript (MIGRATION_GATE_TRANSPILER=typescript)");
    return { kind: "typescript" };
  }
  try {
    const { binding, from } = await locateOxcBinding({ nodeModules: true, cacheRoot: cacheRoot(), registry: npmRegistry() });
    verify(binding);
    log(`Transpiler: oxc-transform ${OXC_VERSION} (${from})`);
    return { kind: "oxc", binding };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (setting === "oxc") {
      throw new GateError("transpiler-unavailable", `MIGRATION_GATE_TRANSPILER=oxc, but oxc-transform ${OXC_VERSION} cannot be loaded here: ${reason}`, {
        hint: "Unset MIGRATION_GATE_TRANSPILER (TypeScript then transpiles, slower), or let the gate reach the npm registry once (the binding is cached per machine).",
      });
    }
    log(`Transpiler: TypeScript (oxc-transform ${OXC_VERSION} unavailable: ${reason}; the run is correct, only slower)`);
    return { kind: "typescript" };
  }
}

export interface LocateOptions {
  /** Look in our own node_modules first (a CLI install); false as in the action's dist/. */
  nodeModules: boolean;
  cacheRoot: string;
  /** Where platform packages are fetched from, ending in "/". */
  registry: string;
}

/** The native binding's file, and where it came from (for the log); throws when it cannot be had. */
export async function locateOxcBinding(options: LocateOptions): Promise<{ binding: string; from: string }> {
  const triple = platformTriple();
  if (!triple) throw new Error(`no oxc-transform build for ${process.platform}-${process.arch}`);
  const file = `transform.${triple}.node`;
  const pkg = `@oxc-transform/binding-${triple}`;
  const installed = options.nodeModules ? installedBinding(pkg, file) : undefined;
  if (installed) return { binding: installed, from: "native, from node_modules" };
  const cached = path.join(options.cacheRoot, `oxc-transform-${OXC_VERSION}`, file);
  if (fs.existsSync(cached)) return { binding: cached, from: `native, cached in ${path.dirname(cached)}` };
  const integrity = INTEGRITY[triple];
  if (!integrity) throw new Error(`no pinned integrity for ${pkg}`);
  const started = Date.now();
  const url = `${options.registry}${pkg}/-/binding-${triple}-${OXC_VERSION}.tgz`;
  const body = await fetchFileFromTarball({ url, integrity, file: `package/${file}`, timeoutMs: FETCH_TIMEOUT_MS });
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  const staging = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(staging, body);
  fs.renameSync(staging, cached);
  return { binding: cached, from: `native, fetched from the npm registry into ${path.dirname(cached)} in ${((Date.now() - started) / 1000).toFixed(2)} s, once per machine` };
}

/** npm's own setting when the gate runs under npm (npx, npm run), else the public registry. */
function npmRegistry(): string {
  return (process.env["npm_config_registry"] ?? process.env["NPM_CONFIG_REGISTRY"] ?? "https://registry.npmjs.org/").replace(/\/?$/, "/");
}

function installedBinding(pkg: string, file: string): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
    const version = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version?: string }).version;
    const binding = path.join(path.dirname(manifest), file);
    return version === OXC_VERSION && fs.existsSync(binding) ? binding : undefined;
  } catch {
    return undefined;
  }
}

/** Loads it here first: a binding that cannot load (another libc, a torn file) falls back before any worker relies on it. */
function verify(binding: string): void {
  const oxc = createRequire(import.meta.url)(binding) as { transformSync(f: string, s: string, o: object): { code: string; errors: unknown[] } };
  const probe = oxc.transformSync("probe.ts", "@d() class A { @p() x: string; }", { lang: "ts", decorator: { legacy: true, emitDecoratorMetadata: true } });
  if (!probe.code.includes('"design:type", String')) throw new Error(`${binding} did not transform a probe file as expected`);
}

function platformTriple(): string | undefined {
  const { platform, arch } = process;
  if (platform === "linux" && (arch === "x64" || arch === "arm64")) return `linux-${arch}-${isMusl() ? "musl" : "gnu"}`;
  if (platform === "darwin" && (arch === "x64" || arch === "arm64")) return `darwin-${arch}`;
  if (platform === "win32" && (arch === "x64" || arch === "arm64")) return `win32-${arch}-msvc`;
  return undefined;
}

function isMusl(): boolean {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return !header?.glibcVersionRuntime;
}
