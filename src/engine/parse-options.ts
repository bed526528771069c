import type { IsolationChoice } from "./isolation.js";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { GateError } from "./errors.js";
import { findFolders } from "./folder-walk.js";
import { OPTION_SPECS, type RawOptions } from "./options-spec.js";
import type { ProviderChoice } from "../postgres/provider.js";
import { loadRuleConfig, type RuleConfig } from "./rule-config.js";

export interface ModuleRef {
  /** Absolute path. */
  file: string;
  exportName?: string;
}

export type ProjectSource =
  | { kind: "data-source"; file: string; exportName?: string }
  /** TypeORM's ConnectionOptionsReader (typeorm 0.2's ormconfig.* or TYPEORM_* variables). */
  | OrmconfigSource
  | { kind: "globs"; entities: string[]; migrations: string[]; namingStrategy?: ModuleRef }
  | DrizzleSource;

/** A Drizzle project: its drizzle-kit config, and/or explicit schema globs and migrations folder (these win). */
export interface DrizzleSource {
  kind: "drizzle";
  /** Absolute path of drizzle.config.*, when there is one. */
  configFile?: string;
  /** Globs or paths relative to projectDir; empty: the config's. */
  schema: string[];
  /** Migrations folder relative to projectDir; undefined: the config's `out`. */
  migrationsDir?: string;
}

/** A connection read the way typeorm 0.2's CLI reads it, with the project's own ConnectionOptionsReader. */
export interface OrmconfigSource {
  kind: "ormconfig";
  /** Absolute path of the ormconfig file; undefined: ormconfig.* in projectDir, or TYPEORM_* variables. */
  file?: string;
  /** The connection to check; undefined: "default". */
  connectionName?: string;
}

/** The file names typeorm 0.2's ConnectionOptionsReader tries, in its order. */
const ORMCONFIG_NAMES = ["env", "js", "mjs", "cjs", "ts", "mts", "cts", "json", "yml", "yaml", "xml"].map((ext) => `ormconfig.${ext}`);

export type OrmChoice = "auto" | "typeorm" | "drizzle";

const ORM_CHOICES: readonly OrmChoice[] = ["auto", "typeorm", "drizzle"];

/** Names drizzle-kit looks for when no --config is given, in its order. */
const DRIZZLE_CONFIG_NAMES = ["drizzle.config.ts", "drizzle.config.mts", "drizzle.config.cts", "drizzle.config.js", "drizzle.config.mjs", "drizzle.config.cjs"];

export type ReportFormat = "text" | "json" | "markdown" | "sarif";

export interface PostgresOptions {
  choice: ProviderChoice;
  major: number;
  /** postgres-version was given (deploy-check otherwise matches the target's major). */
  majorGiven: boolean;
  image?: string;
  databaseUrl?: string;
}

export type GateCommand = "check" | "deploy-check" | "baseline" | "fix";

const COMMANDS: readonly GateCommand[] = ["check", "deploy-check", "baseline", "fix"];

export interface GateOptions {
  command: GateCommand;
  /** deploy-check / baseline: the database the deploy migrates (read-only for deploy-check). */
  targetUrl?: string;
  /** baseline: write the rows (else print the plan). */
  yes: boolean;
  /** fix: print the migrations instead of writing them. */
  dryRun: boolean;
  /** check: when it fails, plan and verify the fix too (auto: on pull request events). */
  suggestFix: boolean;
  /** Keep transpiled files in node_modules/.cache (and, in the action, in the Actions cache). */
  transformCache: boolean;
  /** Absolute path of the project: cwd of the worker that loads user code. */
  projectDir: string;
  project: ProjectSource;
  postgres: PostgresOptions;
  timeoutMs: number;
  format: ReportFormat;
  /** Absolute path, or undefined. */
  sarifFile?: string;
  github: { comment: boolean; token?: string };
  /** Severities and ignores from the config file and options. */
  rules: RuleConfig;
  /** Run TypeORM's schema builder as a cross-check (unexplained-drift). */
  crossCheck: boolean;
  /** How user code is isolated (isolation.ts). */
  isolation: IsolationChoice;
  /** Git revision the change starts from (evaluated too; edited-migration); undefined: no comparison. */
  baseRef?: string;
  /** Which errors fail the run; undefined: new when there is a base-ref or a suppressions file, else all. */
  failOn?: "new" | "all";
  /** Absolute path of the suppressions file (it need not exist). */
  suppressionsFile: string;
  /** Write every finding into the suppressions file, then pass (`--suppress-all`). */
  suppressAll: boolean;
  /** With a base: also upgrade a database built by synchronize (TypeORM) / push (Drizzle) from the base. */
  simulateBaseline: boolean;
  /** Set by fix only (never an option): planned migration files in a temp folder, checked as if they were in the project. */
  extraMigrations?: string[];
  /** TypeORM: which migrations get up → down → up (new: those the change adds, with a base). */
  checkDown: "new" | "all" | "off";
}

