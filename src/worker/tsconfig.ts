import path from "node:path";
import { ts } from "ts-morph";

/** What we take from the project's tsconfig. Plain data: it is passed to the ESM hooks thread. */
export interface TsconfigInfo {
  file?: string;
  compilerOptions: ts.CompilerOptions;
  paths?: { baseDir: string; patterns: Record<string, string[]> };
  /** Non-relative imports resolve from here first (NestJS projects import "src/..."). */
  baseUrl?: string;
}

/**
 * Reads the project's tsconfig (following `extends`) with our own TypeScript, so the
 * project's TypeScript version (7.x has no JS API) or its absence does not matter.
 */
export function readTsconfig(projectDir: string): TsconfigInfo {
  const file = ts.findConfigFile(projectDir, ts.sys.fileExists, "tsconfig.json");
  if (!file) return { compilerOptions: {} };
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error || !read.config) return { file, compilerOptions: {} };
  // Diagnostics (deprecated options and the like) do not stop transpiling, so they are ignored.
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file);
  const options = parsed.options;
  const paths = options.paths
    ? {
        baseDir: (options.baseUrl as string | undefined) ?? (options.pathsBasePath as string | undefined) ?? path.dirname(file),
        patterns: options.paths,
      }
    : undefined;
  return { file, compilerOptions: toPlain(options), paths, baseUrl: options.baseUrl as string | undefined };
}

function toPlain(options: ts.CompilerOptions): ts.CompilerOptions {
  const plain: ts.CompilerOptions = {};
  for (const [key, value] of Object.entries(options)) {
    if (["number", "string", "boolean"].includes(typeof value)) plain[key] = value as never;
  }
  return plain;
}
