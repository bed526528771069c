import type { FixResult } from "../engine/fix/run-fix.js";
import { countBySeverity } from "../engine/result.js";
import { displayPath } from "./paths.js";
import { describeRegistration } from "./fix-text.js";

/**
 * The suggested fix for the job summary and the sticky comment: collapsed, one block per file,
 * with how it was verified and how to apply it. Files that do not fit `maxBytes` are named, not
 * shown: the patch file (fix-patch output) always has them all.
 */
export function formatFixMarkdown(fix: FixResult, { baseDir, maxBytes }: { baseDir: string; maxBytes: number }): string {
  if (fix.files.length === 0) return "";
  const counts = fix.recheck ? countBySeverity(fix.recheck.findings) : undefined;
  const verified = counts ? (counts.error + counts.warning === 0 ? "re-checked with them in place: 0 findings left" : `re-checked with them in place: ${counts.error} error(s), ${counts.warning} warning(s) left`) : "not re-checked";
  const head = [`<details><summary>Suggested fix: ${fix.files.length} new migration(s), ${verified}</summary>`, "", "Written by `migration-gate fix` (run it locally to write them; `--dry-run` to print them). The step's `fix-patch` output is a patch of them for `git apply`.", ""];
  const tail = ["</details>", ""];
  const parts: string[] = [];
  let used = Buffer.byteLength([...head, ...tail].join("\n"));
  const left: string[] = [];
  for (const file of fix.files) {
    const name = displayPath(file.path, baseDir);
    const why = file.group?.before ? ` (sorts before ${file.group.before.name}, which needs it)` : "";
    const block = [`**${name}**${why}`, "", "```" + (/\.[cm]?ts$/.test(file.path) ? "ts" : /\.sql$/.test(file.path) ? "sql" : "js"), file.content.trimEnd(), "```", ""].join("\n");
    if (used + Buffer.byteLength(block) > maxBytes) {
      left.push(name);
      continue;
    }
    used += Buffer.byteLength(block);
    parts.push(block);
  }
  if (left.length) parts.push(`Not shown (too long here; in the patch): ${left.join(", ")}`, "");
  if (fix.register?.length) parts.push(`The data source lists its migration classes: register each new one (${fix.register.map((r) => describeRegistration(r, baseDir)).join("; ")}).`, "");
  if (fix.unfixed.length) parts.push(`No migration closes ${fix.unfixed.length} finding(s): ${fix.unfixed.map((u) => `${u.finding.ruleId} (${u.why})`).join("; ")}.`, "");
  return [...head, ...parts, ...tail].join("\n");
}
