import { OPTION_SPECS } from "../../src/engine/options-spec.js";

/**
 * action.yml and the README options table are rendered from OPTION_SPECS, so the action's
 * inputs, the CLI's flags and the docs can never drift apart. `npm run sync-docs` rewrites them.
 */
export const OUTPUTS: Record<string, string> = {
  status: "passed, failed (errors found) or error (the gate could not run).",
  findings: "Number of findings, all severities.",
  errors: "Number of error findings that fail the run (under fail-on: new, those the change introduces): the step fails when it is not 0.",
  warnings: "Number of warning findings.",
  fixed: "With a base (automatic on pull requests): number of the base's findings this change fixes.",
  "report-json": "Path of the full report as JSON (in RUNNER_TEMP), for later steps.",
  "fix-patch": "check with suggest-fix: path of a patch (in RUNNER_TEMP) adding the suggested migrations, for git apply; empty when there is none.",
  pending: "deploy-check: number of migrations the deploy will run on the target (empty for check, and when the target is untracked).",
};

export function renderActionYml(): string {
  const quote = (text: string) => JSON.stringify(text);
  const inputs = OPTION_SPECS.filter((s) => s.actionInput).flatMap((spec) => [
    `  ${spec.name}:`,
    `    description: ${quote(spec.description)}`,
    `    required: false`,
    ...((spec.actionDefault ?? spec.default) !== undefined ? [`    default: ${quote((spec.actionDefault ?? spec.default)!)}`] : []),
  ]);
  const outputs = Object.entries(OUTPUTS).flatMap(([name, description]) => [`  ${name}:`, `    description: ${quote(description)}`]);
  return [
    "# Rendered from src/engine/options-spec.ts by `npm run sync-docs`; a test fails when it is out of date.",
    "name: migration-gate",
    "description: Fails the check when the migrations do not create every table the TypeORM entities expect, on a throwaway Postgres with synchronize off.",
    "author: migration-gate",
    "branding:",
    "  icon: database",
    "  color: red",
    "inputs:",
    ...inputs,
    "outputs:",
    ...outputs,
    "runs:",
    "  using: node24",
    "  main: dist/action.js",
    "",
  ].join("\n");
}

export function renderOptionsTable(): string {
  const rows = OPTION_SPECS.map((spec) => {
    const name = spec.actionInput ? `\`${spec.name}\` / \`--${spec.name}\`` : `\`--${spec.name}\` (CLI only)`;
    const defaults = [spec.actionDefault && `\`${spec.actionDefault}\` (action)`, spec.default !== undefined && `\`${spec.default}\``].filter(Boolean).join(", ");
    return `| ${name} | ${spec.description.replace(/\|/g, "\\|")} | ${defaults} |`;
  });
  const outputs = Object.entries(OUTPUTS).map(([name, description]) => `| \`${name}\` | ${description} |`);
  return ["| Input / flag | What it does | Default |", "|---|---|---|", ...rows, "", "| Output | Meaning |", "|---|---|", ...outputs].join("\n");
}

export const README_START = "<!-- options:start (rendered by npm run sync-docs) -->";
export const README_END = "<!-- options:end -->";
