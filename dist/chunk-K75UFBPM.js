import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);

// src/engine/errors.ts
var GateError = class extends Error {
  code;
  hint;
  constructor(code, message, options = {}) {
    super(message, { cause: options.cause });
    this.name = "GateError";
    this.code = code;
    this.hint = options.hint;
  }
};
function serializeError(error) {
  if (error instanceof GateError) {
    return { code: error.code, message: error.message, hint: error.hint, detail: describeCause(error.cause) };
  }
  const err = error instanceof Error ? error : new Error(String(error));
  return { code: "internal-error", message: err.message, detail: err.stack };
}
function deserializeError(data) {
  const error = new GateError(data.code, data.message, { hint: data.hint });
  if (data.detail) Object.assign(error, { detail: data.detail });
  return error;
}
function describeCause(cause) {
  if (cause instanceof Error) return cause.stack ?? cause.message;
  return cause === void 0 ? void 0 : String(cause);
}

// src/engine/options-spec.ts
var OPTION_SPECS = [
  {
    name: "command",
    description: "What to run: check (the migrations against the schema code, on a throwaway database) or deploy-check (the database a deploy is about to migrate, given as target-url, read-only: what is pending, what would fail on its schema and its rows, what was changed by hand, a database built by push or synchronize). In the CLI it is the first word: migration-gate deploy-check. baseline and fix (write the migrations that close the check's errors) are CLI-only; in the action, suggest-fix shows the fix.",
    default: "check",
    actionInput: true,
    placeholder: "check|deploy-check"
  },
  {
    name: "target-url",
    description: "deploy-check and baseline: the database the deploy migrates (staging, production), e.g. postgres://readonly:secret@staging-db:5432/app?sslmode=require. deploy-check opens it read-only (default_transaction_read_only, READ ONLY transactions) and reads only the catalog, the migrations table and row counts; the migrations run on a throwaway database, never on it. Masked in every log.",
    actionInput: true,
    secret: true,
    placeholder: "url"
  },
  {
    name: "yes",
    description: "baseline: write the migrations table rows (without it, baseline prints the plan and writes nothing).",
    actionInput: false,
    switch: true,
    placeholder: ""
  },
  {
    name: "dry-run",
    description: "fix: print the migrations it would write and check the project with them from a temporary folder; nothing is written into the project.",
    actionInput: false,
    switch: true,
    placeholder: ""
  },
  {
    name: "working-directory",
    description: "Project directory: where package.json and node_modules of the project live. Other paths are relative to it.",
    default: ".",
    actionInput: true,
    placeholder: "dir"
  },
  {
    name: "orm",
    description: "Which ORM the project uses: auto (TypeORM when data-source, entities or ormconfig is given; Drizzle when drizzle-config or schema is given, or a drizzle.config.ts/js sits in working-directory; else TypeORM when an ormconfig.* file sits in working-directory or TYPEORM_CONNECTION/TYPEORM_URL is set), typeorm or drizzle.",
    default: "auto",
    actionInput: true,
    placeholder: "auto|typeorm|drizzle"
  },
  {
    name: "data-source",
    description: 'File that exports the TypeORM DataSource (.ts or .js), as given to `typeorm -d`. `file#name` picks the export `name`, which may also be a plain options object (`{ type: "postgres", ... }`, as given to NestJS `TypeOrmModule.forRoot`) or a function without parameters, sync or async, returning either. Use this, or `entities` + `migrations`, or `ormconfig`.',
    actionInput: true,
    placeholder: "file[#export]"
  },
  {
    name: "data-source-export",
    description: "Name of the export to use when the data source file exports several DataSources (the same as `data-source: file#name`). With `ormconfig`: the connection to check, instead of `default`.",
    actionInput: true,
    placeholder: "name"
  },
  {
    name: "ormconfig",
    description: "typeorm 0.2 projects without a data source file: the ormconfig file (.json, .js, .ts, .yml, .yaml or .env) to read, with the project's own typeorm ConnectionOptionsReader as typeorm 0.2's CLI reads it; the `default` connection is checked, or the one `data-source-export` names. Empty, with no data-source or entities: ormconfig.* in working-directory, or the TYPEORM_* environment variables.",
    actionInput: true,
    placeholder: "file"
  },
  {
    name: "entities",
    description: "For projects without a data source file (NestJS): entity file globs, comma or newline separated (a comma inside `{}` belongs to the glob: `src/**/*.entity{.ts,.js}`).",
    actionInput: true,
    placeholder: "globs"
  },
  {
    name: "migrations",
    description: "TypeORM, with `entities`: migration file globs, comma or newline separated (not inside `{}`). Drizzle: the migrations folder (drizzle-kit's `out`), overriding the config's.",
    actionInput: true,
    placeholder: "globs"
  },
  {
    name: "naming-strategy",
    description: "With `entities`: module exporting the naming strategy class or instance, as `file` or `file#ExportName`.",
    actionInput: true,
    placeholder: "file[#export]"
  },
  {
    name: "drizzle-config",
    description: "Drizzle: the drizzle-kit config file (drizzle.config.ts), read for schema, out, casing and migrations. Empty: drizzle.config.{ts,js,mts,mjs,cts,cjs} in working-directory.",
    actionInput: true,
    placeholder: "file"
  },
  {
    name: "schema",
    description: "Drizzle: schema files, folders or globs holding the pgTable definitions, comma or newline separated, overriding the config's schema. Without a config file, give it with `migrations` (the migrations folder, drizzle-kit's `out`).",
    actionInput: true,
    placeholder: "globs"
  },
  {
    name: "database-url",
    description: "Postgres server on which to create a throwaway database for the run (dropped afterwards), e.g. a `services: postgres` container. Its own database is never touched. Empty: start an embedded Postgres.",
    actionInput: true,
    secret: true,
    placeholder: "url"
  },
  {
    name: "postgres",
    description: "Where the throwaway Postgres comes from: auto (fastest available: url if database-url is set, a local installation of postgres-version, the embedded binaries, Docker), url, binaries, embedded or docker.",
    default: "auto",
    actionInput: true,
    placeholder: "provider"
  },
  {
    name: "postgres-version",
    description: "Postgres major version to check against: use the one production runs. The embedded provider offers 14 to 18.",
    default: "17",
    actionInput: true,
    placeholder: "major"
  },
  {
    name: "postgres-image",
    description: "Docker image to run instead of postgres:<postgres-version>, e.g. postgis/postgis:17-3.5. Needs Docker.",
    actionInput: true,
    placeholder: "image"
  },
  {
    name: "timeout",
    description: "Seconds the whole run may take; a hanging migration is stopped and named.",
    default: "600",
    actionInput: true,
    placeholder: "seconds"
  },
  {
    name: "config",
    description: "Rules configuration file (severities and ignores, see docs/configuration.md). Empty: migration-gate.config.json in working-directory, when there is one.",
    actionInput: true,
    placeholder: "file"
  },
  {
    name: "rules",
    description: "Rule severities, overriding the config file: `rule-id=error|warning|notice|off`, comma or newline separated.",
    actionInput: true,
    placeholder: "id=severity,..."
  },
  {
    name: "ignore",
    description: "Findings to ignore, one per line (repeat the flag in the CLI): `<rule-id or fingerprint> [object, * allowed] -- <reason>`. The reason is required; an entry that matches nothing is reported.",
    actionInput: true,
    multiple: true,
    placeholder: "entry"
  },
  {
    name: "cross-check",
    description: "true: also ask TypeORM's own schema builder what it would still change, and report what no finding explains (unexplained-drift). It costs about 1 s per 100 entities (TypeORM reads the catalog slowly); false skips it. TypeORM only: Drizzle projects have no such oracle.",
    default: "true",
    actionInput: true,
    placeholder: "true|false"
  },
  {
    name: "isolation",
    description: "How the project's code is kept away from every database but the throwaway one: namespace (Linux: the worker runs in a network namespace with no network at all, reaching Postgres only through the gate's socket; needs root or unprivileged user namespaces), guard (every Node process and thread below the worker is guarded, every subprocess gets database settings that lead nowhere, and programs that are not Node are reported), or auto (namespace where the system allows it, else guard). The log says which ran.",
    default: "auto",
    actionInput: true,
    placeholder: "auto|namespace|guard"
  },
  {
    name: "base-ref",
    description: "Git revision the change starts from, e.g. origin/main. The gate evaluates that revision too (checked out in a temporary worktree, replayed on a second database of the same server) and judges the change: each finding is introduced or already on the base, and base findings gone now are listed as fixed. It also reports migration files merged there and edited since (edited-migration). In the action it is automatic: the pull request's base commit, or the push's previous commit, fetched when the checkout is shallow.",
    actionInput: true,
    placeholder: "rev"
  },
  {
    name: "check-down",
    description: "TypeORM: prove each migration's down() undoes its up(). For each migration chosen, on a database of its own the chain before it built: the schema is read, up() runs, down() runs, the schema is compared with what it was (irreversible-down, object by object), and up() runs again (down-breaks-up). new: the migrations the change adds (needs a base: base-ref, automatic on pull requests; without one it does nothing); all: every migration; off.",
    default: "new",
    actionInput: true,
    placeholder: "new|all|off"
  },
  {
    name: "simulate-synchronize",
    description: "TypeORM, with a base: also build the base's schema the way environments that ran with synchronize: true have it (TypeORM's synchronize, every base migration recorded as run, as after a baseline), then run the change's migrations on it: a migration that fails there because what it creates already exists is reported (not-idempotent).",
    default: "false",
    actionInput: true,
    placeholder: "true|false"
  },
  {
    name: "simulate-push",
    description: "Drizzle, with a base: the same for databases built with drizzle-kit push (the base's schema as push creates it, every base migration recorded in the migrations table), then the change's migrations: not-idempotent when one fails because its object already exists.",
    default: "false",
    actionInput: true,
    placeholder: "true|false"
  },
  {
    name: "fail-on",
    description: "Which errors fail the run: new (only errors the change introduces: not on base-ref, not in the suppressions file) or all. Empty: new when base-ref is set or a suppressions file exists, else all.",
    actionInput: true,
    placeholder: "new|all"
  },
  {
    name: "suppressions",
    description: "Suppressions file: findings listed there (by fingerprint) count as already there, not introduced, so they do not fail the run under fail-on: new; entries that match nothing any more are reported (unused-suppression). Relative to working-directory.",
    default: "migration-gate-suppressions.json",
    actionInput: true,
    placeholder: "file"
  },
  {
    name: "suppress-all",
    description: "Write every current finding into the suppressions file (keeping the reasons already written) and pass: adopting the gate on an old project is this one command, then commit the file. Later runs fail only on new findings.",
    actionInput: false,
    switch: true,
    placeholder: ""
  },
  {
    name: "sarif-file",
    description: "Also write the findings as SARIF 2.1.0 to this file, for github/codeql-action/upload-sarif.",
    actionInput: true,
    placeholder: "file"
  },
  {
    name: "comment",
    description: "true: keep one pull request comment with the report, updated in place on every run. Needs pull-requests: write; skipped with a warning on fork PRs.",
    default: "false",
    actionInput: true,
    placeholder: "true|false"
  },
  {
    name: "suggest-fix",
    description: "When the check fails: also plan the migrations that close its errors (as migration-gate fix does), re-check the project with them in place (then remove them: the checkout is left as it was), and put them in the job summary and the PR comment (collapsed) and in a patch file (the fix-patch output) that git apply accepts. auto: on pull request events.",
    default: "auto",
    actionInput: true,
    placeholder: "auto|true|false"
  },
  {
    name: "transform-cache",
    description: "true: transpiled files are kept in node_modules/.cache/migration-gate/transform, so a rerun reads them back instead of transpiling; in the action they are also restored from and saved to the GitHub Actions cache (key: gate version, lockfile hash and source hash; restored by prefix, so a new commit of a branch starts warm). false: every file is transpiled every run, and nothing is written to node_modules.",
    default: "true",
    actionInput: true,
    placeholder: "true|false"
  },
  {
    name: "github-token",
    description: "Token for the check run and the PR comment. In the CLI, defaults to GITHUB_TOKEN from the environment.",
    actionDefault: "${{ github.token }}",
    actionInput: true,
    secret: true,
    placeholder: "token"
  },
  {
    name: "format",
    description: "Report format on stdout: text, json, markdown or sarif.",
    default: "text",
    actionInput: false,
    placeholder: "format"
  }
];

// src/engine/parse-options.ts
import fs6 from "node:fs";
import { createRequire } from "node:module";
import path13 from "node:path";

// src/engine/folder-walk.ts
import fs from "node:fs";
import path from "node:path";
function findFolders(dir, { depth, matches, limit = Infinity }) {
  const found = [];
  let level = [dir];
  for (let i = 0; i < depth && level.length && found.length < limit; i++) {
    const next = [];
    for (const folder of level) {
      let entries;
      try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
        const child = path.join(folder, entry.name);
        if (matches(child, entry.name)) {
          found.push(child);
          if (found.length >= limit) return found;
        } else next.push(child);
      }
    }
    level = next;
  }
  return found;
}

// src/engine/rule-config.ts
import fs5 from "node:fs";
import path12 from "node:path";

// src/rules/backdated-migration.ts
import path2 from "node:path";
var backdatedMigration = {
  id: "backdated-migration",
  defaultSeverity: "warning",
  description: "A TypeORM migration added with a timestamp older than one already merged: existing databases run it in another order than fresh ones.",
  check({ backdatedMigrations }) {
    return (backdatedMigrations ?? []).map((m) => ({
      key: m.name,
      object: m.name,
      location: m.location,
      message: `${m.name} is new since ${m.baseRef} but its timestamp (${m.timestamp}) is older than ${m.newestMerged} (${m.newestTimestamp}), which is already merged: fresh databases run it before ${m.newestMerged}, existing ones (staging, production) after it, as the last migration.`,
      hint: `Unless it must run before ${m.newestMerged} on fresh databases, give it a timestamp after ${m.newestTimestamp}: rename the class (and its name property and file, e.g. ${path2.basename(m.location.file).replace(String(m.timestamp), String(m.newestTimestamp + 1))}); it has not run anywhere from the base branch yet. If it must, make sure it also works when run after ${m.newestMerged}.`
    }));
  }
};

// src/rules/origin.ts
function parseOrigin(origin) {
  const match = origin ? /^(.*):(\d+)$/.exec(origin) : null;
  return match ? { file: match[1], line: Number(match[2]) } : void 0;
}

// src/rules/blocked-connection.ts
var blockedConnection = {
  id: "blocked-connection",
  defaultSeverity: "warning",
  description: "Project code tried to reach a server other than the throwaway Postgres; the gate blocked it.",
  check({ blockedConnections }) {
    const seen = /* @__PURE__ */ new Set();
    return blockedConnections.filter((b) => !b.via).filter((b) => !seen.has(b.target) && seen.add(b.target)).map((b) => {
      return {
        key: b.target,
        object: b.target,
        location: parseOrigin(b.origin),
        message: `Project code tried to connect to ${b.target} while the gate loaded it; the connection was blocked.`,
        hint: "The gate only lets your code reach its throwaway Postgres. If a module connects at import time (an initialize() at top level, a cache or queue client), move that into your app's startup."
      };
    });
  }
};

// src/rules/command-text.ts
function shortCommand(command) {
  return command.length > 120 ? `${command.slice(0, 117)}...` : command;
}

// src/rules/reached-outside.ts
var VIA = {
  thread: "a worker thread",
  subprocess: "a subprocess",
  native: "a native driver (libpq)",
  unknown: "a program the gate could not identify"
};
var reachedOutside = {
  id: "reached-outside",
  defaultSeverity: "error",
  description: "Code the project started (a subprocess, a worker thread, a native driver) tried to reach a database other than the throwaway one; the gate stopped it.",
  check({ blockedConnections }) {
    const seen = /* @__PURE__ */ new Set();
    return blockedConnections.filter((b) => b.via).filter((b) => {
      const key = `${b.via.kind} ${b.target} ${b.origin ?? ""}`;
      return !seen.has(key) && seen.add(key);
    }).map((b) => {
      const via = b.via;
      const started = via.spawnedAt && via.spawnedAt !== b.origin ? ` (started at ${via.spawnedAt})` : "";
      const program = via.kind === "subprocess" && via.command ? ` \`${shortCommand(via.command)}\`` : via.kind === "unknown" && via.command ? ` ${via.command}` : "";
      return {
        // No line numbers: the fingerprint stays put when the file above it changes.
        key: `${via.kind} ${b.target} ${parseOrigin(b.origin)?.file ?? ""}`,
        object: b.target,
        location: parseOrigin(b.origin),
        message: `${capitalize(VIA[via.kind])}${program}${started} tried to connect to ${b.target}; the gate refused it, but on a real deploy it would have connected.`,
        hint: via.kind === "subprocess" ? "A migration that shells out runs with the deploy job's environment, so it reaches whatever database that names. Do the work in the migration's own queryRunner (or db) instead, or pass the connection the migration was given." : via.kind === "thread" ? "A worker thread opens its own connections from the environment. Do the work on the migration's own connection (queryRunner / db) instead." : "Migrations should use the connection they are given: anything else reaches the database the environment names, which on a deploy job is a real one."
      };
    });
  }
};
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// src/rules/unguarded-subprocess.ts
var unguardedSubprocess = {
  id: "unguarded-subprocess",
  defaultSeverity: "warning",
  description: "Without a network namespace, the project started a program that is not Node (psql, a shell script); the gate could not watch where it connected.",
  check({ unguardedSubprocesses = [] }) {
    return unguardedSubprocesses.map((s) => {
      const program = s.command.split(/\s+/)[0];
      return {
        key: `${parseOrigin(s.origin)?.file ?? s.origin} ${program}`,
        object: program,
        location: parseOrigin(s.origin),
        message: `The project started \`${shortCommand(s.command)}\`; without a network namespace the gate cannot see where a program that is not Node connects.`,
        hint: "Its database variables (DATABASE_URL, PG*, ...) pointed at the gate's door, so it could only have reached another database through an address written into the command. Run the gate where a network namespace can be made (Linux as root, or with user namespaces allowed) to have it contained, or do the work in the migration itself."
      };
    });
  }
};

// src/rules/edited-migration.ts
import path3 from "node:path";
var editedMigration = {
  id: "edited-migration",
  defaultSeverity: "error",
  description: "A migration that already exists on the base revision was edited: databases that applied it never see the change.",
  check({ editedMigrations, orm }) {
    const raised = new Map((editedMigrations ?? []).flatMap((e) => e.raisedWhen ? [[e.raisedWhen.tag, e.raisedWhen]] : []));
    return (editedMigrations ?? []).map((edited) => {
      if (edited.raisedWhen) {
        const { tag, before, after } = edited.raisedWhen;
        return {
          key: `when:${tag}`,
          object: tag,
          location: { file: edited.file, line: edited.line },
          message: `The journal entry of ${tag}, merged with when ${before}, now has when ${after}: every database that already applied it will run it again (drizzle-orm's migrator applies entries newer than the newest applied created_at), and unless every statement in it is idempotent (IF NOT EXISTS), fail on what it created the first time.`,
          hint: `Restore its "when" to ${before} (and its .sql as merged): regenerating the migrations folder rewrites merged entries. Put new changes in a new migration (npx drizzle-kit generate).`
        };
      }
      const whenToo = raised.get(path3.basename(edited.file, ".sql"));
      return {
        key: path3.basename(edited.file),
        object: path3.basename(edited.file),
        location: { file: edited.file, line: edited.line },
        message: whenToo ? `${path3.basename(edited.file)} was edited after it was merged (it differs from ${edited.baseRef}), and its journal entry's when was raised too: databases that already applied it will run the edited version again, and fail on what it created the first time.` : `${path3.basename(edited.file)} was edited after it was merged (it differs from ${edited.baseRef}): databases that already applied it will never run the change, because ${orm === "drizzle" ? "drizzle-orm's migrator never compares the stored hash" : "TypeORM never runs a migration of the same name again"}.`,
        hint: `Revert the edit and put the change in a new migration (${orm === "drizzle" ? "npx drizzle-kit generate" : "npx typeorm migration:generate"}). If no database has applied it yet (it was merged minutes ago), ignore this finding with that reason.`
      };
    });
  }
};

// src/rules/duplicate-migration-number.ts
import path4 from "node:path";

// src/rules/journal-text.ts
function journalFolder(folder) {
  return folder?.format === "journal" && folder.journalFile ? folder : void 0;
}
function entryLocation(folder, entry) {
  return { file: folder.journalFile, line: entry.line };
}
function whenLocation(folder, entry) {
  return { file: folder.journalFile, line: entry.whenLine ?? entry.line };
}
function shortPath(_folder, file) {
  return file;
}
function isoTime(when) {
  return Number.isFinite(when) ? new Date(when).toISOString() : String(when);
}

// src/rules/duplicate-migration-number.ts
var SAFE_RENUMBER = (later) => `If ${later} has already run on a deployed database, do not delete or regenerate it (databases that ran it would run its statements again): renumber it instead: rename the file (and its meta/*_snapshot.json) to the next free number, and update its journal entry's idx and tag to match; keep its "when". If it has not run anywhere yet, you may instead delete its file, journal entry and snapshot and run npx drizzle-kit generate on top of the merged branch.`;
var duplicateMigrationNumber = {
  id: "duplicate-migration-number",
  defaultSeverity: "error",
  description: "Two Drizzle migrations share a number (file prefix or journal idx): branches generated them in parallel.",
  check({ drizzleFolder }) {
    const folder = journalFolder(drizzleFolder);
    if (!folder) return [];
    const findings = [];
    const byPrefix = /* @__PURE__ */ new Map();
    for (const file of folder.sqlFiles.filter((f) => !f.unlisted)) {
      if (file.prefix !== void 0) byPrefix.set(file.prefix, [...byPrefix.get(file.prefix) ?? [], file]);
    }
    for (const [prefix, files] of byPrefix) {
      if (files.length < 2) continue;
      const later = files[files.length - 1];
      findings.push({
        // No number in the key: renumbering one of them must not make it a new finding elsewhere.
        key: `files:${files.map((f) => f.name).sort().join(",")}`,
        object: path4.basename(later.file),
        location: { file: later.file, line: 1 },
        message: `${files.length} migration files are numbered ${prefix}: ${files.map((f) => path4.basename(f.file)).join(", ")}. Two branches each generated "the next" migration.`,
        hint: SAFE_RENUMBER(path4.basename(later.file))
      });
    }
    const seen = /* @__PURE__ */ new Map();
    for (const entry of folder.journal) {
      const first = seen.get(entry.idx);
      if (first === void 0) {
        seen.set(entry.idx, entry.tag);
        continue;
      }
      findings.push({
        key: `tags:${[first, entry.tag].sort().join(",")}`,
        object: entry.tag,
        location: entryLocation(folder, entry),
        message: `${shortPath(folder, folder.journalFile)} has idx ${entry.idx} twice: ${first} and ${entry.tag}.`,
        hint: SAFE_RENUMBER(`${entry.tag}.sql`)
      });
    }
    return findings;
  }
};

