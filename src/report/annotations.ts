import type { GateResult, Severity } from "../engine/result.js";
import { displayPath } from "./paths.js";

export interface Annotation {
  level: Severity;
  title: string;
  message: string;
  /** Repository-relative, as GitHub needs it to place the annotation on the diff. */
  file?: string;
  line?: number;
}

/** One annotation per finding, located at the entity or migration line. */
export function toAnnotations(result: GateResult, { baseDir }: { baseDir: string }): Annotation[] {
  return result.findings.map((f) => ({
    level: f.severity,
    title: `migration-gate: ${f.ruleId}`,
    message: [f.message, f.detail && `Statement: ${f.detail}`, f.hint && `Fix: ${f.hint}`].filter(Boolean).join("\n"),
    file: f.location && displayPath(f.location.file, baseDir),
    line: f.location?.line,
  }));
}
