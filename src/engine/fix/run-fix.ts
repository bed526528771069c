import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { onCleanup } from "../cleanup.js";
import { GateError } from "../errors.js";
import type { GateOptions } from "../parse-options.js";
import type { Finding, GateResult, MigrationRecord } from "../result.js";
import { runGate, type RunGateHooks } from "../run-gate.js";
import type { RuleContext } from "../../rules/rule.js";
import type { FixFile, FixGroup, UnfixedFinding } from "./fix-plan.js";
import { planTypeormFix } from "./plan-typeorm-fix.js";
import { readMigrationStyle, renderTypeormMigration } from "./typeorm-migration-file.js";
import { runDrizzleFix } from "./drizzle-fix.js";
import { FIX_OVERLAY_PREFIX } from "./overlay-folder.js";
import { relocateResult } from "./relocate-result.js";

/**
 * write: the files stay (migration-gate fix);
 * dry-run: printed, and re-checked from a temp folder (--dry-run); the checkout is not written;
 * suggest: the same, for the action's suggest-fix (summary, comment, patch).
 */
export type FixMode = "write" | "dry-run" | "suggest";

export interface FixResult {
  /** The check the fix was planned from. */
  check: GateResult;
  files: FixFile[];
  unfixed: UnfixedFinding[];
  /** The check on the project with the files in place (not in a dry run). */
  recheck?: GateResult;
  mode: FixMode;
  /** Set when there was nothing to plan from (e.g. the check passed). */
  nothingToDo?: string;
  /**
   * The data source lists its migration classes (not a glob): a new file runs only once it is
   * added there. fix never edits the data source; it re-checks as if it were added, and says how.
   */
  register?: Registration[];
}

/** One new class to import into a data source that lists its migrations, and add to that list. */
export interface Registration {
  className: string;
  /** The quote character the file's imports use. */
  quote: string;
  /** The import specifier, relative to the data source file. */
  specifier: string;
  /** Absolute path of the data source file, when the project gives one. */
  dataSource?: string;
}

/** A check that already ran, with what runGate's onContext gave. */
export interface CheckedState {
  result: GateResult;
  context: RuleContext;
  findings: readonly Finding[];
}

/** Up to this many plan → write → re-check rounds: a migration that passes once fixed can reveal what it hid. */
const ROUNDS = 3;

/**
 * `migration-gate fix`: the check, then the migrations that close its errors, written in the
 * project's style and re-checked. It never edits an existing file: a name already taken is an
 * error, not an overwrite.
 */