// src/rules/future-migration-timestamp.ts
var futureMigrationTimestamp = {
  id: "future-migration-timestamp",
  defaultSeverity: "error",
  description: "A meta/_journal.json entry's when is in the future: every migration generated before then will be skipped on databases that applied it.",
  check({ drizzleFolder, now }) {
    const folder = journalFolder(drizzleFolder);
    if (!folder || now === void 0) return [];
    return folder.journal.filter((entry) => entry.when > now).map((entry) => ({
      key: entry.tag,
      object: entry.tag,
      location: whenLocation(folder, entry),
      message: `${entry.tag} has when ${isoTime(entry.when)}, which is in the future: once a database applies it, drizzle-orm's migrator skips every migration generated before that moment.`,
      hint: `Set its "when" to the time it was generated (now: ${now}); check the clock of the machine that ran drizzle-kit generate.`
    }));
  }
};

// src/rules/migration-out-of-order.ts
function outOfOrderFix(tag, newestWhen, last) {
  const idempotent = "idempotent (ADD COLUMN IF NOT EXISTS, CREATE ... IF NOT EXISTS, guarded DO blocks for types and constraints)";
  const regenerate = "If no database has run it yet, regenerating it on top of the merged branch (delete its .sql file, journal entry and snapshot, then npx drizzle-kit generate) is simpler.";
  return last ? `Typically a migration generated on a branch and merged after a newer one. Set its "when" above ${newestWhen} and make its statements ${idempotent}, so databases that already ran it accept it again. ${regenerate}` : `Typically a migration generated on a branch and merged after a newer one, and more have been added since. Leave ${tag} as it is (fresh databases run it) and add a new migration at the end (npx drizzle-kit generate --custom) that repeats its statements, ${idempotent}: existing databases get the change, fresh ones skip it harmlessly. ${regenerate}`;
}
var migrationOutOfOrder = {
  id: "migration-out-of-order",
  defaultSeverity: "error",
  description: "A meta/_journal.json entry is not newer than the entries before it: existing databases silently skip it.",
  check({ drizzleFolder }) {
    const folder = journalFolder(drizzleFolder);
    if (!folder) return [];
    const findings = [];
    let newest;
    for (const entry of folder.journal) {
      if (newest && !(entry.when > newest.when)) {
        findings.push({
          key: entry.tag,
          object: entry.tag,
          location: whenLocation(folder, entry),
          message: `${entry.tag} (when ${isoTime(entry.when)}) is listed after ${newest.tag} (when ${isoTime(newest.when)}): every database that already applied ${newest.tag} will skip ${entry.tag} silently, because drizzle-orm's migrator only applies entries newer than the last one it applied.`,
          // Databases built after the merge already ran it; older ones skipped it: the fix must suit both.
          hint: outOfOrderFix(entry.tag, newest.when, folder.journal.indexOf(entry) === folder.journal.length - 1)
        });
      }
      if (!newest || entry.when > newest.when) newest = entry;
    }
    return findings;
  }
};

// src/migrations/drizzle-folder.ts
import fs2 from "node:fs";
import path5 from "node:path";

// src/worker/created-tables.ts
var IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
var CREATE_TABLE = new RegExp(
  String.raw`(?:^|;)\s*CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?`,
  "gi"
);
function createdTablesIn(query) {
  const tables = [];
  for (const match of query.matchAll(CREATE_TABLE)) {
    const first = normalize(match[1]);
    tables.push(match[2] ? `${first}.${normalize(match[2])}` : `public.${first}`);
  }
  return tables;
}
function normalize(identifier) {
  return identifier.startsWith('"') ? identifier.slice(1, -1).replace(/""/g, '"') : identifier.toLowerCase();
}
var ADD_COLUMN = new RegExp(
  String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?\s+((?:ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?${IDENT}[^,;]*?(?:,\s*|$|(?=;)))+)`,
  "gi"
);
var ADD_ONE = new RegExp(String.raw`ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})`, "gi");
var NOT_COLUMNS = /* @__PURE__ */ new Set(["constraint", "primary", "unique", "foreign", "check", "exclude"]);
function addedColumnsIn(query) {
  const columns = [];
  for (const match of query.matchAll(ADD_COLUMN)) {
    const first = normalize(match[1]);
    const table = match[2] ? `${first}.${normalize(match[2])}` : `public.${first}`;
    for (const add of match[3].matchAll(ADD_ONE)) {
      const raw = add[1];
      if (!raw.startsWith('"') && NOT_COLUMNS.has(raw.toLowerCase())) continue;
      columns.push(`${table}.${normalize(raw)}`);
    }
  }
  return columns;
}
var CREATE_INDEX = new RegExp(
  String.raw`CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:${IDENT}\s+)?ON\s+(?:ONLY\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?\s*(?:USING\s+\w+\s*)?\(([^)]*)\)`,
  "gi"
);
var ADD_UNIQUE = new RegExp(
  String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?\s+ADD\s+(?:CONSTRAINT\s+${IDENT}\s+)?(?:UNIQUE|PRIMARY\s+KEY)\s*\(([^)]*)\)`,
  "gi"
);
function createdIndexesIn(query) {
  const found = [];
  for (const match of [...query.matchAll(CREATE_INDEX), ...query.matchAll(ADD_UNIQUE)]) {
    const first = normalize(match[1]);
    const table = match[2] ? `${first}.${normalize(match[2])}` : `public.${first}`;
    const columns = match[3].split(",").map((c) => normalize(c.trim().split(/\s+/)[0] ?? "")).filter(Boolean);
    found.push(indexKey(table, columns));
  }
  return found;
}
function indexKey(table, columns) {
  return `${table}(${[...columns].sort().join(",")})`;
}
var ALTER_COLUMN = new RegExp(
  String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?\s+ALTER\s+(?:COLUMN\s+)?(${IDENT})`,
  "gi"
);
var ADD_FOREIGN_KEY = new RegExp(
  String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?\s+ADD\s+(?:CONSTRAINT\s+${IDENT}\s+)?FOREIGN\s+KEY\s*\(([^)]*)\)`,
  "gi"
);
var CREATED_NAME = new RegExp(
  String.raw`(?:CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?|ADD\s+CONSTRAINT\s+|CREATE\s+TYPE\s+(?:${IDENT}\s*\.\s*)?|CREATE\s+(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:${IDENT}\s*\.\s*)?|CREATE\s+SEQUENCE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:${IDENT}\s*\.\s*)?)(${IDENT})`,
  "gi"
);
var DROPPED_NAME = new RegExp(
  String.raw`DROP\s+(?:INDEX|CONSTRAINT)\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?(?:${IDENT}\s*\.\s*)?(${IDENT})`,
  "gi"
);
function touchesIn(statements) {
  const touches = { columns: [], alteredColumns: [], indexes: [], foreignKeys: [], names: [], dropped: [] };
  const tableOf = (m) => {
    const first = normalize(m[1]);
    return m[2] ? `${first}.${normalize(m[2])}` : `public.${first}`;
  };
  for (const sql of statements) {
    touches.columns.push(...addedColumnsIn(sql));
    touches.indexes.push(...createdIndexesIn(sql));
    for (const m of sql.matchAll(ALTER_COLUMN)) touches.alteredColumns.push(`${tableOf(m)}.${normalize(m[3])}`);
    for (const m of sql.matchAll(ADD_FOREIGN_KEY)) touches.foreignKeys.push(indexKey(tableOf(m), m[3].split(",").map((c) => normalize(c.trim())).filter(Boolean)));
    for (const m of sql.matchAll(CREATED_NAME)) touches.names.push(normalize(m[1]));
    for (const m of sql.matchAll(DROPPED_NAME)) touches.dropped.push(normalize(m[1]));
  }
  for (const key of Object.keys(touches)) touches[key] = [...new Set(touches[key])];
  return touches;
}

// src/migrations/drizzle-folder.ts
var JOURNAL_PATH = path5.join("meta", "_journal.json");
var STATEMENT_BREAKPOINT = "--> statement-breakpoint";
function readStatements(file) {
  return fs2.readFileSync(file, "utf8").split(STATEMENT_BREAKPOINT);
}
function readDrizzleFolder(dir) {
  const journalFile = path5.join(dir, JOURNAL_PATH);
  if (fs2.existsSync(journalFile)) return readJournalFolder(dir, journalFile);
  return readTimestampFolders(dir);
}
function readJournalFolder(dir, journalFile) {
  const text = fs2.readFileSync(journalFile, "utf8");
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GateError("drizzle-journal-invalid", `${journalFile} is not valid JSON: ${error.message}.`, {
      hint: "A merge conflict left in the journal is the usual cause: resolve it so every entry from both branches is listed once, in order.",
      cause: error
    });
  }
  if (!Array.isArray(parsed.entries)) {
    throw new GateError("drizzle-journal-invalid", `${journalFile} has no "entries" list, so drizzle-kit and the migrator cannot read it.`, {
      hint: "Restore it from version control, or regenerate it with drizzle-kit."
    });
  }
  const lines = entryLines(text);
  const journal = parsed.entries.map((entry, index) => {
    const malformed = entry.tag === void 0 ? 'it has no "tag"' : typeof entry.tag !== "string" ? `its "tag" is ${JSON.stringify(entry.tag)}, not a string` : void 0;
    return {
      idx: Number(entry.idx),
      when: Number(entry.when),
      tag: String(entry.tag),
      line: lines[index]?.tag ?? lines[index]?.start ?? 1,
      ...lines[index]?.when !== void 0 && { whenLine: lines[index].when },
      ...malformed && { malformed }
    };
  });
  const listed = new Set(journal.map((entry) => entry.tag));
  const unlistedStatements = /* @__PURE__ */ new Map();
  const sqlFiles = listFiles(dir).filter((name) => name.endsWith(".sql")).map((name) => {
    const file = path5.join(dir, name);
    const base = { file, name: name.slice(0, -4), prefix: /^(\d+)_/.exec(name)?.[1] };
    if (listed.has(base.name)) return base;
    const statements = readStatements(file);
    const unlisted = { ...base, unlisted: { tables: statements.flatMap((sql) => createdTablesIn(sql)), touches: touchesIn(statements) } };
    unlistedStatements.set(unlisted, statements);
    return unlisted;
  });
  markLeftovers(sqlFiles, unlistedStatements);
  const metaDir = path5.join(dir, "meta");
  const snapshots = listFiles(metaDir).filter((name) => name.endsWith("_snapshot.json")).flatMap((name) => readSnapshot(path5.join(metaDir, name)));
  return { format: "journal", dir, journalFile, journal, sqlFiles, snapshots };
}
function markLeftovers(files, unlistedStatements) {
  if (unlistedStatements.size === 0) return;
  const canonical = (sql) => sql.replace(/\bIF\s+(NOT\s+)?EXISTS\b/gi, "").replace(/[\s;]+/g, " ").trim().toLowerCase();
  const listed = files.filter((f) => !f.unlisted).map((f) => ({ name: f.name, statements: new Set(readStatements(f.file).map(canonical)) }));
  for (const [file, own] of unlistedStatements) {
    const wanted = own.map(canonical).filter(Boolean);
    if (wanted.length === 0) continue;
    const holders = wanted.map((statement) => listed.find((l) => l.statements.has(statement))?.name);
    if (holders.every((h) => h !== void 0)) file.unlisted.alsoIn = [...new Set(holders)];
  }
}
function readTimestampFolders(dir) {
  const folders = listFiles(dir).filter((name) => fs2.existsSync(path5.join(dir, name, "migration.sql")));
  return {
    format: "folders",
    dir,
    journal: [],
    sqlFiles: folders.map((name) => ({ file: path5.join(dir, name, "migration.sql"), name, prefix: /^(\d{14})/.exec(name)?.[1] })),
    snapshots: folders.flatMap((name) => readSnapshot(path5.join(dir, name, "snapshot.json")))
  };
}
function readSnapshot(file) {
  let text;
  try {
    text = fs2.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  try {
    const json = JSON.parse(text);
    const prevIds = Array.isArray(json.prevIds) ? json.prevIds.map(String) : typeof json.prevId === "string" ? [json.prevId] : [];
    const at = text.search(/"prevIds?"\s*:/);
    return [{ file, id: typeof json.id === "string" ? json.id : void 0, prevIds, line: at === -1 ? 1 : lineAt(text, at) }];
  } catch {
    return [];
  }
}
function entryLines(text) {
  const entries = [];
  const entriesKey = /"entries"\s*:\s*\[/.exec(text);
  if (!entriesKey) return entries;
  let line = 1 + newlines(text, 0, entriesKey.index + entriesKey[0].length);
  let depth = 0;
  for (let i = entriesKey.index + entriesKey[0].length; i < text.length; i++) {
    const char = text[i];
    if (char === "\n") line++;
    else if (char === '"') {
      const end = stringEnd(text, i);
      const key = depth === 1 && /^\s*:/.test(text.slice(end + 1, end + 20)) ? text.slice(i + 1, end) : void 0;
      if (key === "tag" || key === "when") entries[entries.length - 1][key] = line;
      line += newlines(text, i, end);
      i = end;
    } else if (char === "{" || char === "[") {
      if (depth === 0 && char === "{") entries.push({ start: line });
      depth++;
    } else if (char === "}" || char === "]") {
      if (depth === 0) break;
      depth--;
    }
  }
  return entries;
}
function stringEnd(text, start) {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
function lineAt(text, offset) {
  return 1 + newlines(text, 0, offset);
}
function newlines(text, from, to) {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}
function listFiles(dir) {
  try {
    return fs2.readdirSync(dir).sort();
  } catch {
    return [];
  }
}
function journalEntryFile(folder, entry) {
  return path5.join(folder.dir, `${entry.tag}.sql`);
}

// src/rules/missing-migration-file.ts
import fs3 from "node:fs";
var missingMigrationFile = {
  id: "missing-migration-file",
  defaultSeverity: "error",
  description: "A meta/_journal.json entry whose .sql file does not exist: drizzle-orm's migrator refuses to run at all.",
  check({ drizzleFolder }) {
    const folder = journalFolder(drizzleFolder);
    if (!folder) return [];
    return folder.journal.filter((entry) => entry.malformed || !fs3.existsSync(journalEntryFile(folder, entry))).map((entry) => entry.malformed ? {
      key: `untagged entry ${entry.when}`,
      object: `_journal.json entry idx ${entry.idx}`,
      location: entryLocation(folder, entry),
      message: `The ${shortPath(folder, folder.journalFile)} entry with idx ${entry.idx} is broken: ${entry.malformed}, so drizzle-orm's migrator looks for ${shortPath(folder, journalEntryFile(folder, entry))} and stops before running anything.`,
      hint: 'Give the entry the "tag" of its .sql file (the file name without .sql, e.g. "0003_add_posts"); if a merge mangled the journal, restore it from the branch that generated the entry.'
    } : {
      key: entry.tag,
      object: `${entry.tag}.sql`,
      location: entryLocation(folder, entry),
      message: `${shortPath(folder, folder.journalFile)} lists ${entry.tag}, but ${shortPath(folder, journalEntryFile(folder, entry))} does not exist: drizzle-orm's migrator stops with "No file ... found" before running anything.`,
      hint: "Restore the file from the branch that generated it (a rename or a lost file in a merge), or remove the entry and its meta/*_snapshot.json and run npx drizzle-kit generate again."
    });
  }
};

// src/rules/snapshot-collision.ts
import path6 from "node:path";
var snapshotCollision = {
  id: "snapshot-collision",
  defaultSeverity: "error",
  description: "Two drizzle-kit snapshots have the same prevId: two branches generated from the same parent, and the next generate will diff against half the schema.",
  check({ drizzleFolder }) {
    const folder = journalFolder(drizzleFolder);
    if (!folder) return [];
    const findings = [];
    const byParent = /* @__PURE__ */ new Map();
    for (const snapshot of folder.snapshots) {
      for (const prevId of snapshot.prevIds) byParent.set(prevId, [...byParent.get(prevId) ?? [], snapshot]);
    }
    for (const [prevId, snapshots] of byParent) {
      if (snapshots.length < 2) continue;
      const later = snapshots[snapshots.length - 1];
      findings.push({
        key: `${prevId}:${snapshots.map((s) => path6.basename(s.file)).join(",")}`,
        object: path6.basename(later.file),
        location: { file: later.file, line: later.line },
        message: `${snapshots.map((s) => shortPath(folder, s.file)).join(" and ")} have the same prevId ${prevId}: two branches generated migrations from the same parent.`,
        hint: `If the later branch's migration has not run anywhere yet, regenerate it on top of the merged branch (delete ${path6.basename(later.file)}, its .sql file and journal entry, then npx drizzle-kit generate), so the snapshot chain holds both branches' changes. If it has already run on a deployed database, keep its .sql and journal entry (regenerating would run it twice there): set "prevId" in ${path6.basename(later.file)} to the id of ${path6.basename(snapshots[0].file)} and run npx drizzle-kit generate: a migration it writes is what the merge left out of the snapshots.`
      });
    }
    return findings;
  }
};

// src/rules/unlisted-migration.ts
import path7 from "node:path";
var unlistedMigration = {
  id: "unlisted-migration",
  defaultSeverity: "error",
  description: "A Drizzle migration file that meta/_journal.json does not list: the migrator silently never runs it.",
  check({ drizzleFolder, diff }) {
    const folder = journalFolder(drizzleFolder);
    if (!folder) return [];
    const listed = new Set(folder.journal.map((entry) => entry.tag));
    const differing = new Set(
      [...diff.missingColumns.map((m) => ({ table: m.table, name: m.column.name })), ...[...diff.typeMismatches, ...diff.nullabilityMismatches, ...diff.valueSourceMismatches].map((m) => ({ table: m.table, name: m.expected.name }))].map(({ table, name }) => `${table.schema}.${table.name}.${name}`)
    );
    const harmless = (file) => file.unlisted?.alsoIn !== void 0 && ![...file.unlisted.touches.columns, ...file.unlisted.touches.alteredColumns].some((column) => differing.has(column));
    return folder.sqlFiles.filter((file) => !listed.has(file.name)).map((file) => file.unlisted?.alsoIn && harmless(file) ? {
      key: file.name,
      object: path7.basename(file.file),
      location: { file: file.file, line: 1 },
      message: `${shortPath(folder, file.file)} is not listed in ${shortPath(folder, folder.journalFile)}, and every statement in it also runs in ${file.unlisted.alsoIn.map((name) => `${name}.sql`).join(", ")}: a leftover copy, which the migrator never runs.`,
      hint: `Delete ${path7.basename(file.file)}; ${file.unlisted.alsoIn.length === 1 ? "that migration does" : "those migrations do"} its work. Nothing else to change.`
    } : {
      key: file.name,
      object: path7.basename(file.file),
      location: { file: file.file, line: 1 },
      message: `${shortPath(folder, file.file)} is not listed in ${shortPath(folder, folder.journalFile)}: drizzle-orm's migrator never runs it, and says nothing.`,
      // It never ran anywhere, so regenerating it is safe for every database.
      hint: "A merge usually kept the file and lost its journal entry. It never ran anywhere, so: delete it and run npx drizzle-kit generate on top of the merged branch (it writes the SQL and the journal entry together, with a when newer than every applied migration); or delete it if it is a leftover. Restoring the old entry by hand works only if its when is newer than every migration already applied, or existing databases skip it."
    });
  }
};

// src/rules/unregistered-migration.ts
import path8 from "node:path";
var unregisteredMigration = {
  id: "unregistered-migration",
  defaultSeverity: "error",
  description: "A migration class in the migrations folder that the data source's migrations list does not name: it never runs.",
  check({ unregisteredMigrations }) {
    return (unregisteredMigrations ?? []).map((migration) => ({
      key: migration.name,
      object: migration.name,
      location: migration.location,
      message: `Migration ${migration.name} (${path8.basename(migration.location.file)}) is not in the data source's migrations list, so migration:run never runs it${migration.createdTables.length ? `; it creates ${migration.createdTables.join(", ")}` : ""}.`,
      hint: `Import ${migration.name} in the data source and add it to migrations (or give migrations a glob such as "src/migrations/*.ts"). If it is obsolete, delete the file. Do not write another migration for what it does.`
    }));
  }
};

// src/schema/model.ts
var REFERENTIAL_ACTIONS = ["NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"];
function referentialAction(value) {
  const upper = (value ?? "NO ACTION").toUpperCase();
  return REFERENTIAL_ACTIONS.includes(upper) ? upper : "NO ACTION";
}
function quoteIdentifier(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
function qualifiedName(table) {
  return `${table.schema}.${table.name}`;
}
function columnSetName(table, columns) {
  return `${qualifiedName(table)}(${columns.join(", ")})`;
}
function isView(table) {
  return table.kind === "view" || table.kind === "materialized-view";
}

// src/rules/vocabulary.ts
var TYPEORM = {
  code: "the entity",
  writingNull: (column) => `saving the entity with ${column} = null fails`,
  makeNotNull: "make the property non-nullable",
  makeNullable: "mark the property nullable: true",
  changeDefault: "change the entity's default",
  declareDefault: "declare the default in the entity",
  insertsFail: "every insert through the entity fails",
  mapIt: "Map it in the entity",
  migrator: "TypeORM's migration:run"
};
var DRIZZLE = {
  code: "the pgTable",
  writingNull: (column) => `inserting or updating ${column} = null through drizzle fails`,
  makeNotNull: "add .notNull() to the column",
  makeNullable: "remove .notNull() from the column",
  changeDefault: "change the column's .default()",
  declareDefault: "declare it with .default() on the column",
  insertsFail: "every insert through drizzle that leaves it out fails",
  mapIt: "Declare it in the pgTable",
  migrator: "drizzle-orm's migrator"
};
function vocabulary(orm) {
  return orm === "drizzle" ? DRIZZLE : TYPEORM;
}

// src/rules/sql-text.ts
function quoteTable(table) {
  return table.schema === "public" ? quote(table.name) : `${quote(table.schema)}.${quote(table.name)}`;
}
var quote = quoteIdentifier;
function columnList(columns) {
  return columns.map(quote).join(", ");
}
function columnDefinition(column) {
  const type = column.enum ? `${quoteTable(column.enum)}${column.type.endsWith("[]") ? "[]" : ""}` : column.type;
  let sql = `${quote(column.name)} ${column.serial ? serialType(type) : type}`;
  if (column.generated) sql += ` GENERATED ALWAYS AS (${column.generated}) STORED`;
  if (column.identity) sql += ` GENERATED ${column.identity} AS IDENTITY`;
  if (!column.nullable) sql += " NOT NULL";
  if (column.default !== void 0 && !column.serial && !column.identity && !column.generated) sql += ` DEFAULT ${column.default}`;
  return sql;
}
function serialType(type) {
  return type === "bigint" ? "BIGSERIAL" : type === "smallint" ? "SMALLSERIAL" : "SERIAL";
}

// src/rules/column-type-mismatch.ts
var columnTypeMismatch = {
  id: "column-type-mismatch",
  defaultSeverity: "error",
  description: "A column's type after the migrations differs from the entity's (length, precision and arrays included).",
  check({ diff, orm }) {
    return diff.typeMismatches.map(({ table, expected, actual }) => ({
      key: `${qualifiedName(table)}.${expected.name}`,
      object: `${qualifiedName(table)}.${expected.name}`,
      location: expected.location,
      message: `Column ${expected.name} of ${qualifiedName(table)} is ${actual.type} after the migrations, but ${expected.property} maps ${expected.type}.`,
      hint: `Add a migration: ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quote(expected.name)} TYPE ${expected.enum ? quoteTable(expected.enum) + (expected.type.endsWith("[]") ? "[]" : "") : expected.type} (add USING ... when the values need converting), or change ${vocabulary(orm).code} if the database is right.`
    }));
  }
};

// src/rules/default-mismatch.ts
var defaultMismatch = {
  id: "default-mismatch",
  defaultSeverity: "error",
  description: "A column's default (or sequence, identity, generated expression) differs from the entity's.",
  check({ diff, orm }) {
    const words = vocabulary(orm);
    return diff.valueSourceMismatches.map((pair) => ({
      key: `${qualifiedName(pair.table)}.${pair.expected.name}`,
      object: `${qualifiedName(pair.table)}.${pair.expected.name}`,
      location: pair.expected.location,
      message: describe(pair),
      hint: fix(pair, words)
    }));
  }
};
function describe({ table, expected, actual, aspect }) {
  const where = `Column ${expected.name} of ${qualifiedName(table)}`;
  switch (aspect) {
    case "generated":
      return `${where} is ${actual.generated ? `generated as (${actual.generated})` : "not a generated column"} after the migrations, but ${expected.property} ${expected.generated ? `is generated as (${expected.generated})` : "is a plain column"}.`;
    case "identity":
      return `${where} is ${actual.identity ? `GENERATED ${actual.identity} AS IDENTITY` : "not an identity column"} after the migrations, but ${expected.property} ${expected.identity ? `is GENERATED ${expected.identity} AS IDENTITY` : "is not an identity column"}.`;
    case "serial":
      return `${where} has ${actual.identity ? `GENERATED ${actual.identity} AS IDENTITY` : actual.default ? `default ${actual.default}` : "no default"} after the migrations, but ${expected.property} is generated from a sequence (SERIAL): inserts without an id fail.`;
    default:
      return `${where} has ${actual.default !== void 0 ? `default ${actual.default}` : "no default"} after the migrations, but ${expected.property} ${expected.default !== void 0 ? `declares default ${expected.default}` : "declares none"}.`;
  }
}
function fix({ table, expected, aspect }, words) {
  const alter = `ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quote(expected.name)}`;
  switch (aspect) {
    case "generated":
      return `Generated expressions cannot be altered in place: add a migration that drops the column and adds it again with the expression ${words.code} declares (or change ${words.code}).`;
    case "identity":
      return expected.identity ? `Add a migration: ${alter} ${expected.identity === "ALWAYS" ? "SET GENERATED ALWAYS" : "SET GENERATED BY DEFAULT"} (or ADD GENERATED ${expected.identity} AS IDENTITY when it has none).` : `Add a migration: ${alter} DROP IDENTITY, or make ${words.code} match.`;
    case "serial": {
      const sequence = `${table.schema === "public" ? "" : `${quote(table.schema)}.`}${quote(`${table.name}_${expected.name}_seq`)}`;
      const owner = `${quoteTable(table)}.${quote(expected.name)}`;
      return `Add a migration: CREATE SEQUENCE IF NOT EXISTS ${sequence} OWNED BY ${owner}; SELECT setval('${sequence.replace(/'/g, "''")}', COALESCE((SELECT MAX(${quote(expected.name)}) FROM ${quoteTable(table)}), 0) + 1, false); ${alter} SET DEFAULT nextval('${sequence.replace(/'/g, "''")}'). Or declare the column as the database has it.`;
    }
    default:
      return expected.default !== void 0 ? `Add a migration: ${alter} SET DEFAULT ${expected.default}, or ${words.changeDefault}.` : `Add a migration: ${alter} DROP DEFAULT, or ${words.declareDefault}.`;
  }
}

// src/rules/enum-values-mismatch.ts
var enumValuesMismatch = {
  id: "enum-values-mismatch",
  defaultSeverity: "error",
  description: "An enum type's values after the migrations differ from the entity's enum.",
  check({ diff, orm }) {
    return diff.enumValueMismatches.map(({ expected, missing, extra }) => {
      const parts = [missing.length && `lacks ${missing.map((v) => `'${v}'`).join(", ")}`, extra.length && `has ${extra.map((v) => `'${v}'`).join(", ")} that the entity does not`].filter(Boolean);
      return {
        key: qualifiedName(expected),
        object: qualifiedName(expected),
        location: expected.location,
        message: `Enum type ${qualifiedName(expected)} ${parts.join(" and ")} (used by ${expected.usedBy}).`,
        hint: missing.length ? `Add a migration: ${missing.map((v) => `ALTER TYPE ${quoteTable(expected)} ADD VALUE '${v.replace(/'/g, "''")}'`).join("; ")}.` : `Removing enum values needs a new type: create it, move the columns to it (USING col::text::new_type), drop the old one; or add the values to the enum in ${orm === "drizzle" ? "the pgEnum" : "the entity"}.`
      };
    });
  }
};

// src/rules/extra-check.ts
var extraCheck = {
  id: "extra-check",
  defaultSeverity: "error",
  description: "A check constraint in the database that no entity declares: writes the code allows can fail.",
  check({ diff, orm }) {
    return diff.extraChecks.map(({ table, check }) => ({
      key: `${qualifiedName(table)} ${check.definition}`,
      object: `${qualifiedName(table)}.${check.name}`,
      location: table.location,
      message: `${qualifiedName(table)} has check ${check.name} (${check.definition}) after the migrations, but ${table.entityName} declares no such check: writes that break it fail.`,
      hint: `If the code is right, add a migration: ALTER TABLE ${quoteTable(table)} DROP CONSTRAINT ${quote(check.name)}. ` + (orm === "drizzle" ? "If the database is right, declare it in the pgTable's extra config: check(...)." : `If the database is right, declare it on the entity: @Check(${JSON.stringify(check.definition.replace(/^CHECK\s*/i, ""))}).`)
    }));
  }
};

// src/rules/relation-errors.ts
function missingRelationOf(migration, expected) {
  const failure = migration.failure;
  if (failure?.code !== "42P01") return void 0;
  const match = /relation "([^"]+)" does not exist/.exec(failure.message);
  if (!match) return void 0;
  const [schema, name] = match[1].includes(".") ? match[1].split(".", 2) : [void 0, match[1]];
  const candidates = expected.filter((t) => t.name === name && (schema ? t.schema === schema : true));
  return candidates.find((t) => t.schema === "public") ?? candidates[0];
}
function createdByNoMigration(context) {
  const { actual, migrations } = context;
  const existing = new Set(actual.tables.map(qualifiedName));
  const createdByFailed = new Set(migrations.filter((m) => m.status === "failed").flatMap((m) => m.createdTables));
  const neverRun = neverRunCreatorOf(context);
  return (table) => !existing.has(qualifiedName(table)) && !createdByFailed.has(qualifiedName(table)) && !neverRun(qualifiedName(table));
}
function failedCreatorOf({ migrations }) {
  const creators = /* @__PURE__ */ new Map();
  for (const migration of migrations.filter((m) => m.status === "failed")) {
    for (const object of [...migration.createdTables, ...migration.touches?.columns ?? []]) if (!creators.has(object)) creators.set(object, migration);
  }
  return (object) => creators.get(object);
}
function neverRunCreatorOf({ unregisteredMigrations, drizzleFolder }) {
  const candidates = [
    ...(unregisteredMigrations ?? []).map((m) => ({
      creates: [...m.createdTables, ...m.touches.columns],
      migration: { name: m.name, cause: { ruleId: "unregistered-migration", key: m.name }, why: "the data source's migrations list does not include it", fix: `Register ${m.name}` }
    })),
    ...(drizzleFolder?.sqlFiles ?? []).flatMap(
      (file) => file.unlisted ? [{
        creates: [...file.unlisted.tables, ...file.unlisted.touches.columns],
        migration: { name: `${file.name}.sql`, cause: { ruleId: "unlisted-migration", key: file.name }, why: "meta/_journal.json does not list it", fix: `Put ${file.name}.sql back in the journal` }
      }] : []
    )
  ];
  return (object) => candidates.find((c) => c.creates.includes(object))?.migration;
}
function failedIndexCreatorOf({ migrations }) {
  const failed = migrations.filter((m) => m.status === "failed" && m.touches);
  return (table, columns) => {
    const key = `${qualifiedName(table)}(${[...columns].sort().join(",")})`;
    return failed.find((m) => m.touches.indexes.includes(key));
  };
}
function fixedWith(fix2, cause, what) {
  return { hint: `${fix2} (see its finding); no new migration is needed for ${what}.`, cause };
}
function fixedWithFailed(migration, what) {
  return fixedWith(`Fix ${migration.name}`, { ruleId: "migration-failed", key: migration.name }, what);
}
function blamedOnFailure(finding, migration, what) {
  return {
    ...finding,
    message: `${finding.message} ${migration.name}, which fails${migration.failure?.statementLine ? ` at line ${migration.failure.statementLine}` : ""}, ${what}.`,
    ...fixedWithFailed(migration, "this")
  };
}
function failedAt(migration) {
  const line = migration.failure?.statementLine ?? migration.location?.line;
  return `${migration.name}, which fails${line ? ` at line ${line}` : ""}`;
}
function mapper(table) {
  return table.kind === "table" ? `pgTable ${table.entityName}` : `entity ${table.entityName}`;
}
function describeTable(table) {
  switch (table.kind) {
    case "table":
      return `Table ${qualifiedName(table)} (pgTable ${table.entityName})`;
    case "join-table":
      return `Join table ${qualifiedName(table)}${table.relation ? ` of ${table.relation} (many-to-many)` : ""}`;
    case "closure-table":
      return `Closure table ${qualifiedName(table)} of tree entity ${table.entityName}`;
    default:
      return `Entity ${table.entityName} (table ${qualifiedName(table)})`;
  }
}
function tableOwner(table) {
  switch (table.kind) {
    case "join-table":
      return `the join table of ${table.relation ?? table.entityName}`;
    case "closure-table":
      return `the closure table of tree entity ${table.entityName}`;
    default:
      return `the table of ${mapper(table)}`;
  }
}

