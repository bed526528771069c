/**
 * Everything that needs TypeScript, as its own entry point (dist/transformer.js): the worker
 * loads it only when a file is not in the transform cache, so a warm run never pays for
 * loading the 14 MB compiler.
 */
export { transformModule, transformModuleWithDependencies } from "./transform.js";
export { parseTsconfig } from "./tsconfig.js";
