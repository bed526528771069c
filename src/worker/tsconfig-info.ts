import type { ts } from "./typescript.js";

/** What we take from the project's tsconfig. Plain data: it is passed to the ESM hooks thread. */
export interface TsconfigInfo {
  file?: string;
  compilerOptions: ts.CompilerOptions;
  paths?: { baseDir: string; patterns: Record<string, string[]> };
  /** Non-relative imports resolve from here first (NestJS projects import "src/..."). */
  baseUrl?: string;
}