export async function runFix(options: GateOptions, hooks: RunGateHooks & { mode: FixMode; first?: CheckedState }): Promise<FixResult> {
  const log = hooks.log ?? (() => undefined);
  // The fix takes TypeORM's own SQL from the cross-check, so it always runs here.
  const checkOptions: GateOptions = { ...options, command: "check", crossCheck: true, suppressAll: false };
  let seen: { context: RuleContext; findings: readonly Finding[] } | undefined = hooks.first;
  const capture = { log, onContext: (context: RuleContext, findings: readonly Finding[]) => (seen = { context, findings }) };
  // The action has run the check already (with cross-check on, or the plan has no SQL and says so).
  const check = hooks.first?.result ?? (await runGate(checkOptions, capture));
  const firstSeen = seen;
  const nothing = { check, files: [], unfixed: [], mode: hooks.mode, nothingToDo: "The check found nothing a migration closes: there is nothing to fix." };
  if (!check.findings.some((f) => f.severity === "error" || f.severity === "warning")) return nothing;
  if (options.project.kind === "drizzle") return seen ? runDrizzleFix({ options: checkOptions, first: { result: check, ...seen }, mode: hooks.mode, log }) : nothing;

  const files: FixFile[] = [];
  // dry-run and suggest check the planned files from a folder of their own: the checkout is never written.
  const overlay = hooks.mode === "write" ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), FIX_OVERLAY_PREFIX));
  const removeCleanup = onCleanup(() => {
    if (overlay) fs.rmSync(overlay, { recursive: true, force: true });
  });
  const placed = new Map<string, string>();
  // A class list (`migrations: [Init1700000000000, ...]`) does not pick up new files: re-checked as if registered.
  const classList = seen?.context.migrationsOption.some((entry) => entry.startsWith("class ")) ?? false;
  const written: string[] = [];
  let unfixed: UnfixedFinding[] = [];
  let recheck: GateResult | undefined;
  const attempted = new Set<string>();
  // The project's style and folder, from its own files (later rounds see the planned ones too).
  const style = seen && readMigrationStyle(seen.context.migrations, fallbackFolder(seen.context, options.projectDir));
  try {
    for (let round = 1; round <= ROUNDS && seen && style; round++) {
      const plan = planTypeormFix({ context: seen.context, findings: seen.findings, now: Date.now() });
      unfixed = plan.unfixed;
      if (round === 1 && plan.groups.length === 0 && plan.unfixed.length === 0) return nothing;
      // A finding a planned fix did not close is reported, not fixed twice.
      if (plan.groups.length === 0 || plan.groups.some((g) => g.closes.some((f) => attempted.has(f.fingerprint)))) break;
      for (const group of plan.groups) for (const finding of group.closes) attempted.add(finding.fingerprint);
      const planned = plan.groups.map((group) => toFile(group, style));
      files.push(...planned);
      for (const file of planned) {
        if (!overlay) {
          writeNew(file);
          if (classList) written.push(file.path);
          continue;
        }
        if (fs.existsSync(file.path)) throw exists(file.path);
        const temp = path.join(overlay, path.basename(file.path));
        fs.writeFileSync(temp, file.content);
        placed.set(temp, file.path);
      }
      log(`${overlay ? "Planned" : "Wrote"} ${planned.map((f) => path.relative(options.projectDir, f.path)).join(", ")}; checking the project again with ${planned.length > 1 ? "them" : "it"} in place`);
      seen = undefined;
      // The re-check is about the result, not the change: no base, every error counts.
      const extra = [...placed.keys(), ...written];
      const again = await runGate({ ...checkOptions, baseRef: undefined, simulateBaseline: false, failOn: "all", checkDown: "off", ...(extra.length && { extraMigrations: extra }) }, capture);
      recheck = relocateResult(again, placed);
      // A planned group is judged by the re-check: what it was meant to close and did not is said.
      const prints = new Set(recheck.findings.map((f) => f.fingerprint));
      for (const file of planned) {
        const group = file.group!;
        const open = group.closes.filter((f) => prints.has(f.fingerprint));
        if (open.length) {
          group.stillOpen = open;
          group.closes = group.closes.filter((f) => !prints.has(f.fingerprint));
        }
      }
    }
  } finally {
    if (overlay) fs.rmSync(overlay, { recursive: true, force: true });
    removeCleanup();
  }
  const register = classList && files.length ? registration(files, options, firstSeen?.context.migrations ?? []) : undefined;
  const open = blameOwnFiles(recheck ? stillThere(unfixed, recheck) : unfixed, files);
  return { check, files, unfixed: open, ...(recheck && { recheck }), mode: hooks.mode, ...(register && { register }) };
}

/**
 * What to add where the project lists its migration classes: the file that imports one of the
 * existing migrations (the data source, or a `migrations/index.ts` it imports), the import in
 * that file's quotes and extension style, and the class for the list.
 */
function registration(files: readonly FixFile[], options: GateOptions, migrations: readonly MigrationRecord[]): Registration[] {
  const list = findMigrationList(options, migrations);
  const source = list ? fs.readFileSync(list, "utf8") : "";
  // Relative imports written with ".js" (ESM) keep it.
  const jsSuffix = /from\s+["']\.{1,2}\/[^"']*\.js["']/.test(source);
  const quote = /from\s+'\./.test(source) ? "'" : '"';
  return files.flatMap((file) => {
    if (!file.group) return [];
    const className = `${file.group.title}${file.group.timestamp}`;
    let specifier = path.relative(path.dirname(list ?? path.join(options.projectDir, "x")), file.path).split(path.sep).join("/").replace(/\.[cm]?[jt]s$/, jsSuffix ? ".js" : "");
    if (!specifier.startsWith(".")) specifier = `./${specifier}`;
    return [{ className, specifier, quote, ...(list && { dataSource: list }) }];
  });
}

