import path from "node:path";
import { ts } from "./typescript.js";

import type { TsconfigInfo } from "./tsconfig-info.js";

export interface ParsedTsconfig {
  info: TsconfigInfo;
  /** The tsconfig and every file it extends: the cache is valid while none of them changes. */
  inputs: string[];
}

/**
 * Parses the project's tsconfig (following `extends`) with our own TypeScript, so the
 * project's TypeScript version (7.x has no JS API) or its absence does not matter.
 */
export function parseTsconfig(file: string): ParsedTsconfig {
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error || !read.config) return { info: { file, compilerOptions: {} }, inputs: [file] };
  const extended = new Map<string, ts.ExtendedConfigCacheEntry>();
  // Diagnostics (deprecated options and the like) do not stop transpiling, so they are ignored.
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file, undefined, undefined, extended);
  const options = parsed.options;
  const paths = options.paths
    ? {
        baseDir: (options.baseUrl as string | undefined) ?? (options.pathsBasePath as string | undefined) ?? path.dirname(file),
        patterns: options.paths,
      }
    : undefined;
  return {
    info: { file, compilerOptions: toPlain(options), paths, baseUrl: options.baseUrl as string | undefined },
    inputs: [file, ...[...extended.keys()].filter((p) => path.isAbsolute(p))],
  };
}

function toPlain(options: ts.CompilerOptions): ts.CompilerOptions {
  const plain: ts.CompilerOptions = {};
  for (const [key, value] of Object.entries(options)) {
    if (["number", "string", "boolean"].includes(typeof value)) plain[key] = value as never;
  }
  return plain;
}
