import path from "node:path";
import { journalFolder, shortPath } from "./journal-text.js";
import type { Rule, RuleFinding } from "./rule.js";

/**
 * Two 0.x snapshots with the same prevId: two branches generated from the same parent. Each
 * snapshot lacks the other branch's changes, so the next drizzle-kit generate diffs against an
 * incomplete schema and writes SQL that re-creates or drops what the other branch did.
 */
export const snapshotCollision: Rule = {
  id: "snapshot-collision",
  defaultSeverity: "error",
  description: "Two drizzle-kit snapshots have the same prevId: two branches generated from the same parent, and the next generate will diff against half the schema.",
  check({ drizzleFolder }) {
    // drizzle-kit 1.x snapshots list several prevIds and merge branches on purpose.
    const folder = journalFolder(drizzleFolder);
    if (!folder) return [];
    const findings: RuleFinding[] = [];
    const byParent = new Map<string, typeof folder.snapshots>();
    for (const snapshot of folder.snapshots) {
      for (const prevId of snapshot.prevIds) byParent.set(prevId, [...(byParent.get(prevId) ?? []), snapshot]);
    }
    for (const [prevId, snapshots] of byParent) {
      if (snapshots.length < 2) continue;
      const later = snapshots[snapshots.length - 1]!;
      findings.push({
        key: `${prevId}:${snapshots.map((s) => path.basename(s.file)).join(",")}`,
        object: path.basename(later.file),
        location: { file: later.file, line: later.line },
        message: `${snapshots.map((s) => shortPath(folder, s.file)).join(" and ")} have the same prevId ${prevId}: two branches generated migrations from the same parent.`,
        hint: `If the later branch's migration has not run anywhere yet, regenerate it on top of the merged branch (delete ${path.basename(later.file)}, its .sql file and journal entry, then npx drizzle-kit generate), so the snapshot chain holds both branches' changes. If it has already run on a deployed database, keep its .sql and journal entry (regenerating would run it twice there): set "prevId" in ${path.basename(later.file)} to the id of ${path.basename(snapshots[0]!.file)} and run npx drizzle-kit generate: a migration it writes is what the merge left out of the snapshots.`,
      });
    }
    return findings;
  },
};
