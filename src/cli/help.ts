import { OPTION_SPECS } from "../engine/options-spec.js";

export function helpText(): string {
  const rows = OPTION_SPECS.map((spec) => {
    const flag = `  --${spec.name} <${spec.placeholder}>`;
    const defaults = spec.default ? ` (default: ${spec.default})` : "";
    return `${flag.padEnd(36)}${spec.description.replace(/`/g, "")}${defaults}`;
  });
  return [
    "Usage: migration-gate check [options]",
    "",
    "Runs the project's whole TypeORM migration chain on a throwaway Postgres with synchronize off,",
    "and reports every entity table no migration creates and every migration that fails.",
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
    "",
  ].join("\n");
}
