import fs from "node:fs";
import path from "node:path";
import type { TsconfigInfo } from "../tsconfig-info.js";

const majors = new Map<string, number>();

/**
 * Whether the project compiles with strictNullChecks, which changes decorator metadata:
 * with it, tsc writes Object for `string | null`; without it, String. The tsconfig decides
 * when it says (strictNullChecks, else strict). When it says nothing, the default is the
 * project's own TypeScript's: off up to 5.x, on from 6.0 (our bundled compiler is 6.x, so
 * leaving it unset would silently turn it on for every 5.x project). No TypeScript found:
 * the 5.x default, what most projects build with.
 *
 * No TypeScript import here: the transform cache needs the answer for its key on warm runs.
 */
export function strictNullChecksFor(tsconfig: TsconfigInfo): boolean {
  const options = tsconfig.compilerOptions;
  if (typeof options.strictNullChecks === "boolean") return options.strictNullChecks;
  if (typeof options.strict === "boolean") return options.strict;
  return projectTypescriptMajor(tsconfig.file ? path.dirname(tsconfig.file) : process.cwd()) >= 6;
}

function projectTypescriptMajor(from: string): number {
  let major = majors.get(from);
  if (major !== undefined) return major;
  major = 0;
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "node_modules", "typescript", "package.json"), "utf8")) as { version?: string };
      major = Number.parseInt(pkg.version ?? "0", 10) || 0;
      break;
    } catch {
      // Not installed here: look further up (workspaces hoist it).
    }
    if (path.dirname(dir) === dir) break;
  }
  majors.set(from, major);
  return major;
}
