import { OPTION_SPECS } from "../engine/options-spec.js";

export function helpText(): string {
  const rows = OPTION_SPECS.filter((spec) => spec.name !== "command").map((spec) => {
    const flag = spec.switch ? `  --${spec.name}` : `  --${spec.name} <${spec.placeholder}>`;
    const defaults = spec.default ? ` (default: ${spec.default})` : "";
    return `${flag.padEnd(36)}${spec.description.replace(/`/g, "")}${defaults}`;
  });
  return [
    "Usage: migration-gate check [options]",
    "       migration-gate fix [--dry-run] [options]",
    "       migration-gate deploy-check --target-url <url> [options]",
    "       migration-gate baseline --target-url <url> [--yes] [options]",
    "",
    "check runs the project's whole migration chain (TypeORM, or Drizzle) on a throwaway Postgres, compares",
    "the schema it builds with what the entities or pgTable definitions declare, and reports every gap",
    "and every migration that fails, at the line to edit.",
    "",
    "fix runs the check, then writes the migrations that close its errors into the project's migrations",
    "folder (TypeORM: idempotent SQL from TypeORM's own schema builder, timestamped before the first",
    "migration that needs it; Drizzle: the project's own drizzle-kit generate), and checks again.",
    "",
    "deploy-check reads the database a deploy is about to migrate, read-only: what its migrations table",
    "records, what is pending (run first on a throwaway copy of its applied point: the dry run), what would",
    "fail on its rows (counted, never read), what was changed by hand, and whether it was built by push or",
    "synchronize without migrations (untracked-database).",
    "",
    "baseline records every migration as applied on such an untracked database, after checking that its",
    "schema equals what the migrations build; it prints the plan, and writes it (one transaction) with --yes.",
    "",
    "Options:",
    ...rows,
    "  -h, --help                        Show this help",
    "  --version                         Show the version",
    "",
    "Exit status: 0 no errors, 1 errors found, 2 the gate could not run.",
    "",
    "Examples:",
    "  migration-gate check --data-source src/data-source.ts",
    '  migration-gate check --entities "src/**/*.entity.ts" --migrations "src/migrations/*.ts"',
    "  migration-gate check                     (a Drizzle project: finds drizzle.config.ts)",
    "  migration-gate check --base-ref origin/main   (fails only on what the change introduces)",
    "  migration-gate fix --dry-run --data-source src/data-source.ts   (print the missing migrations)",
    "  migration-gate check --suppress-all           (adopt on an old project: accept what is there)",
    '  migration-gate deploy-check --target-url "$STAGING_DATABASE_URL"   (before the deploy migrates it)',
    '  migration-gate baseline --target-url "$DATABASE_URL" --yes          (a database built by push/synchronize)',
    "",
  ].join("\n");
}
