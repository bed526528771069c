/**
 * The one list of options. Every action input is a CLI flag of the same name; action.yml,
 * the CLI's --help and the README table are all rendered from this list (a test keeps
 * action.yml and README in step with it), and parse-options.ts validates it in one place.
 */
export interface OptionSpec {
  name: string;
  description: string;
  /** Shown in docs and applied when the option is empty. */
  default?: string;
  /** Default in action.yml when it differs (an expression such as ${{ github.token }}). */
  actionDefault?: string;
  /** false: a CLI-only flag (output format and the like), not an action input. */
  actionInput: boolean;
  /** Masked in every log line. */
  secret?: boolean;
  /** CLI: the flag may be repeated; the values are joined with newlines (as a multi-line input). */
  multiple?: boolean;
  /** Value placeholder in --help. */
  placeholder: string;
  /** CLI: a switch that takes no value (`--suppress-all`); it reads as "true". */
  switch?: boolean;
}

export const OPTION_SPECS: readonly OptionSpec[] = [
  {
    name: "command",
    description: "What to run: check (the migrations against the schema code, on a throwaway database) or deploy-check (the database a deploy is about to migrate, given as target-url, read-only: what is pending, what would fail on its schema and its rows, what was changed by hand, a database built by push or synchronize). In the CLI it is the first word: migration-gate deploy-check. baseline and fix (write the migrations that close the check's errors) are CLI-only; in the action, suggest-fix shows the fix.",
    default: "check",
    actionInput: true,
    placeholder: "check|deploy-check",
  },
  {
    name: "target-url",
    description: "deploy-check and baseline: the database the deploy migrates (staging, production), e.g. postgres://readonly:secret@staging-db:5432/app?sslmode=require. deploy-check opens it read-only (default_transaction_read_only, READ ONLY transactions) and reads only the catalog, the migrations table and row counts; the migrations run on a throwaway database, never on it. Masked in every log.",
    actionInput: true,
    secret: true,
    placeholder: "url",
  },
  {
    name: "yes",
    description: "baseline: write the migrations table rows (without it, baseline prints the plan and writes nothing).",
    actionInput: false,
    switch: true,
    placeholder: "",
  },
  {
    name: "dry-run",
    description: "fix: print the migrations it would write and check the project with them from a temporary folder; nothing is written into the project.",
    actionInput: false,
    switch: true,
    placeholder: "",
  },
  {
    name: "working-directory",
    description: "Project directory: where package.json and node_modules of the project live. Other paths are relative to it.",
    default: ".",
    actionInput: true,
    placeholder: "dir",
  },
  {
    name: "orm",
    description: "Which ORM the project uses: auto (TypeORM when data-source, entities or ormconfig is given; Drizzle when drizzle-config or schema is given, or a drizzle.config.ts/js sits in working-directory; else TypeORM when an ormconfig.* file sits in working-directory or TYPEORM_CONNECTION/TYPEORM_URL is set), typeorm or drizzle.",
    default: "auto",
    actionInput: true,
    placeholder: "auto|typeorm|drizzle",
  },
  {
    name: "data-source",
    description: "File that exports the TypeORM DataSource (.ts or .js), as given to `typeorm -d`. `file#name` picks the export `name`, which may also be a plain options object (`{ type: \"postgres\", ... }`, as given to NestJS `TypeOrmModule.forRoot`) or a function without parameters, sync or async, returning either. Use this, or `entities` + `migrations`, or `ormconfig`.",
    actionInput: true,
    placeholder: "file[#export]",
  },
  {
    name: "data-source-export",
    description: "Name of the export to use when the data source file exports several DataSources (the same as `data-source: file#name`). With `ormconfig`: the connection to check, instead of `default`.",
    actionInput: true,
    placeholder: "name",
  },
  {
    name: "ormconfig",
    description: "typeorm 0.2 projects without a data source file: the ormconfig file (.json, .js, .ts, .yml, .yaml or .env) to read, with the project's own typeorm ConnectionOptionsReader as typeorm 0.2's CLI reads it; the `default` connection is checked, or the one `data-source-export` names. Empty, with no data-source or entities: ormconfig.* in working-directory, or the TYPEORM_* environment variables.",
    actionInput: true,
    placeholder: "file",
  },
  {
    name: "entities",
    description: "For projects without a data source file (NestJS): entity file globs, comma or newline separated (a comma inside `{}` belongs to the glob: `src/**/*.entity{.ts,.js}`).",
    actionInput: true,
    placeholder: "globs",
  },
  {
    name: "migrations",
    description: "TypeORM, with `entities`: migration file globs, comma or newline separated (not inside `{}`). Drizzle: the migrations folder (drizzle-kit's `out`), overriding the config's.",
    actionInput: true,
    placeholder: "globs",
  },
  {
    name: "naming-strategy",
    description: "With `entities`: module exporting the naming strategy class or instance, as `file` or `file#ExportName`.",
    actionInput: true,
    placeholder: "file[#export]",
  },
  {
    name: "drizzle-config",
    description: "Drizzle: the drizzle-kit config file (drizzle.config.ts), read for schema, out, casing and migrations. Empty: drizzle.config.{ts,js,mts,mjs,cts,cjs} in working-directory.",
    actionInput: true,
    placeholder: "file",
  },
  {
    name: "schema",
    description: "Drizzle: schema files, folders or globs holding the pgTable definitions, comma or newline separated, overriding the config's schema. Without a config file, give it with `migrations` (the migrations folder, drizzle-kit's `out`).",
    actionInput: true,
    placeholder: "globs",
  },
  {
    name: "database-url",
    description: "Postgres server on which to create a throwaway database for the run (dropped afterwards), e.g. a `services: postgres` container. Its own database is never touched. Empty: start an embedded Postgres.",
    actionInput: true,
    secret: true,
    placeholder: "url",
  },
  {
    name: "postgres",
    description: "Where the throwaway Postgres comes from: auto (fastest available: url if database-url is set, a local installation of postgres-version, the embedded binaries, Docker), url, binaries, embedded or docker.",
    default: "auto",
    actionInput: true,
    placeholder: "provider",
  },
  {
    name: "postgres-version",
    description: "Postgres major version to check against: use the one production runs. The embedded provider offers 14 to 18.",
    default: "17",
    actionInput: true,
    placeholder: "major",
  },
  {
    name: "postgres-image",
    description: "Docker image to run instead of postgres:<postgres-version>, e.g. postgis/postgis:17-3.5. Needs Docker.",
    actionInput: true,
    placeholder: "image",
  },
  {
    name: "timeout",
    description: "Seconds the whole run may take; a hanging migration is stopped and named.",
    default: "600",
    actionInput: true,
    placeholder: "seconds",
  },
  {
    name: "config",
    description: "Rules configuration file (severities and ignores, see docs/configuration.md). Empty: migration-gate.config.json in working-directory, when there is one.",
    actionInput: true,
    placeholder: "file",
  },
  {
    name: "rules",
    description: "Rule severities, overriding the config file: `rule-id=error|warning|notice|off`, comma or newline separated.",
    actionInput: true,
    placeholder: "id=severity,...",
  },
  {
    name: "ignore",
    description: "Findings to ignore, one per line (repeat the flag in the CLI): `<rule-id or fingerprint> [object, * allowed] -- <reason>`. The reason is required; an entry that matches nothing is reported.",
    actionInput: true,
    multiple: true,
    placeholder: "entry",
  },
  {
    name: "cross-check",
    description: "true: also ask TypeORM's own schema builder what it would still change, and report what no finding explains (unexplained-drift). It costs about 1 s per 100 entities (TypeORM reads the catalog slowly); false skips it. TypeORM only: Drizzle projects have no such oracle.",
    default: "true",
    actionInput: true,
    placeholder: "true|false",
  },
  {
    name: "isolation",
    description: "How the project's code is kept away from every database but the throwaway one: namespace (Linux: the worker runs in a network namespace with no network at all, reaching Postgres only through the gate's socket; needs root or unprivileged user namespaces), guard (every Node process and thread below the worker is guarded, every subprocess gets database settings that lead nowhere, and programs that are not Node are reported), or auto (namespace where the system allows it, else guard). The log says which ran.",
    default: "auto",
    actionInput: true,
    placeholder: "auto|namespace|guard",
  },
  {
    name: "base-ref",
    description: "Git revision the change starts from, e.g. origin/main. The gate evaluates that revision too (checked out in a temporary worktree, replayed on a second database of the same server) and judges the change: each finding is introduced or already on the base, and base findings gone now are listed as fixed. It also reports migration files merged there and edited since (edited-migration). In the action it is automatic: the pull request's base commit, or the push's previous commit, fetched when the checkout is shallow.",
    actionInput: true,
    placeholder: "rev",
  },
  {
    name: "check-down",
    description: "TypeORM: prove each migration's down() undoes its up(). For each migration chosen, on a database of its own the chain before it built: the schema is read, up() runs, down() runs, the schema is compared with what it was (irreversible-down, object by object), and up() runs again (down-breaks-up). new: the migrations the change adds (needs a base: base-ref, automatic on pull requests; without one it does nothing); all: every migration; off.",
    default: "new",
    actionInput: true,
    placeholder: "new|all|off",
  },
  {
    name: "simulate-synchronize",
    description: "TypeORM, with a base: also build the base's schema the way environments that ran with synchronize: true have it (TypeORM's synchronize, every base migration recorded as run, as after a baseline), then run the change's migrations on it: a migration that fails there because what it creates already exists is reported (not-idempotent).",
    default: "false",
    actionInput: true,
    placeholder: "true|false",
  },
  {
    name: "simulate-push",
    description: "Drizzle, with a base: the same for databases built with drizzle-kit push (the base's schema as push creates it, every base migration recorded in the migrations table), then the change's migrations: not-idempotent when one fails because its object already exists.",
    default: "false",
    actionInput: true,
    placeholder: "true|false",
  },
  {
    name: "fail-on",
    description: "Which errors fail the run: new (only errors the change introduces: not on base-ref, not in the suppressions file) or all. Empty: new when base-ref is set or a suppressions file exists, else all.",
    actionInput: true,
    placeholder: "new|all",
  },
  {
    name: "suppressions",
    description: "Suppressions file: findings listed there (by fingerprint) count as already there, not introduced, so they do not fail the run under fail-on: new; entries that match nothing any more are reported (unused-suppression). Relative to working-directory.",
    default: "migration-gate-suppressions.json",
    actionInput: true,
    placeholder: "file",
  },
  {
    name: "suppress-all",
    description: "Write every current finding into the suppressions file (keeping the reasons already written) and pass: adopting the gate on an old project is this one command, then commit the file. Later runs fail only on new findings.",
    actionInput: false,
    switch: true,
    placeholder: "",
  },
  {
    name: "sarif-file",
    description: "Also write the findings as SARIF 2.1.0 to this file, for github/codeql-action/upload-sarif.",
    actionInput: true,
    placeholder: "file",
  },
  {
    name: "comment",
    description: "true: keep one pull request comment with the report, updated in place on every run. Needs pull-requests: write; skipped with a warning on fork PRs.",
    default: "false",
    actionInput: true,
    placeholder: "true|false",
  },
  {
    name: "suggest-fix",
    description: "When the check fails: also plan the migrations that close its errors (as migration-gate fix does), re-check the project with them in place (then remove them: the checkout is left as it was), and put them in the job summary and the PR comment (collapsed) and in a patch file (the fix-patch output) that git apply accepts. auto: on pull request events.",
    default: "auto",
    actionInput: true,
    placeholder: "auto|true|false",
  },
  {
    name: "transform-cache",
    description: "true: transpiled files are kept in node_modules/.cache/migration-gate/transform, so a rerun reads them back instead of transpiling; in the action they are also restored from and saved to the GitHub Actions cache (key: gate version, lockfile hash and source hash; restored by prefix, so a new commit of a branch starts warm). false: every file is transpiled every run, and nothing is written to node_modules.",
    default: "true",
    actionInput: true,
    placeholder: "true|false",
  },
  {
    name: "github-token",
    description: "Token for the check run and the PR comment. In the CLI, defaults to GITHUB_TOKEN from the environment.",
    actionDefault: "${{ github.token }}",
    actionInput: true,
    secret: true,
    placeholder: "token",
  },
  {
    name: "format",
    description: "Report format on stdout: text, json, markdown or sarif.",
    default: "text",
    actionInput: false,
    placeholder: "format",
  },
];

export type RawOptions = Partial<Record<string, string>>;
