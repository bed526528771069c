import type { Rule } from "./rule.js";

/**
 * A migration merged under one name and renamed since (a new timestamp in the class name, a
 * renamed file or folder). The migrator records applied migrations by name, so every database
 * that ran it under the old name runs it again under the new one: its CREATE statements fail
 * there, and a data migration's INSERTs run twice. Fresh databases cannot show it.
 */
export const renamedMigration: Rule = {
  id: "renamed-migration",
  defaultSeverity: "error",
  description: "A merged migration renamed since: every database that applied it under the old name runs it again.",
  check({ renamedMigrations, orm }) {
    return (renamedMigrations ?? []).map((r) => ({
      key: `${r.from}->${r.to}`,
      object: r.to,
      location: r.location,
      message: `${r.to} is ${r.from} renamed: ${r.from} is merged, so already applied on existing databases (staging, production), and ${orm === "drizzle" ? "drizzle-orm's migrator" : "TypeORM"} matches applied migrations by name: every one of them runs it again as ${r.to}.`,
      hint: `Keep the merged name (${orm === "drizzle" ? "the folder name" : "the class name, its name property and the file's timestamp"}). If the rename must stay, every statement in it has to be safe to run twice (IF NOT EXISTS, no plain INSERT of seed rows).`,
    }));
  },
};
