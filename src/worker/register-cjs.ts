import fs from "node:fs";
import Module from "node:module";
import path from "node:path";
import { isUserSource, packageScope } from "./module-scope.js";
import { isRelativeOrAbsolute, probeSourceFile, resolveTsconfigPath } from "./resolve-paths.js";
import { withoutSourceMapComment } from "./source-map-comment.js";
import { cachedTransform } from "./transform-cache.js";
import type { TransformSettings } from "./transform-settings.js";

interface CjsModule {
  _compile(code: string, filename: string, ...rest: unknown[]): void;
}
type ExtensionHandler = (module: CjsModule, filename: string) => void;
type ResolveFilename = (request: string, parent: { filename?: string | null } | undefined, isMain: boolean, options?: unknown) => string;

const internals = Module as unknown as {
  _extensions: Record<string, ExtensionHandler>;
  _resolveFilename: ResolveFilename;
};

/**
 * CommonJS side of our loader: `require()` of .ts files (TypeORM requires entity and migration
 * files in CommonJS projects), tsconfig `paths`, `./x.js` meaning `./x.ts`, and source sites
 * for the user's plain .js files. Replaces whatever .ts handler Node has (type stripping
 * cannot run decorators).
 */
export function installCommonJsHooks({ tsconfig, cacheDir, oxcBinding }: TransformSettings): void {
  // TypeScript is transpiled; the user's own .js only gets its source sites. One transform does both.
  const compileTransformed: ExtensionHandler = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    module._compile(cachedTransform({ source, filename, format: "commonjs", tsconfig, ...(oxcBinding && { oxcBinding }) }, cacheDir), filename);
  };
  for (const ext of [".ts", ".tsx", ".cts"]) internals._extensions[ext] = compileTransformed;

  const loadJs = internals._extensions[".js"]!;
  internals._extensions[".js"] = (module, filename) => {
    const userSource = isUserSource(filename);
    if (userSource && packageScope(filename) === "commonjs") return compileTransformed(module, filename);
    if (!userSource) compileWithoutSourceMap(module);
    loadJs(module, filename);
  };

  const resolveFilename = internals._resolveFilename;
  internals._resolveFilename = function (request, parent, isMain, options) {
    // tsconfig resolution applies to the user's own imports, never to a dependency's.
    if (!isRelativeOrAbsolute(request) && parent?.filename && isUserSource(parent.filename)) {
      const mapped = resolveTsconfigPath(request, tsconfig, parent.filename);
      if (mapped) return mapped;
    }
    try {
      return resolveFilename.call(this, request, parent, isMain, options);
    } catch (error) {
      const parentFile = parent?.filename;
      if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" && parentFile && isRelativeOrAbsolute(request)) {
        const probed = probeSourceFile(path.resolve(path.dirname(parentFile), request));
        if (probed) return probed;
      }
      throw error;
    }
  };
}

/**
 * The worker enables Node's source maps so that stack frames in the user's code name their
 * TypeScript lines. Node then reads and parses the source map of every module that names one,
 * dependencies included: TypeORM's 490 modules each name a .js.map file, which cost about
 * 0.09 s a run (reading the maps and measuring every line of every module). No report names a
 * line inside a dependency, so a dependency is compiled without its `sourceMappingURL` comment
 * and its frames keep their .js lines. Its code and line numbers are unchanged: only the
 * trailing comment goes.
 */
function compileWithoutSourceMap(module: CjsModule): void {
  const compile = module._compile;
  module._compile = function (code, ...rest) {
    delete (this as Partial<CjsModule>)._compile;
    return compile.call(this, withoutSourceMapComment(code), ...rest);
  };
}
