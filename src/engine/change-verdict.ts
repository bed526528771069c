import { applySuppressions, type SuppressionsOptions } from "./suppressions.js";
import type { BaseRevision } from "./edited-migrations.js";
import type { ChangeScope, Finding } from "./result.js";

export interface ChangeInput {
  head: readonly Finding[];
  /** With base-ref: the base revision's findings (paths as the checkout names them), or why there are none. */
  base?: { ref: BaseRevision; findings: readonly Finding[] } | { ref: BaseRevision; unavailable: string };
  suppressions: SuppressionsOptions;
  /** As configured; undefined: new when the run is change-scoped, else all. */
  failOn: "new" | "all" | undefined;
}

export interface ChangeVerdict {
  findings: Finding[];
  fixed?: Finding[];
  change?: ChangeScope;
  /** With --suppress-all: entries written. */
  written?: number;
}

/**
 * Judges the change rather than the history: a head finding whose fingerprint the base
 * revision has too is already there (introduced: false), the rest are introduced; base
 * findings the head no longer has are fixed. Fingerprints hold no line numbers or checkout
 * paths (evaluate-rules.ts), so the same problem matches across commits. The suppressions
 * file then marks what was accepted on adoption as not introduced.
 */
export function judgeChange(input: ChangeInput): ChangeVerdict {
  let findings: Finding[] = [...input.head];
  let fixed: Finding[] | undefined;
  const base = input.base;
  if (base && "findings" in base) {
    const onBase = new Set(base.findings.map((f) => f.fingerprint));
    const atHead = new Set(findings.map((f) => f.fingerprint));
    findings = findings.map((f) => ({ ...f, introduced: !onBase.has(f.fingerprint) }));
    fixed = base.findings.filter((f) => !atHead.has(f.fingerprint));
  } else if (base) {
    findings = findings.map((f) => ({ ...f, introduced: true }));
  }
  const suppressed = applySuppressions(findings, input.suppressions);
  findings = suppressed.findings;
  const scoped = Boolean(base) || suppressed.used;
  if (!scoped && !input.failOn) return { findings };
  // Without a base, a finding the suppressions file does not list is new.
  if (!base) findings = findings.map((f) => (f.introduced === undefined ? { ...f, introduced: true } : f));
  return {
    findings,
    ...(fixed && { fixed }),
    change: {
      failOn: input.failOn ?? (scoped ? "new" : "all"),
      ...(base && { base: { ref: base.ref.ref, commit: base.ref.commit } }),
      ...(base && "unavailable" in base && { baseUnavailable: base.unavailable }),
      ...(suppressed.used && { suppressionsFile: input.suppressions.file }),
    },
    ...(suppressed.written !== undefined && { written: suppressed.written }),
  };
}
