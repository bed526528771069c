#!/usr/bin/env node
import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);
import {
  formatErrorJson,
  formatErrorSarif,
  formatFixJson,
  formatFixText,
  formatGateError,
  formatJson,
  formatSarif,
  runDeployCheck,
  runFix,
  runGate,
  suggestFix,
  writeErrorSarifFile,
  writeSarifFile
} from "./chunk-3B3J6YP6.js";
import {
  formatMarkdown,
  formatText
} from "./chunk-BV4NIQ6M.js";
import {
  GateError,
  OPTION_SPECS,
  parseOptions
} from "./chunk-K75UFBPM.js";
import {
  VERSION
} from "./chunk-4MEC2Z5D.js";
import "./chunk-PRFIUZBP.js";
import "./chunk-NB5M66S4.js";
import "./chunk-GTCHOZW6.js";

// src/cli/main.ts
import path from "node:path";
import { parseArgs } from "node:util";

// src/cli/help.ts
function helpText() {
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
    ""
  ].join("\n");
}

// src/cli/main.ts
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => void 0);
function unsupportedNode(version) {
  const [major, minor] = version.split(".").map(Number);
  const ok = major === 20 && minor >= 19 || major === 22 && minor >= 12 || major >= 23;
  return ok ? void 0 : `migration-gate needs Node 20.19+ or 22.12+ (this is Node ${version}). Upgrade Node, e.g. with actions/setup-node.`;
}
async function main(argv) {
  const nodeProblem = unsupportedNode(process.versions.node);
  if (nodeProblem) {
    process.stderr.write(`${nodeProblem}
`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(OPTION_SPECS.map((spec) => [spec.name, spec.switch ? { type: "boolean" } : { type: "string", multiple: spec.multiple === true }])),
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" }
      }
    });
  } catch (error) {
    process.stderr.write(`migration-gate: ${error.message}
Run migration-gate --help for the options.
`);
    return 2;
  }
  if (parsed.values["help"]) {
    process.stdout.write(helpText());
    return 0;
  }
  if (parsed.values["version"]) {
    process.stdout.write(`${VERSION}
`);
    return 0;
  }
  const [command = "check", ...extra] = parsed.positionals;
  if (!["check", "fix", "deploy-check", "baseline"].includes(command) || extra.length) {
    process.stderr.write(`migration-gate: unknown command "${[command, ...extra].join(" ")}". The commands are: migration-gate check | fix [--dry-run] | deploy-check --target-url <url> | baseline --target-url <url> [--yes]
`);
    return 2;
  }
  const values = parsed.values;
  if (values["command"] !== void 0 && values["command"] !== command) {
    process.stderr.write(`migration-gate: --command ${String(values["command"])} contradicts the command word "${command}"; give the command as the first word only.
`);
    return 2;
  }
  values["command"] = command;
  const cwd = process.cwd();
  const raw = Object.fromEntries(Object.entries(parsed.values).map(([name, given]) => [name, Array.isArray(given) ? given.join("\n") : given === true ? "true" : given]));
  try {
    const options = parseOptions(raw, { cwd });
    const hooks = { log: (line) => process.stderr.write(`${line}
`) };
    if (options.command === "fix") {
      const fixed = await runFix(options, { ...hooks, mode: options.dryRun ? "dry-run" : "write" });
      process.stdout.write(`${options.format === "json" ? formatFixJson(fixed) : formatFixText(fixed, { baseDir: cwd })}
`);
      const left = fixed.recheck ?? fixed.check;
      return fixed.nothingToDo || fixed.recheck && left.findings.every((f) => f.severity !== "error") ? 0 : 1;
    }
    let checked;
    const capture = { ...hooks, onContext: (context, findings) => checked = { context, findings } };
    const result = options.command === "check" ? await runGate(options, capture) : await runDeployCheck(options, hooks);
    const render = { text: formatText, json: formatJson, markdown: formatMarkdown, sarif: formatSarif }[options.format];
    const repository = result.rootDir ?? cwd;
    process.stdout.write(`${render(result, { baseDir: options.format === "sarif" ? repository : cwd })}
`);
    if (options.sarifFile) writeSarifFile(result, options.sarifFile, repository);
    if (options.command === "check" && options.suggestFix && result.status === "failed" && checked && options.format === "text") {
      const fix = await suggestFix(options, { result, ...checked }, hooks.log);
      process.stdout.write("error" in fix ? `suggest-fix could not plan a fix: ${fix.error}
` : `
${formatFixText(fix, { baseDir: cwd })}
`);
    }
    if (options.github.comment) {
      const stderr = (line) => process.stderr.write(`${line}
`);
      const { postPrComment } = await import("./chunk-3RRQXC3S.js");
      await postPrComment({ result, token: options.github.token ?? process.env["GITHUB_TOKEN"], baseDir: repository, info: stderr, warn: stderr });
    }
    return result.status === "passed" ? 0 : 1;
  } catch (error) {
    reportError(error, raw, cwd);
    if (error instanceof GateError) {
      process.stderr.write(`
${formatGateError(error, { withDetail: true })}
`);
      return 2;
    }
    process.stderr.write(`
migration-gate failed unexpectedly; please report this with the output below.
${error.stack ?? String(error)}
`);
    return 2;
  }
}
function reportError(error, raw, cwd) {
  const format = raw["format"];
  if (format === "json") process.stdout.write(`${formatErrorJson(error)}
`);
  if (format === "sarif") process.stdout.write(`${formatErrorSarif(error)}
`);
  const sarifFile = raw["sarif-file"];
  if (typeof sarifFile === "string" && sarifFile) writeErrorSarifFile(error, path.resolve(cwd, sarifFile));
}
main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    process.stderr.write(`${String(error)}
`);
    process.exitCode = 2;
  }
);
export {
  main
};
