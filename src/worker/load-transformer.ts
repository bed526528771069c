import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

type Transformer = typeof import("./transformer.js");

let transformer: Transformer | undefined;

/**
 * The TypeScript-based transformer, loaded on first need. Synchronous, because CommonJS
 * require hooks are: dist/transformer.js is ESM without top-level await, which require()
 * loads on Node 20.19+ and 22.12+.
 */
export function loadTransformer(): Transformer {
  transformer ??= createRequire(import.meta.url)(fileURLToPath(new URL("./transformer.js", import.meta.url))) as Transformer;
  return transformer;
}
