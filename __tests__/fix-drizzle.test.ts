/**
 * migration-gate fix on Drizzle projects (drizzle-kit 0.x journal folders and 1.x folders): the
 * project's own drizzle-kit generate writes the migration for tables that were only ever
 * pushed, its SQL made idempotent for databases push built, and check passes afterwards;
 * --dry-run checks the same from a copy and leaves the folder as it was.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { drizzleProject, type DrizzleVersion } from "./helpers/drizzle.js";
import { runCli, runCliJson } from "./helpers/run-cli.js";

const VERSIONS: DrizzleVersion[] = ["drizzle 0.45", "drizzle 1.x"];

const SHARES = `import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const shares = pgTable("shares", { id: uuid("id").defaultRandom().primaryKey(), ownerId: integer("owner_id").notNull().references(() => users.id), token: text("token").notNull() });
export const shareKeys = pgTable("share_keys", { id: uuid("id").defaultRandom().primaryKey(), shareId: uuid("share_id").notNull().references(() => shares.id), key: text("key").notNull() });
`;

describe.each(VERSIONS)("fix on %s", (version) => {
  test("push-only tables: drizzle-kit generate writes them, idempotent; check then passes; --dry-run writes nothing", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      project.write("src/db/schema/shares.ts", SHARES);
      const before = project.migrationFiles();
      const journal = version === "drizzle 0.45" ? project.read("drizzle/meta/_journal.json") : undefined;

      const dry = await runCli(["fix", "--dry-run"], { cwd: project.dir });
      expect(dry.stdout).toContain("re-checked: 0 findings left (checked from a temp folder; nothing was written)");
      expect(dry.status).toBe(0);
      expect(project.migrationFiles()).toEqual(before);
      if (journal) expect(project.read("drizzle/meta/_journal.json")).toBe(journal);

      const fixed = await runCli(["fix"], { cwd: project.dir });
      expect(fixed.stdout).toContain("re-checked: 0 findings left.");
      expect(fixed.status).toBe(0);
      const added = project.migrationFiles().filter((f) => !before.includes(f));
      const sqlFile = added.find((f) => f.endsWith(".sql"))!;
      expect(sqlFile).toMatch(/migration_gate_fix/);
      const sql = project.read(path.join("drizzle", sqlFile));
      expect(sql).toContain('CREATE TABLE IF NOT EXISTS "shares"');
      expect(sql).toContain('CREATE TABLE IF NOT EXISTS "share_keys"');
      expect(sql).not.toMatch(/^ALTER TABLE "share_keys" ADD CONSTRAINT/m);
      // The existing migrations were not touched.
      for (const file of before.filter((f) => f.endsWith(".sql"))) expect(fs.existsSync(path.join(project.dir, "drizzle", file))).toBe(true);

      const after = await runCliJson(["check"], { cwd: project.dir });
      expect(after.report.findings).toEqual([]);
      expect(after.status).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});
