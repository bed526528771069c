import fs from "node:fs";
import path from "node:path";
import { onCleanup } from "../cleanup.js";
import { GateError } from "../errors.js";
import type { GateOptions } from "../parse-options.js";
import type { Finding, GateResult } from "../result.js";
import { runGate, type RunGateHooks } from "../run-gate.js";
import type { RuleContext } from "../../rules/rule.js";
import type { FixFile, FixGroup, UnfixedFinding } from "./fix-plan.js";
import { planTypeormFix } from "./plan-typeorm-fix.js";
import { readMigrationStyle, renderTypeormMigration } from "./typeorm-migration-file.js";
import { runDrizzleFix } from "./drizzle-fix.js";

/**
 * write: the files stay (migration-gate fix);
 * dry-run: nothing is written and nothing re-checked (--dry-run prints the files);
 * suggest: written only while the re-check runs, then removed (the action's suggest-fix).
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
  const nothing = { check, files: [], unfixed: [], mode: hooks.mode, nothingToDo: "The check found nothing a migration closes: there is nothing to fix." };
  if (!check.findings.some((f) => f.severity === "error" || f.severity === "warning")) return nothing;
  if (options.project.kind === "drizzle") return runDrizzleFix({ options: checkOptions, check, mode: hooks.mode, log });

  const files: FixFile[] = [];
  const temporary: string[] = [];
  const removeCleanup = onCleanup(() => removeFiles(temporary));
  let unfixed: UnfixedFinding[] = [];
  let recheck: GateResult | undefined;
  const attempted = new Set<string>();
  try {
    for (let round = 1; round <= ROUNDS && seen; round++) {
      const plan = planTypeormFix({ context: seen.context, findings: seen.findings, now: Date.now() });
      unfixed = plan.unfixed;
      if (round === 1 && plan.groups.length === 0 && plan.unfixed.length === 0) return nothing;
      // A finding a written fix did not close is reported, not fixed twice.
      if (plan.groups.length === 0 || plan.groups.some((g) => g.closes.some((f) => attempted.has(f.fingerprint)))) break;
      for (const group of plan.groups) for (const finding of group.closes) attempted.add(finding.fingerprint);
      const style = readMigrationStyle(seen.context.migrations, fallbackFolder(seen.context, options.projectDir));
      const planned = plan.groups.map((group) => toFile(group, style));
      files.push(...planned);
      if (hooks.mode === "dry-run") break;
      for (const file of planned) {
        writeNew(file);
        if (hooks.mode === "suggest") temporary.push(file.path);
      }
      log(`Wrote ${planned.map((f) => path.relative(options.projectDir, f.path)).join(", ")}; checking the project again`);
      seen = undefined;
      // The re-check is about the result, not the change: no base, every error counts.
      recheck = await runGate({ ...checkOptions, baseRef: undefined, simulateBaseline: false, failOn: "all" }, capture);
    }
  } finally {
    await removeFiles(temporary);
    removeCleanup();
  }
  return { check, files, unfixed: recheck ? stillThere(unfixed, recheck) : unfixed, ...(recheck && { recheck }), mode: hooks.mode };
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
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new GateError("fix-file-exists", `fix would write ${file.path}, which already exists.`, { hint: "fix never edits an existing migration: rename or remove that file, or run fix again a millisecond later (the timestamp moves)." });
    }
    throw error;
  }
}

async function removeFiles(files: string[]): Promise<void> {
  for (const file of files.splice(0)) fs.rmSync(file, { force: true });
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
