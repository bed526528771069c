import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { onCleanup } from "../cleanup.js";
import { GateError } from "../errors.js";
import type { GateOptions } from "../parse-options.js";
import type { Finding } from "../result.js";
import { runGate } from "../run-gate.js";
import { openSandbox } from "../sandbox.js";
import { STATEMENT_BREAKPOINT } from "../../migrations/drizzle-folder.js";
import type { RuleContext } from "../../rules/rule.js";
import type { FixFile, UnfixedFinding } from "./fix-plan.js";
import { makeIdempotent } from "./idempotent-ddl.js";
import { relocateResult } from "./relocate-result.js";
import type { CheckedState, FixMode, FixResult } from "./run-fix.js";

/** Schema gaps drizzle-kit generate writes a migration for. */
const GENERATED = new Set(["missing-table", "missing-column", "missing-foreign-key", "missing-index", "missing-unique", "missing-primary-key", "missing-check", "missing-enum", "missing-schema", "enum-values-mismatch", "nullability-mismatch", "default-mismatch", "column-type-mismatch", "missing-view"]);
/** The folder's own bookkeeping: fixed by an edit of the journal or the files, which the finding's hint spells out. */
const JOURNAL = new Set(["unlisted-migration", "missing-migration-file", "duplicate-migration-number", "migration-out-of-order", "future-migration-timestamp", "snapshot-collision"]);

export interface DrizzleFixRequest {
  options: GateOptions;
  first: CheckedState;
  mode: FixMode;
  log: (line: string) => void;
}

/**
 * Drizzle: the migration comes from the project's own `drizzle-kit generate` (its diff of the
 * last snapshot against the pgTable definitions), run on a copy of the migrations folder under
 * the same guard as the worker (it loads the project's config and schema). The SQL it writes is
 * made idempotent (IF NOT EXISTS, guarded constraints and types) so databases built by push
 * accept it. write mode copies the result into the project's folder; dry-run and suggest check
 * the copy. Journal problems are not a new migration's: their findings' hints are the edit.
 */
export async function runDrizzleFix({ options, first, mode, log }: DrizzleFixRequest): Promise<FixResult> {
  const { result: check, context, findings } = first;
  const roots = rootFindings(findings);
  const unfixed: UnfixedFinding[] = roots
    .filter((f) => !GENERATED.has(f.ruleId))
    .map((finding) => ({ finding, why: whyNot(finding) }));
  const wanted = roots.filter((f) => GENERATED.has(f.ruleId));
  const folder = context.drizzleFolder;
  const config = options.project.kind === "drizzle" ? options.project.configFile : undefined;
  if (wanted.length === 0) return { check, files: [], unfixed, mode };
  const why = !folder ? "the migrations folder was not found" : !config ? "there is no drizzle.config.* to run drizzle-kit generate with" : !drizzleKitBin(options.projectDir) ? "drizzle-kit is not installed in the project (npm i -D drizzle-kit)" : undefined;
  if (why) return { check, files: [], unfixed: [...unfixed, ...wanted.map((finding) => ({ finding, why }))], mode };

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "mg-drizzle-fix-"));
  const removeCleanup = onCleanup(() => fs.rmSync(work, { recursive: true, force: true }));
  try {
    const out = path.join(work, "out");
    fs.cpSync(folder!.dir, out, { recursive: true });
    const before = listFiles(out);
    await drizzleKitGenerate({ options, config: config!, out, work, log });
    const added = [...listFiles(out)].filter((f) => !before.has(f));
    if (added.length === 0) {
      const none = "drizzle-kit generate found nothing to write: its last snapshot already has these objects, so the migration that creates them was edited or lost. Run drizzle-kit generate --custom and write the statements there (IF NOT EXISTS, for databases built by push).";
      return { check, files: [], unfixed: [...unfixed, ...wanted.map((finding) => ({ finding, why: none }))], mode };
    }
    for (const file of added.filter((f) => f.endsWith(".sql"))) fs.writeFileSync(path.join(out, file), idempotentSql(fs.readFileSync(path.join(out, file), "utf8"), context));
    const changed = [...before].filter((f) => f.endsWith("_journal.json") && fs.readFileSync(path.join(out, f), "utf8") !== fs.readFileSync(path.join(folder!.dir, f), "utf8"));
    const files: FixFile[] = [...added, ...changed].sort().map((f) => ({
      path: path.join(folder!.dir, f),
      content: fs.readFileSync(path.join(out, f), "utf8"),
      ...(changed.includes(f) && { before: fs.readFileSync(path.join(folder!.dir, f), "utf8") }),
    }));
    if (mode === "write") {
      for (const file of files) {
        // drizzle-kit 1.x writes a folder per migration.
        fs.mkdirSync(path.dirname(file.path), { recursive: true });
        fs.writeFileSync(file.path, file.content, file.before === undefined ? { flag: "wx" } : {});
      }
    }
    log(`drizzle-kit generate wrote ${added.filter((f) => f.endsWith(".sql")).join(", ")}; checking the project again with it in place`);
    const recheckOptions: GateOptions = {
      ...options,
      baseRef: undefined,
      simulateBaseline: false,
      failOn: "all",
      ...(mode !== "write" && options.project.kind === "drizzle" && { project: { ...options.project, migrationsDir: out } }),
    };
    const again = await runGate(recheckOptions, { log });
    const recheck = mode === "write" ? again : relocateResult(again, new Map([[out, folder!.dir]]));
    const prints = new Set(recheck.findings.map((f) => f.fingerprint));
    return { check, files, unfixed: unfixed.filter((u) => prints.has(u.finding.fingerprint)), recheck, mode };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    removeCleanup();
  }
}

