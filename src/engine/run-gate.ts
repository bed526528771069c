import { chooseTranspiler } from "./transpiler.js";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { applyIgnores } from "./apply-ignores.js";
import { openBaseWorktree, type BaseWorktree } from "./base-worktree.js";
import { judgeChange } from "./change-verdict.js";
import { onCleanup } from "./cleanup.js";
import { resolveBaseRef, type BaseRevision } from "./edited-migrations.js";
import { git } from "./git.js";
import { GateError } from "./errors.js";
import { evaluateRules } from "./evaluate-rules.js";
import { chooseIsolation, type Isolation } from "./isolation.js";
import type { GateOptions } from "./parse-options.js";
import { failingFindings, type Finding, type GateResult, type MigrationRecord } from "./result.js";
import { startRevision } from "./revision.js";
import { openSandbox, type Sandbox } from "./sandbox.js";
import { upgradeOutcome } from "./upgrade-simulation.js";
import { findRenamedMigrations } from "./renamed-migrations.js";
import { chooseProvider } from "../postgres/choose-provider.js";
import type { ProvisionedDatabase } from "../postgres/provider.js";
import { createSiblingDatabase } from "../postgres/sibling-database.js";
import { RULES } from "../rules/index.js";
import { unusedSuppression } from "../rules/unused-suppression.js";
import type { RuleContext } from "../rules/rule.js";
import type { DbConnection } from "../worker/protocol.js";

export interface RunGateHooks {
  /** Progress lines for a human watching (stderr in the CLI, the log in the action). */
  log?: (line: string) => void;
  /**
   * The head's rule context (expected and actual schema, the migrations, TypeORM's schema-builder
   * SQL) with the findings as reported: what `fix` plans its migrations from.
   */
  onContext?: (context: RuleContext, findings: readonly Finding[]) => void;
}

/**
 * The engine, shared by the CLI and the action: provision a throwaway Postgres, run the
 * project's migration chain in a worker, read the catalog, apply the rules. With base-ref, the
 * base revision goes through the same steps alongside (a worktree, its own sandbox, a second
 * database on the same server) and the verdict is about the change (change-verdict.ts).
 * Throws GateError when no verdict is possible; findings are never thrown. Whatever happens,
 * the databases, worktree and sandboxes are disposed of before this returns.
 */
export async function runGate(options: GateOptions, hooks: RunGateHooks = {}): Promise<GateResult> {
  const log = hooks.log ?? (() => undefined);
  const started = Date.now();
  // A base-ref the clone lacks fails before anything starts.
  const base = options.baseRef ? await resolveBaseRef(options.projectDir, options.baseRef) : undefined;

  const isolation = chooseIsolation(options.isolation);
  log(`Isolation: ${isolation.detail}`);
  const disposers: Array<() => Promise<void>> = [];
  const removeCleanup = onCleanup(async () => {
    for (const dispose of [...disposers].reverse()) await dispose();
  });
  try {
    const sandbox = await openSandbox();
    disposers.push(sandbox.close);
    let baseSide: BaseSide | undefined;
    if (base) {
      // A folder of its own per repository, the same on every run: the base's files keep their transform cache entries.
      const baseSandbox = await openSandbox({ stableName: `mg-base-${crypto.createHash("sha256").update(base.root).digest("hex").slice(0, 12)}` });
      disposers.push(baseSandbox.close);
      const worktree = await openBaseWorktree({ base, projectDir: options.projectDir, project: options.project, dir: baseSandbox.dir });
      disposers.push(worktree.remove);
      log(`Base ${base.ref} (${base.commit.slice(0, 12)}) checked out in a worktree (the checkout's node_modules serve it): it is evaluated alongside, on a second database, which the head's migrations then upgrade`);
      const baseline = options.simulateBaseline ? (options.project.kind === "drizzle" ? "push" : "synchronize") : undefined;
      if (baseline) log(`Also simulated: a database built from the base by ${baseline === "push" ? "drizzle-kit push" : "synchronize"} and baselined, then upgraded by the change`);
      baseSide = { base, sandbox: baseSandbox, worktree, ...(baseline && { baseline }) };
    } else if (options.simulateBaseline) {
      log("simulate-synchronize / simulate-push need a base (base-ref, automatic on pull requests): skipped");
    }
    return await runIsolated(options, { log, started, base, isolation, sandbox, baseSide, onContext: hooks.onContext });
  } finally {
    removeCleanup();
    for (const dispose of disposers.reverse()) await dispose().catch(() => undefined);
  }
}

