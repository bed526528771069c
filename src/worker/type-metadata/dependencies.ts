import crypto from "node:crypto";
import fs from "node:fs";
import type { TsconfigInfo } from "../tsconfig-info.js";
import { resolveTypeImport } from "./resolve-import.js";

/**
 * What a transformed file's decorator metadata read from other files: every import it
 * resolved (with the file it found, "" for none) and every file it parsed, by content hash.
 * The transform cache stores this next to the output and serves the output only while all
 * of it still holds, so an edited enum (or a barrel now pointing elsewhere) cannot leave a
 * stale String/Object behind. No TypeScript here: the check runs on warm runs too.
 */
export interface MetadataDependencies {
  resolutions: Array<[fromFile: string, specifier: string, resolved: string]>;
  files: Array<[file: string, sha1: string]>;
}

export const NO_DEPENDENCIES: MetadataDependencies = { resolutions: [], files: [] };

export function contentHash(text: string): string {
  return crypto.createHash("sha1").update(text).digest("hex");
}

/** Files do not change during a run: each is hashed once per process, however many files import it. */
const hashes = new Map<string, string | undefined>();

function currentHash(file: string): string | undefined {
  if (!hashes.has(file)) {
    let hash: string | undefined;
    try {
      hash = contentHash(fs.readFileSync(file, "utf8"));
    } catch {
      hash = undefined;
    }
    hashes.set(file, hash);
  }
  return hashes.get(file);
}

export function dependenciesUnchanged(dependencies: MetadataDependencies, tsconfig: TsconfigInfo): boolean {
  for (const [fromFile, specifier, resolved] of dependencies.resolutions) {
    if ((resolveTypeImport(specifier, fromFile, tsconfig) ?? "") !== resolved) return false;
  }
  return dependencies.files.every(([file, hash]) => currentHash(file) === hash);
}
