import type { Finding } from "../engine/result.js";

export interface FindingGroup {
  finding: Finding;
  /** Findings that follow from it, directly or through another consequence, in report order. */
  consequences: Finding[];
}

/**
 * Findings grouped under their root cause, in report order: one failing early migration can
 * leave dozens of tables and later migrations broken, and the report must lead with the one
 * fix instead of burying it among its consequences.
 */
export function groupByCause(findings: readonly Finding[]): FindingGroup[] {
  const byPrint = new Map(findings.map((f) => [f.fingerprint, f]));
  const rootOf = (finding: Finding): Finding => {
    let current = finding;
    const seen = new Set<string>();
    while (current.causedBy && byPrint.has(current.causedBy) && !seen.has(current.fingerprint)) {
      seen.add(current.fingerprint);
      current = byPrint.get(current.causedBy)!;
    }
    return current;
  };
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const root = rootOf(finding);
    if (!groups.has(root.fingerprint)) groups.set(root.fingerprint, { finding: root, consequences: [] });
    if (root !== finding) groups.get(root.fingerprint)!.consequences.push(finding);
  }
  return [...groups.values()];
}