const ISOLATION_CHOICES: readonly IsolationChoice[] = ["auto", "namespace", "guard"];

const PROVIDER_CHOICES: readonly ProviderChoice[] = ["auto", "url", "binaries", "embedded", "docker"];

const FORMATS: readonly ReportFormat[] = ["text", "json", "markdown", "sarif"];

/** How an option is named in messages: both spellings, so the message fits action and CLI users. */
export function optionLabel(name: string): string {
  const spec = OPTION_SPECS.find((s) => s.name === name);
  return spec?.actionInput === false ? `--${name}` : `${name} (--${name})`;
}

/**
 * The one place options are validated. `raw` holds strings as they come from INPUT_* or argv;
 * empty strings mean "not given" (the runner passes every input, empty when unset).
 */
export function parseOptions(raw: RawOptions, context: { cwd: string }): GateOptions {
  const value = (name: string): string | undefined => {
    const given = raw[name]?.trim();
    if (given) return given;
    return OPTION_SPECS.find((s) => s.name === name)?.default;
  };

  const projectDir = path.resolve(context.cwd, value("working-directory") ?? ".");
  if (!isDirectory(projectDir)) {
    throw new GateError("working-directory-not-found", `${optionLabel("working-directory")} "${value("working-directory")}" is not a directory (looked for ${projectDir}).`, {
      hint: "Set it to the folder that holds the project's package.json, relative to the repository root.",
    });
  }

  const project = parseProjectSource(value, projectDir);
  const command = parseCommand(value("command")!);
  const postgres = parsePostgres(value, (name) => raw[name]?.trim() || undefined);
  const targetUrl = parseTarget(value("target-url"), command, postgres, value("base-ref"));
  return {
    command,
    ...(targetUrl && { targetUrl }),
    yes: parseBoolean(value("yes") ?? "false", "yes"),
    dryRun: parseBoolean(value("dry-run") ?? "false", "dry-run"),
    transformCache: parseBoolean(value("transform-cache")!, "transform-cache"),
    suggestFix: value("suggest-fix") === "auto" ? /^pull_request/.test(process.env["GITHUB_EVENT_NAME"] ?? "") : parseBoolean(value("suggest-fix")!, "suggest-fix"),
    projectDir,
    project,
    simulateBaseline: parseSimulation(value, project),
    checkDown: parseCheckDown(value("check-down")!),
    postgres,
    timeoutMs: parseTimeout(value("timeout")!) * 1000,
    format: parseFormat(value("format")!),
    sarifFile: value("sarif-file") && path.resolve(context.cwd, value("sarif-file")!),
    github: { comment: parseBoolean(value("comment")!, "comment"), token: value("github-token") },
    crossCheck: parseBoolean(value("cross-check")!, "cross-check"),
    isolation: parseIsolation(value("isolation")!),
    baseRef: value("base-ref"),
    failOn: parseFailOn(value("fail-on")),
    suppressionsFile: path.resolve(projectDir, value("suppressions")!),
    suppressAll: parseBoolean(value("suppress-all") ?? "false", "suppress-all"),
    rules: loadRuleConfig({ projectDir, cwd: context.cwd, configPath: value("config"), rules: splitList(value("rules")), ignore: value("ignore") }),
  };
}

