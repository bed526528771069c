// One bench sample, in a process of its own so module loading counts: transpile every .ts file
// of a synthetic project with one transpiler, the way the worker does (dist/transformer.js).
// Args: <typescript|oxc-fetch|oxc-wasm> <projectDir> <cacheRoot> [wasmBinding]. Prints JSON.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { locateOxcBinding } from "../src/engine/transpiler.js";

const [mode, dir, cacheRoot, wasm] = process.argv.slice(2) as [string, string, string, string | undefined];
const started = performance.now();
let binding: string | undefined;
if (mode === "oxc-fetch") binding = (await locateOxcBinding({ nodeModules: false, cacheRoot, registry: "https://registry.npmjs.org/" })).binding;
if (mode === "oxc-wasm") binding = wasm;
const located = performance.now();
const transformer = (await import(pathToFileURL(path.resolve(import.meta.dirname, "../../dist/transformer.js")).href)) as typeof import("../src/worker/transformer.js");
const tsconfig = transformer.parseTsconfig(path.join(dir, "tsconfig.json")).info;
const files = (fs.readdirSync(path.join(dir, "src"), { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, "src", f));
const kinds: Record<string, number> = {};
for (const filename of files) {
  const output = transformer.transformModuleWithDependencies({ source: fs.readFileSync(filename, "utf8"), filename, format: "commonjs", tsconfig, ...(binding && { oxcBinding: binding }) });
  kinds[output.transpiler] = (kinds[output.transpiler] ?? 0) + 1;
}
const done = performance.now();
// performance.now() counts from the process's start: Node's own boot is in `processMs`.
process.stdout.write(JSON.stringify({ files: files.length, kinds, locateMs: located - started, transformMs: done - located, processMs: done }) + "\n");
process.exit(0);
