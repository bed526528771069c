// Bundles a TypeScript bench script with esbuild (a dev dependency) and runs it.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
// Inside the repository, so the bundle's imports resolve from its node_modules.
const outfile = path.join(path.dirname(fileURLToPath(import.meta.url)), ".build", `${path.basename(entry, ".ts")}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(outfile).href);