// src/rules/missing-column.ts
var missingColumn = {
  id: "missing-column",
  defaultSeverity: "error",
  description: "An entity column is not created by any migration.",
  check(context) {
    const creator = failedCreatorOf(context);
    const neverRun = neverRunCreatorOf(context);
    const otherNames = otherlyNamed(context.diff.extraColumns);
    return context.diff.missingColumns.flatMap(({ table, column }) => {
      const about = { key: `${qualifiedName(table)}.${column.name}`, object: `${qualifiedName(table)}.${column.name}`, location: column.location };
      const failed = creator(`${qualifiedName(table)}.${column.name}`);
      if (failed) {
        return [{
          ...about,
          message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is missing after the migrations: it is added by ${failedAt(failed)}.`,
          ...fixedWithFailed(failed, "this column")
        }];
      }
      const never = neverRun(`${qualifiedName(table)}.${column.name}`);
      if (never) {
        return [{
          ...about,
          message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is missing after the migrations: ${never.name} adds it, but ${never.why}, so it never runs.`,
          ...fixedWith(never.fix, never.cause, "this column")
        }];
      }
      if (isUnused(column)) return [];
      const neverInserted = column.access?.insert === false;
      const needsBackfill = !column.nullable && column.default === void 0 && !column.serial && !column.identity && !column.generated;
      if (neverInserted) {
        return [{
          ...about,
          message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is not created by any migration, and TypeORM ${column.access?.select === false ? "updates" : "selects"} it.`,
          // TypeORM never inserts it (insert: false): NOT NULL without a value source would break every insert.
          hint: `Add a migration that creates it the way the database fills it (GENERATED ALWAYS AS (...) STORED, or with a DEFAULT), or nullable: ALTER TABLE ${quoteTable(table)} ADD ${columnDefinition({ ...column, nullable: column.nullable || column.default === void 0 && !column.generated })}. TypeORM never inserts it, so NOT NULL without a default would break every insert.`
        }];
      }
      const twin = otherNames(table, column.name);
      if (twin) {
        return [{
          ...about,
          message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is not created by any migration, but the table has "${twin}": the same name in another case style.`,
          hint: context.orm === "drizzle" ? `The migrations name columns differently from the pgTable code: check drizzle.config's casing ("snake_case") and the column's name argument, then run npx drizzle-kit generate if it really is new.` : `The migrations name columns in another style than the entities as loaded: the project runs with a naming strategy the gate did not get. With entities and migrations globs, pass naming-strategy (e.g. --naming-strategy src/snake-naming.strategy.ts#SnakeNamingStrategy); with a data source, set its namingStrategy. If ${column.name} really is new, add a migration: ALTER TABLE ${quoteTable(table)} ADD ${columnDefinition(column)}.`
        }];
      }
      return [{
        ...about,
        message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is not created by any migration.`,
        hint: `Add a migration: ALTER TABLE ${quoteTable(table)} ADD ${columnDefinition(column)}` + (needsBackfill ? " (on a table that has rows, add it nullable, backfill, then SET NOT NULL)." : ".")
      }];
    });
  }
};
function otherlyNamed(extra) {
  const fold = (name) => name.replace(/[_\s-]/g, "").toLowerCase();
  const byTable = /* @__PURE__ */ new Map();
  for (const { table, column } of extra) {
    if (!byTable.has(table)) byTable.set(table, /* @__PURE__ */ new Map());
    byTable.get(table).set(fold(column.name), column.name);
  }
  return (table, name) => {
    const twin = byTable.get(table)?.get(fold(name));
    return twin !== void 0 && twin !== name ? twin : void 0;
  };
}
function isUnused(column) {
  return column.access !== void 0 && !column.access.insert && !column.access.update && !column.access.select;
}
function twinOf(diff) {
  const fold = (name) => name.replace(/[_\s-]/g, "").toLowerCase();
  return (table, name) => {
    const missing = diff.missingColumns.find((m) => m.table === table && m.column.name !== name && fold(m.column.name) === fold(name));
    return missing && { ruleId: "missing-column", key: `${qualifiedName(table)}.${missing.column.name}` };
  };
}

// src/rules/extra-column.ts
function blocksInserts(column) {
  return !column.nullable && column.default === void 0 && !column.identity && !column.generated;
}
var extraColumn = {
  id: "extra-column",
  defaultSeverity: "notice",
  description: "A nullable or defaulted column created by the migrations that the entity does not map.",
  check({ diff, orm }) {
    const twin = twinOf(diff);
    return diff.extraColumns.filter(({ column }) => !blocksInserts(column)).map(({ table, column }) => ({
      key: `${qualifiedName(table)}.${column.name}`,
      object: `${qualifiedName(table)}.${column.name}`,
      location: table.location,
      cause: twin(table, column.name),
      message: `Column ${column.name} of ${qualifiedName(table)} is created by the migrations, but ${mapper(table)} does not map it.`,
      hint: `${vocabulary(orm).mapIt}, or add a migration: ALTER TABLE ${quoteTable(table)} DROP COLUMN ${quote(column.name)} once nothing reads it.`
    }));
  }
};

// src/rules/extra-unique.ts
function properties(table, columns) {
  return columns.map((name) => JSON.stringify(table.columns.find((c) => c.name === name)?.property.split(".").slice(1).join(".") || name)).join(", ");
}
var extraUnique = {
  id: "extra-unique",
  defaultSeverity: "error",
  description: "A unique constraint or unique index in the database that no entity declares: writes the code allows fail.",
  check({ diff, orm, migrations }) {
    return diff.extraUniques.map(({ table, name, columns, where, kind }) => {
      const dropper = migrations.find((m) => m.status === "failed" && m.touches?.dropped.includes(name));
      if (dropper) {
        return {
          key: `${qualifiedName(table)}(${[...columns].sort().join(",")})${where ? ` WHERE ${where}` : ""}`,
          object: `${qualifiedName(table)}.${name}`,
          location: table.location,
          message: `${qualifiedName(table)} still has unique ${kind} ${name} on (${columns.join(", ")}), which ${table.entityName} does not declare: it is dropped by ${failedAt(dropper)}.`,
          hint: `Fix ${dropper.name} (see its finding); nothing else is needed for this ${kind}.`,
          cause: { ruleId: "migration-failed", key: dropper.name }
        };
      }
      return {
        key: `${qualifiedName(table)}(${[...columns].sort().join(",")})${where ? ` WHERE ${where}` : ""}`,
        object: `${qualifiedName(table)}.${name}`,
        location: table.location,
        message: `${qualifiedName(table)} has unique ${kind} ${name} on (${columns.join(", ")})${where ? ` WHERE ${where}` : ""} after the migrations, but ${table.entityName} declares no such uniqueness: inserting two rows with the same ${columns.length === 1 ? "value" : "values"} fails.`,
        hint: `If the code is right, add a migration: ${kind === "constraint" ? `ALTER TABLE ${quoteTable(table)} DROP CONSTRAINT ${quote(name)}` : `DROP INDEX ${table.schema === "public" ? "" : `${quote(table.schema)}.`}${quote(name)}`}. ` + (orm === "drizzle" ? `If the database is right, declare it in the pgTable (.unique() or uniqueIndex().on(...)).` : `If the database is right, declare it on the entity: ${where ? `@Index([${properties(table, columns)}], { unique: true, where: ${JSON.stringify(where)} })` : `@Unique([${properties(table, columns)}])`} (columns ${columnList(columns)}).`)
      };
    });
  }
};

// src/rules/extra-required-column.ts
var extraRequiredColumn = {
  id: "extra-required-column",
  defaultSeverity: "error",
  description: "A NOT NULL column without a default that the entity does not map: every insert through the entity fails.",
  check({ diff, orm }) {
    const twin = twinOf(diff);
    return diff.extraColumns.filter(({ column }) => blocksInserts(column)).map(({ table, column }) => ({
      key: `${qualifiedName(table)}.${column.name}`,
      object: `${qualifiedName(table)}.${column.name}`,
      location: table.location,
      cause: twin(table, column.name),
      message: `Column ${column.name} of ${qualifiedName(table)} is NOT NULL without a default, and ${mapper(table)} does not map it: ${vocabulary(orm).insertsFail}.`,
      hint: `${vocabulary(orm).mapIt} (was it renamed there only?), or add a migration: ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quote(column.name)} DROP NOT NULL, SET DEFAULT ..., or DROP COLUMN ${quote(column.name)}.`
    }));
  }
};

// src/rules/extra-table.ts
var extraTable = {
  id: "extra-table",
  defaultSeverity: "notice",
  description: "A table created by the migrations that no entity maps.",
  check({ diff }) {
    return diff.extraTables.map((table) => ({
      key: qualifiedName(table),
      object: qualifiedName(table),
      message: `Table ${qualifiedName(table)} is created by the migrations, but no entity maps it.`,
      hint: "If an entity was removed, add a migration that drops the table; if another service owns it, ignore this finding in migration-gate.config.json with the reason."
    }));
  }
};

// src/rules/migration-failed.ts
import path9 from "node:path";
var HINTS_BY_CODE = {
  "42P01": "The table does not exist when this migration runs: a migration with an earlier timestamp must create it.",
  "42703": "The column does not exist when this migration runs: an earlier migration must add it, or the name differs (check the naming strategy, or Drizzle's casing).",
  "42704": "The type does not exist when this migration runs: create it (CREATE TYPE ... or CREATE EXTENSION) in an earlier migration.",
  "42P07": "The object already exists: use IF NOT EXISTS, or remove the duplicate CREATE from one of the migrations.",
  "42710": "The object already exists: use IF NOT EXISTS, or remove the duplicate from one of the migrations.",
  "42883": "The function does not exist: create the extension or function it comes from in an earlier migration.",
  "23502": "Existing rows violate the new NOT NULL: backfill them or give the column a default first.",
  "23505": "Existing rows violate the new unique constraint: deduplicate them first."
};
var migrationFailed = {
  id: "migration-failed",
  defaultSeverity: "error",
  description: "A migration fails when the chain runs on an empty database.",
  check(context) {
    const { migrations, expected } = context;
    const createdByNone = createdByNoMigration(context);
    const failed = migrations.filter((m) => m.status === "failed");
    const missingObjects = expectedButMissing(context);
    return failed.map((m) => {
      const failure = m.failure;
      const missing = missingRelationOf(m, expected.tables);
      const uncreated = missing && createdByNone(missing);
      const drizzle = context.orm === "drizzle";
      const cause = m.ranAfterFailure && !uncreated ? causeOf(m, failed.slice(0, failed.indexOf(m))) : void 0;
      const leaves = leavesMissing(m, missingObjects);
      return {
        key: m.name,
        object: m.name,
        location: m.location && { file: m.location.file, line: failure.statementLine ?? m.location.line },
        message: `Migration ${m.name} failed: ${failure.message}${failure.code ? ` (${failure.code})` : ""}.${leaves}`,
        detail: failure.statement && capStatement(tidyStatement(failure.statement)),
        hint: cause ? `It ran after ${cause.migration.name} failed, ${cause.because}: fix that one first, then run the gate again.` : (uncreated ? noMigrationCreates(missing, m, drizzle) : hintFor(failure, drizzle)) + (m.ranAfterFailure && !uncreated ? ` (It ran after an earlier failure; on a real deploy the chain stops at the first one.)` : ""),
        ...cause && { cause: cause.ref }
      };
    });
  }
};
function causeOf(migration, earlier) {
  if (earlier.length === 0) return void 0;
  const lacking = lackedObject(migration);
  const creator = lacking && earlier.find((m) => m.createdTables.includes(lacking) || (m.touches?.columns ?? []).includes(lacking) || (m.touches?.names ?? []).includes(lacking));
  if (creator) return { migration: creator, because: `which creates ${lacking}`, ref: { ruleId: "migration-failed", key: creator.name } };
  return void 0;
}
function lackedObject(migration) {
  const message = migration.failure?.message ?? "";
  const qualify2 = (name) => name.includes(".") ? name : `public.${name}`;
  const relation = /(?:relation|table) "([^"]+)" does not exist/.exec(message);
  if (migration.failure?.code === "42P01" && relation) return qualify2(relation[1]);
  const column = /column "([^"]+)" of relation "([^"]+)" does not exist/.exec(message);
  if (migration.failure?.code === "42703" && column) return `${qualify2(column[2])}.${column[1]}`;
  const named = /(?:index|constraint|type|sequence) "(?:[^"]+\.)?([^".]+)"(?: of relation "[^"]+")? does not exist/.exec(message);
  if (migration.failure?.code === "42704" && named) return named[1];
  const view = /view "(?:[^"]+\.)?([^".]+)" does not exist/.exec(message);
  if (migration.failure?.code === "42P01" && view) return view[1];
  return void 0;
}
function expectedButMissing({ expected, actual, diff }) {
  const existing = new Set(actual.tables.map(qualifiedName));
  return /* @__PURE__ */ new Set([
    ...expected.tables.filter((t) => !existing.has(qualifiedName(t))).map(qualifiedName),
    ...diff.missingColumns.map(({ table, column }) => `${qualifiedName(table)}.${column.name}`)
  ]);
}
function leavesMissing(migration, missing) {
  const objects = [...migration.createdTables, ...migration.touches?.columns ?? []].filter((object) => missing.has(object));
  if (objects.length === 0) return "";
  const shown = objects.slice(0, 8).join(", ") + (objects.length > 8 ? ` and ${objects.length - 8} more` : "");
  return ` Until it is fixed, databases built from migrations lack what it creates: ${shown}.`;
}
var MAX_STATEMENT_LINES = 12;
var MAX_STATEMENT_CHARS = 1200;
function capStatement(statement) {
  let text = statement;
  const lines = text.split("\n");
  if (lines.length > MAX_STATEMENT_LINES) text = lines.slice(0, MAX_STATEMENT_LINES).join("\n") + `
... (${lines.length - MAX_STATEMENT_LINES} more lines)`;
  if (text.length > MAX_STATEMENT_CHARS) text = text.slice(0, MAX_STATEMENT_CHARS) + ` ... (${statement.length - MAX_STATEMENT_CHARS} more characters)`;
  return text;
}
var KNOWN_IMAGES = { postgis: "postgis/postgis:17-3.5", vector: "pgvector/pgvector:pg17", timescaledb: "timescale/timescaledb:latest-pg17" };
function hintFor(failure, drizzle) {
  const extension = /extension "([^"]+)" is not available|could not open extension control file ".*\/([^/"]+)\.control"/.exec(failure.message);
  if (extension) {
    const name = extension[1] ?? extension[2];
    return `The throwaway Postgres has no ${name} extension. Run the gate on a server that has it, as production does: postgres-image (e.g. ${KNOWN_IMAGES[name] ?? `an image with ${name}`}) or database-url (a services: postgres container with the extension).`;
  }
  const type = /type "(?:[^"]+\.)?(geometry|geography|raster|box2d|box3d|hstore|citext|ltree|cube|vector|halfvec)" does not exist/i.exec(failure.message);
  if (type) {
    const from = /geometry|geography|raster|box2d|box3d/i.test(type[1]) ? "postgis" : /vector|halfvec/i.test(type[1]) ? "vector (pgvector)" : type[1].toLowerCase();
    return `Type ${type[1]} comes from the ${from} extension, which no earlier migration creates (CREATE EXTENSION IF NOT EXISTS ...) or the server lacks: add the CREATE EXTENSION to an earlier migration${/postgis|vector/.test(from) ? `, and run the gate where the extension is installed (postgres-image: ${from === "postgis" ? "postgis/postgis:17-3.5" : "pgvector/pgvector:pg17"}, or database-url)` : ""}.`;
  }
  const hint = HINTS_BY_CODE[failure.code ?? ""] ?? "Run the migrations on an empty database to reproduce it.";
  return drizzle ? hint.replace("a migration with an earlier timestamp", "an earlier migration") : hint;
}
function noMigrationCreates(table, migration, drizzle) {
  const at = table.location ? ` (${path9.basename(table.location.file)}:${table.location.line})` : "";
  const before = migration.timestamp !== void 0 && !drizzle ? ` with a timestamp earlier than ${migration.timestamp}` : " that runs before this one";
  return `No migration creates ${qualifiedName(table)}, ${tableOwner(table)}${at}: only ${drizzle ? "drizzle-kit push" : "synchronize"} ever did. Add a CREATE TABLE migration${before}.`;
}
function tidyStatement(statement) {
  const lines = statement.replace(/^\s*\n/, "").trimEnd().split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)[0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

// src/rules/missing-check.ts
var missingCheck = {
  id: "missing-check",
  defaultSeverity: "error",
  description: "A check constraint the entity declares is not created by any migration (matched by expression).",
  check({ diff }) {
    return diff.missingChecks.map(({ table, check }) => {
      const expression = check.expression.replace(/^CHECK\s*/i, "");
      return {
        key: `${qualifiedName(table)} ${expression}`,
        object: qualifiedName(table),
        location: check.location,
        message: `No migration creates the check ${expression} on ${qualifiedName(table)} that ${mapper(table)} declares.`,
        hint: `Add a migration: ALTER TABLE ${quoteTable(table)} ADD CONSTRAINT "${check.name ?? "CHK"}" CHECK ${expression.startsWith("(") ? expression : `(${expression})`}.`
      };
    });
  }
};

// src/rules/missing-enum.ts
var missingEnum = {
  id: "missing-enum",
  defaultSeverity: "error",
  description: "An enum type an entity column uses is not created by any migration.",
  check({ diff }) {
    return diff.missingEnums.map((missing) => ({
      key: qualifiedName(missing),
      object: qualifiedName(missing),
      location: missing.location,
      message: `No migration creates the enum type ${qualifiedName(missing)} that ${missing.usedBy} uses.`,
      hint: `Add a migration: CREATE TYPE ${quoteTable(missing)} AS ENUM(${missing.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")}), before the one that creates the column.`
    }));
  }
};

// src/rules/missing-foreign-key.ts
var missingForeignKey = {
  id: "missing-foreign-key",
  defaultSeverity: "error",
  description: "A relation's foreign key is not created by any migration, or its ON DELETE / ON UPDATE differs.",
  check({ diff }) {
    return diff.missingForeignKeys.map(({ table, foreignKey, near }) => {
      const target = `${qualifiedName(foreignKey.referencedTable)}(${foreignKey.referencedColumns.join(", ")})`;
      const owner = foreignKey.relation ?? `${mapper(table)}`;
      const add = `ALTER TABLE ${quoteTable(table)} ADD FOREIGN KEY (${columnList(foreignKey.columns)}) REFERENCES ${quoteTable(foreignKey.referencedTable)}(${columnList(foreignKey.referencedColumns)}) ON DELETE ${foreignKey.onDelete} ON UPDATE ${foreignKey.onUpdate}`;
      const differences = near ? [near.onDelete !== foreignKey.onDelete && `ON DELETE ${near.onDelete} instead of ${foreignKey.onDelete}`, near.onUpdate !== foreignKey.onUpdate && `ON UPDATE ${near.onUpdate} instead of ${foreignKey.onUpdate}`].filter(Boolean) : [];
      return {
        key: `${columnSetName(table, foreignKey.columns)}->${target}`,
        object: columnSetName(table, foreignKey.columns),
        location: foreignKey.location,
        message: near ? `Foreign key ${near.name} from ${columnSetName(table, foreignKey.columns)} to ${target} has ${differences.join(" and ")} (${owner}).` : `No migration creates the foreign key from ${columnSetName(table, foreignKey.columns)} to ${target} that ${owner} declares: rows can point at nothing.`,
        hint: near ? `Add a migration: ALTER TABLE ${quoteTable(table)} DROP CONSTRAINT "${near.name}", then ${add}; or change the relation's onDelete/onUpdate.` : `Add a migration: ${add} (remove orphan rows first).`
      };
    });
  }
};

// src/rules/missing-index.ts
var missingIndex = {
  id: "missing-index",
  defaultSeverity: "warning",
  description: "An index the entity declares is not created by any migration (matched by columns and predicate, not by name).",
  check(context) {
    const creator = failedIndexCreatorOf(context);
    return context.diff.missingIndexes.filter(({ index }) => !index.unique).map(({ table, index, near }) => {
      const failed = creator(table, index.columns);
      if (failed) {
        return {
          key: `${columnSetName(table, index.columns)}${index.where ? ` WHERE ${index.where}` : ""}`,
          object: columnSetName(table, index.columns),
          location: index.location,
          message: `The index on ${table.schema}.${table.name} (${index.columns.join(", ")}) that ${mapper(table)} declares is missing after the migrations: ${failedAt(failed)}, creates it.`,
          ...fixedWithFailed(failed, "this index")
        };
      }
      return {
        key: `${columnSetName(table, index.columns)}${index.where ? ` WHERE ${index.where}` : ""}`,
        object: columnSetName(table, index.columns),
        location: index.location,
        message: `No migration creates the index on ${table.schema}.${table.name} (${index.columns.join(", ")})${index.where ? ` WHERE ${index.where}` : ""} that ${mapper(table)} declares` + (near ? `; index ${near.name} has these columns but ${near.unique ? "is unique" : `a different predicate (${near.where ?? "none"})`}.` : "."),
        hint: `Add a migration: CREATE INDEX ON ${quoteTable(table)} (${columnList(index.columns)})${index.where ? ` WHERE ${index.where}` : ""}; on a large table, CREATE INDEX CONCURRENTLY in a migration without a transaction.`
      };
    });
  }
};

// src/rules/missing-primary-key.ts
var missingPrimaryKey = {
  id: "missing-primary-key",
  defaultSeverity: "error",
  description: "A table has no primary key after the migrations, or one over other columns than the entity's.",
  check({ diff }) {
    return diff.primaryKeyMismatches.map(({ table, actual }) => ({
      key: qualifiedName(table),
      object: qualifiedName(table),
      location: table.location,
      message: actual ? `The primary key of ${qualifiedName(table)} is (${actual.columns.join(", ")}) after the migrations, but ${mapper(table)} declares (${table.primaryKey.join(", ")}).` : `${qualifiedName(table)} has no primary key after the migrations; ${mapper(table)} declares (${table.primaryKey.join(", ")}).`,
      hint: `Add a migration: ${actual ? `ALTER TABLE ${quoteTable(table)} DROP CONSTRAINT "${actual.name}", then ` : ""}ALTER TABLE ${quoteTable(table)} ADD PRIMARY KEY (${columnList(table.primaryKey)}).`
    }));
  }
};

// src/rules/missing-schema.ts
var missingSchema = {
  id: "missing-schema",
  defaultSeverity: "error",
  description: "A schema entities live in is not created by any migration.",
  check({ diff, orm, migrations }) {
    const fromFailed = new Set(migrations.filter((m) => m.status === "failed").flatMap((m) => m.createdTables.map((table) => table.split(".")[0])));
    return diff.missingSchemas.filter(({ schema }) => !fromFailed.has(schema)).map(({ schema, firstUser }) => ({
      key: schema,
      object: schema,
      location: firstUser.location,
      message: `No migration creates schema ${schema}, which ${"entityName" in firstUser ? "kind" in firstUser && (firstUser.kind === "table" || firstUser.kind === "entity") ? mapper(firstUser) : `entity ${firstUser.entityName}` : `enum ${firstUser.name}`} lives in.`,
      hint: orm === "drizzle" ? `Add a migration that runs CREATE SCHEMA IF NOT EXISTS ${quote(schema)} before the first one that uses it (drizzle-kit generate writes it when the schema is exported with pgSchema from a schema file).` : `Add a migration that runs CREATE SCHEMA IF NOT EXISTS ${quote(schema)} before the first one that uses it: TypeORM's migration:generate does not write it.`
    }));
  }
};

// src/rules/missing-table.ts
var missingTable = {
  id: "missing-table",
  defaultSeverity: "error",
  description: "An entity's table is not created by any migration.",
  check(context) {
    const { expected, migrations } = context;
    const missing = missingTableFinding(context);
    return [...createdByBrokenMigration(context), ...expected.tables.filter(createdByNoMigration(context)).map((table) => ({ ...missing(table), ...migrations.length === 0 && { cause: { ruleId: "no-migrations", key: "no-migrations" } } }))];
  }
};
function missingTableFinding({ migrations, orm }) {
  return (table) => {
    const firstUser = migrations.find((m) => missingRelationOf(m, [table]) === table);
    const ifNotExists = `use CREATE TABLE IF NOT EXISTS, since databases built with ${orm === "drizzle" ? "drizzle-kit push" : "synchronize"} already have it`;
    if (orm === "drizzle") {
      return {
        key: qualifiedName(table),
        object: qualifiedName(table),
        location: table.location,
        message: `${describeTable(table)} has no CREATE TABLE migration.`,
        hint: firstUser ? `Add a migration that creates it, ordered before ${firstUser.name} (which already uses the table); ${ifNotExists}.` : `Run npx drizzle-kit generate to write the migration that creates it, and commit it; if a database was built with drizzle-kit push, ${ifNotExists}.`
      };
    }
    return {
      key: qualifiedName(table),
      object: qualifiedName(table),
      location: table.location,
      message: `${describeTable(table)} has no CREATE TABLE migration.`,
      hint: firstUser?.timestamp !== void 0 ? `Add a migration that creates it, with a timestamp before ${firstUser.timestamp} (${firstUser.name} already uses the table), e.g. ${firstUser.timestamp - 1}-Create${pascal(table.name)}; ${ifNotExists}.` : `Add a migration that creates it (npx typeorm migration:generate against a database built only from migrations shows the SQL); ${ifNotExists}.`
    };
  };
}
function createdByBrokenMigration(context) {
  const existing = new Set(context.actual.tables.map(qualifiedName));
  const creator = failedCreatorOf(context);
  const neverRun = neverRunCreatorOf(context);
  return context.expected.tables.flatMap((table) => {
    if (existing.has(qualifiedName(table))) return [];
    const never = neverRun(qualifiedName(table));
    if (never) {
      return [{
        key: qualifiedName(table),
        object: qualifiedName(table),
        location: table.location,
        message: `${describeTable(table)} is missing after the migrations: ${never.name} creates it, but ${never.why}, so it never runs.`,
        ...fixedWith(never.fix, never.cause, "this table")
      }];
    }
    const migration = creator(qualifiedName(table));
    if (!migration) return [];
    return [{
      key: qualifiedName(table),
      object: qualifiedName(table),
      location: table.location,
      message: `${describeTable(table)} is missing after the migrations: it is created by ${failedAt(migration)}.`,
      ...fixedWithFailed(migration, "this table")
    }];
  });
}
function pascal(name) {
  return name.replace(/(^|[_\-\s.]+)(\w)/g, (_, __, c) => c.toUpperCase());
}

// src/rules/missing-unique.ts
var missingUnique = {
  id: "missing-unique",
  defaultSeverity: "error",
  description: "A unique constraint or unique index the entity declares is not created by any migration.",
  check(context) {
    const { diff } = context;
    const creator = failedIndexCreatorOf(context);
    const fromUniques = diff.missingUniques.map(({ table, unique, near }) => ({ table, columns: unique.columns, location: unique.location, where: void 0, asIndex: false, near }));
    const fromIndexes = diff.missingIndexes.filter(({ index }) => index.unique).map(({ table, index, near }) => ({ table, columns: index.columns, location: index.location, where: index.where, asIndex: true, near }));
    return [...fromUniques, ...fromIndexes].map(({ table, columns, location, where, asIndex, near }) => {
      const failed = creator(table, columns);
      if (failed) {
        return {
          key: `${columnSetName(table, columns)}${where ? ` WHERE ${where}` : ""}`,
          object: columnSetName(table, columns),
          location,
          message: `(${columns.join(", ")}) is not unique on ${table.schema}.${table.name} after the migrations, as ${mapper(table)} declares: ${failedAt(failed)}, creates it.`,
          ...fixedWithFailed(failed, "this")
        };
      }
      if (near) {
        const index = `${table.schema === "public" ? "" : `${quote(table.schema)}.`}${quote(near.name)}`;
        return {
          key: `${columnSetName(table, columns)}${where ? ` WHERE ${where}` : ""}`,
          object: columnSetName(table, columns),
          location,
          message: `${capitalize2(mapper(table))} declares (${columns.join(", ")}) unique${where ? ` where ${where}` : " on every row"}, but the migrations build ${near.name} ${near.unique ? "unique" : "non-unique"}${near.where ? ` where ${near.where}` : " on every row"}.`,
          hint: `If the database is right, declare the same in ${context.orm === "drizzle" ? "the pgTable: uniqueIndex(...).on(...)" + (near.where ? `.where(sql\`${near.where}\`)` : "") : `the entity: @Index(${JSON.stringify(near.name)}, [...], { unique: ${near.unique}${near.where ? `, where: ${JSON.stringify(near.where)}` : ""} })`}. If the code is right, add a migration: DROP INDEX ${index}; CREATE UNIQUE INDEX ${quote(near.name)} ON ${quoteTable(table)} (${columnList(columns)})${where ? ` WHERE ${where}` : ""} (deduplicate existing rows first).`
        };
      }
      return {
        key: `${columnSetName(table, columns)}${where ? ` WHERE ${where}` : ""}`,
        object: columnSetName(table, columns),
        location,
        message: `No migration makes (${columns.join(", ")}) unique on ${table.schema}.${table.name}${where ? ` where ${where}` : ""}, as ${mapper(table)} declares: duplicates can get in.`,
        hint: asIndex ? `Add a migration: CREATE UNIQUE INDEX ON ${quoteTable(table)} (${columnList(columns)})${where ? ` WHERE ${where}` : ""} (deduplicate existing rows first).` : `Add a migration: ALTER TABLE ${quoteTable(table)} ADD UNIQUE (${columnList(columns)}) (deduplicate existing rows first).`
      };
    });
  }
};
function capitalize2(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// src/rules/missing-view.ts
var missingView = {
  id: "missing-view",
  defaultSeverity: "error",
  description: "A view entity's view is not created by any migration.",
  check({ diff, orm, migrations }) {
    return diff.missingViews.map(({ view, actual }) => {
      const kind = view.materialized ? "materialized view" : "view";
      const creator = !actual ? migrations.find((m) => m.status === "failed" && m.touches?.names.includes(view.name)) : void 0;
      if (creator) {
        return {
          key: qualifiedName(view),
          object: qualifiedName(view),
          location: view.location,
          message: `The ${kind} ${qualifiedName(view)} is missing after the migrations: it is created by ${failedAt(creator)}.`,
          ...fixedWithFailed(creator, `this ${kind}`)
        };
      }
      const owner = orm === "drizzle" ? `${view.materialized ? "pgMaterializedView" : "pgView"} ${view.entityName}` : `view entity ${view.entityName}`;
      return {
        key: qualifiedName(view),
        object: qualifiedName(view),
        location: view.location,
        message: actual ? `${qualifiedName(view)} is a ${actual.kind.replace("-", " ")} after the migrations, but ${owner} is a ${kind}.` : `No migration creates the ${kind} ${qualifiedName(view)} of ${owner}.`,
        hint: orm === "drizzle" ? "Run npx drizzle-kit generate and commit the migration it writes for the view." : `Add a migration with CREATE ${view.materialized ? "MATERIALIZED " : ""}VIEW and the entity's expression (migration:generate writes it, with the typeorm_metadata row TypeORM keeps for views).`
      };
    });
  }
};

// src/rules/missing-unused-column.ts
var missingUnusedColumn = {
  id: "missing-unused-column",
  defaultSeverity: "notice",
  description: "A column TypeORM never selects, inserts or updates (select, insert and update false) is not created by any migration.",
  check({ diff }) {
    return diff.missingColumns.filter(({ column }) => isUnused(column)).map(({ table, column }) => ({
      key: `${qualifiedName(table)}.${column.name}`,
      object: `${qualifiedName(table)}.${column.name}`,
      location: column.location,
      message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is not created by any migration; TypeORM never selects, inserts or updates it, so only queries that name it fail.`,
      hint: `If queries use it, add a migration that creates it as the database computes it (GENERATED ALWAYS AS (...) STORED, or nullable: ALTER TABLE ${quoteTable(table)} ADD "${column.name}" ${column.type}); if nothing uses it, remove the property.`
    }));
  }
};

// src/rules/no-migrations.ts
var noMigrations = {
  id: "no-migrations",
  defaultSeverity: "warning",
  description: "No migration was found, so every table is reported missing.",
  check({ migrations, migrationsOption, expected, orm, drizzleFolder }) {
    if (migrations.length > 0 || expected.tables.length === 0) return [];
    if (orm === "drizzle" && drizzleFolder?.journalFile && drizzleFolder.journal.length === 0) {
      return [
        {
          key: "no-migrations",
          message: `${drizzleFolder.journalFile} lists no migrations: the database was only ever built with drizzle-kit push.`,
          hint: "Run npx drizzle-kit generate and commit the migration it writes; databases built with push already have the tables, so make them accept it (CREATE TABLE IF NOT EXISTS), or record it as applied there."
        }
      ];
    }
    return [
      {
        key: "no-migrations",
        message: `No migrations were found${migrationsOption.length ? ` (migrations: ${migrationsOption.join(", ")})` : ": the migrations option is empty"}.`,
        hint: orm === "drizzle" ? "Check drizzle.config's out (or the migrations option): it must be the folder drizzle-kit generate writes to, relative to the working directory. If the database was only ever built with drizzle-kit push, run npx drizzle-kit generate and commit the result." : "Check that the migrations globs match your migration files (.ts included) relative to the working directory; in a data source file, build them from __dirname or import.meta.dirname."
      }
    ];
  }
};

// src/rules/nullability-mismatch.ts
var nullabilityMismatch = {
  id: "nullability-mismatch",
  defaultSeverity: "error",
  description: "A column is NOT NULL on one side and nullable on the other.",
  check({ diff, orm }) {
    const words = vocabulary(orm);
    const relevant = diff.nullabilityMismatches.filter(({ expected, actual }) => expected.access?.insert !== false || !actual.nullable && actual.default === void 0 && !actual.generated && !actual.identity);
    return relevant.map(({ table, expected }) => {
      const where = `Column ${expected.name} of ${qualifiedName(table)}`;
      return {
        key: `${qualifiedName(table)}.${expected.name}`,
        object: `${qualifiedName(table)}.${expected.name}`,
        location: expected.location,
        message: expected.nullable ? `${where} is NOT NULL after the migrations, but ${expected.property} is nullable: ${words.writingNull(expected.name)}.` : `${where} allows NULL after the migrations, but ${expected.property} is NOT NULL: rows without a value can get in.`,
        hint: expected.nullable ? `Add a migration: ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quote(expected.name)} DROP NOT NULL, or ${words.makeNotNull}.` : `Add a migration: ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quote(expected.name)} SET NOT NULL (backfill NULLs first), or ${words.makeNullable}.`
      };
    });
  }
};

// src/schema/normalize.ts
var EQUIVALENT_DEFAULTS = [
  // Both give a random (v4) uuid; TypeORM writes uuid_generate_v4() unless uuidExtension is
  // pgcrypto, and many hand-written migrations use the built-in (typeorm#11571, #5898).
  [/^uuid_generate_v4\(\)$/i, "gen_random_uuid()"],
  // Same function, two spellings: CURRENT_TIMESTAMP is now() (typeorm#6579).
  [/^current_timestamp$/i, "now()"],
  // A sequence default is a sequence default, whatever the sequence is called.
  [/^nextval\('.*'::regclass\)$/i, "nextval()"],
  // TypeORM rewrites CURRENT_TIMESTAMP(n) to ('now'::text)::timestamp(n) with time zone before
  // writing it; a hand-written migration keeps CURRENT_TIMESTAMP(n) (typeorm#6579, #10328).
  [/^\('now'::text\)::timestamp\((\d)\) with time zone$/i, "CURRENT_TIMESTAMP($1)"],
  [/^\('now'::text\)::timestamp with time zone$/i, "now()"],
  // `x AT TIME ZONE z` is timezone(z, x); Postgres prints whichever was written (typeorm#3076).
  [/^(.+) AT TIME ZONE (.+)$/i, "timezone($2, $1)"]
];
function normalizeDefault(expression) {
  let text = sameSpacing(stripOuterParens(expression.trim()));
  for (const [pattern, replacement] of EQUIVALENT_DEFAULTS) text = stripOuterParens(text.replace(pattern, replacement));
  return text;
}
function sameExpression(a, b) {
  return looseForm(a) === looseForm(b);
}
function looseForm(expression) {
  return sameSpacing(stripOuterParens(expression.trim().replace(/^CHECK\s*/i, ""))).replace(/"([a-z_][a-z0-9_]*)"/g, "$1").replace(/\(\s*/g, "(").replace(/\s*\)/g, ")");
}
function sameSpacing(text) {
  return text.replace(/\s+/g, " ");
}
function stripOuterParens(text) {
  let current = text;
  while (current.startsWith("(") && current.endsWith(")") && enclosesAll(current)) current = current.slice(1, -1).trim();
  return current;
}
function enclosesAll(text) {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "'") quoted = !quoted;
    if (quoted) continue;
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}

// src/schema/diff.ts
var verifiedKey = {
  column: (table, column) => `column:${table}.${column}`,
  index: (table, columns) => `index:${table}(${columns.join(",")})`,
  indexName: (schema, name) => `index-name:${schema}.${name}`,
  constraintName: (table, name) => `constraint:${table}.${name}`,
  unique: (table, columns) => `unique:${table}(${[...columns].sort().join(",")})`,
  foreignKey: (table, columns, referenced) => `fk:${table}(${columns.join(",")})->${referenced}`,
  primaryKey: (table) => `pk:${table}`,
  checks: (table) => `checks:${table}`,
  enumType: (name) => `enum:${name}`,
  view: (name) => `view:${name}`
};
function diffSchemas(expected, actual) {
  const diff = {
    pairs: [],
    missingColumns: [],
    typeMismatches: [],
    nullabilityMismatches: [],
    valueSourceMismatches: [],
    extraColumns: [],
    primaryKeyMismatches: [],
    missingUniques: [],
    missingIndexes: [],
    missingForeignKeys: [],
    missingChecks: [],
    missingEnums: [],
    enumValueMismatches: [],
    missingViews: [],
    missingSchemas: [],
    extraTables: [],
    extraUniques: [],
    extraChecks: [],
    verified: /* @__PURE__ */ new Set()
  };
  const actualByName = new Map(actual.tables.map((table) => [qualifiedName(table), table]));
  for (const table of expected.tables) {
    const found = actualByName.get(qualifiedName(table));
    if (!found || isView(found)) continue;
    diff.pairs.push({ expected: table, actual: found });
    compareColumns(table, found, diff);
    comparePrimaryKey(table, found, diff);
    compareUniques(table, found, diff);
    compareIndexes(table, found, diff);
    compareForeignKeys(table, found, diff);
    compareChecks(table, found, diff);
    findExtraUniques(table, found, diff);
    findExtraChecks(table, found, diff);
  }
  const actualEnums = new Map(actual.enums.map((e) => [qualifiedName(e), e]));
  for (const expectedEnum of expected.enums) {
    const found = actualEnums.get(qualifiedName(expectedEnum));
    if (!found) {
      if (expectedEnum.tables.some((table) => actualByName.has(table))) diff.missingEnums.push(expectedEnum);
      continue;
    }
    const missing = expectedEnum.values.filter((value) => !found.values.includes(value));
    const extra = found.values.filter((value) => !expectedEnum.values.includes(value));
    if (missing.length || extra.length) diff.enumValueMismatches.push({ expected: expectedEnum, actual: found, missing, extra });
    else diff.verified.add(verifiedKey.enumType(qualifiedName(found)));
  }
  for (const view of expected.views) {
    const found = actualByName.get(qualifiedName(view));
    const kindMatches = found && found.kind === (view.materialized ? "materialized-view" : "view");
    if (kindMatches) diff.verified.add(verifiedKey.view(qualifiedName(view)));
    else diff.missingViews.push({ view, ...found && { actual: found } });
  }
  const actualSchemas = new Set(actual.schemas);
  for (const schema of expected.schemas) {
    if (actualSchemas.has(schema)) continue;
    const firstUser = [...expected.tables, ...expected.views, ...expected.enums].find((object) => object.schema === schema);
    diff.missingSchemas.push({ schema, firstUser });
  }
  const known = new Set([...expected.tables, ...expected.views, ...expected.ownTables].map(qualifiedName));
  diff.extraTables = actual.tables.filter((table) => !isView(table) && !known.has(qualifiedName(table)));
  return diff;
}
function compareColumns(table, found, diff) {
  const name = qualifiedName(table);
  const actualColumns = new Map(found.columns.map((column) => [column.name, column]));
  for (const column of table.columns) {
    const actualColumn = actualColumns.get(column.name);
    if (!actualColumn) {
      diff.missingColumns.push({ table, column });
      continue;
    }
    const pair = { table, expected: column, actual: actualColumn };
    let equal = true;
    if (column.type !== actualColumn.type) {
      diff.typeMismatches.push(pair);
      equal = false;
    }
    if (column.nullable !== actualColumn.nullable) {
      diff.nullabilityMismatches.push(pair);
      equal = false;
    }
    const aspect = valueSourceDifference(column, actualColumn);
    if (aspect) {
      diff.valueSourceMismatches.push({ ...pair, aspect });
      equal = false;
    }
    if (equal) diff.verified.add(verifiedKey.column(name, column.name));
  }
  const expectedNames = new Set(table.columns.map((column) => column.name));
  for (const column of found.columns) {
    if (!expectedNames.has(column.name)) diff.extraColumns.push({ table, column });
  }
}
function valueSourceDifference(expected, actual) {
  if (expected.generated !== void 0 || actual.generated !== void 0) {
    return expected.generated !== void 0 && actual.generated !== void 0 && sameExpression(expected.generated, actual.generated) ? void 0 : "generated";
  }
  if (expected.identity !== actual.identity) return "identity";
  if (expected.identity) return void 0;
  if (expected.serial) return actual.default !== void 0 && /^nextval\(/i.test(actual.default) ? void 0 : "serial";
  if (expected.default === void 0 && actual.default === void 0) return void 0;
  if (expected.default === void 0 || actual.default === void 0) return "default";
  return normalizeDefault(expected.default) === normalizeDefault(actual.default) ? void 0 : "default";
}
function comparePrimaryKey(table, found, diff) {
  if (table.primaryKey.length === 0) return;
  const actualColumns = found.primaryKey?.columns ?? [];
  if (sameSet(table.primaryKey, actualColumns)) {
    diff.verified.add(verifiedKey.primaryKey(qualifiedName(table)));
    diff.verified.add(verifiedKey.constraintName(qualifiedName(table), found.primaryKey.name));
  } else {
    diff.primaryKeyMismatches.push({ table, ...found.primaryKey && { actual: found.primaryKey } });
  }
}
function compareUniques(table, found, diff) {
  const name = qualifiedName(table);
  for (const unique of table.uniques) {
    const constraint = found.uniques.find((candidate) => sameSet(candidate.columns, unique.columns));
    const index = found.indexes.find((candidate) => candidate.unique && !candidate.where && !candidate.primary && sameSet(candidate.columns, unique.columns));
    if (!constraint && !index) {
      const near = found.indexes.find((candidate) => candidate.unique && candidate.where !== void 0 && !candidate.primary && sameSet(candidate.columns, unique.columns));
      diff.missingUniques.push({ table, unique, ...near && { near } });
      continue;
    }
    diff.verified.add(verifiedKey.unique(name, unique.columns));
    if (constraint) diff.verified.add(verifiedKey.constraintName(name, constraint.name));
    if (index) diff.verified.add(verifiedKey.indexName(found.schema, index.name));
  }
}
function compareIndexes(table, found, diff) {
  const name = qualifiedName(table);
  for (const index of table.indexes) {
    const sameColumns = found.indexes.filter((candidate) => !candidate.primary && sameList(candidate.columns, index.columns));
    const match = sameColumns.find((candidate) => candidate.unique === index.unique && samePredicate(index.where, candidate.where));
    if (!match) {
      diff.missingIndexes.push({ table, index, ...sameColumns[0] && { near: sameColumns[0] } });
      continue;
    }
    diff.verified.add(verifiedKey.index(name, index.columns));
    diff.verified.add(verifiedKey.indexName(found.schema, match.name));
    if (match.constraint) diff.verified.add(verifiedKey.constraintName(name, match.constraint));
  }
}
function compareForeignKeys(table, found, diff) {
  const name = qualifiedName(table);
  for (const foreignKey of table.foreignKeys) {
    const target = qualifiedName(foreignKey.referencedTable);
    const sameTarget = found.foreignKeys.filter(
      (candidate) => sameList(candidate.columns, foreignKey.columns) && qualifiedName(candidate.referencedTable) === target && sameList(candidate.referencedColumns, foreignKey.referencedColumns)
    );
    const match = sameTarget.find((candidate) => candidate.onDelete === foreignKey.onDelete && candidate.onUpdate === foreignKey.onUpdate);
    if (!match) {
      diff.missingForeignKeys.push({ table, foreignKey, ...sameTarget[0] && { near: sameTarget[0] } });
      continue;
    }
    diff.verified.add(verifiedKey.foreignKey(name, foreignKey.columns, target));
    diff.verified.add(verifiedKey.constraintName(name, match.name));
  }
}
function compareChecks(table, found, diff) {
  const name = qualifiedName(table);
  let allFound = true;
  for (const check of table.checks) {
    const expression = check.expression.startsWith("CHECK ") ? check.expression : `CHECK (${check.expression})`;
    const match = found.checks.find((candidate) => sameExpression(candidate.definition, expression));
    if (match) diff.verified.add(verifiedKey.constraintName(name, match.name));
    else {
      diff.missingChecks.push({ table, check });
      allFound = false;
    }
  }
  if (allFound) diff.verified.add(verifiedKey.checks(name));
}
function findExtraUniques(table, found, diff) {
  const declared = (columns, where) => where === void 0 && (sameSet(columns, table.primaryKey) || table.uniques.some((u) => sameSet(u.columns, columns))) || table.indexes.some((i) => i.unique && sameSet(i.columns, columns) && samePredicate(i.where, where));
  const plainColumns = new Set(found.columns.map((c) => c.name));
  for (const unique of found.uniques) {
    if (!declared(unique.columns)) diff.extraUniques.push({ table, name: unique.name, columns: unique.columns, kind: "constraint" });
  }
  const near = new Set([...diff.missingIndexes, ...diff.missingUniques].filter((m) => m.table === table && m.near).map((m) => m.near.name));
  for (const index of found.indexes) {
    if (!index.unique || index.primary || index.constraint || near.has(index.name)) continue;
    if (!index.columns.every((c) => plainColumns.has(c))) continue;
    if (!declared(index.columns, index.where)) diff.extraUniques.push({ table, name: index.name, columns: index.columns, ...index.where && { where: index.where }, kind: "index" });
  }
}
function findExtraChecks(table, found, diff) {
  for (const check of found.checks) {
    const declared = table.checks.some((c) => sameExpression(check.definition, c.expression.startsWith("CHECK ") ? c.expression : `CHECK (${c.expression})`));
    if (!declared) diff.extraChecks.push({ table, check });
  }
}
function samePredicate(expected, actual) {
  if (expected === void 0 || actual === void 0) return expected === actual;
  return sameExpression(expected, actual);
}
function sameList(a, b) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
function sameSet(a, b) {
  return a.length === b.length && a.every((value) => b.includes(value));
}

// src/rules/ddl-target.ts
var NAME = `((?:"[^"]+"\\.)?"[^"]+")`;
var PATTERNS = [
  [new RegExp(`^(?:INSERT INTO|DELETE FROM) ${NAME}`, "i"), () => ({ kind: "bookkeeping" })],
  [new RegExp(`^(?:CREATE|DROP) TABLE (?:IF (?:NOT )?EXISTS )?${NAME}`, "i"), (m, s) => ({ kind: "table", table: qualify(m[1], s) })],
  [
    new RegExp(`^ALTER TABLE ${NAME} ADD CONSTRAINT "([^"]+)" (PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK)\\s*\\((.*?)\\)(?: REFERENCES ${NAME})?`, "is"),
    (m, s) => ({ kind: "add-constraint", table: qualify(m[1], s), name: m[2], type: m[3].toUpperCase(), columns: identifiers(m[4]), ...m[5] && { referenced: qualify(m[5], s) } })
  ],
  [new RegExp(`^ALTER TABLE ${NAME} DROP CONSTRAINT "([^"]+)"`, "i"), (m, s) => ({ kind: "drop-constraint", table: qualify(m[1], s), name: m[2] })],
  [new RegExp(`^ALTER TABLE ${NAME} ADD (?:COLUMN )?"([^"]+)"`, "i"), (m, s) => ({ kind: "column", table: qualify(m[1], s), column: m[2], action: "add" })],
  [new RegExp(`^ALTER TABLE ${NAME} DROP COLUMN "([^"]+)"`, "i"), (m, s) => ({ kind: "column", table: qualify(m[1], s), column: m[2], action: "drop" })],
  [new RegExp(`^ALTER TABLE ${NAME} ALTER COLUMN "([^"]+)"`, "i"), (m, s) => ({ kind: "column", table: qualify(m[1], s), column: m[2], action: "alter" })],
  [new RegExp(`^ALTER TABLE ${NAME} RENAME COLUMN "([^"]+)"`, "i"), (m, s) => ({ kind: "column", table: qualify(m[1], s), column: m[2], action: "rename" })],
  [new RegExp(`^COMMENT ON COLUMN ${NAME}\\."([^"]+)"`, "i"), (m, s) => ({ kind: "column", table: qualify(m[1], s), column: m[2], action: "comment" })],
  [
    new RegExp(`^CREATE (UNIQUE )?INDEX (?:CONCURRENTLY )?"([^"]+)" ON ${NAME}\\s*(?:USING \\w+\\s*)?\\((.*?)\\)`, "is"),
    (m, s) => ({ kind: "create-index", unique: Boolean(m[1]), name: m[2], table: qualify(m[3], s), columns: identifiers(m[4]) })
  ],
  [
    new RegExp(`^DROP INDEX (?:CONCURRENTLY )?(?:IF EXISTS )?${NAME}`, "i"),
    (m, s) => {
      const [schema, name] = split(m[1], s);
      return { kind: "drop-index", schema, name };
    }
  ],
  [new RegExp(`^(?:CREATE|ALTER|DROP) TYPE ${NAME}`, "i"), (m, s) => ({ kind: "enum", name: qualify(m[1], s).replace(/_old$/, "") })],
  [new RegExp(`^(?:CREATE|DROP) (?:MATERIALIZED )?VIEW (?:IF EXISTS )?${NAME}`, "i"), (m, s) => ({ kind: "view", name: qualify(m[1], s) })],
  [/^CREATE SCHEMA (?:IF NOT EXISTS )?"([^"]+)"/i, (m) => ({ kind: "schema", name: m[1] })],
  [
    new RegExp(`^CREATE SEQUENCE (?:IF NOT EXISTS )?${NAME}(?:.*?\\bOWNED BY ${NAME}\\."([^"]+)")?`, "is"),
    (m, s) => {
      const [schema, name] = split(m[1], s);
      return { kind: "sequence", schema, name, ...m[2] && { owner: { table: qualify(m[2], s), column: m[3] } } };
    }
  ],
  [
    new RegExp(`^DROP SEQUENCE (?:IF EXISTS )?${NAME}`, "i"),
    (m, s) => {
      const [schema, name] = split(m[1], s);
      return { kind: "sequence", schema, name };
    }
  ]
];
function ddlTarget(statement, defaultSchema = "public") {
  const text = statement.trim();
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return build(match, defaultSchema);
  }
  return { kind: "unknown" };
}
function split(name, defaultSchema) {
  const parts = [...name.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  return parts.length === 2 ? [parts[0], parts[1]] : [defaultSchema, parts[0]];
}
function qualify(name, defaultSchema) {
  return split(name, defaultSchema).join(".");
}
function identifiers(list) {
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

// src/rules/unexplained-drift.ts
var unexplainedDrift = {
  id: "unexplained-drift",
  defaultSeverity: "warning",
  description: "TypeORM's own schema builder would still change something that no other finding explains.",
  check(context, earlier) {
    const { oracle } = context;
    if (!oracle) return [];
    if ("error" in oracle) {
      return [
        {
          key: "oracle-failed",
          message: `TypeORM's schema builder could not run as a cross-check: ${oracle.error}`,
          hint: "The structured comparison above still ran. If this persists, please report it with the message."
        }
      ];
    }
    const explains = explainers(context, earlier);
    const bySubject = /* @__PURE__ */ new Map();
    for (const statement of oracle.statements) {
      const target = ddlTarget(statement);
      if (explained(target, context, explains)) continue;
      const subject = subjectOf(target, context);
      bySubject.set(subject, [...bySubject.get(subject) ?? [], statement]);
    }
    return [...bySubject].map(([subject, statements]) => {
      const table = context.expected.tables.find((t) => qualifiedName(t) === subject);
      return {
        key: `${subject}
${statements.join("\n")}`,
        object: subject === "?" ? void 0 : subject,
        location: table?.location,
        message: `TypeORM would still change ${subject === "?" ? "the schema" : subject} after the migrations, and no other finding explains it.`,
        detail: statements.join(";\n") + ";",
        hint: "This is a difference the gate does not compare itself (a comment, a view's definition, an index the entity does not declare...). If it matters, add a migration with this SQL; if it does not, ignore this finding in migration-gate.config.json with the reason."
      };
    });
  }
};
function explainers({ diff, migrations }, earlier) {
  const objects = /* @__PURE__ */ new Set([...migrations.filter((m) => m.status === "failed").flatMap((m) => m.createdTables), ...earlier.flatMap((f) => f.object ? [f.object] : [])]);
  const tables = new Set([...objects].map((object) => object.replace(/[.(][^.(]*$/, "")));
  return {
    about: (object) => objects.has(object),
    aboutTable: (table) => objects.has(table) || tables.has(table),
    verified: (key) => diff.verified.has(key)
  };
}
function explained(target, { actual, expected }, { about, aboutTable, verified }) {
  switch (target.kind) {
    case "bookkeeping":
      return true;
    // typeorm_metadata rows travel with a view or generated column statement
    case "table":
      return about(target.table);
    case "column": {
      const object = `${target.table}.${target.column}`;
      if (about(object) || about(target.table)) return true;
      return target.action !== "comment" && target.action !== "rename" && verified(verifiedKey.column(target.table, target.column));
    }
    case "add-constraint": {
      const set = columnSetName(split2(target.table), target.columns);
      if (about(set) || about(target.table)) return true;
      if (target.type === "PRIMARY KEY") return verified(verifiedKey.primaryKey(target.table));
      if (target.type === "UNIQUE") return verified(verifiedKey.unique(target.table, target.columns));
      if (target.type === "CHECK") return verified(verifiedKey.checks(target.table));
      return target.referenced !== void 0 && verified(verifiedKey.foreignKey(target.table, target.columns, target.referenced));
    }
    case "drop-constraint": {
      if (verified(verifiedKey.constraintName(target.table, target.name)) || about(`${target.table}.${target.name}`)) return true;
      const table = actual.tables.find((t) => qualifiedName(t) === target.table);
      const blocksWrites = table?.uniques.some((u) => u.name === target.name) || table?.checks.some((c) => c.name === target.name);
      return !blocksWrites && aboutTable(target.table);
    }
    case "create-index": {
      if (about(columnSetName(split2(target.table), target.columns)) || about(target.table)) return true;
      return verified(verifiedKey.index(target.table, target.columns)) || target.unique && verified(verifiedKey.unique(target.table, target.columns));
    }
    case "drop-index": {
      if (verified(verifiedKey.indexName(target.schema, target.name))) return true;
      const table = actual.tables.find((t) => t.schema === target.schema && t.indexes.some((i) => i.name === target.name));
      if (!table) return false;
      if (about(`${qualifiedName(table)}.${target.name}`)) return true;
      const unique = table.indexes.some((i) => i.name === target.name && i.unique);
      return !unique && aboutTable(qualifiedName(table));
    }
    case "sequence": {
      const owner = target.owner ?? sequenceOwner(target.schema, target.name, expected.tables);
      return owner !== void 0 && (about(`${owner.table}.${owner.column}`) || about(owner.table));
    }
    case "enum": {
      const tables = expected.enums.find((e) => qualifiedName(e) === target.name)?.tables ?? [];
      const users = actual.tables.flatMap((t) => t.columns.filter((c) => c.enum && qualifiedName(c.enum) === target.name).map((c) => `${qualifiedName(t)}.${c.name}`));
      return about(target.name) || verified(verifiedKey.enumType(target.name)) || tables.some((table) => about(table)) || users.some((column) => about(column));
    }
    case "view":
      return about(target.name);
    case "schema":
      return about(target.name);
    default:
      return false;
  }
}
function subjectOf(target, context) {
  const { actual } = context;
  switch (target.kind) {
    case "table":
    case "column":
    case "add-constraint":
    case "drop-constraint":
    case "create-index":
      return target.table;
    case "drop-index": {
      const table = actual.tables.find((t) => t.schema === target.schema && t.indexes.some((i) => i.name === target.name));
      return table ? qualifiedName(table) : `${target.schema}.${target.name}`;
    }
    case "enum":
    case "view":
    case "schema":
      return target.name;
    case "sequence":
      return (target.owner ?? sequenceOwner(target.schema, target.name, context.expected.tables))?.table ?? `${target.schema}.${target.name}`;
    default:
      return "?";
  }
}
function sequenceOwner(schema, name, tables) {
  for (const table of tables) {
    if (table.schema !== schema) continue;
    const column = table.columns.find((c) => `${table.name}_${c.name}_seq` === name);
    if (column) return { table: qualifiedName(table), column: column.name };
  }
  return void 0;
}
function split2(qualified) {
  const dot = qualified.indexOf(".");
  return { schema: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
}

// src/rules/unused-ignore.ts
var unusedIgnore = {
  id: "unused-ignore",
  defaultSeverity: "warning",
  description: "An ignore entry in the configuration matched no finding.",
  check: () => []
};

// src/rules/skipped-on-upgrade.ts
var skippedOnUpgrade = {
  id: "skipped-on-upgrade",
  defaultSeverity: "error",
  description: "A migration new since the base that the ORM's migrator skips on every existing database (it only runs on fresh ones).",
  check({ upgrade, orm }) {
    if (!upgrade) return [];
    return upgrade.skipped.map((m) => {
      const late = m.when !== void 0 && m.newestApplied;
      return {
        key: m.name,
        object: m.name,
        ...m.location && { location: m.location },
        message: late ? `${m.name} is new since ${upgrade.baseRef}, but its journal "when" (${iso(m.when)}) is older than ${m.newestApplied.name} (${iso(m.newestApplied.when)}), already applied there: drizzle-orm's migrator applies only entries newer than the newest applied one, so every existing database (staging, production) skips it for good. Fresh databases run it.` : `${m.name} is new since ${upgrade.baseRef}, but ${vocabulary(orm).migrator} did not run it on a database built by the base's migrations: existing databases (staging, production) never get it, fresh ones do.`,
        hint: late ? `Give it a "when" after ${m.newestApplied.when} and move its entry to the end of meta/_journal.json (or regenerate it after the merged ones: drop it, merge, run drizzle-kit generate again). It has not run on any deployed database yet.` : "Rename it so that it sorts after the migrations already merged, as the migrator orders them."
      };
    });
  }
};
function iso(ms) {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

// src/rules/upgrade-divergence.ts
import path10 from "node:path";
var upgradeDivergence = {
  id: "upgrade-divergence",
  defaultSeverity: "error",
  description: "A database upgraded from the base revision ends up different from a fresh one: deployed databases will not match the code.",
  check({ upgrade, editedMigrations, renamedMigrations }) {
    if (!upgrade) return [];
    const keyOf = (f) => `${f.ruleId} ${f.fingerprint}`;
    const only = upgrade.skipped.length === 1 ? upgrade.skipped[0] : void 0;
    const edits = (editedMigrations ?? []).map((e) => e.raisedWhen ? { key: `when:${e.raisedWhen.tag}`, name: e.raisedWhen.tag } : { key: path10.basename(e.file), name: path10.basename(e.file) });
    const edit = !only && edits.length === 1 ? edits[0] : void 0;
    const failures = upgrade.divergent.filter((f) => f.ruleId === "migration-failed");
    const failure = failures.length === 1 ? failures[0] : void 0;
    const renamed = upgrade.vanished.length ? `${upgrade.vanished.join(", ")} ${upgrade.vanished.length === 1 ? "was" : "were"} merged (so applied on existing databases) and ${upgrade.vanished.length === 1 ? "is" : "are"} gone now: if this migration is ${upgrade.vanished.length === 1 ? "it" : "one of them"} renamed, existing databases run it again; keep the merged name (class name and its name property, or the file), or make its statements idempotent (IF NOT EXISTS).` : void 0;
    return upgrade.divergent.map((f) => {
      const fails = f.ruleId === "migration-failed";
      const rename = fails ? renamedMigrations?.find((r) => r.to === f.object) : void 0;
      const cause = rename ? { ruleId: "renamed-migration", key: `${rename.from}->${rename.to}` } : only ? { ruleId: "skipped-on-upgrade", key: only.name } : edit ? { ruleId: "edited-migration", key: edit.key } : failure && !fails ? { ruleId: "upgrade-divergence", key: keyOf(failure) } : void 0;
      const hint = rename ? `${rename.to} is ${rename.from} renamed (renamed-migration): keep the merged name, and this goes with it.` : only ? `${only.name} is skipped on upgrade (skipped-on-upgrade): fix that, and this goes with it.` : edit ? `${edit.name} was changed after it was merged (edited-migration): fix that, and this goes with it.` : failure && !fails ? `${failure.object ?? "The migration"} fails on upgraded databases (above), and would have made it: fix that, and this goes with it.` : fails && renamed ? renamed : "Make the change's migrations give the same result whatever ran before them: existing databases apply them after the base's migrations, in the migrator's order.";
      return {
        // The upgraded database's own finding, by its (line-free) fingerprint.
        key: keyOf(f),
        ...f.object && { object: f.object },
        ...f.location && { location: f.location },
        message: `Only on databases upgraded from ${upgrade.baseRef} (staging, production; a fresh database is fine): ${f.ruleId}: ${f.message}`,
        ...f.detail && { detail: f.detail },
        hint,
        ...cause && { cause }
      };
    });
  }
};

// src/schema/catalog-as-expected.ts
function catalogAsExpected(actual, ownTables = []) {
  const own = new Set(ownTables.map(qualifiedName));
  const tables = actual.tables.filter((t) => !isView(t) && !own.has(qualifiedName(t)));
  const usedBy = (enumName) => tables.filter((t) => t.columns.some((c) => c.enum && qualifiedName(c.enum) === enumName)).map(qualifiedName);
  return {
    tables: tables.map(
      (t) => ({
        schema: t.schema,
        name: t.name,
        kind: "table",
        entityName: t.name,
        columns: t.columns.map((c) => ({
          name: c.name,
          property: `${t.name}.${c.name}`,
          type: c.type,
          ...c.enum && { enum: c.enum },
          nullable: c.nullable,
          ...c.default !== void 0 && { default: c.default },
          ...c.identity && { identity: c.identity },
          ...c.generated !== void 0 && { generated: c.generated }
        })),
        primaryKey: t.primaryKey?.columns ?? [],
        uniques: t.uniques.map((u) => ({ name: u.name, columns: u.columns })),
        // Indexes backing a constraint are that constraint's.
        indexes: t.indexes.filter((i) => !i.primary && !i.constraint).map((i) => ({ name: i.name, columns: i.columns, unique: i.unique, ...i.where !== void 0 && { where: i.where } })),
        foreignKeys: t.foreignKeys.map((f) => ({ name: f.name, columns: f.columns, referencedTable: f.referencedTable, referencedColumns: f.referencedColumns, onDelete: f.onDelete, onUpdate: f.onUpdate })),
        checks: t.checks.map((c) => ({ name: c.name, expression: c.definition }))
      })
    ),
    enums: actual.enums.map((e) => ({ schema: e.schema, name: e.name, values: e.values, usedBy: usedBy(qualifiedName(e))[0] ?? "", tables: usedBy(qualifiedName(e)) })),
    views: actual.tables.filter(isView).map((v) => ({ schema: v.schema, name: v.name, materialized: v.kind === "materialized-view", entityName: v.name })),
    schemas: actual.schemas,
    ownTables
  };
}

// src/engine/target-drift.ts
function targetDrift({ target, replayed, tracking }) {
  const items = [];
  const add = (item) => items.push(item);
  const forward = diffSchemas(catalogAsExpected(replayed, [tracking]), target);
  const reverse = diffSchemas(catalogAsExpected(target, [tracking]), replayed);
  const targetTables = new Set(target.tables.map(qualifiedName));
  const own = qualifiedName(tracking);
  const appSchemas = (schema) => new Set(schema.tables.filter((t) => qualifiedName(t) !== own).map((t) => t.schema).concat(schema.enums.map((e) => e.schema)));
  const replayedSchemas = appSchemas(replayed);
  const targetSchemas = appSchemas(target);
  for (const schema of replayedSchemas) if (!target.schemas.includes(schema)) add({ object: schema, kind: "schema", change: "missing" });
  for (const schema of targetSchemas) if (!replayed.schemas.includes(schema)) add({ object: schema, kind: "schema", change: "extra" });
  for (const table of replayed.tables) {
    const name = qualifiedName(table);
    if (name === own || targetTables.has(name)) continue;
    add({ object: name, kind: table.kind === "view" || table.kind === "materialized-view" ? "view" : "table", change: "missing" });
  }
  for (const table of forward.extraTables) add({ object: qualifiedName(table), kind: "table", change: "extra" });
  for (const view of reverse.missingViews) if (!view.actual) add({ object: qualifiedName(view.view), kind: "view", change: "extra" });
  for (const { table, column } of forward.missingColumns) add({ object: `${qualifiedName(table)}.${column.name}`, kind: "column", change: "missing" });
  for (const { table, column } of forward.extraColumns) add({ object: `${qualifiedName(table)}.${column.name}`, kind: "column", change: "extra" });
  for (const { table, expected, actual } of forward.typeMismatches) add({ object: `${qualifiedName(table)}.${expected.name}`, kind: "column", change: "different", detail: `type ${actual.type} on the target, ${expected.type} from the migrations` });
  for (const { table, expected, actual } of forward.nullabilityMismatches) {
    add({ object: `${qualifiedName(table)}.${expected.name}`, kind: "column", change: "different", detail: `${actual.nullable ? "nullable" : "NOT NULL"} on the target, ${expected.nullable ? "nullable" : "NOT NULL"} from the migrations` });
  }
  for (const { table, expected, actual, aspect } of forward.valueSourceMismatches) {
    const show = (value) => value ?? "none";
    const [there, here] = aspect === "identity" ? [actual.identity, expected.identity] : aspect === "generated" ? [actual.generated, expected.generated] : [actual.default, expected.default];
    add({ object: `${qualifiedName(table)}.${expected.name}`, kind: "column", change: "different", detail: `${aspect === "serial" ? "default" : aspect} ${show(there)} on the target, ${show(here)} from the migrations` });
  }
  for (const { table, actual } of forward.primaryKeyMismatches) {
    add({ object: qualifiedName(table), kind: "primary key", change: "different", detail: `(${actual?.columns.join(", ") ?? "none"}) on the target, (${table.primaryKey.join(", ")}) from the migrations` });
  }
  for (const { table, unique } of forward.missingUniques) add({ object: columnSetName(table, unique.columns), kind: "unique", change: "missing", ...unique.name && { name: unique.name } });
  for (const { table, index } of forward.missingIndexes) add({ object: columnSetName(table, index.columns), kind: index.unique ? "unique" : "index", change: "missing", ...index.where && { detail: `WHERE ${index.where}` }, ...index.name && { name: index.name } });
  for (const { table, columns, where, name } of forward.extraUniques) add({ object: columnSetName(table, columns), kind: "unique", change: "extra", ...where && { detail: `WHERE ${where}` }, name });
  for (const { table, index } of reverse.missingIndexes) if (!index.unique) add({ object: columnSetName(table, index.columns), kind: "index", change: "extra", ...index.where && { detail: `WHERE ${index.where}` }, ...index.name && { name: index.name } });
  for (const { table, foreignKey, near } of forward.missingForeignKeys) {
    add({
      object: `${columnSetName(table, foreignKey.columns)} -> ${qualifiedName(foreignKey.referencedTable)}`,
      kind: "foreign key",
      change: near ? "different" : "missing",
      ...near && { detail: `ON DELETE ${near.onDelete} ON UPDATE ${near.onUpdate} on the target, ON DELETE ${foreignKey.onDelete} ON UPDATE ${foreignKey.onUpdate} from the migrations` }
    });
  }
  for (const { table, foreignKey, near } of reverse.missingForeignKeys) if (!near) add({ object: `${columnSetName(table, foreignKey.columns)} -> ${qualifiedName(foreignKey.referencedTable)}`, kind: "foreign key", change: "extra" });
  for (const { table, check } of forward.missingChecks) add({ object: qualifiedName(table), kind: "check", change: "missing", detail: check.expression });
  for (const { table, check } of forward.extraChecks) add({ object: qualifiedName(table), kind: "check", change: "extra", detail: check.definition });
  const targetEnums = new Map(target.enums.map((e) => [qualifiedName(e), e]));
  const replayedEnums = new Set(replayed.enums.map(qualifiedName));
  for (const e of replayed.enums) if (!targetEnums.has(qualifiedName(e))) add({ object: qualifiedName(e), kind: "enum", change: "missing" });
  for (const e of target.enums) if (!replayedEnums.has(qualifiedName(e))) add({ object: qualifiedName(e), kind: "enum", change: "extra" });
  for (const { expected, missing, extra } of forward.enumValueMismatches) {
    add({ object: qualifiedName(expected), kind: "enum", change: "different", detail: [missing.length && `values ${missing.join(", ")} missing on the target`, extra.length && `values ${extra.join(", ")} only on the target`].filter(Boolean).join("; ") });
  }
  return items;
}

// src/rules/irreversible-down.ts
var irreversibleDown = {
  id: "irreversible-down",
  defaultSeverity: "error",
  description: "check-down: a migration's down() does not restore the schema its up() started from (or fails).",
  check({ downChecks }) {
    return (downChecks?.migrations ?? []).flatMap((migration) => {
      const check = migration.downCheck;
      if (!check) return [];
      const at = downLocation(migration);
      if (check.downFailure) {
        const failure = check.downFailure;
        const deliberate = !failure.code && !failure.statement;
        if (deliberate) {
          return [{ key: `${migration.name}
throws`, object: migration.name, ...at, noticeOnly: true, message: `${migration.name}'s down() refuses to run ("${failure.message}"): it cannot be rolled back, on purpose.`, hint: "Nothing to do if that is intended: a rollback past it needs a restore or a new forward migration." }];
        }
        return [{
          key: `${migration.name}
fails`,
          object: migration.name,
          ...migration.location && { location: { file: migration.location.file, line: failure.statementLine ?? at.location?.line ?? migration.location.line } },
          message: `${migration.name}'s down() fails right after its up(): ${failure.message}${failure.code ? ` (${failure.code})` : ""}.`,
          ...failure.statement && { detail: failure.statement },
          hint: "A rollback stops at this statement. Make down() undo exactly what up() did, in reverse order, or throw on purpose if it cannot be undone."
        }];
      }
      if (!check.afterDown) return [];
      const items = targetDrift({ target: check.afterDown, replayed: check.before, tracking: downChecks.tracking });
      return items.map((item) => ({
        key: `${migration.name}
${item.kind} ${item.object} ${item.change}`,
        object: item.object,
        ...at,
        message: `${migration.name}'s down() ${describe2(item)}.`,
        hint: item.change === "extra" ? "down() must remove what up() created (and create nothing that was not there): add the statement that drops it, or remove the one that creates it." : item.change === "missing" ? "down() drops something up() did not create: drop only what up() made." : "Make down() put it back as it was before up()."
      }));
    });
  }
};
function describe2(item) {
  const what = `${item.kind} ${item.object}${item.name ? ` ("${item.name}")` : ""}`;
  if (item.change === "extra") return `leaves ${what} behind, which was not there before up()`;
  if (item.change === "missing") return `removes ${what}, which was there before up() ran`;
  const detail = item.detail?.replace(/ on the target/g, " after down()").replace(/ from the migrations/g, " before up()");
  return `leaves ${what} changed${detail ? `: ${detail}` : ""}`;
}
function downLocation(migration) {
  if (!migration.location) return {};
  return { location: { file: migration.location.file, line: migration.downCheck?.downLine ?? migration.location.line } };
}

// src/rules/down-breaks-up.ts
var downBreaksUp = {
  id: "down-breaks-up",
  defaultSeverity: "error",
  description: "check-down: after a migration's down(), its up() fails when run again.",
  check({ downChecks }) {
    return (downChecks?.migrations ?? []).flatMap((migration) => {
      const failure = migration.downCheck?.upAgainFailure;
      if (!failure) return [];
      return [{
        key: migration.name,
        object: migration.name,
        ...downLocation(migration),
        message: `After ${migration.name}'s down(), its up() fails when run again: ${failure.message}${failure.code ? ` (${failure.code})` : ""}${failure.statementLine ? ` at line ${failure.statementLine}` : ""}.`,
        ...failure.statement && { detail: failure.statement },
        hint: "A rollback then the next deploy would fail here. Make down() remove everything up() creates (and nothing else)."
      }];
    });
  }
};

// src/rules/not-idempotent.ts
import path11 from "node:path";
var ALREADY_THERE = /* @__PURE__ */ new Set(["42P07", "42701", "42710", "42P06", "42723", "42P04"]);
var notIdempotent = {
  id: "not-idempotent",
  defaultSeverity: "error",
  description: "A migration fails on databases built by synchronize or drizzle-kit push, because what it creates already exists there.",
  check({ baselined }) {
    if (!baselined) return [];
    const built = baselined.kind === "synchronize" ? "TypeORM's synchronize" : "drizzle-kit push";
    return baselined.migrations.filter((m) => m.status === "failed" && m.failure?.code && ALREADY_THERE.has(m.failure.code)).map((m) => ({
      key: m.name,
      object: m.name,
      ...m.location && { location: { file: m.location.file, line: m.failure?.statementLine ?? m.location.line } },
      message: `${m.name} fails on databases built by ${built} from ${baselined.baseRef} and baselined: ${m.failure.message} (${m.failure.code}). Fresh databases run it.`,
      ...m.failure?.statement && { detail: m.failure.statement },
      hint: `Make it accept what ${built} already made: CREATE TABLE IF NOT EXISTS, ADD COLUMN IF NOT EXISTS, CREATE INDEX IF NOT EXISTS, and for constraints and types a DO block that checks pg_constraint / pg_type first${m.location ? ` (in ${path11.basename(m.location.file)})` : ""}.`
    }));
  }
};

// src/rules/renamed-migration.ts
var renamedMigration = {
  id: "renamed-migration",
  defaultSeverity: "error",
  description: "A merged migration renamed since: every database that applied it under the old name runs it again.",
  check({ renamedMigrations, orm }) {
    return (renamedMigrations ?? []).map((r) => ({
      key: `${r.from}->${r.to}`,
      object: r.to,
      location: r.location,
      message: `${r.to} is ${r.from} renamed: ${r.from} is merged, so already applied on existing databases (staging, production), and ${orm === "drizzle" ? "drizzle-orm's migrator" : "TypeORM"} matches applied migrations by name: every one of them runs it again as ${r.to}.`,
      hint: `Keep the merged name (${orm === "drizzle" ? "the folder name" : "the class name, its name property and the file's timestamp"}). If the rename must stay, every statement in it has to be safe to run twice (IF NOT EXISTS, no plain INSERT of seed rows).`
    }));
  }
};

// src/rules/unused-suppression.ts
var unusedSuppression = {
  id: "unused-suppression",
  defaultSeverity: "warning",
  description: "An entry in the suppressions file matched no finding: the problem is gone, remove the entry.",
  check: () => []
};

// src/rules/deploy-outcome.ts
function trackingName(outcome) {
  return `${outcome.tracking.schema}.${outcome.tracking.name}`;
}

// src/rules/untracked-database.ts
var untrackedDatabase = {
  id: "untracked-database",
  defaultSeverity: "error",
  description: "The target database has the application's tables but no migration recorded as applied (built by push or synchronize): the deploy would re-run every migration.",
  check({ deploy, orm }) {
    if (!deploy?.untracked) return [];
    const builtBy = orm === "drizzle" ? "drizzle-kit push" : "TypeORM's synchronize";
    const first = deploy.available[0];
    const matches = deploy.drift.length === 0;
    const failed = deploy.rerunAll?.find((m) => m.status === "failed");
    return [
      {
        key: "untracked",
        object: trackingName(deploy),
        // No location: the database is wrong, not a migration (an annotation on 0000 would say otherwise).
        message: `${deploy.target} has ${deploy.appTables} application table(s), but ${trackingName(deploy)} ${deploy.trackingExists ? "is empty" : "does not exist"}: the database was built without migrations (by ${builtBy}, most likely), so the deploy's migrate would run all ${deploy.available.length} migration(s) again from ${first?.name ?? "the first"}${consequence(deploy.rerunAll)}`,
        ...failed?.failure?.statement && { detail: `${failed.name}: ${failed.failure.statement}` },
        hint: matches ? `Its schema equals what the ${deploy.available.length} migration(s) build, object by object. Record them as applied, exactly as the migrator would have: npx migration-gate baseline --target-url <url> (prints the plan), then again with --yes (writes the rows in one transaction). Do not insert the rows by hand.` : `Its schema differs from what the migrations build in ${deploy.drift.length} object(s) (target-drift, below): bring the database or the migrations in line first, then record the migrations with npx migration-gate baseline --target-url <url> --yes, which refuses while they differ.`
      }
    ];
  }
};
function consequence(rerunAll) {
  if (!rerunAll) return ` and fail on the first object that already exists ("relation already exists").`;
  const failed = rerunAll.find((m) => m.status === "failed");
  if (failed) return `; on a copy of it, ${failed.name} fails: ${failed.failure?.message ?? "it failed"}${failed.failure?.code ? ` (${failed.failure.code})` : ""}, and the deploy would stop there.`;
  return `; on a copy of it they all ran again without an error (their statements tolerate what exists), so the deploy would pass, but it would run every migration's data changes a second time and record them as new.`;
}

// src/rules/unknown-applied-migration.ts
var unknownAppliedMigration = {
  id: "unknown-applied-migration",
  defaultSeverity: "warning",
  description: "The target's migrations table records a migration the repository does not have (deleted, renamed, or applied from another branch).",
  check({ deploy }) {
    if (!deploy) return [];
    return deploy.match.unknownRows.map((index) => {
      const row = deploy.rows[index];
      const label = row.name ?? (row.createdAt !== void 0 ? `created_at ${row.createdAt}` : `id ${row.id}`);
      return {
        key: row.name ?? row.hash ?? String(row.createdAt ?? row.id),
        object: label,
        message: `${trackingName(deploy)} on ${deploy.target} records ${label}${row.id !== void 0 ? ` (id ${row.id})` : ""}${row.hash ? `, hash ${row.hash.slice(0, 12)}` : ""}, which matches no migration of the project: it was deleted or renamed after it ran there, or applied from a branch not merged here.`,
        hint: "If it was renamed, rename it back (the migrator goes by what is recorded); if it comes from another branch, merge that branch before deploying; if it was deleted on purpose, make sure what it did is still wanted. Compare with target-drift findings, if any."
      };
    });
  }
};

// src/rules/skipped-on-deploy.ts
var skippedOnDeploy = {
  id: "skipped-on-deploy",
  defaultSeverity: "error",
  description: "Drizzle 0.x: a migration the target has not applied that the migrator will skip, because its journal when is older than the newest applied one.",
  check({ deploy, drizzleFolder }) {
    if (!deploy || deploy.untracked || deploy.tracking.format !== "drizzle-journal" || deploy.rows.length === 0) return [];
    const newest = Math.max(...deploy.rows.map((r) => r.createdAt ?? -Infinity));
    const ran = new Set((deploy.pending ?? []).map((m) => m.name));
    const newestName = deploy.available.find((m, i) => deploy.match.rowOf[i] !== -1 && m.when === newest)?.name ?? `created_at ${newest}`;
    return deploy.available.flatMap((m, i) => {
      if (deploy.match.rowOf[i] !== -1 || ran.has(m.name) || m.when === void 0 || m.when > newest) return [];
      const entry = drizzleFolder?.journal.find((e) => e.tag === m.name);
      const location = entry && drizzleFolder?.journalFile ? { file: drizzleFolder.journalFile, line: entry.whenLine ?? entry.line } : m.location;
      return [
        {
          key: m.name,
          object: m.name,
          ...location && { location },
          message: `${m.name} has not run on ${deploy.target}, and this deploy will skip it too: its journal "when" (${iso2(m.when)}) is older than the newest migration applied there (${newestName}, ${iso2(newest)}), and drizzle-orm's migrator applies only entries newer than that.`,
          hint: `Give it a "when" after ${newest} and move its entry to the end of meta/_journal.json; that it has not run anywhere that matters yet is what makes this safe.`
        }
      ];
    });
  }
};
function iso2(ms) {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

// src/rules/edited-after-apply.ts
var editedAfterApply = {
  id: "edited-after-apply",
  defaultSeverity: "warning",
  description: "Drizzle: a migration whose file changed after it was applied on the target (the stored hash differs from the file's).",
  check({ deploy }) {
    if (!deploy || deploy.tracking.format === "typeorm") return [];
    return deploy.available.flatMap((m, i) => {
      const row = deploy.match.rowOf[i] >= 0 ? deploy.rows[deploy.match.rowOf[i]] : void 0;
      if (!row?.hash || !m.hash || row.hash === m.hash) return [];
      return [
        {
          key: m.name,
          object: m.name,
          ...m.location && { location: m.location },
          message: `${m.name} was edited after it ran on ${deploy.target}: ${trackingName(deploy)} holds hash ${row.hash.slice(0, 12)}, the file hashes to ${m.hash.slice(0, 12)}. The migrator never runs it again, so the edit never reaches this database.`,
          hint: "Put the file back as it was applied (git log -p on it shows the change) and make the change in a new migration; target-drift lists what differs, if anything."
        }
      ];
    });
  }
};

// src/migrations/statement-line.ts
import fs4 from "node:fs";
function statementLine(file, statement) {
  let text;
  try {
    text = fs4.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const head = statement.trim().split("\n")[0].trim().slice(0, 60);
  const spellings = head ? [head, JSON.stringify(head).slice(1, -1)] : [];
  const index = spellings.map((spelling) => text.indexOf(spelling)).find((i) => i !== -1) ?? -1;
  return index === -1 ? void 0 : text.slice(0, index).split("\n").length;
}

// src/rules/pending-migration-fails.ts
var pendingMigrationFails = {
  id: "pending-migration-fails",
  defaultSeverity: "error",
  description: "A pending migration fails on the target's schema: in the dry run on the migrations replayed to the target's applied point, or because it creates a name the target already uses.",
  check({ deploy }) {
    const failed = (deploy?.pending ?? []).filter((m) => m.status === "failed");
    const first = failed[0];
    const collisions = (deploy?.collisions ?? []).map((c) => ({
      key: `${c.migration}:collision:${c.object}`,
      object: c.object,
      ...c.location && { location: { file: c.location.file, line: statementLine(c.location.file, c.statement) ?? c.location.line } },
      message: `${c.migration} would fail on ${deploy.target}: it creates the ${c.creates} ${c.object}, but the target already has a ${c.existing} of that name that none of its applied migrations made (made by hand${deploy.drift.some((d) => d.object === c.object) ? ", see target-drift" : ""}).`,
      detail: c.statement,
      hint: c.creates === "column" ? "If the column is left over, drop it on the database; if it is meant to be there, write ADD COLUMN IF NOT EXISTS in the migration." : `If the ${c.existing} is left over, drop or rename it on the database; if it is meant to be there, make the migration tolerate it (IF NOT EXISTS) or rename what it creates.`
    }));
    return [...collisions, ...failed.map((m) => ({
      key: m.name,
      object: m.name,
      ...m.location && { location: { file: m.location.file, line: m.failure?.statementLine ?? m.location.line } },
      message: `${m.name} fails on ${deploy.target}'s schema: ${m.failure?.message ?? "it failed"}${m.failure?.code ? ` (${m.failure.code})` : ""}.${m !== first ? ` (The real deploy stops at ${first.name}, before this one.)` : ""}`,
      ...m.failure?.statement && { detail: m.failure.statement },
      hint: "It ran on a throwaway database rebuilt to the target's applied point (the same migrations, the same migrations table), not on the target. Fix the migration (or the schema it assumes) before deploying; the deploy would stop here."
    }))];
  }
};

// src/rules/pending-migration-fails-on-data.ts
var HINTS = {
  "not-null": "Backfill the NULLs in the migration before SET NOT NULL (UPDATE ... SET col = <value> WHERE col IS NULL), or keep the column nullable.",
  "required-column": "Give the new column a DEFAULT, or add it nullable, backfill, then SET NOT NULL.",
  unique: "Remove or merge the duplicates in the migration before adding the constraint, or make the index partial.",
  "primary-key": "Remove the duplicates and NULLs before adding the primary key.",
  "foreign-key": "Delete or repair the orphaned rows in the migration first, or add the constraint NOT VALID and VALIDATE it after cleaning up.",
  check: "Fix the violating rows in the migration first, or add the constraint NOT VALID and VALIDATE it later.",
  type: "Convert the values with USING (and fix those that cannot convert) before changing the type."
};
var pendingMigrationFailsOnData = {
  id: "pending-migration-fails-on-data",
  defaultSeverity: "error",
  description: "A pending statement that the target's existing rows make fail (counted read-only, never the rows themselves).",
  check({ deploy }) {
    return (deploy?.probes ?? []).flatMap((probe) => {
      const outcome = probe.outcome;
      if (!outcome || !("count" in outcome) || outcome.count === 0) return [];
      const line = probe.location ? statementLine(probe.location.file, probe.statement) : void 0;
      return [
        {
          key: `${probe.migration}:${probe.kind}:${probe.table.schema}.${probe.table.name}(${probe.columns.join(",")})`,
          object: `${probe.table.schema}.${probe.table.name}${probe.columns.length ? `(${probe.columns.join(", ")})` : ""}`,
          ...probe.location && { location: { file: probe.location.file, line: line ?? probe.location.line } },
          message: `${probe.migration} would fail on ${deploy.target}'s data: ${outcome.count.toLocaleString("en-US")} ${outcome.count === 1 ? singular(probe.counts) : probe.counts} (counted read-only on the target).`,
          detail: probe.statement,
          hint: HINTS[probe.kind]
        }
      ];
    });
  }
};
function singular(counts) {
  return counts.replace(/^(rows|values|groups)\b/, (word) => word.slice(0, -1));
}

// src/rules/data-probe-skipped.ts
var dataProbeSkipped = {
  id: "data-probe-skipped",
  defaultSeverity: "notice",
  description: "A pending statement that can fail on existing rows was not counted on the target (a backfill runs first, a huge table, a timeout).",
  check({ deploy }) {
    return (deploy?.probes ?? []).flatMap((probe) => {
      const outcome = probe.outcome;
      const why = probe.skipped ?? (outcome && "timedOut" in outcome ? "the count did not finish within the probe timeout" : outcome && "error" in outcome ? `the count failed (${outcome.error})` : void 0);
      if (!why) return [];
      return [
        {
          key: `${probe.migration}:${probe.kind}:${probe.table.schema}.${probe.table.name}(${probe.columns.join(",")})`,
          object: `${probe.table.schema}.${probe.table.name}${probe.columns.length ? `(${probe.columns.join(", ")})` : ""}`,
          ...probe.location && { location: probe.location },
          message: `Not checked against ${deploy.target}'s rows: ${probe.migration} (${probe.kind}) could fail on ${probe.counts}, but ${why}.`,
          detail: probe.statement
        }
      ];
    });
  }
};

// src/rules/target-drift.ts
var targetDrift2 = {
  id: "target-drift",
  defaultSeverity: "warning",
  description: "The target's schema differs from what its applied migrations build (changed by hand, or by a migration edited after it ran).",
  check({ deploy }) {
    if (!deploy) return [];
    const applied = deploy.untracked ? `the ${deploy.available.length} migration(s)` : "the migrations it has applied";
    const partial = deploy.replayFailures.length ? ` (${deploy.replayFailures.map((m) => m.name).join(", ")} failed in that replay, so what it would have built is missing from the comparison)` : "";
    const what = (item) => `${item.kind}${item.name ? ` "${item.name}"` : ""}${item.detail ? ` ${item.detail}` : ""}`;
    return deploy.drift.map((item) => ({
      key: `${item.kind}:${item.change}:${item.object}:${item.change === "different" ? item.detail ?? "" : ""}`,
      object: item.object,
      message: item.change === "missing" ? `${item.object} (${what(item)}): ${applied} create it, but ${deploy.target} does not have it${partial}.` : item.change === "extra" ? `${item.object} (${what(item)}): ${deploy.target} has it, but ${applied} do not create it.` : `${item.object} (${item.kind}): ${item.detail} (${applied} replayed on a throwaway database).`,
      hint: "Changed by hand on the database, or by a migration edited after it ran there: write a migration that makes the change for real (so every database gets it), or undo it on the database.",
      ...deploy.untracked && { cause: { ruleId: "untracked-database", key: "untracked" } }
    }));
  }
};

// src/rules/pending-migration.ts
var pendingMigration = {
  id: "pending-migration",
  defaultSeverity: "notice",
  description: "A migration the deploy will run on the target, in the order the migrator runs them.",
  check({ deploy }) {
    const pending = deploy?.pending ?? [];
    const colliding = new Set((deploy?.collisions ?? []).map((c) => c.migration));
    return pending.map((m, index) => ({
      key: m.name,
      object: m.name,
      ...m.location && { location: m.location },
      message: `Pending on ${deploy.target} (${index + 1} of ${pending.length}): ${m.name} will run on deploy${m.status === "failed" || colliding.has(m.name) ? ", and fails (pending-migration-fails)" : ""}.`
    }));
  }
};

// src/rules/index.ts
var RULES = [
  unlistedMigration,
  missingMigrationFile,
  duplicateMigrationNumber,
  migrationOutOfOrder,
  futureMigrationTimestamp,
  snapshotCollision,
  editedMigration,
  backdatedMigration,
  unregisteredMigration,
  migrationFailed,
  missingSchema,
  missingTable,
  missingColumn,
  columnTypeMismatch,
  nullabilityMismatch,
  defaultMismatch,
  missingPrimaryKey,
  missingUnique,
  missingForeignKey,
  missingCheck,
  missingEnum,
  enumValuesMismatch,
  missingView,
  extraRequiredColumn,
  extraUnique,
  extraCheck,
  missingIndex,
  missingUnusedColumn,
  extraColumn,
  extraTable,
  noMigrations,
  reachedOutside,
  blockedConnection,
  unguardedSubprocess,
  unexplainedDrift,
  renamedMigration,
  skippedOnUpgrade,
  upgradeDivergence,
  notIdempotent,
  irreversibleDown,
  downBreaksUp,
  untrackedDatabase,
  unknownAppliedMigration,
  skippedOnDeploy,
  editedAfterApply,
  pendingMigrationFails,
  pendingMigrationFailsOnData,
  dataProbeSkipped,
  targetDrift2,
  pendingMigration,
  unusedIgnore,
  unusedSuppression
];
var DEPLOY_RULES = [untrackedDatabase, unknownAppliedMigration, skippedOnDeploy, editedAfterApply, pendingMigrationFails, pendingMigrationFailsOnData, dataProbeSkipped, targetDrift2, pendingMigration];
var RULE_IDS = new Set(RULES.map((rule) => rule.id));

// src/engine/rule-config.ts
var CONFIG_FILE_NAME = "migration-gate.config.json";
var SEVERITIES = ["error", "warning", "notice", "off"];
function loadRuleConfig(inputs) {
  const config = { severities: {}, ignores: [] };
  const file = inputs.configPath ? path12.resolve(inputs.cwd, inputs.configPath) : path12.join(inputs.projectDir, CONFIG_FILE_NAME);
  if (fs5.existsSync(file)) {
    readConfigFile(file, config);
    config.configFile = file;
  } else if (inputs.configPath) {
    throw new GateError("config-not-found", `config (--config) "${inputs.configPath}" does not exist (looked for ${file}).`, {
      hint: `Fix the path, relative to the repository root, or remove the option to use ${CONFIG_FILE_NAME} in the project folder when there is one.`
    });
  }
  for (const [index, entry] of (inputs.rules ?? []).entries()) {
    const match = /^([a-z-]+)\s*[=:]\s*([a-z]+)$/.exec(entry);
    if (!match) {
      throw new GateError("invalid-option", `rules (--rules) entry ${index + 1} "${entry}" is not of the form rule-id=severity.`, {
        hint: `Write e.g. rules: extra-table=off, missing-index=error. Severities: ${SEVERITIES.join(", ")}.`
      });
    }
    config.severities[checkRuleId(match[1], `rules (--rules) entry "${entry}"`)] = checkSeverity(match[2], `rules (--rules) entry "${entry}"`);
  }
  for (const entry of (inputs.ignore ?? "").split("\n").map((line) => line.trim()).filter(Boolean)) {
    config.ignores.push(parseIgnoreOption(entry));
  }
  return config;
}
function readConfigFile(file, config) {
  const text = fs5.readFileSync(file, "utf8");
  const where = path12.basename(file);
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GateError("invalid-config", `${where} is not valid JSON: ${error.message}.`, {
      hint: `Fix the JSON in ${file}; the format is described in docs/configuration.md.`
    });
  }
  if (!isObject(parsed)) throw invalid(file, 1, 'the file must hold one JSON object with "rules" and/or "ignore"');
  for (const key of Object.keys(parsed)) {
    if (key !== "rules" && key !== "ignore" && key !== "$schema") throw invalid(file, lineOf(text, `"${key}"`), `unknown key "${key}"; the keys are "rules" and "ignore"`);
  }
  if (parsed["rules"] !== void 0) {
    if (!isObject(parsed["rules"])) throw invalid(file, lineOf(text, '"rules"'), '"rules" must be an object of rule id to severity');
    for (const [id, severity] of Object.entries(parsed["rules"])) {
      const line = lineOf(text, `"${id}"`);
      const label = `${where}:${line}`;
      config.severities[checkRuleId(id, label)] = checkSeverity(String(severity), label);
    }
  }
  if (parsed["ignore"] !== void 0) {
    if (!Array.isArray(parsed["ignore"])) throw invalid(file, lineOf(text, '"ignore"'), '"ignore" must be a list of entries');
    const lines = entryLines2(text, parsed["ignore"].length);
    parsed["ignore"].forEach((entry, index) => {
      const line = lines[index] ?? lineOf(text, '"ignore"');
      const source = { file, line, label: `${where}:${line}` };
      if (!isObject(entry)) throw invalid(file, line, `ignore entry ${index + 1} must be an object with "reason" and at least one of "rule", "object", "file", "fingerprint"`);
      for (const key of Object.keys(entry)) {
        if (!["rule", "object", "file", "fingerprint", "reason"].includes(key)) throw invalid(file, line, `ignore entry ${index + 1} has unknown key "${key}"`);
      }
      config.ignores.push(buildIgnore(entry, source));
    });
  }
}
function buildIgnore(entry, source) {
  const text = (key) => typeof entry[key] === "string" && entry[key].trim() ? entry[key].trim() : void 0;
  const reason = text("reason");
  if (!reason) {
    throw new GateError("invalid-config", `${source.label}: the ignore entry has no "reason".`, {
      hint: 'Every ignore says why, so the next reader can tell when it can go: add "reason": "...".'
    });
  }
  const ignore = { reason, source };
  const rule = text("rule");
  if (rule) ignore.rule = checkRuleId(rule, source.label);
  for (const key of ["object", "file", "fingerprint"]) {
    const value = text(key);
    if (value) ignore[key] = value;
  }
  if (!ignore.rule && !ignore.object && !ignore.file && !ignore.fingerprint) {
    throw new GateError("invalid-config", `${source.label}: the ignore entry matches everything.`, {
      hint: 'Say what to ignore with "rule", "object", "file" or "fingerprint" (each finding in the JSON report carries them).'
    });
  }
  return ignore;
}
function parseIgnoreOption(entry) {
  const source = { label: `ignore (--ignore) entry "${entry}"` };
  const separator = entry.indexOf(" -- ");
  if (separator < 0) {
    throw new GateError("invalid-option", `${source.label} has no reason.`, {
      hint: "Write it as `<rule-id or fingerprint> [object] -- <reason>`, e.g. `extra-table public.legacy_* -- owned by the reporting service`."
    });
  }
  const [matcher, object] = entry.slice(0, separator).trim().split(/\s+/, 2);
  const fields = { reason: entry.slice(separator + 4) };
  if (/^[0-9a-f]{16}$/.test(matcher)) fields["fingerprint"] = matcher;
  else fields["rule"] = matcher;
  if (object) fields["object"] = object;
  return buildIgnore(fields, source);
}
function checkRuleId(id, label) {
  if (RULE_IDS.has(id)) return id;
  const close = [...RULE_IDS].find((known) => known.includes(id) || id.includes(known));
  throw new GateError("invalid-config", `${label}: there is no rule "${id}".`, {
    hint: `${close ? `Did you mean "${close}"? ` : ""}The rules are: ${[...RULE_IDS].join(", ")} (docs/rules.md).`
  });
}
function checkSeverity(severity, label) {
  if (SEVERITIES.includes(severity)) return severity;
  throw new GateError("invalid-config", `${label}: "${severity}" is not a severity.`, { hint: `Use one of ${SEVERITIES.join(", ")}.` });
}
function invalid(file, line, what) {
  return new GateError("invalid-config", `${path12.basename(file)}:${line}: ${what}.`, { hint: `Fix ${file}; the format is described in docs/configuration.md.` });
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function lineOf(text, needle) {
  const index = text.indexOf(needle);
  return index < 0 ? 1 : text.slice(0, index).split("\n").length;
}
function entryLines2(text, count) {
  const start = text.indexOf("[", text.indexOf('"ignore"'));
  const lines = [];
  let depth = 0;
  let inString = false;
  for (let i = start + 1; i < text.length && lines.length < count; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{" || char === "[") {
      if (depth === 0) lines.push(text.slice(0, i).split("\n").length);
      depth++;
    } else if (char === "}" || char === "]") {
      if (depth === 0) break;
      depth--;
    }
  }
  return lines;
}

// src/engine/parse-options.ts
var ORMCONFIG_NAMES = ["env", "js", "mjs", "cjs", "ts", "mts", "cts", "json", "yml", "yaml", "xml"].map((ext) => `ormconfig.${ext}`);
var ORM_CHOICES = ["auto", "typeorm", "drizzle"];
var DRIZZLE_CONFIG_NAMES = ["drizzle.config.ts", "drizzle.config.mts", "drizzle.config.cts", "drizzle.config.js", "drizzle.config.mjs", "drizzle.config.cjs"];
var COMMANDS = ["check", "deploy-check", "baseline", "fix"];
var ISOLATION_CHOICES = ["auto", "namespace", "guard"];
var PROVIDER_CHOICES = ["auto", "url", "binaries", "embedded", "docker"];
var FORMATS = ["text", "json", "markdown", "sarif"];
function optionLabel(name) {
  const spec = OPTION_SPECS.find((s) => s.name === name);
  return spec?.actionInput === false ? `--${name}` : `${name} (--${name})`;
}
function parseOptions(raw, context) {
  const value = (name) => {
    const given = raw[name]?.trim();
    if (given) return given;
    return OPTION_SPECS.find((s) => s.name === name)?.default;
  };
  const projectDir = path13.resolve(context.cwd, value("working-directory") ?? ".");
  if (!isDirectory(projectDir)) {
    throw new GateError("working-directory-not-found", `${optionLabel("working-directory")} "${value("working-directory")}" is not a directory (looked for ${projectDir}).`, {
      hint: "Set it to the folder that holds the project's package.json, relative to the repository root."
    });
  }
  const project = parseProjectSource(value, projectDir);
  const command = parseCommand(value("command"));
  const postgres = parsePostgres(value, (name) => raw[name]?.trim() || void 0);
  const targetUrl = parseTarget(value("target-url"), command, postgres, value("base-ref"));
  return {
    command,
    ...targetUrl && { targetUrl },
    yes: parseBoolean(value("yes") ?? "false", "yes"),
    dryRun: parseBoolean(value("dry-run") ?? "false", "dry-run"),
    transformCache: parseBoolean(value("transform-cache"), "transform-cache"),
    suggestFix: value("suggest-fix") === "auto" ? /^pull_request/.test(process.env["GITHUB_EVENT_NAME"] ?? "") : parseBoolean(value("suggest-fix"), "suggest-fix"),
    projectDir,
    project,
    simulateBaseline: parseSimulation(value, project),
    checkDown: parseCheckDown(value("check-down")),
    postgres,
    timeoutMs: parseTimeout(value("timeout")) * 1e3,
    format: parseFormat(value("format")),
    sarifFile: value("sarif-file") && path13.resolve(context.cwd, value("sarif-file")),
    github: { comment: parseBoolean(value("comment"), "comment"), token: value("github-token") },
    crossCheck: parseBoolean(value("cross-check"), "cross-check"),
    isolation: parseIsolation(value("isolation")),
    baseRef: value("base-ref"),
    failOn: parseFailOn(value("fail-on")),
    suppressionsFile: path13.resolve(projectDir, value("suppressions")),
    suppressAll: parseBoolean(value("suppress-all") ?? "false", "suppress-all"),
    rules: loadRuleConfig({ projectDir, cwd: context.cwd, configPath: value("config"), rules: splitList(value("rules")), ignore: value("ignore") })
  };
}
function parseSimulation(value, project) {
  const synchronize = parseBoolean(value("simulate-synchronize"), "simulate-synchronize");
  const push = parseBoolean(value("simulate-push"), "simulate-push");
  const drizzle = project.kind === "drizzle";
  if (synchronize && drizzle || push && !drizzle) {
    const [given, meant] = drizzle ? ["simulate-synchronize", "simulate-push"] : ["simulate-push", "simulate-synchronize"];
    throw new GateError("conflicting-options", `${optionLabel(given)} is for ${drizzle ? "TypeORM" : "Drizzle"} projects, and this one is ${drizzle ? "Drizzle" : "TypeORM"}.`, {
      hint: `Use ${optionLabel(meant)} instead.`
    });
  }
  return synchronize || push;
}
function parseCheckDown(given) {
  if (given === "new" || given === "all" || given === "off") return given;
  throw new GateError("invalid-check-down", `${optionLabel("check-down")} must be new, all or off (got "${given}").`, {
    hint: "new checks the down() of the migrations the change adds (with a base), all checks every migration's, off none."
  });
}
function parseFailOn(given) {
  if (given === void 0) return void 0;
  if (given === "new" || given === "all") return given;
  throw new GateError("invalid-fail-on", `${optionLabel("fail-on")} must be new or all (got "${given}").`, {
    hint: "new fails only on errors the change introduces (with base-ref or a suppressions file); all fails on every error."
  });
}
function parseProjectSource(value, projectDir) {
  const orm = value("orm");
  if (!ORM_CHOICES.includes(orm)) {
    throw new GateError("invalid-orm", `${optionLabel("orm")} must be one of ${ORM_CHOICES.join(", ")} (got "${orm}").`);
  }
  const typeormGiven = Boolean(value("data-source") || value("entities") || value("naming-strategy") || value("ormconfig"));
  const drizzleGiven = Boolean(value("drizzle-config") || value("schema"));
  if (orm === "drizzle" || orm === "auto" && drizzleGiven && !typeormGiven) return parseDrizzleSource(value, projectDir);
  if (orm === "auto" && !typeormGiven && findDrizzleConfig(projectDir)) return parseDrizzleSource(value, projectDir);
  if (drizzleGiven) {
    throw new GateError("conflicting-options", `${optionLabel("drizzle-config")} and ${optionLabel("schema")} are Drizzle options, but ${orm === "typeorm" ? "orm is typeorm" : "TypeORM options are given too"}.`, {
      hint: "Give either the TypeORM options (data-source, or entities with migrations) or the Drizzle ones (drizzle-config, or schema with migrations), and set orm to match if you set it."
    });
  }
  return parseTypeormSource(value, projectDir);
}
function parseDrizzleSource(value, projectDir) {
  const typeormOnly = ["data-source", "data-source-export", "entities", "naming-strategy", "ormconfig"].filter((name) => value(name));
  if (typeormOnly.length) {
    throw new GateError("conflicting-options", `${typeormOnly.map(optionLabel).join(", ")} ${typeormOnly.length > 1 ? "are TypeORM options" : "is a TypeORM option"}, but the project is checked as a Drizzle project.`, {
      hint: "Remove it, or set orm: typeorm if the project uses TypeORM."
    });
  }
  const given = value("drizzle-config");
  const configFile = given ? requireFile(projectDir, given, "drizzle-config") : findDrizzleConfig(projectDir);
  const schema = splitList(value("schema"));
  const migrations = splitList(value("migrations"));
  if (migrations.length > 1) {
    throw new GateError("invalid-migrations", `For a Drizzle project, ${optionLabel("migrations")} is one folder (drizzle-kit's \`out\`), but ${migrations.length} were given.`, {
      hint: "Example: --migrations drizzle (the folder holding meta/_journal.json, or the <timestamp>_<name>/ folders)."
    });
  }
  const migrationsDir = migrations[0];
  if (migrationsDir && !isDirectory(path13.resolve(projectDir, migrationsDir))) {
    throw new GateError("migrations-not-found", `${optionLabel("migrations")}: folder "${migrationsDir}" not found (looked for ${path13.resolve(projectDir, migrationsDir)}).`, {
      hint: "Give the folder drizzle-kit generate writes to (its `out`, ./drizzle by default), relative to working-directory."
    });
  }
  if (!configFile && (!schema.length || !migrationsDir)) {
    throw new GateError("no-project-source", `No drizzle.config.ts (or .js) in ${projectDir}, so ${optionLabel("schema")} and ${optionLabel("migrations")} are both needed.`, {
      hint: 'Point drizzle-config at the file you pass to drizzle-kit --config, or give e.g. --schema "src/db/schema.ts" --migrations drizzle.'
    });
  }
  return { kind: "drizzle", configFile, schema, migrationsDir };
}
var DRIZZLE_CONFIG_FOLDERS = ["src/db", "db", "server/db", "src/server/db", "lib/db", "src/lib/db", "drizzle", "src", "config"];
function findDrizzleConfig(projectDir) {
  const atRoot = DRIZZLE_CONFIG_NAMES.map((name) => path13.join(projectDir, name)).find((file) => fs6.existsSync(file));
  if (atRoot) return atRoot;
  const fromScripts = scriptConfigs(projectDir).find((file) => fs6.existsSync(file));
  if (fromScripts) return fromScripts;
  for (const folder of DRIZZLE_CONFIG_FOLDERS) {
    const found = DRIZZLE_CONFIG_NAMES.map((name) => path13.join(projectDir, folder, name)).find((file) => fs6.existsSync(file));
    if (found) return found;
  }
  return void 0;
}
function scriptConfigs(projectDir) {
  let scripts = {};
  try {
    scripts = JSON.parse(fs6.readFileSync(path13.join(projectDir, "package.json"), "utf8")).scripts ?? {};
  } catch {
    return [];
  }
  return Object.values(scripts).flatMap(
    (script) => typeof script === "string" ? [...script.matchAll(/drizzle-kit\b[^&|;]*?--config[= ]+["']?([^\s"']+)/g)].map((m) => path13.resolve(projectDir, m[1])) : []
  );
}
function projectsBelow(dir) {
  const isProject = (folder) => fs6.existsSync(path13.join(folder, "package.json")) && findDrizzleConfig(folder) !== void 0;
  return findFolders(dir, { depth: 3, matches: isProject, limit: 5 }).map((folder) => path13.relative(dir, folder));
}
function parseTypeormSource(value, projectDir) {
  const dataSource = value("data-source");
  const entities = splitList(value("entities"));
  const migrations = splitList(value("migrations"));
  const namingStrategy = value("naming-strategy");
  const ormconfig = value("ormconfig");
  if (dataSource && (entities.length || migrations.length || namingStrategy)) {
    throw new GateError("conflicting-options", `Give either ${optionLabel("data-source")} or ${optionLabel("entities")} with ${optionLabel("migrations")}, not both.`, {
      hint: "A data source file already names its entities and migrations: keep data-source and remove the globs."
    });
  }
  if (ormconfig && (dataSource || entities.length || migrations.length || namingStrategy)) {
    throw new GateError("conflicting-options", `Give one of ${optionLabel("ormconfig")}, ${optionLabel("data-source")}, or ${optionLabel("entities")} with ${optionLabel("migrations")}.`, {
      hint: "An ormconfig file already names the entities and migrations of its connections: keep ormconfig and remove the others."
    });
  }
  if (dataSource) return parseDataSourceRef(projectDir, dataSource, value("data-source-export"));
  if (ormconfig) return { kind: "ormconfig", file: requireFile(projectDir, ormconfig, "ormconfig"), connectionName: value("data-source-export") };
  if (entities.length && migrations.length) {
    return {
      kind: "globs",
      entities,
      migrations,
      namingStrategy: namingStrategy ? parseModuleRef(projectDir, namingStrategy, "naming-strategy") : void 0
    };
  }
  if (entities.length || migrations.length || namingStrategy) {
    throw new GateError("incomplete-options", `${optionLabel("entities")} and ${optionLabel("migrations")} go together: one of them is missing.`, {
      hint: 'Example: --entities "src/**/*.entity.ts" --migrations "src/migrations/*.ts"'
    });
  }
  if (findOrmconfig(projectDir) || typeormEnvironment(projectDir)) return { kind: "ormconfig", connectionName: value("data-source-export") };
  const found = findDataSourceCandidates(projectDir);
  const below = found.length ? [] : projectsBelow(projectDir);
  if (below.length) {
    throw new GateError("no-project-source", `Nothing to check in ${path13.relative(process.cwd(), projectDir) || "this folder"}: it has no drizzle.config.ts or data source, but ${below.length === 1 ? "a package below it has" : "packages below it have"} a drizzle-kit config: ${below.join(", ")}.`, {
      hint: `Run the gate on that package: --working-directory ${below[0]} (in the action: working-directory: ${below[0]}).`
    });
  }
  throw new GateError("no-project-source", `Nothing to check: give ${optionLabel("data-source")}, or ${optionLabel("entities")} with ${optionLabel("migrations")}, or ${optionLabel("ormconfig")} (TypeORM); or ${optionLabel("drizzle-config")}, or ${optionLabel("schema")} with ${optionLabel("migrations")} (Drizzle).`, {
    hint: found.length ? `This project has ${found.map((f) => `"${f}"`).join(", ")}: try --data-source ${found[0]}` : 'Point data-source at the file you pass to `typeorm -d`, or for NestJS apps give --entities "src/**/*.entity.ts" --migrations "src/migrations/*.ts". Drizzle projects are found by their drizzle.config.ts in working-directory, typeorm 0.2 projects by their ormconfig.* file.'
  });
}
function parseDataSourceRef(projectDir, given, exportOption) {
  const hash = given.lastIndexOf("#");
  const split3 = hash > 0 && !fs6.existsSync(path13.resolve(projectDir, given));
  const file = split3 ? given.slice(0, hash) : given;
  const exportName = split3 ? given.slice(hash + 1).trim() || void 0 : void 0;
  if (exportName && exportOption && exportName !== exportOption) {
    throw new GateError("conflicting-options", `${optionLabel("data-source")} names the export "${exportName}", but ${optionLabel("data-source-export")} is "${exportOption}".`, {
      hint: `Give the export once: --data-source ${file}#${exportName}`
    });
  }
  return { kind: "data-source", file: requireFile(projectDir, file, "data-source"), exportName: exportName ?? exportOption };
}
function findOrmconfig(projectDir) {
  return ORMCONFIG_NAMES.find((name) => fs6.existsSync(path13.join(projectDir, name)));
}
function typeormEnvironment(projectDir) {
  if (process.env["TYPEORM_CONNECTION"] || process.env["TYPEORM_URL"]) return true;
  try {
    return /^\s*TYPEORM_(CONNECTION|URL)\s*=/m.test(fs6.readFileSync(path13.join(projectDir, ".env"), "utf8"));
  } catch {
    return false;
  }
}
function parseModuleRef(projectDir, given, option) {
  const hash = given.lastIndexOf("#");
  const file = hash > 0 ? given.slice(0, hash) : given;
  const exportName = hash > 0 ? given.slice(hash + 1) : void 0;
  const fromPackage = !fs6.existsSync(path13.resolve(projectDir, file)) && /^(@[\w.-]+\/)?[\w.-]+(\/[\w./-]+)?$/.test(file) && !/\.[cm]?[jt]s$/.test(file) ? resolveFromProject(projectDir, file) : void 0;
  return { file: fromPackage ?? requireFile(projectDir, file, option), exportName };
}
function resolveFromProject(projectDir, name) {
  try {
    return createRequire(path13.join(projectDir, "package.json")).resolve(name);
  } catch {
    return void 0;
  }
}
function requireFile(projectDir, given, option) {
  const file = path13.resolve(projectDir, given);
  if (fs6.existsSync(file) && fs6.statSync(file).isFile()) return file;
  const candidates = option === "data-source" ? findDataSourceCandidates(projectDir) : [];
  throw new GateError(`${option}-not-found`, `${optionLabel(option)}: file "${given}" not found (looked for ${file}).`, {
    hint: candidates.length ? `Paths are relative to working-directory (${projectDir}). Did you mean ${candidates.map((c) => `"${c}"`).join(" or ")}?` : `Paths are relative to working-directory (${projectDir}); check the spelling and the extension (.ts or .js).${option === "naming-strategy" ? " An installed package works too: typeorm-naming-strategies#SnakeNamingStrategy." : ""}`
  });
}
function parseCommand(given) {
  if (COMMANDS.includes(given)) return given;
  throw new GateError("invalid-command", `${optionLabel("command")} must be check or deploy-check (got "${given}").`, {
    hint: "In the CLI the command is the first word: migration-gate check, migration-gate deploy-check --target-url <url>, migration-gate baseline --target-url <url>."
  });
}
function parseTarget(given, command, postgres, baseRef) {
  if (command === "check" || command === "fix") {
    if (given) throw new GateError("conflicting-options", `${optionLabel("target-url")} is for deploy-check and baseline, but the command is ${command}.`, { hint: "Run migration-gate deploy-check --target-url <url> (in the action: command: deploy-check)." });
    return void 0;
  }
  if (!given) {
    throw new GateError("incomplete-options", `${command} needs ${optionLabel("target-url")}: the database the deploy migrates.`, {
      hint: `Give its URL, e.g. --target-url "$STAGING_DATABASE_URL" (in the action: target-url: \${{ secrets.STAGING_DATABASE_URL }}); ${command === "deploy-check" ? "a read-only user is enough" : "the user needs INSERT on the migrations table (and CREATE on its schema if the table is missing)"}.`
    });
  }
  const target = parseDatabaseUrl(given, "target-url");
  if (baseRef) throw new GateError("conflicting-options", `${optionLabel("base-ref")} has no meaning for ${command}: it judges the database against the checked-out migrations.`, { hint: "Remove base-ref; run check with base-ref in the pull request workflow." });
  if (postgres.databaseUrl) {
    const server = (url) => {
      const parsed = new URL(url);
      return `${decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, "").toLowerCase()}:${parsed.port || 5432}`;
    };
    if (server(postgres.databaseUrl) === server(target)) {
      throw new GateError("target-is-throwaway-server", `${optionLabel("database-url")} points at the target's own server (${server(target)}): the gate would create its throwaway database next to the database it checks.`, {
        hint: "Leave database-url empty (an embedded Postgres is started), or give a separate server, such as a services: postgres container."
      });
    }
  }
  return target;
}
function parsePostgres(value, raw = () => void 0) {
  const choice = value("postgres");
  if (!PROVIDER_CHOICES.includes(choice)) {
    throw new GateError("invalid-postgres", `${optionLabel("postgres")} must be one of ${PROVIDER_CHOICES.join(", ")} (got "${choice}").`);
  }
  const major = Number(value("postgres-version"));
  if (!Number.isInteger(major) || major < 12 || major > 99) {
    throw new GateError("invalid-postgres-version", `${optionLabel("postgres-version")} must be a Postgres major version such as 16 or 17 (got "${value("postgres-version")}").`, {
      hint: "Give the major only: 16, not 16.4."
    });
  }
  const databaseUrl = parseDatabaseUrl(value("database-url"));
  const image = value("postgres-image");
  if (databaseUrl && choice !== "auto" && choice !== "url") {
    throw new GateError("conflicting-options", `${optionLabel("database-url")} is set, but ${optionLabel("postgres")} is "${choice}".`, {
      hint: "Use postgres: url (or auto) with database-url, or remove database-url."
    });
  }
  if (choice === "url" && !databaseUrl) {
    throw new GateError("incomplete-options", `${optionLabel("postgres")} is "url", but no ${optionLabel("database-url")} is given.`, {
      hint: "Give the server's URL, e.g. postgres://postgres:postgres@localhost:5432/postgres"
    });
  }
  if (image && (databaseUrl || choice !== "auto" && choice !== "docker")) {
    throw new GateError("conflicting-options", `${optionLabel("postgres-image")} needs the docker provider, but ${databaseUrl ? "database-url is set" : `postgres is "${choice}"`}.`, {
      hint: "Remove postgres-image, or use postgres: docker (or auto) without database-url."
    });
  }
  return { choice, major, majorGiven: Boolean(raw("postgres-version")), image, databaseUrl };
}
function parseDatabaseUrl(given, name = "database-url") {
  if (!given) return void 0;
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new GateError(`invalid-${name}`, `${optionLabel(name)} is not a URL.`, {
      hint: "Use the form postgres://user:password@host:5432/postgres"
    });
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new GateError(`invalid-${name}`, `${optionLabel(name)} must start with postgres:// or postgresql:// (got ${url.protocol}//).`, {
      hint: "Use the form postgres://user:password@host:5432/postgres"
    });
  }
  return given;
}
function parseTimeout(given) {
  const seconds = Number(given);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86400) {
    throw new GateError("invalid-timeout", `${optionLabel("timeout")} must be a whole number of seconds from 1 to 86400 (got "${given}").`);
  }
  return seconds;
}
function parseIsolation(given) {
  if (ISOLATION_CHOICES.includes(given)) return given;
  throw new GateError("invalid-isolation", `${optionLabel("isolation")} must be one of ${ISOLATION_CHOICES.join(", ")} (got "${given}").`);
}
function parseBoolean(given, name) {
  if (/^(true|yes|1)$/i.test(given)) return true;
  if (/^(false|no|0)$/i.test(given)) return false;
  throw new GateError(`invalid-${name}`, `${optionLabel(name)} must be true or false (got "${given}").`);
}
function parseFormat(given) {
  if (FORMATS.includes(given)) return given;
  throw new GateError("invalid-format", `${optionLabel("format")} must be one of ${FORMATS.join(", ")} (got "${given}").`);
}
function splitList(given) {
  const items = [];
  let depth = 0;
  let current = "";
  for (const char of given ?? "") {
    if (char === "{" || char === "[") depth++;
    else if ((char === "}" || char === "]") && depth > 0) depth--;
    if (char === "\n" || char === "," && depth === 0) {
      items.push(current);
      current = "";
      if (char === "\n") depth = 0;
      continue;
    }
    current += char;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter(Boolean);
}
function isDirectory(dir) {
  try {
    return fs6.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
function findDataSourceCandidates(projectDir) {
  const found = [];
  const walk = (dir, depth) => {
    if (depth > 4 || found.length >= 3) return;
    let entries;
    try {
      entries = fs6.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "dist") continue;
      const full = path13.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (/^(data-?source|ormconfig|typeorm\.config)\.(ts|js|mts|cts|mjs|cjs)$/i.test(entry.name)) {
        found.push(path13.relative(projectDir, full));
      }
    }
  };
  walk(projectDir, 0);
  return found;
}

// src/schema/introspect.ts
var KINDS = { r: "table", p: "partitioned-table", v: "view", m: "materialized-view", f: "foreign-table" };
var ACTIONS = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
var SCOPE_FILTER = {
  user: `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`,
  temp: `n.oid = pg_my_temp_schema()`
};
async function readCatalog(db, scope) {
  const filter = SCOPE_FILTER[scope];
  const relations = await db.query(`
    SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${filter}
      -- Tables an extension owns (postgis's spatial_ref_sys) belong to no entity and no migration.
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`);
  const tables = /* @__PURE__ */ new Map();
  for (const row of relations.rows) {
    tables.set(row.oid, { schema: row.schema, name: row.name, kind: KINDS[row.kind], columns: [], uniques: [], indexes: [], foreignKeys: [], checks: [] });
  }
  const columns = await db.query(`
    SELECT a.attrelid::int AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
      pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated,
      en.nspname AS enum_schema, et.typname AS enum_name, t.typcategory = 'A' AS is_array
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    LEFT JOIN pg_catalog.pg_type et ON et.typtype = 'e' AND et.oid = CASE WHEN t.typtype = 'e' THEN t.oid ELSE t.typelem END
    LEFT JOIN pg_catalog.pg_namespace en ON en.oid = et.typnamespace
    WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${filter}
    ORDER BY a.attrelid, a.attnum`);
  for (const row of columns.rows) {
    const column = { name: row.name, type: row.type, nullable: !row.notnull };
    if (row.enum_name && row.enum_schema) {
      column.enum = { schema: row.enum_schema, name: row.enum_name };
      column.type = `${row.enum_schema}.${row.enum_name}${row.is_array ? "[]" : ""}`;
    }
    if (row.generated === "s" && row.default !== null) column.generated = row.default;
    else if (row.default !== null) column.default = row.default;
    if (row.identity === "a") column.identity = "ALWAYS";
    if (row.identity === "d") column.identity = "BY DEFAULT";
    tables.get(row.oid)?.columns.push(column);
  }
  const constraints = await db.query(`
    SELECT con.conrelid::int AS oid, con.conname AS name, con.contype AS type,
      ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord)::text[] AS columns,
      fn.nspname AS ref_schema, fc.relname AS ref_table,
      ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord)::text[] AS ref_columns,
      con.confdeltype AS on_delete, con.confupdtype AS on_update, pg_get_constraintdef(con.oid) AS definition
    FROM pg_catalog.pg_constraint con
    JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
    LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
    WHERE con.contype IN ('p', 'u', 'f', 'c') AND ${filter}`);
  for (const row of constraints.rows) {
    const table = tables.get(row.oid);
    if (!table) continue;
    if (row.type === "p") table.primaryKey = { name: row.name, columns: row.columns };
    if (row.type === "u") table.uniques.push({ name: row.name, columns: row.columns });
    if (row.type === "c") table.checks.push({ name: row.name, definition: row.definition });
    if (row.type === "f") {
      table.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        referencedTable: { schema: row.ref_schema, name: row.ref_table },
        referencedColumns: row.ref_columns,
        onDelete: ACTIONS[row.on_delete] ?? "NO ACTION",
        onUpdate: ACTIONS[row.on_update] ?? "NO ACTION"
      });
    }
  }
  const indexes = await db.query(`
    SELECT i.indrelid::int AS oid, ic.relname AS name, i.indisunique AS unique, i.indisprimary AS primary,
      pg_get_expr(i.indpred, i.indrelid) AS where,
      ARRAY(SELECT CASE WHEN k.num = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) ELSE a.attname::text END
            FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
            WHERE k.ord <= i.indnkeyatts ORDER BY k.ord)::text[] AS columns,
      con.conname AS constraint
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
    WHERE ${filter}`);
  for (const row of indexes.rows) {
    tables.get(row.oid)?.indexes.push({
      name: row.name,
      columns: row.columns,
      unique: row.unique,
      primary: row.primary,
      ...row.where !== null && { where: row.where },
      ...row.constraint !== null && { constraint: row.constraint }
    });
  }
  const enums = await db.query(`
    SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    WHERE ${filter}
    GROUP BY n.nspname, t.typname`);
  const schemas = await db.query(`SELECT n.nspname AS name FROM pg_catalog.pg_namespace n WHERE ${filter}`);
  return { tables: [...tables.values()], enums: enums.rows, schemas: schemas.rows.map((row) => row.name) };
}

// src/migrations/tracking-rows.ts
function matchTrackingRows(format, available, rows) {
  const rowOf = available.map(() => -1);
  const taken = /* @__PURE__ */ new Set();
  const claim = (migration, row) => {
    if (rowOf[migration] !== -1 || taken.has(row)) return;
    rowOf[migration] = row;
    taken.add(row);
  };
  if (format !== "drizzle-journal") {
    const byName = /* @__PURE__ */ new Map();
    available.forEach((m, i) => byName.set(m.name, i));
    rows.forEach((row, r) => {
      const i = row.name !== void 0 ? byName.get(row.name) : void 0;
      if (i !== void 0) claim(i, r);
    });
  } else {
    rows.forEach((row, r) => {
      const sameWhen = available.map((m, i) => ({ m, i })).filter(({ m }) => m.when !== void 0 && m.when === row.createdAt);
      const pick = sameWhen.length === 1 ? sameWhen[0] : sameWhen.length > 1 ? sameWhen.find(({ m }) => m.hash === row.hash) : available.map((m, i) => ({ m, i })).find(({ m }) => m.hash !== void 0 && m.hash === row.hash);
      if (pick) claim(pick.i, r);
    });
  }
  return { rowOf, unknownRows: rows.map((_, r) => r).filter((r) => !taken.has(r)) };
}
function appliedNames(format, available, rows) {
  const { rowOf } = matchTrackingRows(format, available, rows);
  return new Set(available.filter((_, i) => rowOf[i] !== -1).map((m) => m.name));
}

export {
  GateError,
  serializeError,
  deserializeError,
  OPTION_SPECS,
  findFolders,
  createdTablesIn,
  touchesIn,
  STATEMENT_BREAKPOINT,
  readDrizzleFolder,
  journalEntryFile,
  referentialAction,
  quoteIdentifier,
  qualifiedName,
  missingRelationOf,
  fixedWith,
  blamedOnFailure,
  normalizeDefault,
  diffSchemas,
  ddlTarget,
  unusedIgnore,
  targetDrift,
  unusedSuppression,
  statementLine,
  RULES,
  DEPLOY_RULES,
  optionLabel,
  parseOptions,
  readCatalog,
  matchTrackingRows,
  appliedNames
};
