import path from "node:path";
import { GateError } from "./errors.js";
import { git } from "./git.js";
import { optionLabel } from "./parse-options.js";
import type { DrizzleMigrationFolder } from "../migrations/drizzle-folder.js";

/** A migration file that exists at the base revision and differs now, or a merged journal entry whose `when` was raised. */
export interface EditedMigration {
  file: string;
  /** First changed line in the current file (the entry's line for a journal `when`). */
  line: number;
  baseRef: string;
  /** Drizzle 0.x: a merged entry's `when`, raised since the base: databases that applied it run it again. */
  raisedWhen?: { tag: string; before: number; after: number };
}

export interface BaseRevision {
  ref: string;
  commit: string;
  /** The repository's top folder: git prints paths relative to it. */
  root: string;
}

/**
 * Resolves base-ref before anything starts, so a shallow clone fails fast with the fix.
 * Only git runs here: no project code, no database.
 */
export async function resolveBaseRef(projectDir: string, ref: string): Promise<BaseRevision> {
  let root: string;
  try {
    root = (await git(projectDir, ["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    throw new GateError("base-ref-no-git", `${optionLabel("base-ref")} is set, but ${projectDir} is not inside a git repository.`, {
      hint: "Run the gate in the repository's checkout, or leave base-ref empty to skip the edited-migration check.",
      cause: error,
    });
  }
  try {
    const commit = (await git(projectDir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim();
    return { ref, commit, root };
  } catch (error) {
    throw new GateError("base-ref-not-found", `${optionLabel("base-ref")} "${ref}" is not a commit in this clone, so edited migrations cannot be found.`, {
      hint: "actions/checkout fetches one commit by default: give it fetch-depth: 0 (or git fetch the base commit first). Locally, fetch the branch (git fetch origin main) or fix the name.",
      cause: error,
    });
  }
}

/**
 * Which of the given migration files exist at the base revision and differ in the working
 * tree: migrations already merged, so already applied somewhere. No ORM runs one again (drizzle
 * never compares the stored hash, TypeORM matches by name), so such an edit reaches fresh
 * databases, like this gate's, and never the ones that matter.
 */
export async function findEditedMigrations(base: BaseRevision, files: readonly string[]): Promise<EditedMigration[]> {
  if (!files.length) return [];
  const relative = files.map((file) => path.relative(base.root, file));
  // Modified only: files added since the base are new migrations, deleted ones are other rules' business.
  const patch = await git(base.root, ["diff", "--no-renames", "--diff-filter=M", "-U0", base.commit, "--", ...relative]);
  const edited: EditedMigration[] = [];
  // One section per file: `diff --git a/<path> b/<path>`, then its hunks; the first hunk gives the line.
  for (const section of patch.split(/^diff --git /m).slice(1)) {
    const file = /^\+\+\+ b\/(.+)$/m.exec(section)?.[1];
    if (!file) continue;
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/m.exec(section);
    edited.push({ file: path.join(base.root, file), line: Math.max(1, Number(hunk?.[1] ?? 1)), baseRef: base.ref });
  }
  return edited;
}

/**
 * Drizzle 0.x: journal entries that exist at the base revision and whose `when` is higher now
 * ("regenerate the migrations folder" rewrites them). The migrator applies every entry newer
 * than the newest applied `created_at`, so every existing database runs such an entry again,
 * and fails on what it already created. A lowered `when` changes nothing for them.
 */
export async function findRaisedJournalWhens(base: BaseRevision, folder: DrizzleMigrationFolder | undefined): Promise<EditedMigration[]> {
  if (folder?.format !== "journal" || !folder.journalFile) return [];
  const relative = path.relative(base.root, folder.journalFile).split(path.sep).join("/");
  let text: string;
  try {
    text = await git(base.root, ["show", `${base.commit}:${relative}`]);
  } catch {
    return []; // no journal at the base: every entry is new
  }
  let entries: Array<{ tag?: unknown; when?: unknown }>;
  try {
    entries = (JSON.parse(text) as { entries?: typeof entries }).entries ?? [];
  } catch {
    return [];
  }
  const before = new Map(entries.filter((e) => typeof e.tag === "string").map((e) => [e.tag as string, Number(e.when)]));
  return folder.journal
    .filter((entry) => before.has(entry.tag) && entry.when > before.get(entry.tag)!)
    .map((entry) => ({ file: folder.journalFile!, line: entry.line, baseRef: base.ref, raisedWhen: { tag: entry.tag, before: before.get(entry.tag)!, after: entry.when } }));
}