function rootFindings(findings: readonly Finding[]): Finding[] {
  const considered = findings.filter((f) => f.severity === "error" || (f.severity === "warning" && GENERATED.has(f.ruleId)));
  const prints = new Set(considered.map((f) => f.fingerprint));
  return considered.filter((f) => !f.causedBy || !prints.has(f.causedBy));
}

/** The project's drizzle-kit CLI, as npx would find it (its exports map hides bin.cjs from require.resolve). */
function drizzleKitBin(projectDir: string): string | undefined {
  for (let dir = projectDir; ; dir = path.dirname(dir)) {
    const bin = path.join(dir, "node_modules", "drizzle-kit", "bin.cjs");
    if (fs.existsSync(bin)) return bin;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The project's drizzle-kit, on a config that is the project's with `out` moved to the copy.
 * It runs the project's config and schema code, so it gets the worker's confinement: the
 * guard preloaded, the environment scrubbed, no database reachable. stdin is closed: a prompt
 * (drizzle-kit asks when a table may have been renamed) ends it instead of hanging.
 */
async function drizzleKitGenerate({ options, config, out, work, log }: { options: GateOptions; config: string; out: string; work: string; log: (line: string) => void }): Promise<void> {
  // drizzle-kit reads out as relative to the working folder (it prefixes "./").
  const relativeOut = path.relative(options.projectDir, out).split(path.sep).join("/");
  const wrapper = path.join(work, `drizzle.config${path.extname(config) === ".js" || path.extname(config) === ".mjs" ? ".mjs" : ".ts"}`);
  fs.writeFileSync(wrapper, `import config from ${JSON.stringify(config)};\nconst given = (config as { default?: unknown }).default ?? config;\nexport default { ...(given as object), out: ${JSON.stringify(relativeOut)} };\n`.replace(/ as \{[^}]*\}| as object/g, wrapper.endsWith(".ts") ? "$&" : ""));
  const sandbox = await openSandbox();
  try {
    log("Running the project's drizzle-kit generate (on a copy of the migrations folder)");
    const bin = drizzleKitBin(options.projectDir)!;
    const child = spawn(process.execPath, [bin, "generate", "--config", wrapper, "--name", "migration_gate_fix"], { cwd: options.projectDir, env: sandbox.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    clearTimeout(timer);
    // drizzle-kit 0.x prints some failures and still exits 0.
    if (code !== 0 || /^(Error|\s+at )|ENOENT/m.test(output)) {
      const error = new GateError("drizzle-kit-generate-failed", `drizzle-kit generate failed (exit ${code ?? "killed"}) while planning the fix: ${output.trim().split("\n").slice(-5).join(" | ")}`, {
        hint: /rename|created or renamed|\?/i.test(output) ? "drizzle-kit asked whether something was renamed, which only you can answer: run npx drizzle-kit generate yourself." : "Run npx drizzle-kit generate yourself to see its output in full.",
      });
      throw Object.assign(error, { detail: output.trim().split("\n").slice(-20).join("\n") });
    }
  } finally {
    await sandbox.close();
  }
}

/** drizzle-kit's statements made safe on databases built by push, statement by statement. */
function idempotentSql(sql: string, context: RuleContext): string {
  return sql
    .split(STATEMENT_BREAKPOINT)
    .map((part) => {
      const statement = part.trim();
      if (!statement) return part;
      const made = makeIdempotent(statement, context.actual);
      return made ? part.replace(statement, `${made.up};`) : part;
    })
    .join(STATEMENT_BREAKPOINT);
}

function listFiles(dir: string): Set<string> {
  return new Set((fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()));
}

function whyNot(finding: Finding): string {
  if (JOURNAL.has(finding.ruleId)) return `the journal, not a new migration: ${finding.hint ?? "see the finding"}`;
  if (finding.ruleId === "migration-failed") {
    return "drizzle-kit generate appends its migration to the end of the journal, after this one, so it cannot make this one pass: fix this migration (or move what it needs into it), before any database has run it";
  }
  return "no new migration closes this kind of finding";
}
