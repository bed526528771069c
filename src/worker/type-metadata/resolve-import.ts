import fs from "node:fs";
import path from "node:path";
import { isUserSource } from "../module-scope.js";
import { isRelativeOrAbsolute, probeSourceFile, resolveTsconfigPath } from "../resolve-paths.js";
import type { TsconfigInfo } from "../tsconfig-info.js";

/**
 * The TypeScript file an import of a user file names, for reading its declarations: the same
 * resolution our loaders use (relative paths, `./x.js` meaning `./x.ts`, tsconfig `paths` and
 * `baseUrl` for the user's own imports), except that a TypeScript source wins over a built .js
 * next to it, as it does for tsc's type resolution. Packages are not followed (undefined):
 * their types come from .d.ts files we do not read, and their runtime fallback stays as it is.
 *
 * No TypeScript here: the transform cache calls this on warm runs to check that every import
 * a cached output depended on still resolves to the same file.
 */
export function resolveTypeImport(specifier: string, fromFile: string, tsconfig: TsconfigInfo): string | undefined {
  let found: string | undefined;
  if (isRelativeOrAbsolute(specifier)) found = probeTypeSource(path.resolve(path.dirname(fromFile), specifier));
  else if (isUserSource(fromFile) && !specifier.includes(":")) found = resolveTsconfigPath(specifier, tsconfig, fromFile);
  if (!found || !isUserSource(found) || !TYPE_SOURCE.test(found)) return undefined;
  return found;
}

const TYPE_SOURCE = /\.(?:[cm]?ts|tsx)$/;
const SOURCE_FOR_OUTPUT: Record<string, string[]> = { ".js": [".ts", ".tsx", ".d.ts"], ".mjs": [".mts", ".d.mts"], ".cjs": [".cts", ".d.cts"], ".jsx": [".tsx"] };

function probeTypeSource(base: string): string | undefined {
  const ext = path.extname(base);
  for (const sourceExt of SOURCE_FOR_OUTPUT[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + sourceExt;
    if (isFile(candidate)) return candidate;
  }
  const probed = probeSourceFile(base);
  if (probed && TYPE_SOURCE.test(probed)) return probed;
  // Declarations-only modules (`./types` next to a types.d.ts) hold enums and aliases too.
  for (const declarationExt of [".d.ts", "/index.d.ts"]) {
    if (isFile(base + declarationExt)) return base + declarationExt;
  }
  return probed;
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}
