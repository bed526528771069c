import fs from "node:fs";
import path from "node:path";
import { unusedSuppression } from "../rules/unused-suppression.js";
import { GateError } from "./errors.js";
import { fingerprint, sortFindings } from "./evaluate-rules.js";
import type { Finding } from "./result.js";
import type { RuleSeverity } from "../rules/rule.js";

/** Written into each new entry: the file is a list of accepted problems, each needs a why. */
const REASON_PLACEHOLDER = "accepted when migration-gate was adopted: say why, or fix it and delete this entry";

export interface SuppressionEntry {
  fingerprint: string;
  rule: string;
  object?: string;
  /** Relative to the project folder, forward slashes. */
  file?: string;
  reason: string;
}

export interface SuppressionsOptions {
  /** Absolute path of the suppressions file. */
  file: string;
  projectDir: string;
  /** Write every current finding into the file (`--suppress-all`), then apply it. */
  write: boolean;
  /** The configured severity of unused-suppression. */
  severity?: RuleSeverity;
}

export interface SuppressionsOutcome {
  findings: Finding[];
  /** The file was read (or written): the run is change-scoped. */
  used: boolean;
  /** With write: how many entries the file now has. */
  written?: number;
}

/**
 * ESLint-style bulk suppressions for runs with no base revision (a first adoption, the staging
 * pre-step): findings whose fingerprint the file lists count as not introduced, so only new
 * problems fail. An entry that no longer matches anything is reported (unused-suppression),
 * so the file only ever shrinks. Entries hold no line numbers: fingerprints do not change when
 * the code above a finding moves.
 */
export function applySuppressions(findings: readonly Finding[], options: SuppressionsOptions): SuppressionsOutcome {
  if (options.write) {
    const previous = fs.existsSync(options.file) ? readSuppressions(options.file) : [];
    const written = writeSuppressions(options.file, findings, { projectDir: options.projectDir, previous });
    return { findings: findings.map((f) => ({ ...f, introduced: false, suppressed: true })), used: true, written };
  }
  if (!fs.existsSync(options.file)) return { findings: [...findings], used: false };
  const entries = readSuppressions(options.file);
  const listed = new Set(entries.map((e) => e.fingerprint));
  const present = new Set(findings.map((f) => f.fingerprint));
  const marked = findings.map((f) => (listed.has(f.fingerprint) ? { ...f, introduced: false, suppressed: true } : f));
  const severity = options.severity ?? unusedSuppression.defaultSeverity;
  if (severity === "off") return { findings: marked, used: true };
  const text = fs.readFileSync(options.file, "utf8");
  const stale: Finding[] = entries
    .filter((e) => !present.has(e.fingerprint))
    .map((entry) => ({
      ruleId: unusedSuppression.id,
      severity,
      message: `The suppression of ${entry.rule}${entry.object ? ` on ${entry.object}` : ""} (${entry.fingerprint}) matches no finding any more.`,
      hint: `The problem is gone: delete this entry from ${path.basename(options.file)} (or run migration-gate check --suppress-all again to rewrite the file).`,
      location: { file: options.file, line: lineOf(text, entry.fingerprint) },
      fingerprint: fingerprint(unusedSuppression.id, entry.fingerprint),
    }));
  return { findings: sortFindings([...marked, ...stale]), used: true };
}

export function readSuppressions(file: string): SuppressionEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new GateError("invalid-suppressions", `${file} is not valid JSON: ${(error as Error).message}`, {
      hint: "Fix the file by hand, or delete it and run migration-gate check --suppress-all to write it again.",
      cause: error,
    });
  }
  const list = (parsed as { suppressions?: unknown }).suppressions;
  if (!Array.isArray(list) || list.some((e) => typeof (e as SuppressionEntry)?.fingerprint !== "string" || typeof (e as SuppressionEntry)?.rule !== "string")) {
    throw new GateError("invalid-suppressions", `${file} must be {"suppressions": [{"fingerprint", "rule", "object", "file", "reason"}, ...]}: an entry lacks its fingerprint or rule.`, {
      hint: "Fix the entry, or delete the file and run migration-gate check --suppress-all to write it again.",
    });
  }
  return list as SuppressionEntry[];
}

/** One entry per finding, sorted, keeping the reasons already written for the same fingerprint. */
function writeSuppressions(file: string, findings: readonly Finding[], { projectDir, previous }: { projectDir: string; previous: SuppressionEntry[] }): number {
  const reasons = new Map(previous.map((e) => [e.fingerprint, e.reason]));
  const entries = new Map<string, SuppressionEntry>();
  // Config hygiene is not a problem to accept.
  for (const f of findings.filter((f) => f.ruleId !== unusedSuppression.id && f.ruleId !== "unused-ignore")) {
    entries.set(f.fingerprint, {
      fingerprint: f.fingerprint,
      rule: f.ruleId,
      ...(f.object && { object: f.object }),
      ...(f.location && { file: path.relative(projectDir, f.location.file).split(path.sep).join("/") }),
      reason: reasons.get(f.fingerprint) ?? REASON_PLACEHOLDER,
    });
  }
  const sorted = [...entries.values()].sort((a, b) => a.rule.localeCompare(b.rule) || (a.object ?? "").localeCompare(b.object ?? "") || a.fingerprint.localeCompare(b.fingerprint));
  const content = {
    $comment: "Findings migration-gate accepts as they are (written by migration-gate check --suppress-all). They do not fail the check; new ones do. Delete an entry when its problem is fixed; the gate reports entries that match nothing.",
    suppressions: sorted,
  };
  fs.writeFileSync(file, JSON.stringify(content, null, 2) + "\n");
  return sorted.length;
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index < 0 ? 1 : text.slice(0, index).split("\n").length;
}
