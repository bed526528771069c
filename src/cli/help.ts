import { OPTION_SPECS } from "../engine/options-spec.js";

export function helpText(): string {
  const rows = OPTION_SPECS.map((spec) => {
    const flag = spec.switch ? `  --${spec.name}` : `  --${spec.name} <${spec.placeholder}>`;
    const defaults = spec.default ? ` (default: ${spec.default})` : "";
    return `${flag.padEnd(36)}${spec.description.replace(/`/g, "")}${defaults}`;
  });
  return [
    "Usage: migration-gate check [options]",
    "",
    "Runs the project's whole migration chain (TypeORM, or Drizzle) on a throwaway Postgres, compares",
    "the schema it builds with what the entities or pgTable definitions declare, and reports every gap",
    "and every migration that fails, at the line to edit.",
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
    "  migration-gate check --suppress-all           (adopt on an old project: accept what is there)",
    "",
  ].join("\n");
}
