import { readable } from "./readable.js";
import type { GateResult, Severity } from "../engine/result.js";
import { displayPath } from "./paths.js";
import { splitByChange } from "./change-split.js";

export interface Annotation {
  level: Severity;
  title: string;
  message: string;
  /** Repository-relative, as GitHub needs it to place the annotation on the diff. */
  file?: string;
  line?: number;
}

/** What GitHub shows of workflow-command annotations per step; the rest vanish without a word. */
export const STEP_ANNOTATION_LIMITS: Readonly<Record<Severity, number>> = { error: 10, warning: 10, notice: 10 };

/** One annotation per finding, located at the entity or migration line. */
export function toAnnotations(given: GateResult, { baseDir }: { baseDir: string }): Annotation[] {
  const result = readable(given, baseDir);
  const { existing, where } = splitByChange(result);
  const old = new Set(existing);
  // What the base already had is shown, as a notice: it is not this change's, and does not fail it.
  return result.findings.map((f) => ({
    level: old.has(f) ? "notice" : f.severity,
    title: old.has(f) ? `migration-gate: ${f.ruleId} (already ${where})` : `migration-gate: ${f.ruleId}`,
    message: [f.message, f.detail && `Statement: ${f.detail}`, f.hint && `Fix: ${f.hint}`].filter(Boolean).join("\n"),
    file: f.location && displayPath(f.location.file, baseDir),
    line: f.location?.line,
  }));
}

export interface AnnotationPlanOptions {
  baseDir: string;
  /** Repository-relative paths the pull request changes: their findings go first. */
  changedFiles?: ReadonlySet<string>;
  limits?: Readonly<Record<Severity, number>>;
  /** Error annotations the step emits itself (its failure message): they count against the cap. */
  reservedErrors?: number;
}

export interface AnnotationPlan {
  shown: Annotation[];
  /** How many findings got no annotation, by severity. */
  hidden: Record<Severity, number>;
  /** Says how many more there are and where: it takes one of the notice slots. */
  overflowNotice?: Annotation;
}

/**
 * The workflow-command annotations to emit within GitHub's per-step limits: findings in files
 * the PR changed first (that is where the reviewer looks), then the rest in report order, and
 * one notice for what did not fit, so nothing is dropped silently.
 */
export function planAnnotations(result: GateResult, options: AnnotationPlanOptions): AnnotationPlan {
  const limits = options.limits ?? STEP_ANNOTATION_LIMITS;
  const changed = options.changedFiles ?? new Set<string>();
  const all = toAnnotations(result, options);
  // Causes before what follows from them, then files the PR changed first.
  const consequence = new Set(result.findings.flatMap((f, i) => (f.causedBy ? [all[i]!] : [])));
  const existing = new Set(splitByChange(result).existing.map((f) => all[result.findings.indexOf(f)]!));
  const rank = (a: Annotation) => (existing.has(a) ? 4 : 0) + (consequence.has(a) ? 2 : 0) + (a.file && changed.has(a.file) ? 0 : 1);
  const ordered = [...all].sort((a, b) => rank(a) - rank(b));

  const countOf = (level: Severity) => all.filter((a) => a.level === level).length;
  const overflows = (["error", "warning", "notice"] as const).some((level) => countOf(level) > limits[level]);
  const reserved = options.reservedErrors ?? 0;
  const overflowsAfterReserve = overflows || countOf("error") > limits.error - reserved;
  const room: Record<Severity, number> = { ...limits, error: limits.error - reserved, notice: overflowsAfterReserve ? limits.notice - 1 : limits.notice };
  const shown: Annotation[] = [];
  const hidden: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const annotation of ordered) {
    if (room[annotation.level] > 0) {
      room[annotation.level]--;
      shown.push(annotation);
    } else {
      hidden[annotation.level]++;
    }
  }
  const hiddenTotal = hidden.error + hidden.warning + hidden.notice;
  if (hiddenTotal === 0) return { shown, hidden };
  const parts = (["error", "warning", "notice"] as const).filter((l) => hidden[l]).map((l) => `${hidden[l]} ${l}${hidden[l] === 1 ? "" : "s"}`);
  return {
    shown,
    hidden,
    overflowNotice: {
      level: "notice",
      title: "migration-gate: more findings",
      message: `${hiddenTotal} more finding${hiddenTotal === 1 ? "" : "s"} (${parts.join(", ")}) could not be annotated: GitHub shows at most ${limits.error} error${reserved ? ` (one of them the step's failure)` : ""} and ${limits.warning} warning annotations per step. Every finding is listed in the job summary.`,
    },
  };
}