/** simulate-synchronize is TypeORM's, simulate-push Drizzle's: the wrong one for the project is a mistake worth saying. */
function parseSimulation(value: (name: string) => string | undefined, project: ProjectSource): boolean {
  const synchronize = parseBoolean(value("simulate-synchronize")!, "simulate-synchronize");
  const push = parseBoolean(value("simulate-push")!, "simulate-push");
  const drizzle = project.kind === "drizzle";
  if ((synchronize && drizzle) || (push && !drizzle)) {
    const [given, meant] = drizzle ? ["simulate-synchronize", "simulate-push"] : ["simulate-push", "simulate-synchronize"];
    throw new GateError("conflicting-options", `${optionLabel(given)} is for ${drizzle ? "TypeORM" : "Drizzle"} projects, and this one is ${drizzle ? "Drizzle" : "TypeORM"}.`, {
      hint: `Use ${optionLabel(meant)} instead.`,
    });
  }
  return synchronize || push;
}

function parseCheckDown(given: string): GateOptions["checkDown"] {
  if (given === "new" || given === "all" || given === "off") return given;
  throw new GateError("invalid-check-down", `${optionLabel("check-down")} must be new, all or off (got "${given}").`, {
    hint: "new checks the down() of the migrations the change adds (with a base), all checks every migration's, off none.",
  });
}

function parseFailOn(given: string | undefined): GateOptions["failOn"] {
  if (given === undefined) return undefined;
  if (given === "new" || given === "all") return given;
  throw new GateError("invalid-fail-on", `${optionLabel("fail-on")} must be new or all (got "${given}").`, {
    hint: "new fails only on errors the change introduces (with base-ref or a suppressions file); all fails on every error.",
  });
}

function parseProjectSource(value: (name: string) => string | undefined, projectDir: string): ProjectSource {
  const orm = value("orm")!;
  if (!(ORM_CHOICES as readonly string[]).includes(orm)) {
    throw new GateError("invalid-orm", `${optionLabel("orm")} must be one of ${ORM_CHOICES.join(", ")} (got "${orm}").`);
  }
  const typeormGiven = Boolean(value("data-source") || value("entities") || value("naming-strategy") || value("ormconfig"));
  const drizzleGiven = Boolean(value("drizzle-config") || value("schema"));
  if (orm === "drizzle" || (orm === "auto" && drizzleGiven && !typeormGiven)) return parseDrizzleSource(value, projectDir);
  if (orm === "auto" && !typeormGiven && findDrizzleConfig(projectDir)) return parseDrizzleSource(value, projectDir);
  if (drizzleGiven) {
    throw new GateError("conflicting-options", `${optionLabel("drizzle-config")} and ${optionLabel("schema")} are Drizzle options, but ${orm === "typeorm" ? "orm is typeorm" : "TypeORM options are given too"}.`, {
      hint: "Give either the TypeORM options (data-source, or entities with migrations) or the Drizzle ones (drizzle-config, or schema with migrations), and set orm to match if you set it.",
    });
  }
  return parseTypeormSource(value, projectDir);
}

function parseDrizzleSource(value: (name: string) => string | undefined, projectDir: string): DrizzleSource {
  const typeormOnly = ["data-source", "data-source-export", "entities", "naming-strategy", "ormconfig"].filter((name) => value(name));
  if (typeormOnly.length) {
    throw new GateError("conflicting-options", `${typeormOnly.map(optionLabel).join(", ")} ${typeormOnly.length > 1 ? "are TypeORM options" : "is a TypeORM option"}, but the project is checked as a Drizzle project.`, {
      hint: "Remove it, or set orm: typeorm if the project uses TypeORM.",
    });
  }
  const given = value("drizzle-config");
  const configFile = given ? requireFile(projectDir, given, "drizzle-config") : findDrizzleConfig(projectDir);
  const schema = splitList(value("schema"));
  const migrations = splitList(value("migrations"));
  if (migrations.length > 1) {
    throw new GateError("invalid-migrations", `For a Drizzle project, ${optionLabel("migrations")} is one folder (drizzle-kit's \`out\`), but ${migrations.length} were given.`, {
      hint: 'Example: --migrations drizzle (the folder holding meta/_journal.json, or the <timestamp>_<name>/ folders).',
    });
  }
  const migrationsDir = migrations[0];
  if (migrationsDir && !isDirectory(path.resolve(projectDir, migrationsDir))) {
    throw new GateError("migrations-not-found", `${optionLabel("migrations")}: folder "${migrationsDir}" not found (looked for ${path.resolve(projectDir, migrationsDir)}).`, {
      hint: "Give the folder drizzle-kit generate writes to (its `out`, ./drizzle by default), relative to working-directory.",
    });
  }
  if (!configFile && (!schema.length || !migrationsDir)) {
    throw new GateError("no-project-source", `No drizzle.config.ts (or .js) in ${projectDir}, so ${optionLabel("schema")} and ${optionLabel("migrations")} are both needed.`, {
      hint: 'Point drizzle-config at the file you pass to drizzle-kit --config, or give e.g. --schema "src/db/schema.ts" --migrations drizzle.',
    });
  }
  return { kind: "drizzle", configFile, schema, migrationsDir };
}

