/**
 * The incident no fresh database can show: a migration already merged (so applied on staging and
 * production) edited afterwards. The gate's own run builds the edited version and passes; only
 * the history says the edit will never reach the databases that matter.
 */
import { describe, expect, test } from "@jest/globals";
import { git } from "./helpers/git.js";
import { runCli, runCliJson } from "./helpers/run-cli.js";
import { drizzleProject, journalLine, readJournal, writeJournal } from "./helpers/drizzle.js";

describe("edited-migration (base-ref)", () => {
  test("a merged migration edited to add a column: reported at the changed line, while the schema itself matches", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      project.generate("init");
      git(project.dir, "init", "-q");
      git(project.dir, "add", "-A", ".", ":!node_modules");
      git(project.dir, "commit", "-qm", "init");
      const base = git(project.dir, "rev-parse", "HEAD");

      // The shortcut: the new column goes into the old migration instead of a new one.
      project.write("src/db/schema/users.ts", project.read("src/db/schema/users.ts").replace(`displayName: text("display_name"),`, `displayName: text("display_name"),\n    bio: text("bio"),`));
      const sql = project.read("drizzle/0000_init.sql");
      project.write("drizzle/0000_init.sql", sql.replace(`"display_name" text,`, `"display_name" text,\n\t"bio" text,`));
      const changedLine = project.read("drizzle/0000_init.sql").split("\n").findIndex((l) => l.includes(`"bio" text`)) + 1;

      const without = await runCliJson(["check"], { cwd: project.dir });
      expect(without.report.findings).toEqual([]);

      const { report, status } = await runCliJson(["check", "--base-ref", base], { cwd: project.dir });
      // The upgrade simulation shows the consequence: databases upgraded from the base lack the column.
      expect(report.findings.map((f) => [f.ruleId, f.location?.file, f.location?.line])).toEqual([
        ["edited-migration", "drizzle/0000_init.sql", changedLine],
        ["upgrade-divergence", "src/db/schema/users.ts", project.read("src/db/schema/users.ts").split("\n").findIndex((l) => l.includes(`bio: text("bio")`)) + 1],
      ]);
      expect(report.findings[0]!.message).toContain("never compares the stored hash");
      expect(report.findings[1]!.message).toContain("missing-column");
      expect(report.findings[1]!.causedBy).toBe(report.findings[0]!.fingerprint);
      expect(status).toBe(1);

      // A new migration instead, as the fix says: the merged one is back as it was.
      project.write("drizzle/0000_init.sql", sql);
      project.generate("add_bio");
      const fixed = await runCliJson(["check", "--base-ref", base], { cwd: project.dir });
      expect(fixed.report.findings).toEqual([]);
      expect(fixed.status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  test("a merged journal entry whose when was raised (the folder regenerated): existing databases run it again", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      project.generate("init");
      git(project.dir, "init", "-q");
      git(project.dir, "add", "-A", ".", ":!node_modules");
      git(project.dir, "commit", "-qm", "init");

      // Only the when changes: the gate's fresh replay passes, every deployed database re-runs 0000_init.
      // (The base's when moved into the past, as a folder regenerated weeks later has it.)
      const original = readJournal(project);
      writeJournal(project, { ...original, entries: original.entries.map((e) => ({ ...e, when: e.when - 86_400_000 * 30 })) });
      git(project.dir, "commit", "-qam", "older base");
      const base = git(project.dir, "rev-parse", "HEAD");
      const journal = readJournal(project);
      writeJournal(project, original);
      const { report, status } = await runCliJson(["check", "--base-ref", base], { cwd: project.dir });
      // On the upgraded database the migrator really runs 0000_init again, and it fails there.
      expect(report.findings.map((f) => [f.ruleId, f.object, f.location?.file, f.location?.line])).toEqual([
        ["edited-migration", "0000_init", "drizzle/meta/_journal.json", journalLine(project, "0000_init")],
        ["upgrade-divergence", "0000_init", "drizzle/0000_init.sql", 1],
      ]);
      expect(report.findings[1]!.message).toMatch(/migration-failed: .*already exists/);
      expect(report.findings[1]!.causedBy).toBe(report.findings[0]!.fingerprint);
      expect(report.findings[0]!.message).toContain("every database that already applied it will run it again");
      expect(report.findings[0]!.hint).toContain(`Restore its "when" to ${journal.entries[0]!.when}`);
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });

  test("a base-ref the clone does not have: exit 2 with the fetch-depth fix, before Postgres starts", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      project.generate("init");
      git(project.dir, "init", "-q");
      const run = await runCli(["check", "--base-ref", "0123456789abcdef0123456789abcdef01234567"], { cwd: project.dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('base-ref (--base-ref) "0123456789abcdef0123456789abcdef01234567" is not a commit in this clone');
      expect(run.stderr).toContain("fetch-depth: 0");
      expect(run.stderr).not.toContain("Postgres 17");
    } finally {
      project.cleanup();
    }
  });
});
