#!/usr/bin/env node
/**
 * `migration-gate check`: the CLI entry point. Builds options from argv, runs the engine,
 * prints the report. Exit status: 0 no errors, 1 findings with errors, 2 the gate could not
 * run (bad option, unloadable project, no Postgres).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { GateError } from "../engine/errors.js";
import { OPTION_SPECS, type RawOptions } from "../engine/options-spec.js";
import { parseOptions } from "../engine/parse-options.js";
import { runGate } from "../engine/run-gate.js";
import { runDeployCheck } from "../engine/deploy-check.js";
import { runFix, suggestFix, type CheckedState } from "../engine/fix/run-fix.js";
import { formatFixJson, formatFixText } from "../report/fix-text.js";
import { formatErrorJson, formatErrorSarif } from "../report/error-report.js";
import { formatGateError } from "../report/gate-error.js";
import { formatJson } from "../report/json.js";
import { formatMarkdown } from "../report/markdown.js";
import { formatSarif } from "../report/sarif.js";
import { formatText } from "../report/text.js";
import { writeErrorSarifFile, writeSarifFile } from "../sinks/sarif-file.js";
import { helpText } from "./help.js";
import { VERSION } from "../version.js";

// A reader that goes away (`| head`) must not crash the run before it cleans up.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);

/** The worker loads its ESM transpiler with require(), unflagged from Node 20.19 and 22.12 on. */
function unsupportedNode(version: string): string | undefined {
  const [major, minor] = version.split(".").map(Number) as [number, number];
  const ok = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
  return ok ? undefined : `migration-gate needs Node 20.19+ or 22.12+ (this is Node ${version}). Upgrade Node, e.g. with actions/setup-node.`;
}

export async function main(argv: string[]): Promise<number> {
  const nodeProblem = unsupportedNode(process.versions.node);
  if (nodeProblem) {
    process.stderr.write(`${nodeProblem}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(OPTION_SPECS.map((spec) => [spec.name, spec.switch ? { type: "boolean" as const } : { type: "string" as const, multiple: spec.multiple === true }])),
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
      },
    });
  } catch (error) {
    process.stderr.write(`migration-gate: ${(error as Error).message}\nRun migration-gate --help for the options.\n`);
    return 2;
  }
  if (parsed.values["help"]) {
    process.stdout.write(helpText());
    return 0;
  }
  if (parsed.values["version"]) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command = "check", ...extra] = parsed.positionals;
  if (!["check", "fix", "deploy-check", "baseline"].includes(command) || extra.length) {
    process.stderr.write(`migration-gate: unknown command "${[command, ...extra].join(" ")}". The commands are: migration-gate check | fix [--dry-run] | deploy-check --target-url <url> | baseline --target-url <url> [--yes]\n`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values["command"] !== undefined && values["command"] !== command) {
    process.stderr.write(`migration-gate: --command ${String(values["command"])} contradicts the command word "${command}"; give the command as the first word only.\n`);
    return 2;
  }
  values["command"] = command;

  const cwd = process.cwd();
  // Repeated flags (--ignore) arrive as lists: joined, they read like a multi-line action input.
  const raw = Object.fromEntries(Object.entries(parsed.values).map(([name, given]) => [name, Array.isArray(given) ? given.join("\n") : given === true ? "true" : given]));
  try {
    const options = parseOptions(raw as RawOptions, { cwd });
    const hooks = { log: (line: string) => process.stderr.write(`${line}\n`) };
    if (options.command === "fix") {
      const fixed = await runFix(options, { ...hooks, mode: options.dryRun ? "dry-run" : "write" });
      process.stdout.write(`${options.format === "json" ? formatFixJson(fixed) : formatFixText(fixed, { baseDir: cwd })}\n`);
      const left = fixed.recheck ?? fixed.check;
      return fixed.nothingToDo || (fixed.recheck && left.findings.every((f) => f.severity !== "error")) ? 0 : 1;
    }
    let checked: Omit<CheckedState, "result"> | undefined;
    const capture = { ...hooks, onContext: (context: CheckedState["context"], findings: CheckedState["findings"]) => (checked = { context, findings }) };
    const result = options.command === "check" ? await runGate(options, capture) : await runDeployCheck(options, hooks);
    const render = { text: formatText, json: formatJson, markdown: formatMarkdown, sarif: formatSarif }[options.format];
    // People read paths from where they stand; code scanning places SARIF results from the repository root.
    const repository = result.rootDir ?? cwd;
    process.stdout.write(`${render(result, { baseDir: options.format === "sarif" ? repository : cwd })}\n`);
    if (options.sarifFile) writeSarifFile(result, options.sarifFile, repository);
    if (options.command === "check" && options.suggestFix && result.status === "failed" && checked && options.format === "text") {
      const fix = await suggestFix(options, { result, ...checked }, hooks.log);
      process.stdout.write("error" in fix ? `suggest-fix could not plan a fix: ${fix.error}\n` : `\n${formatFixText(fix, { baseDir: cwd })}\n`);
    }
    if (options.github.comment) {
      const stderr = (line: string) => process.stderr.write(`${line}\n`);
      // Loaded only when asked for: it brings the GitHub client along.
      const { postPrComment } = await import("../sinks/pr-comment.js");
      await postPrComment({ result, token: options.github.token ?? process.env["GITHUB_TOKEN"], baseDir: repository, info: stderr, warn: stderr });
    }
    return result.status === "passed" ? 0 : 1;
  } catch (error) {
    reportError(error, raw, cwd);
    if (error instanceof GateError) {
      process.stderr.write(`\n${formatGateError(error, { withDetail: true })}\n`);
      return 2;
    }
    process.stderr.write(`\nmigration-gate failed unexpectedly; please report this with the output below.\n${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

/** Machine-readable reports say "error" too: a JSON or SARIF consumer must not get an empty file. */
function reportError(error: unknown, raw: Record<string, unknown>, cwd: string): void {
  const format = raw["format"];
  if (format === "json") process.stdout.write(`${formatErrorJson(error)}\n`);
  if (format === "sarif") process.stdout.write(`${formatErrorSarif(error)}\n`);
  const sarifFile = raw["sarif-file"];
  if (typeof sarifFile === "string" && sarifFile) writeErrorSarifFile(error, path.resolve(cwd, sarifFile));
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 2;
  },
);
