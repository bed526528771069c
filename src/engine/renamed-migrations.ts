import path from "node:path";
import type { BaseRevision } from "./edited-migrations.js";
import { git } from "./git.js";
import type { MigrationRecord, SourceLocation } from "./result.js";

/** A migration merged under one name and present under another now. */
export interface RenamedMigration {
  /** The name it was merged (and applied on existing databases) under. */
  from: string;
  to: string;
  location: SourceLocation;
}

/**
 * Migrations the base ran under a name the head no longer has, paired with a migration new at
 * the head in the same file (a class renamed in place) or in the file git sees it renamed to.
 * TypeORM (and drizzle 1.x, by folder name) record applied migrations by name, so every existing
 * database runs such a migration again: a CREATE fails there, an INSERT of seed rows doubles
 * them. Drizzle 0.x goes by the journal's `when` instead; its renames are not this.
 */
export async function findRenamedMigrations(options: { base: BaseRevision; baseMigrations: readonly MigrationRecord[]; headMigrations: readonly MigrationRecord[]; byName: boolean }): Promise<RenamedMigration[]> {
  if (!options.byName) return [];
  const headNames = new Set(options.headMigrations.map((m) => m.name));
  const baseNames = new Set(options.baseMigrations.map((m) => m.name));
  const gone = options.baseMigrations.filter((m) => m.status === "applied" && m.location && !headNames.has(m.name));
  const added = options.headMigrations.filter((m) => m.location && !baseNames.has(m.name));
  if (!gone.length || !added.length) return [];
  // Both sides in the pathspec: git pairs a rename only when it sees the old and the new path (drizzle 1.x: two folders).
  const renames = await gitRenames(options.base, [...gone, ...added].map((m) => m.location!.file));
  const pairs: RenamedMigration[] = [];
  for (const old of gone) {
    const file = old.location!.file;
    const now = renames.get(file) ?? file;
    const match = added.find((m) => m.location!.file === now && !pairs.some((p) => p.to === m.name));
    if (match) pairs.push({ from: old.name, to: match.name, location: match.location! });
  }
  return pairs;
}

/** Old path -> new path for the given files, as `git diff -M` between the base and the working tree sees them. */
async function gitRenames(base: BaseRevision, files: string[]): Promise<Map<string, string>> {
  const dirs = [...new Set(files.map((file) => path.relative(base.root, path.dirname(file)) || "."))];
  let stdout: string;
  try {
    stdout = await git(base.root, ["diff", "--name-status", "-M", "-z", base.commit, "--", ...dirs]);
  } catch {
    return new Map();
  }
  const parts = stdout.split("\0");
  const renames = new Map<string, string>();
  for (let i = 0; i < parts.length; ) {
    const status = parts[i++];
    if (!status) continue;
    if (status.startsWith("R") || status.startsWith("C")) {
      const from = parts[i++]!;
      const to = parts[i++]!;
      if (status.startsWith("R")) renames.set(path.join(base.root, from), path.join(base.root, to));
    } else {
      i++;
    }
  }
  return renames;
}
