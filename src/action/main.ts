/**
 * The GitHub Action entry point (action.yml runs dist/action.js on node24). Reads INPUT_*,
 * runs the same engine as the CLI, then: annotations on the entity/migration lines, a job
 * summary, step outputs, and a failed step when there are errors.
 */
import * as core from "@actions/core";
import { GateError } from "../engine/errors.js";
import { OPTION_SPECS, type RawOptions } from "../engine/options-spec.js";
import { parseOptions } from "../engine/parse-options.js";
import { countBySeverity } from "../engine/result.js";
import { runGate } from "../engine/run-gate.js";
import { toAnnotations } from "../report/annotations.js";
import { formatGateError } from "../report/gate-error.js";
import { formatMarkdown } from "../report/markdown.js";
import { formatText } from "../report/text.js";

export async function run(): Promise<void> {
  const raw: RawOptions = {};
  for (const spec of OPTION_SPECS.filter((s) => s.actionInput)) {
    raw[spec.name] = core.getInput(spec.name);
    if (spec.secret && raw[spec.name]) maskUrl(raw[spec.name]!);
  }
  // Annotations need repository-relative paths, also when working-directory is a sub-folder.
  const workspace = process.env["GITHUB_WORKSPACE"] ?? process.cwd();

  try {
    const options = parseOptions(raw, { cwd: workspace });
    const result = await runGate(options, { log: (line) => core.info(line) });
    const counts = countBySeverity(result.findings);

    for (const annotation of toAnnotations(result, { baseDir: workspace })) {
      const properties = { title: annotation.title, file: annotation.file, startLine: annotation.line };
      if (annotation.level === "error") core.error(annotation.message, properties);
      else if (annotation.level === "warning") core.warning(annotation.message, properties);
      else core.notice(annotation.message, properties);
    }
    core.info(`\n${formatText(result, { baseDir: workspace })}`);
    if (process.env["GITHUB_STEP_SUMMARY"]) await core.summary.addRaw(formatMarkdown(result, { baseDir: workspace })).write();

    core.setOutput("status", result.status);
    core.setOutput("findings", String(result.findings.length));
    core.setOutput("errors", String(counts.error));
    core.setOutput("warnings", String(counts.warning));
    if (result.status === "failed") {
      core.setFailed(`migration-gate found ${counts.error} error(s): the migrations do not build the schema the entities expect. See the annotations and the job summary.`);
    }
  } catch (error) {
    core.setOutput("status", "error");
    if (error instanceof GateError) {
      core.setFailed(formatGateError(error, { withDetail: false }));
      const detail = (error as { detail?: string }).detail;
      if (detail) core.info(detail);
    } else {
      core.setFailed(`migration-gate failed unexpectedly; please report this: ${(error as Error).stack ?? String(error)}`);
    }
  }
}

/** Masks the whole URL and its password on their own, so neither appears in any log line. */
function maskUrl(value: string): void {
  core.setSecret(value);
  try {
    const password = decodeURIComponent(new URL(value).password);
    if (password) core.setSecret(password);
  } catch {
    // Not a URL: parse-options reports that.
  }
}

await run();
