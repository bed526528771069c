import path from "node:path";
import type { FindingRef, Rule } from "./rule.js";

/**
 * Databases upgraded from the base (the base chain, then the head's migrations as the ORM's
 * migrator picks them: what staging and production get) end up different from a fresh one
 * (what this gate, CI and every new environment get): an order-dependent or back-dated
 * migration, a merged migration edited or renamed, one skipped on upgrade. Each difference is
 * reported as the finding the upgraded database has and the fresh one does not, at that
 * finding's line, under what explains it when one thing does.
 */
export const upgradeDivergence: Rule = {
  id: "upgrade-divergence",
  defaultSeverity: "error",
  description: "A database upgraded from the base revision ends up different from a fresh one: deployed databases will not match the code.",
  check({ upgrade, editedMigrations, renamedMigrations }) {
    if (!upgrade) return [];
    const keyOf = (f: { ruleId: string; fingerprint: string }) => `${f.ruleId} ${f.fingerprint}`;
    const only = upgrade.skipped.length === 1 ? upgrade.skipped[0] : undefined;
    // One merged migration edited (edited-migration) explains what the upgraded database lacks or fails on.
    const edits = (editedMigrations ?? []).map((e) => (e.raisedWhen ? { key: `when:${e.raisedWhen.tag}`, name: e.raisedWhen.tag } : { key: path.basename(e.file), name: path.basename(e.file) }));
    const edit = !only && edits.length === 1 ? edits[0] : undefined;
    // One migration failing only there explains the objects it would have made.
    const failures = upgrade.divergent.filter((f) => f.ruleId === "migration-failed");
    const failure = failures.length === 1 ? failures[0] : undefined;
    const renamed = upgrade.vanished.length ? `${upgrade.vanished.join(", ")} ${upgrade.vanished.length === 1 ? "was" : "were"} merged (so applied on existing databases) and ${upgrade.vanished.length === 1 ? "is" : "are"} gone now: if this migration is ${upgrade.vanished.length === 1 ? "it" : "one of them"} renamed, existing databases run it again; keep the merged name (class name and its name property, or the file), or make its statements idempotent (IF NOT EXISTS).` : undefined;
    return upgrade.divergent.map((f) => {
      const fails = f.ruleId === "migration-failed";
      // A renamed merged migration runs again on upgraded databases: its failure is the rename's.
      const rename = fails ? renamedMigrations?.find((r) => r.to === f.object) : undefined;
      const cause: FindingRef | undefined = rename
        ? { ruleId: "renamed-migration", key: `${rename.from}->${rename.to}` }
        : only
          ? { ruleId: "skipped-on-upgrade", key: only.name }
          : edit
            ? { ruleId: "edited-migration", key: edit.key }
            : failure && !fails
              ? { ruleId: "upgrade-divergence", key: keyOf(failure) }
              : undefined;
      const hint = rename
        ? `${rename.to} is ${rename.from} renamed (renamed-migration): keep the merged name, and this goes with it.`
        : only
          ? `${only.name} is skipped on upgrade (skipped-on-upgrade): fix that, and this goes with it.`
          : edit
            ? `${edit.name} was changed after it was merged (edited-migration): fix that, and this goes with it.`
            : failure && !fails
              ? `${failure.object ?? "The migration"} fails on upgraded databases (above), and would have made it: fix that, and this goes with it.`
              : fails && renamed
                ? renamed
                : "Make the change's migrations give the same result whatever ran before them: existing databases apply them after the base's migrations, in the migrator's order.";
      return {
        // The upgraded database's own finding, by its (line-free) fingerprint.
        key: keyOf(f),
        ...(f.object && { object: f.object }),
        ...(f.location && { location: f.location }),
        message: `Only on databases upgraded from ${upgrade.baseRef} (staging, production; a fresh database is fine): ${f.ruleId}: ${f.message}`,
        ...(f.detail && { detail: f.detail }),
        hint,
        ...(cause && { cause }),
      };
    });
  },
};
