/**
 * oxc has no CommonJS output, but its module-runner transform (Vite's SSR format) rewrites
 * every import into a property read of a module object (`__vite_ssr_import_1__.Author`),
 * which is how tsc's CommonJS output keeps imports live (`author_1.Author`), and every export
 * into a getter on the exports object. Three line-preserving edits make it CommonJS:
 * - its imports are awaited (`await __vite_ssr_import__(...)`); ours are a synchronous require;
 * - an export getter of a binding not initialized yet throws (a class in its temporal dead
 *   zone, read by a circular import between entities): tsc's output reads undefined there, so
 *   the getter does too;
 * the rest (`__vite_ssr_exports__`, the import helpers) is defined by the prelude
 * (oxc-runtime.ts). The output is oxc's own codegen, so these patterns are exact.
 */
export function commonJsFromRunner(code: string): string {
  return code
    .replace(/\bawait __vite_ssr_import__\(/g, "__vite_ssr_import__(")
    .replace(/^(Object\.defineProperty\(__vite_ssr_exports__, "(?:[^"\\\n]|\\.)*", \{\n\tenumerable: true,\n\tconfigurable: true,\n\tget\(\) \{\n\t\t)return ([^\n]*);$/gm, "$1try { return $2; } catch { return undefined; }");
}

/**
 * tsc -p serializes an imported class bare; oxc guards it (`typeof X === "undefined" ? Object :
 * X`), which differs while the class is not defined yet (see type-metadata/class-guards.ts).
 * Only in CommonJS and only inside metadata calls, for names the resolver knows are classes.
 */
export function unwrapClassGuards(code: string, isImportedClass: (dotted: string) => boolean): string {
  return code.replace(/^.*decorateMetadata\(.*$/gm, (line) =>
    line.replace(/typeof ([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*) === "undefined" \? Object : \1(?![\w$.])/g, (guard, name: string) => (isImportedClass(name) ? name : guard)),
  );
}
