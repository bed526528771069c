import path from "node:path";
import type { Finding, GateResult } from "../engine/result.js";

export interface ChangeSplit {
  /** The findings that are about the change (all of them when the run is not change-scoped). */
  current: Finding[];
  /** Already on the base, or accepted in the suppressions file: shown apart, not failing. */
  existing: Finding[];
  fixed: Finding[];
  /** "on origin/main", "on 1a2b3c4d5e6f", "in migration-gate-suppressions.json". */
  where: string;
}

/** How every reporter splits a change-scoped result: one rule, so text, summary and annotations agree. */
export function splitByChange(result: GateResult): ChangeSplit {
  const change = result.change;
  const scoped = change?.failOn === "new";
  return {
    current: scoped ? result.findings.filter((f) => f.introduced !== false) : result.findings,
    existing: scoped ? result.findings.filter((f) => f.introduced === false) : [],
    fixed: result.fixed ?? [],
    where: change?.base ? `on ${shortRef(change.base.ref)}` : change?.suppressionsFile ? `in ${path.basename(change.suppressionsFile)}` : "before",
  };
}

function shortRef(ref: string): string {
  return /^[0-9a-f]{40}$/i.test(ref) ? ref.slice(0, 12) : ref;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