/** The rules that read what only the base side knows (renames, the upgrade, the baseline): they find nothing in a revision's own pass. */
const CHANGE_RULES = RULES.filter((rule) => ["renamed-migration", "skipped-on-upgrade", "upgrade-divergence", "not-idempotent", "irreversible-down", "down-breaks-up"].includes(rule.id));

interface BaseSide {
  base: BaseRevision;
  sandbox: Sandbox;
  worktree: BaseWorktree;
  /** simulate-synchronize / simulate-push: how the baselined database is built from the base. */
  baseline?: "synchronize" | "push";
}

interface IsolatedRun {
  log: (line: string) => void;
  started: number;
  base: BaseRevision | undefined;
  isolation: Isolation;
  sandbox: Sandbox;
  baseSide: BaseSide | undefined;
  onContext?: RunGateHooks["onContext"];
}

async function runIsolated(options: GateOptions, { log, started, base, isolation, sandbox, baseSide, onContext }: IsolatedRun): Promise<GateResult> {
  const abort = new AbortController();
  const baseline = baseSide?.baseline;
  // The workers load the project while Postgres starts; each waits for its database only when it needs it.
  // The head's worker stays for the upgrade (and the baseline's upgrade), the base's for the baseline's build.
  // A base without the project folder is not evaluated; the verdict says why.
  const evaluable = baseSide && !baseSide.worktree.absent ? baseSide : undefined;
  // check-down needs one more rerun of the head, on a database of its own (TypeORM only).
  const checkDown = options.project.kind !== "drizzle" && (options.checkDown === "all" || (options.checkDown === "new" && baseSide !== undefined));
  const transpiler = await chooseTranspiler(log);
  const head = startRevision({ options, projectDir: options.projectDir, project: options.project, sandbox, isolation, signal: abort.signal, log, logMigrations: true, reruns: (evaluable ? (baseline ? 2 : 1) : 0) + (checkDown ? 1 : 0), transpiler });
  const baseRun =
    evaluable &&
    startRevision({ options, projectDir: evaluable.worktree.projectDir, project: evaluable.worktree.project, sandbox: evaluable.sandbox, isolation, signal: abort.signal, log, logMigrations: false, reruns: baseline ? 1 : 0, transpiler });
  let db: ProvisionedDatabase;
  try {
    db = await provision(options, log);
  } catch (error) {
    abort.abort();
    throw error;
  }
  const disposers: Array<() => Promise<void>> = [db.dispose];
  const removeCleanup = onCleanup(async () => {
    for (const dispose of [...disposers].reverse()) await dispose();
  });
  try {
    const provisioned = Date.now();
    log(`Postgres ${db.serverVersion} ready (${db.provider}) in ${seconds(provisioned - started)}`);
    head.connect(db.connection);
    const sibling = async () => {
      const created = await createSiblingDatabase(db.connection, options.timeoutMs);
      disposers.push(created.dispose);
      return created;
    };
    const baseDb = baseRun ? await sibling() : undefined;
    const baselineDb = baseRun && baseline ? await sibling() : undefined;
    if (baseRun) baseRun.connect(baseDb!.connection);

    const headRoots = rootSpellings(repositoryRoot(options.projectDir), base?.root);
    // Without the base the verdict is still complete, only not about the change.
    const unavailable = (error: unknown) => {
      if (!(error instanceof GateError) || error.code === "postgres-died") throw error;
      return { unavailable: error };
    };
    const baseFlow = async () => {
      let evaluation;
      try {
        evaluation = await baseRun!.evaluate({ connection: baseDb!.connection, rootDirs: rootSpellings(baseSide!.worktree.root) });
      } catch (error) {
        head.skipRerun();
        if (baseline) head.skipRerun();
        return unavailable(error);
      }
      // The base's database is now what every deployed one has: the head's migrator upgrades it.
      const upgraded = head
        .rerun(baseDb!.connection, "upgrade")
        .then((migrations) => head.evaluateRerun({ connection: baseDb!.connection, migrations, rootDirs: headRoots }))
        .catch(unavailable);
      // The baseline: the base's code builds it without migrations, then the head's migrator runs on it.
      const baselined = baseline
        ? baseRun!
            .rerun(baselineDb!.connection, baseline)
            .then(
              () => head.rerun(baselineDb!.connection, "upgrade"),
              (error: unknown) => {
                head.skipRerun();
                throw error;
              },
            )
            .then((migrations) => ({ migrations }))
            .catch(unavailable)
        : undefined;
      return { ...evaluation, upgraded: await upgraded, baselined: await baselined };
    };
    const [headEval, baseEval] = await whileServerLives(db, abort, () =>
      Promise.all([
        head.evaluate({ connection: db.connection, base, rootDirs: headRoots }),
        baseRun ? baseFlow() : baseSide?.worktree.absent ? { unavailable: new GateError("base-project-absent", baseSide.worktree.absent) } : undefined,
      ]),
    );
    const baselined = baseEval && !("unavailable" in baseEval) ? baseEval.baselined : undefined;
    const diffStarted = Date.now();
    const { result, expected } = headEval;
    // What the base side tells the change-scoped rules; they run once, after everything is in.
    const later: Pick<RuleContext, "renamedMigrations" | "upgrade" | "baselined" | "downChecks"> = {};
    if (baseEval && "unavailable" in baseEval) log(`The base ${base!.ref} could not be evaluated (${baseEval.unavailable.message}); every finding counts as introduced`);
    else if (baseEval) {
      log(`Base ${base!.ref} evaluated in ${seconds(baseEval.elapsedMs)}: ${baseEval.ruleFindings.length} finding(s) there`);
      // TypeORM and drizzle 1.x record applied migrations by name; drizzle 0.x by the journal's when.
      later.renamedMigrations = await findRenamedMigrations({
        base: base!,
        baseMigrations: baseEval.result.migrations.map((m) => (m.location ? { ...m, location: { ...m.location, file: baseSide!.worktree.toHead(m.location.file) } } : m)),
        headMigrations: result.migrations,
        byName: result.orm.name === "typeorm" || result.drizzleFolder?.format !== "journal",
      });
      if ("unavailable" in baseEval.upgraded) log(`The upgrade from the base was not simulated: ${baseEval.upgraded.unavailable.message}`);
      else {
        const outcome = upgradeOutcome({
          baseRef: base!.ref,
          base: baseEval.result,
          fresh: result,
          upgraded: baseEval.upgraded.result,
          freshFindings: headEval.ruleFindings,
          upgradedFindings: baseEval.upgraded.ruleFindings,
        });
        const ran = baseEval.upgraded.result.migrations;
        const failedThere = ran.filter((m) => m.status === "failed").length;
        log(`Upgrade from the base simulated: the migrator ran ${ran.length} migration(s) on the base's database (${failedThere} failed) and skipped ${outcome.skipped.length}; ${outcome.divergent.length} difference(s) from a fresh database`);
        later.upgrade = outcome;
      }
    }
    if (baselined && baseline && "unavailable" in baselined) log(`The ${baseline} baseline was not simulated: ${baselined.unavailable.message}`);
    else if (baselined && baseline && "migrations" in baselined) {
      const failed = baselined.migrations.filter((m) => m.status === "failed").length;
      log(`Database built by ${baseline} from the base and baselined: the change's migrator ran ${baselined.migrations.length} migration(s) on it, ${failed} failed`);
      later.baselined = { kind: baseline, baseRef: base!.ref, migrations: baselined.migrations };
    }
    if (checkDown) later.downChecks = await runCheckDown({ options, head, baseEval, base, migrations: result.migrations, sibling, log, db, abort });
    const changeFindings = evaluateRules({ ...headEval.context, ...later }, options.rules.severities, { rootDirs: headRoots, rules: CHANGE_RULES, joinsEarlier: true });
    const findings = applyIgnores([...headEval.ruleFindings, ...changeFindings], options.rules, { projectDir: options.projectDir });
    const verdict = judgeChange({
      head: findings,
      ...(baseSide &&
        baseEval && {
          base:
            "unavailable" in baseEval
              ? { unavailable: baseEval.unavailable.message, ref: baseSide.base }
              : { findings: applyIgnores(baseEval.ruleFindings, options.rules, { projectDir: baseSide.worktree.projectDir }).map((f) => toHeadFinding(f, baseSide)), ref: baseSide.base },
        }),
      suppressions: { file: options.suppressionsFile, projectDir: options.projectDir, write: options.suppressAll, severity: options.rules.severities[unusedSuppression.id] },
      failOn: options.failOn,
    });
    onContext?.(headEval.context, verdict.findings);
    if (verdict.written !== undefined) log(`Wrote ${verdict.written} suppression(s) to ${options.suppressionsFile}: commit it; from now on only new findings fail`);
    const finished = Date.now();

    return {
      status: failingFindings(verdict).length > 0 ? "failed" : "passed",
      projectDir: options.projectDir,
      rootDir: repositoryRoot(options.projectDir),
      orm: result.orm,
      postgres: { provider: db.provider, version: db.serverVersion },
      isolation: isolation.kind,
      entityCount: result.entityCount,
      tableCount: expected.tables.length,
      migrations: result.migrations,
      findings: verdict.findings,
      ...(verdict.fixed && { fixed: verdict.fixed }),
      ...(verdict.change && { change: verdict.change }),
      timings: {
        provision: provisioned - started,
        load: result.timings.load,
        migrate: result.timings.migrate,
        introspect: headEval.introspectMs,
        diff: finished - diffStarted + headEval.rulesMs,
        ...(options.crossCheck && result.orm.name === "typeorm" && { crossCheck: headEval.crossCheckMs }),
        ...(baseEval && "elapsedMs" in baseEval && { base: baseEval.elapsedMs }),
        total: finished - started,
      },
    };
  } finally {
    // A revision still running when the other failed is stopped, not left to its timeout.
    abort.abort();
    removeCleanup();
    for (const dispose of disposers.reverse()) await dispose().catch(() => undefined);
  }
}