/** Where drizzle-kit users keep the config when it is not at the package root. */
const DRIZZLE_CONFIG_FOLDERS = ["src/db", "db", "server/db", "src/server/db", "lib/db", "src/lib/db", "drizzle", "src", "config"];

/**
 * The drizzle-kit config as its users run it: at the package root; else the one the package's
 * scripts pass to drizzle-kit (`drizzle-kit migrate --config ./server/db/drizzle.config.ts`);
 * else in the folders people keep it in. Its schema and out paths stay relative to the package
 * root, as drizzle-kit run from there reads them.
 */
function findDrizzleConfig(projectDir: string): string | undefined {
  const atRoot = DRIZZLE_CONFIG_NAMES.map((name) => path.join(projectDir, name)).find((file) => fs.existsSync(file));
  if (atRoot) return atRoot;
  const fromScripts = scriptConfigs(projectDir).find((file) => fs.existsSync(file));
  if (fromScripts) return fromScripts;
  for (const folder of DRIZZLE_CONFIG_FOLDERS) {
    const found = DRIZZLE_CONFIG_NAMES.map((name) => path.join(projectDir, folder, name)).find((file) => fs.existsSync(file));
    if (found) return found;
  }
  return undefined;
}

function scriptConfigs(projectDir: string): string[] {
  let scripts: Record<string, unknown> = {};
  try {
    scripts = (JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as { scripts?: Record<string, unknown> }).scripts ?? {};
  } catch {
    return [];
  }
  return Object.values(scripts).flatMap((script) =>
    typeof script === "string" ? [...script.matchAll(/drizzle-kit\b[^&|;]*?--config[= ]+["']?([^\s"']+)/g)].map((m) => path.resolve(projectDir, m[1]!)) : [],
  );
}

/** Projects below a monorepo root, for "give working-directory": packages with a drizzle-kit config. */
function projectsBelow(dir: string): string[] {
  const isProject = (folder: string) => fs.existsSync(path.join(folder, "package.json")) && findDrizzleConfig(folder) !== undefined;
  return findFolders(dir, { depth: 3, matches: isProject, limit: 5 }).map((folder) => path.relative(dir, folder));
}

function parseTypeormSource(value: (name: string) => string | undefined, projectDir: string): ProjectSource {
  const dataSource = value("data-source");
  const entities = splitList(value("entities"));
  const migrations = splitList(value("migrations"));
  const namingStrategy = value("naming-strategy");
  const ormconfig = value("ormconfig");

  if (dataSource && (entities.length || migrations.length || namingStrategy)) {
    throw new GateError("conflicting-options", `Give either ${optionLabel("data-source")} or ${optionLabel("entities")} with ${optionLabel("migrations")}, not both.`, {
      hint: "A data source file already names its entities and migrations: keep data-source and remove the globs.",
    });
  }
  if (ormconfig && (dataSource || entities.length || migrations.length || namingStrategy)) {
    throw new GateError("conflicting-options", `Give one of ${optionLabel("ormconfig")}, ${optionLabel("data-source")}, or ${optionLabel("entities")} with ${optionLabel("migrations")}.`, {
      hint: "An ormconfig file already names the entities and migrations of its connections: keep ormconfig and remove the others.",
    });
  }
  if (dataSource) return parseDataSourceRef(projectDir, dataSource, value("data-source-export"));
  if (ormconfig) return { kind: "ormconfig", file: requireFile(projectDir, ormconfig, "ormconfig"), connectionName: value("data-source-export") };
  if (entities.length && migrations.length) {
    return {
      kind: "globs",
      entities,
      migrations,
      namingStrategy: namingStrategy ? parseModuleRef(projectDir, namingStrategy, "naming-strategy") : undefined,
    };
  }
  if (entities.length || migrations.length || namingStrategy) {
    throw new GateError("incomplete-options", `${optionLabel("entities")} and ${optionLabel("migrations")} go together: one of them is missing.`, {
      hint: 'Example: --entities "src/**/*.entity.ts" --migrations "src/migrations/*.ts"',
    });
  }
  // typeorm 0.2 projects: the CLI reads ormconfig.* in the project root, or TYPEORM_* variables.
  if (findOrmconfig(projectDir) || typeormEnvironment(projectDir)) return { kind: "ormconfig", connectionName: value("data-source-export") };
  const found = findDataSourceCandidates(projectDir);
  const below = found.length ? [] : projectsBelow(projectDir);
  if (below.length) {
    throw new GateError("no-project-source", `Nothing to check in ${path.relative(process.cwd(), projectDir) || "this folder"}: it has no drizzle.config.ts or data source, but ${below.length === 1 ? "a package below it has" : "packages below it have"} a drizzle-kit config: ${below.join(", ")}.`, {
      hint: `Run the gate on that package: --working-directory ${below[0]} (in the action: working-directory: ${below[0]}).`,
    });
  }
  throw new GateError("no-project-source", `Nothing to check: give ${optionLabel("data-source")}, or ${optionLabel("entities")} with ${optionLabel("migrations")}, or ${optionLabel("ormconfig")} (TypeORM); or ${optionLabel("drizzle-config")}, or ${optionLabel("schema")} with ${optionLabel("migrations")} (Drizzle).`, {
    hint: found.length
      ? `This project has ${found.map((f) => `"${f}"`).join(", ")}: try --data-source ${found[0]}`
      : 'Point data-source at the file you pass to `typeorm -d`, or for NestJS apps give --entities "src/**/*.entity.ts" --migrations "src/migrations/*.ts". Drizzle projects are found by their drizzle.config.ts in working-directory, typeorm 0.2 projects by their ormconfig.* file.',
  });
}

/**
 * `file` or `file#export` (a file whose name holds a "#" wins when it exists). The export may
 * also come from data-source-export; both given must agree.
 */
function parseDataSourceRef(projectDir: string, given: string, exportOption: string | undefined): ProjectSource {
  const hash = given.lastIndexOf("#");
  const split = hash > 0 && !fs.existsSync(path.resolve(projectDir, given));
  const file = split ? given.slice(0, hash) : given;
  const exportName = split ? given.slice(hash + 1).trim() || undefined : undefined;
  if (exportName && exportOption && exportName !== exportOption) {
    throw new GateError("conflicting-options", `${optionLabel("data-source")} names the export "${exportName}", but ${optionLabel("data-source-export")} is "${exportOption}".`, {
      hint: `Give the export once: --data-source ${file}#${exportName}`,
    });
  }
  return { kind: "data-source", file: requireFile(projectDir, file, "data-source"), exportName: exportName ?? exportOption };
}

/** The ormconfig file typeorm 0.2's CLI would read from the project root, relative to it. */
function findOrmconfig(projectDir: string): string | undefined {
  return ORMCONFIG_NAMES.find((name) => fs.existsSync(path.join(projectDir, name)));
}

/** typeorm 0.2 reads its connection from TYPEORM_CONNECTION or TYPEORM_URL (also from a .env file) before any ormconfig file. */
function typeormEnvironment(projectDir: string): boolean {
  if (process.env["TYPEORM_CONNECTION"] || process.env["TYPEORM_URL"]) return true;
  try {
    return /^\s*TYPEORM_(CONNECTION|URL)\s*=/m.test(fs.readFileSync(path.join(projectDir, ".env"), "utf8"));
  } catch {
    return false;
  }
}

function parseModuleRef(projectDir: string, given: string, option: string): ModuleRef {
  const hash = given.lastIndexOf("#");
  const file = hash > 0 ? given.slice(0, hash) : given;
  const exportName = hash > 0 ? given.slice(hash + 1) : undefined;
  // A package name (typeorm-naming-strategies#SnakeNamingStrategy), resolved from the project.
  const fromPackage = !fs.existsSync(path.resolve(projectDir, file)) && /^(@[\w.-]+\/)?[\w.-]+(\/[\w./-]+)?$/.test(file) && !/\.[cm]?[jt]s$/.test(file) ? resolveFromProject(projectDir, file) : undefined;
  return { file: fromPackage ?? requireFile(projectDir, file, option), exportName };
}

function resolveFromProject(projectDir: string, name: string): string | undefined {
  try {
    return createRequire(path.join(projectDir, "package.json")).resolve(name);
  } catch {
    return undefined;
  }
}

function requireFile(projectDir: string, given: string, option: string): string {
  const file = path.resolve(projectDir, given);
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  const candidates = option === "data-source" ? findDataSourceCandidates(projectDir) : [];
  throw new GateError(`${option}-not-found`, `${optionLabel(option)}: file "${given}" not found (looked for ${file}).`, {
    hint: candidates.length
      ? `Paths are relative to working-directory (${projectDir}). Did you mean ${candidates.map((c) => `"${c}"`).join(" or ")}?`
      : `Paths are relative to working-directory (${projectDir}); check the spelling and the extension (.ts or .js).${option === "naming-strategy" ? " An installed package works too: typeorm-naming-strategies#SnakeNamingStrategy." : ""}`,
  });
}

function parseCommand(given: string): GateCommand {
  if ((COMMANDS as readonly string[]).includes(given)) return given as GateCommand;
  throw new GateError("invalid-command", `${optionLabel("command")} must be check or deploy-check (got "${given}").`, {
    hint: "In the CLI the command is the first word: migration-gate check, migration-gate deploy-check --target-url <url>, migration-gate baseline --target-url <url>.",
  });
}

/**
 * target-url belongs to deploy-check and baseline, and the throwaway database must never share
 * a server with it: database-url on the target's own server would mean CREATE DATABASE there.
 */
function parseTarget(given: string | undefined, command: GateCommand, postgres: PostgresOptions, baseRef: string | undefined): string | undefined {
  if (command === "check" || command === "fix") {
    if (given) throw new GateError("conflicting-options", `${optionLabel("target-url")} is for deploy-check and baseline, but the command is ${command}.`, { hint: "Run migration-gate deploy-check --target-url <url> (in the action: command: deploy-check)." });
    return undefined;
  }
  if (!given) {
    throw new GateError("incomplete-options", `${command} needs ${optionLabel("target-url")}: the database the deploy migrates.`, {
      hint: `Give its URL, e.g. --target-url "$STAGING_DATABASE_URL" (in the action: target-url: \${{ secrets.STAGING_DATABASE_URL }}); ${command === "deploy-check" ? "a read-only user is enough" : "the user needs INSERT on the migrations table (and CREATE on its schema if the table is missing)"}.`,
    });
  }
  const target = parseDatabaseUrl(given, "target-url")!;
  if (baseRef) throw new GateError("conflicting-options", `${optionLabel("base-ref")} has no meaning for ${command}: it judges the database against the checked-out migrations.`, { hint: "Remove base-ref; run check with base-ref in the pull request workflow." });
  if (postgres.databaseUrl) {
    const server = (url: string) => {
      const parsed = new URL(url);
      return `${decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, "").toLowerCase()}:${parsed.port || 5432}`;
    };
    if (server(postgres.databaseUrl) === server(target)) {
      throw new GateError("target-is-throwaway-server", `${optionLabel("database-url")} points at the target's own server (${server(target)}): the gate would create its throwaway database next to the database it checks.`, {
        hint: "Leave database-url empty (an embedded Postgres is started), or give a separate server, such as a services: postgres container.",
      });
    }
  }
  return target;
}

function parsePostgres(value: (name: string) => string | undefined, raw: (name: string) => string | undefined = () => undefined): PostgresOptions {
  const choice = value("postgres")!;
  if (!(PROVIDER_CHOICES as readonly string[]).includes(choice)) {
    throw new GateError("invalid-postgres", `${optionLabel("postgres")} must be one of ${PROVIDER_CHOICES.join(", ")} (got "${choice}").`);
  }
  const major = Number(value("postgres-version"));
  if (!Number.isInteger(major) || major < 12 || major > 99) {
    throw new GateError("invalid-postgres-version", `${optionLabel("postgres-version")} must be a Postgres major version such as 16 or 17 (got "${value("postgres-version")}").`, {
      hint: "Give the major only: 16, not 16.4.",
    });
  }
  const databaseUrl = parseDatabaseUrl(value("database-url"));
  const image = value("postgres-image");
  if (databaseUrl && choice !== "auto" && choice !== "url") {
    throw new GateError("conflicting-options", `${optionLabel("database-url")} is set, but ${optionLabel("postgres")} is "${choice}".`, {
      hint: "Use postgres: url (or auto) with database-url, or remove database-url.",
    });
  }
  if (choice === "url" && !databaseUrl) {
    throw new GateError("incomplete-options", `${optionLabel("postgres")} is "url", but no ${optionLabel("database-url")} is given.`, {
      hint: "Give the server's URL, e.g. postgres://postgres:postgres@localhost:5432/postgres",
    });
  }
  if (image && (databaseUrl || (choice !== "auto" && choice !== "docker"))) {
    throw new GateError("conflicting-options", `${optionLabel("postgres-image")} needs the docker provider, but ${databaseUrl ? "database-url is set" : `postgres is "${choice}"`}.`, {
      hint: "Remove postgres-image, or use postgres: docker (or auto) without database-url.",
    });
  }
  return { choice: choice as ProviderChoice, major, majorGiven: Boolean(raw("postgres-version")), image, databaseUrl };
}

function parseDatabaseUrl(given: string | undefined, name = "database-url"): string | undefined {
  if (!given) return undefined;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new GateError(`invalid-${name}`, `${optionLabel(name)} is not a URL.`, {
      hint: "Use the form postgres://user:password@host:5432/postgres",
    });
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new GateError(`invalid-${name}`, `${optionLabel(name)} must start with postgres:// or postgresql:// (got ${url.protocol}//).`, {
      hint: "Use the form postgres://user:password@host:5432/postgres",
    });
  }
  return given;
}

function parseTimeout(given: string): number {
  const seconds = Number(given);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86_400) {
    throw new GateError("invalid-timeout", `${optionLabel("timeout")} must be a whole number of seconds from 1 to 86400 (got "${given}").`);
  }
  return seconds;
}

function parseIsolation(given: string): IsolationChoice {
  if ((ISOLATION_CHOICES as readonly string[]).includes(given)) return given as IsolationChoice;
  throw new GateError("invalid-isolation", `${optionLabel("isolation")} must be one of ${ISOLATION_CHOICES.join(", ")} (got "${given}").`);
}

function parseBoolean(given: string, name: string): boolean {
  if (/^(true|yes|1)$/i.test(given)) return true;
  if (/^(false|no|0)$/i.test(given)) return false;
  throw new GateError(`invalid-${name}`, `${optionLabel(name)} must be true or false (got "${given}").`);
}

function parseFormat(given: string): ReportFormat {
  if ((FORMATS as readonly string[]).includes(given)) return given as ReportFormat;
  throw new GateError("invalid-format", `${optionLabel("format")} must be one of ${FORMATS.join(", ")} (got "${given}").`);
}

/**
 * A list option: items separated by newlines or by commas outside `{}` and `[]`, so a brace
 * glob such as `*.entity{.ts,.js}` stays one item, as TypeORM's glob reads it.
 */
export function splitList(given: string | undefined): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of given ?? "") {
    if (char === "{" || char === "[") depth++;
    else if ((char === "}" || char === "]") && depth > 0) depth--;
    if (char === "\n" || (char === "," && depth === 0)) {
      items.push(current);
      current = "";
      // A newline always ends an item, even inside an unbalanced brace.
      if (char === "\n") depth = 0;
      continue;
    }
    current += char;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter(Boolean);
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Files that look like a TypeORM data source, relative to the project: for "did you mean" hints. */
function findDataSourceCandidates(projectDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 4 || found.length >= 3) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "dist") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (/^(data-?source|ormconfig|typeorm\.config)\.(ts|js|mts|cts|mjs|cjs)$/i.test(entry.name)) {
        found.push(path.relative(projectDir, full));
      }
    }
  };
  walk(projectDir, 0);
  return found;
}