/** The project file (not a migration) that imports an existing migration class by name. */
function findMigrationList(options: GateOptions, migrations: readonly MigrationRecord[]): string | undefined {
  const names = migrations.filter((m) => m.location).map((m) => m.name);
  const own = new Set(migrations.flatMap((m) => (m.location ? [m.location.file] : [])));
  const dataSource = options.project.kind === "data-source" ? options.project.file : undefined;
  const candidates = [...(dataSource ? [dataSource] : []), ...sourceFiles(options.projectDir)];
  return candidates.find((file) => {
    if (own.has(file)) return false;
    const text = fs.readFileSync(file, "utf8");
    return names.some((name) => new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from`).test(text));
  });
}

function sourceFiles(dir: string, depth = 0): string[] {
  if (depth > 6) return [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.name.startsWith(".") || ["node_modules", "dist", "build", "coverage"].includes(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full, depth + 1);
    return /\.[cm]?[jt]s$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** A migration that fails on "already exists" for something a planned file creates: the plan is to blame, and says so. */
function blameOwnFiles(unfixed: UnfixedFinding[], files: readonly FixFile[]): UnfixedFinding[] {
  return unfixed.map((u) => {
    if (u.finding.ruleId !== "migration-failed" || !/already exists/.test(u.finding.message)) return u;
    const name = /"([^"]+)"/.exec(u.finding.message)?.[1];
    const file = name && files.find((f) => f.content.includes(`"${name}"`));
    return file ? { ...u, why: `it fails on "${name}", which the planned ${path.basename(file.path)} already creates: that part of the fix is wrong here; write this one by hand (and please report it)` } : u;
  });
}

function toFile(group: FixGroup, style: ReturnType<typeof readMigrationStyle>): FixFile {
  const { fileName, content } = renderTypeormMigration(group, style);
  return { path: path.join(style.folder, fileName), content, group };
}

/** Never over an existing file: fix writes new migrations only. */
export function writeNew(file: FixFile): void {
  fs.mkdirSync(path.dirname(file.path), { recursive: true });
  try {
    fs.writeFileSync(file.path, file.content, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw exists(file.path);
    throw error;
  }
}

function exists(file: string): GateError {
  return new GateError("fix-file-exists", `fix would write ${file}, which already exists.`, { hint: "fix never edits an existing migration: rename or remove that file, or run fix again a millisecond later (the timestamp moves)." });
}

/** Where a project with no migration files yet keeps them: the first migrations glob's folder. */
function fallbackFolder(context: RuleContext, projectDir: string): string {
  const glob = context.migrationsOption.find((g) => !g.startsWith("class "));
  if (!glob) return path.join(projectDir, "src", "migrations");
  const parts = path.resolve(projectDir, glob).split(path.sep);
  const wild = parts.findIndex((part) => /[*?{[]/.test(part));
  return wild > 0 ? parts.slice(0, wild).join(path.sep) : path.dirname(path.resolve(projectDir, glob));
}

/** What the plan left open and the re-check still reports, by fingerprint. */
function stillThere(unfixed: UnfixedFinding[], recheck: GateResult): UnfixedFinding[] {
  const prints = new Set(recheck.findings.map((f) => f.fingerprint));
  return unfixed.filter((u) => prints.has(u.finding.fingerprint));
}

/**
 * suggest-fix: the fix for a check that failed, written only while it is re-checked. Never
 * fails the run: what went wrong is returned for one warning line.
 */
export async function suggestFix(options: GateOptions, first: CheckedState, log: (line: string) => void): Promise<FixResult | { error: string }> {
  try {
    log("suggest-fix: planning the migrations that close the errors, and checking the project with them in place");
    return await runFix(options, { log, mode: "suggest", first });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
