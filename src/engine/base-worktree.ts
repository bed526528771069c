import fs from "node:fs";
import path from "node:path";
import { GateError } from "./errors.js";
import { git } from "./git.js";
import type { BaseRevision } from "./edited-migrations.js";
import type { ModuleRef, ProjectSource } from "./parse-options.js";

export interface BaseWorktree {
  /** The project's folder inside the worktree. */
  projectDir: string;
  /** The worktree's top folder: the base revision's repository root. */
  root: string;
  /** The project's options with every path moved into the worktree. */
  project: ProjectSource;
  /** A path inside the worktree as the same path in the checkout (for messages and fingerprints). */
  toHead(file: string): string;
  /** Set when the project folder does not exist at the base (added or moved since): why it cannot be evaluated. */
  absent?: string;
  remove(): Promise<void>;
}

/**
 * The base revision checked out next to the real checkout, detached, in `dir` (the base
 * sandbox's private folder, which its watchdog removes if the gate is killed; the next run's
 * `git worktree prune` then forgets it). The head's installed dependencies serve it: every
 * node_modules between the repository root and the project is linked into the same place, as
 * the head's lockfile is what CI installed.
 */
export async function openBaseWorktree(options: { base: BaseRevision; projectDir: string; project: ProjectSource; dir: string }): Promise<BaseWorktree> {
  const { base, dir } = options;
  const root = path.join(dir, "base");
  // projectDir may be spelled through a symlink (/tmp on macOS); git's top level is the real path.
  const headProject = fs.realpathSync(options.projectDir);
  const relativeProject = path.relative(base.root, headProject);
  await git(base.root, ["worktree", "prune"]).catch(() => undefined);
  try {
    await git(base.root, ["worktree", "add", "--detach", "--quiet", root, base.commit]);
  } catch (error) {
    throw new GateError("base-worktree-failed", `Could not check out ${base.ref} (${base.commit.slice(0, 12)}) next to the checkout to evaluate it: ${firstLine(error)}`, {
      hint: "The gate needs a writable temp folder and git 2.17 or later. Leave base-ref empty to judge every finding instead of only the change's.",
      cause: error,
    });
  }
  const projectDir = path.join(root, relativeProject);
  for (let dir = headProject; ; dir = path.dirname(dir)) {
    const modules = path.join(dir, "node_modules");
    const target = path.join(root, path.relative(base.root, dir), "node_modules");
    if (fs.existsSync(modules) && !fs.existsSync(target) && fs.existsSync(path.dirname(target))) fs.symlinkSync(modules, target, "dir");
    if (dir === base.root || path.dirname(dir) === dir) break;
  }
  const move = (file: string) => path.join(projectDir, path.relative(options.projectDir, file));
  let removed = false;
  const shown = relativeProject || ".";
  const absent = fs.existsSync(projectDir)
    ? undefined
    : `${shown} does not exist at ${base.ref} (the project was added or moved since). If it moved, give a base-ref after the move, or accept the old findings once with migration-gate check --suppress-all`;
  return {
    ...(absent && { absent }),
    projectDir,
    root,
    project: moveProject(options.project, move),
    toHead: (file) => (file.startsWith(root + path.sep) || file === root ? path.join(base.root, path.relative(root, file)) : file),
    async remove() {
      if (removed) return;
      removed = true;
      await git(base.root, ["worktree", "remove", "--force", root]).catch(() => fs.rmSync(root, { recursive: true, force: true }));
      await git(base.root, ["worktree", "prune"]).catch(() => undefined);
    },
  };
}

function moveProject(project: ProjectSource, move: (file: string) => string): ProjectSource {
  const moveRef = (ref: ModuleRef | undefined) => ref && { ...ref, file: move(ref.file) };
  switch (project.kind) {
    case "data-source":
      return { ...project, file: move(project.file) };
    case "ormconfig":
      return { ...project, ...(project.file && { file: move(project.file) }) };
    case "globs":
      // Globs are relative to the project folder.
      return { ...project, ...(project.namingStrategy && { namingStrategy: moveRef(project.namingStrategy) }) };
    case "drizzle":
      return { ...project, ...(project.configFile && { configFile: move(project.configFile) }) };
  }
}

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr?.trim();
  return (stderr || (error as Error).message).split("\n")[0]!;
}