interface CheckDownRun {
  options: GateOptions;
  head: ReturnType<typeof startRevision>;
  baseEval: unknown;
  base: BaseRevision | undefined;
  migrations: MigrationRecord[];
  sibling: () => Promise<{ connection: DbConnection }>;
  log: (line: string) => void;
  db: ProvisionedDatabase;
  abort: AbortController;
}

/**
 * check-down: the migrations chosen (new: those the base does not have; all) run up, down and up
 * again on a database of their own (worker/typeorm/check-down.ts). A failure of the check
 * itself is logged: the verdict stands without it.
 */
async function runCheckDown({ options, head, baseEval, base, migrations, sibling, log, db, abort }: CheckDownRun): Promise<RuleContext["downChecks"]> {
  const evaluated = baseEval && typeof baseEval === "object" && "result" in baseEval ? (baseEval as { result: { migrations: MigrationRecord[] } }).result : undefined;
  const baseNames = new Set(evaluated?.migrations.map((m) => m.name) ?? []);
  // A base that could not be evaluated still has files: a migration whose file the base commit has is not new.
  const baseFiles = !evaluated && base && options.checkDown === "new" ? await filesAtCommit(base, migrations) : new Set<string>();
  const isNew = (m: MigrationRecord) => (evaluated ? !baseNames.has(m.name) : !(m.location && baseFiles.has(m.location.file)));
  const names = migrations.filter((m) => m.status === "applied" && (options.checkDown === "all" || isNew(m))).map((m) => m.name);
  if (names.length === 0) {
    head.skipRerun();
    log(options.checkDown === "all" ? "check-down: no migration ran, so no down() to check" : "check-down: the change adds no migration that runs, so no down() to check");
    return undefined;
  }
  try {
    const database = await sibling();
    const checked = await whileServerLives(db, abort, () => head.rerun(database.connection, "check-down", names));
    log(`check-down: ran up, down and up again for ${checked.length} migration(s)${checked.length < names.length ? ` (of ${names.length}: the chain stopped at a failure)` : ""}`);
    return { migrations: checked, tracking: await head.tracking };
  } catch (error) {
    if (error instanceof GateError && error.code === "postgres-died") throw error;
    log(`check-down could not run: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The migration files (absolute paths) that exist at the base commit. */
async function filesAtCommit(base: BaseRevision, migrations: readonly MigrationRecord[]): Promise<Set<string>> {
  const present = new Set<string>();
  for (const file of new Set(migrations.flatMap((m) => (m.location ? [m.location.file] : [])))) {
    const relative = path.relative(base.root, file).split(path.sep).join("/");
    try {
      await git(base.root, ["cat-file", "-e", `${base.commit}:${relative}`]);
      present.add(file);
    } catch {
      // Not in the base commit: new.
    }
  }
  return present;
}

/** The repository root as given and as git (and stack traces) spell it: keys must lose both. */
export function rootSpellings(...roots: Array<string | undefined>): string[] {
  const all = new Set<string>();
  for (const root of roots.filter((r): r is string => Boolean(r))) {
    all.add(root);
    try {
      all.add(fs.realpathSync(root));
    } catch {
      // Gone already: the spelling given is all there is.
    }
  }
  // Longest first: a root inside another must be cut before its parent.
  return [...all].sort((a, b) => b.length - a.length);
}

/** A base finding as the head checkout names it: worktree paths become the checkout's. */
function toHeadFinding(finding: Finding, side: BaseSide): Finding {
  const root = side.worktree.root;
  const text = (value: string) => value.split(root).join(side.base.root);
  return {
    ...finding,
    message: text(finding.message),
    ...(finding.hint !== undefined && { hint: text(finding.hint) }),
    ...(finding.detail !== undefined && { detail: text(finding.detail) }),
    ...(finding.location && { location: { ...finding.location, file: side.worktree.toHead(finding.location.file) } }),
  };
}

export async function provision(options: GateOptions, log: (line: string) => void): Promise<ProvisionedDatabase> {
  const request = { ...options.postgres, log, runTimeoutMs: options.timeoutMs };
  const provider = await chooseProvider(request);
  return provider.start(request);
}

/**
 * Runs `work` unless the server dies first. A dead server would otherwise surface as a string
 * of migration failures ("connection terminated") that blame the user's code.
 */
export async function whileServerLives<T>(db: ProvisionedDatabase, controller: AbortController, work: () => Promise<T>): Promise<T> {
  const died = (what: string) =>
    new GateError("postgres-died", `The throwaway Postgres stopped during the run: ${what}.`, {
      hint: "Something outside the gate stopped it (out of memory, a job limit, a killed process). Run the gate again; if a migration crashes the server every time, that migration is worth a look.",
    });
  const death = db.died.then((what) => {
    controller.abort();
    throw died(what);
  });
  death.catch(() => undefined);
  try {
    return await Promise.race([work(), death]);
  } catch (error) {
    // The project's own errors are not about the server.
    if (error instanceof GateError && error.code !== "worker-crashed") throw error;
    // The work may notice the dead server (a refused connection) a moment before we do.
    const what = await Promise.race([db.died, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1000).unref())]);
    throw what && !(error instanceof GateError && error.code === "postgres-died") ? died(what) : error;
  }
}

/** The nearest folder above (or at) the project that holds `.git`; the project itself outside git. */
export function repositoryRoot(projectDir: string): string {
  for (let dir = projectDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return projectDir;
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
