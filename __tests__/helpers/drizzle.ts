import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { FIXTURES, REPO } from "./paths.js";
import { tempProject, type TempProject } from "./temp-project.js";

export const DRIZZLE_APP = path.join(FIXTURES, "drizzle-app");

export type DrizzleVersion = "drizzle 0.45" | "drizzle 1.x";

/** Where each version's drizzle-orm and drizzle-kit are installed (workspace packages). */
const MODULES: Record<DrizzleVersion, string> = {
  "drizzle 0.45": path.join(REPO, "node_modules"),
  "drizzle 1.x": path.join(FIXTURES, "drizzle1", "node_modules"),
};

export interface DrizzleProject extends TempProject {
  /** Runs the project's own `drizzle-kit generate` (offline: it diffs the schema against the last snapshot). */
  generate(name: string, extra?: string[]): void;
  read(file: string): string;
  /** Files under the migrations folder, relative to it, sorted. */
  migrationFiles(): string[];
}

/** When the last generate ran, across projects: drizzle-kit 1.x names folders by the second. */
let lastGenerate = 0;

/**
 * drizzle-kit 1.x names a migration folder `<YYYYMMDDHHMMSS>_<name>` and the migrator applies
 * folders in name order, so two generated within one second run in the order of their names.
 * Tests generate faster than people do: wait for the next second, as a developer always has.
 */
function nextSecond(): void {
  const wait = Math.floor(lastGenerate / 1000) * 1000 + 1000 - Date.now();
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait + 5);
}

/**
 * A copy of the drizzle-app fixture wired to one drizzle version, with nothing generated yet:
 * tests build their migrations folder with drizzle-kit itself, as users do.
 */
export function drizzleProject(version: DrizzleVersion): DrizzleProject {
  const project = tempProject({ from: DRIZZLE_APP, packages: [] });
  try {
    fs.mkdirSync(path.join(project.dir, "node_modules"), { recursive: true });
    for (const pkg of ["drizzle-orm", "drizzle-kit"]) fs.symlinkSync(path.join(MODULES[version], pkg), path.join(project.dir, "node_modules", pkg), "dir");
  } catch (error) {
    // The caller's finally never sees a project it did not get.
    project.cleanup();
    throw error;
  }
  const kit = path.join(project.dir, "node_modules", "drizzle-kit", "bin.cjs");
  return {
    ...project,
    generate(name, extra = []) {
      if (version === "drizzle 1.x") nextSecond();
      execFileSync(process.execPath, [kit, "generate", "--name", name, ...extra], { cwd: project.dir, stdio: "pipe", env: { ...process.env, NODE_OPTIONS: "" } });
      // After it ran: the folder's second is at most this one.
      lastGenerate = Date.now();
    },
    read(file) {
      return fs.readFileSync(path.join(project.dir, file), "utf8");
    },
    migrationFiles() {
      const root = path.join(project.dir, "drizzle");
      return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort();
    },
  };
}

/** 1-based line of the first line of `file` (relative to the fixture's schema folder) that contains `text`. */
export function schemaLine(file: string, text: string): number {
  const lines = fs.readFileSync(path.join(DRIZZLE_APP, "src", "db", "schema", file), "utf8").split("\n");
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`no "${text}" in ${file}`);
  return index + 1;
}

export interface Journal {
  version: string;
  dialect: string;
  entries: Array<{ idx: number; version: string; when: number; tag: string; breakpoints: boolean }>;
}

export function readJournal(project: TempProject): Journal {
  return JSON.parse(fs.readFileSync(path.join(project.dir, "drizzle", "meta", "_journal.json"), "utf8")) as Journal;
}

export function writeJournal(project: TempProject, journal: Journal): void {
  fs.writeFileSync(path.join(project.dir, "drizzle", "meta", "_journal.json"), JSON.stringify(journal, null, 2));
}

/** Line of the `"tag"` of the journal entry with this tag. */
export function journalLine(project: TempProject, tag: string): number {
  const lines = fs.readFileSync(path.join(project.dir, "drizzle", "meta", "_journal.json"), "utf8").split("\n");
  return lines.findIndex((line) => line.includes(`"tag": "${tag}"`)) + 1;
}

/** 1-based line of the `"when"` of the journal entry with this tag (findings about its timestamp point there). */
export function journalWhenLine(project: TempProject, tag: string): number {
  const lines = fs.readFileSync(path.join(project.dir, "drizzle", "meta", "_journal.json"), "utf8").split("\n");
  const tagIndex = lines.findIndex((line) => line.includes(`"tag": "${tag}"`));
  let start = tagIndex;
  while (start > 0 && lines[start]!.trim() !== "{") start--;
  let end = tagIndex;
  while (end < lines.length - 1 && !lines[end]!.trim().startsWith("}")) end++;
  return lines.findIndex((line, i) => i >= start && i <= end && line.includes(`"when"`)) + 1;
}
