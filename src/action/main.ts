/**
 * The GitHub Action entry point (action.yml runs dist/action.js on node24). Reads INPUT_*,
 * runs the same engine as the CLI, then reports where a reviewer looks: a check run with every
 * finding annotated (or, without checks: write, workflow-command annotations within GitHub's
 * per-step limits), the job summary, an optional sticky PR comment, SARIF, step outputs, and
 * a failed step when there are errors.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import { GateError } from "../engine/errors.js";
import { OPTION_SPECS, type RawOptions } from "../engine/options-spec.js";
import { parseOptions } from "../engine/parse-options.js";
import { countBySeverity, failingFindings, type GateResult } from "../engine/result.js";
import { baseFromEvent, checkedOutCommit, ensureCommit } from "../github/base-commit.js";
import { runDeployCheck } from "../engine/deploy-check.js";
import { runGate } from "../engine/run-gate.js";
import { restoreTransformCache, type KeptTransformCache } from "./keep-transform-cache.js";
import { suggestFix, type CheckedState } from "../engine/fix/run-fix.js";
import { formatFixMarkdown } from "../report/fix-markdown.js";
import { formatFixPatch } from "../report/fix-patch.js";
import { formatFixText } from "../report/fix-text.js";
import { changedFiles } from "../github/changed-files.js";
import { publishCheckRun } from "../github/check-run.js";
import { githubClient } from "../github/client.js";
import { readGithubTarget } from "../github/context.js";
import { planAnnotations, toAnnotations, type Annotation } from "../report/annotations.js";
import { formatGateError } from "../report/gate-error.js";
import { formatJson } from "../report/json.js";
import { COMMENT_MAX_BYTES, formatMarkdown, SUMMARY_MAX_BYTES } from "../report/markdown.js";
import { formatText } from "../report/text.js";
import { postPrComment } from "../sinks/pr-comment.js";
import { writeErrorSarifFile, writeSarifFile } from "../sinks/sarif-file.js";

const CHECK_NAME = "migration-gate";

export async function run(): Promise<void> {
  const raw: RawOptions = {};
  for (const spec of OPTION_SPECS.filter((s) => s.actionInput)) {
    raw[spec.name] = core.getInput(spec.name);
    if (spec.secret && raw[spec.name]) maskSecret(raw[spec.name]!);
  }
  // Annotations need repository-relative paths, also when working-directory is a sub-folder.
  const workspace = process.env["GITHUB_WORKSPACE"] ?? process.cwd();
  let keptCache: KeptTransformCache | undefined;

  try {
    // baseline writes to the target: it is a deliberate, local step, never a workflow's.
    if (raw["command"] === "baseline") throw new GateError("invalid-command", "command: baseline is not run from the action: it writes to the target database.", { hint: "Run it once, deliberately, where you can read its plan first: npx migration-gate baseline --target-url <url>, then again with --yes. In the workflow, use command: deploy-check." });
    if (raw["command"] === "fix") throw new GateError("invalid-command", "command: fix is not run from the action: it writes migration files into the checkout.", { hint: "Keep command: check; suggest-fix (on by default on pull requests) puts the same migrations in the summary, the comment and the fix-patch output. Locally: npx migration-gate fix." });
    const deploy = raw["command"] === "deploy-check";
    // A deploy pre-step judges the database against the checked-out migrations: no base to scope to.
    if (!raw["base-ref"] && !deploy) await useEventBase(raw, workspace);
    const options = parseOptions(raw, { cwd: workspace });
    if (options.transformCache) keptCache = await restoreTransformCache({ projectDir: options.projectDir, workspace, info: core.info, warning: core.warning });
    let checked: Omit<CheckedState, "result"> | undefined;
    const hooks = { log: (line: string) => core.info(line), onContext: (context: CheckedState["context"], findings: CheckedState["findings"]) => (checked = { context, findings }) };
    const result = deploy ? await runDeployCheck(options, hooks) : await runGate(options, hooks);
    const fix = !deploy && options.suggestFix && result.status === "failed" && checked ? await suggestFix(options, { result, ...checked }, core.info) : undefined;
    if (fix && "error" in fix) core.warning(`suggest-fix could not plan a fix: ${fix.error}. The check's verdict stands.`);
    const suggested = fix && !("error" in fix) && fix.files.length ? fix : undefined;
    const counts = countBySeverity(result.findings);
    const failing = failingFindings(result).length;
    const blobUrl = await blobUrlFor(workspace);

    await annotate(result, { workspace, token: options.github.token, blobUrl });
    core.info(`\n${formatText(result, { baseDir: workspace })}`);
    const appendix = (maxBytes: number) => (suggested ? { appendix: formatFixMarkdown(suggested, { baseDir: workspace, maxBytes: Math.floor(maxBytes / 2) }) } : {});
    if (suggested) core.info(`\n${formatFixText(suggested, { baseDir: workspace })}`);
    if (process.env["GITHUB_STEP_SUMMARY"]) await core.summary.addRaw(formatMarkdown(result, { baseDir: workspace, maxBytes: SUMMARY_MAX_BYTES, blobUrl, ...appendix(SUMMARY_MAX_BYTES) })).write();
    if (options.github.comment) {
      await postPrComment({ result, token: options.github.token, baseDir: workspace, blobUrl, info: core.info, warn: (line) => core.warning(line), ...appendix(COMMENT_MAX_BYTES) });
    }
    let patchFile = "";
    if (suggested) {
      patchFile = path.join(process.env["RUNNER_TEMP"] ?? os.tmpdir(), "migration-gate-fix.patch");
      // git apply runs from the repository root.
      fs.writeFileSync(patchFile, formatFixPatch(suggested.files, result.rootDir ?? workspace));
      core.info(`Suggested fix written as a patch: ${patchFile} (git apply it from the repository root)`);
    }
    if (options.sarifFile) {
      writeSarifFile(result, options.sarifFile, workspace);
      core.info(`SARIF written to ${options.sarifFile}`);
    }

    const reportFile = path.join(process.env["RUNNER_TEMP"] ?? os.tmpdir(), "migration-gate-report.json");
    fs.writeFileSync(reportFile, formatJson(result, { baseDir: workspace }) + "\n");
    core.setOutput("status", result.status);
    core.setOutput("findings", String(result.findings.length));
    core.setOutput("errors", String(failing));
    core.setOutput("warnings", String(counts.warning));
    core.setOutput("fixed", String(result.fixed?.length ?? 0));
    core.setOutput("report-json", reportFile);
    core.setOutput("fix-patch", patchFile);
    core.setOutput("pending", result.target?.pending === undefined ? "" : String(result.target.pending));
    if (result.status === "failed" && result.target) {
      core.setFailed(`migration-gate deploy-check found ${failing} error(s) on ${result.target.label}: deploying now would fail or leave it wrong. See the annotations and the job summary; nothing was written to it.`);
    } else if (result.status === "failed") {
      const what = result.change?.failOn === "new" ? `${failing} new error(s) this change introduces` : `${failing} error(s)`;
      core.setFailed(`migration-gate found ${what}: the migrations do not build the schema the ${result.orm.name === "drizzle" ? "pgTable definitions declare" : "entities expect"}. See the annotations and the job summary.`);
    }
  } catch (error) {
    core.setOutput("status", "error");
    // A later upload-sarif step (if: always()) gets the failed invocation, not a missing file.
    if (raw["sarif-file"]) writeErrorSarifFile(error, path.resolve(workspace, raw["sarif-file"]));
    if (error instanceof GateError) {
      core.setFailed(formatGateError(error, { withDetail: false }));
      const detail = (error as { detail?: string }).detail;
      if (detail) core.info(detail);
    } else {
      core.setFailed(`migration-gate failed unexpectedly; please report this: ${(error as Error).stack ?? String(error)}`);
    }
  } finally {
    // Whatever the verdict, the files this run transpiled are good for the next one.
    await keptCache?.save();
  }
}

/**
 * Every finding in a check run when the token may create one; otherwise workflow-command
 * annotations, PR-changed files first, capped to what GitHub shows, with an overflow notice.
 */
/**
 * base-ref is automatic in a workflow: the pull request's base commit (or the push's previous
 * one), fetched when the checkout is shallow. If it cannot be had, the run goes on unscoped and
 * says why, rather than failing a check the user never asked to scope.
 */
async function useEventBase(raw: RawOptions, workspace: string): Promise<void> {
  const base = baseFromEvent();
  if (!base) return;
  const cwd = path.resolve(workspace, raw["working-directory"] || ".");
  const present = await ensureCommit(base.sha, fs.existsSync(cwd) ? cwd : workspace);
  if (!present.ok) {
    core.warning(`The verdict covers every finding, not only this change's: ${base.source} (${base.sha.slice(0, 12)}) is not in the clone and could not be fetched (${present.reason}). Give actions/checkout fetch-depth: 0, or set base-ref.`);
    return;
  }
  core.info(`base-ref: ${base.sha} (${base.source}${present.fetched ? ", fetched: the checkout was shallow" : ""})`);
  raw["base-ref"] = base.sha;
}

/** Links from the summary and comment to the analysed lines: the checked-out commit on this repository. */
async function blobUrlFor(workspace: string): Promise<string | undefined> {
  const repository = process.env["GITHUB_REPOSITORY"];
  const sha = (await checkedOutCommit(workspace)) ?? process.env["GITHUB_SHA"];
  if (!repository || !sha) return undefined;
  return `${process.env["GITHUB_SERVER_URL"] ?? "https://github.com"}/${repository}/blob/${sha}`;
}

async function annotate(result: GateResult, { workspace, token, blobUrl }: { workspace: string; token?: string; blobUrl?: string }): Promise<void> {
  const target = readGithubTarget();
  const octokit = token && target ? githubClient(token) : undefined;
  let fallbackReason = !octokit ? "no GitHub token" : target!.fromFork ? "pull requests from forks get a read-only token" : undefined;
  if (octokit && !fallbackReason) {
    try {
      const outcome = await publishCheckRun({
        octokit,
        target: target!,
        result,
        annotations: toAnnotations(result, { baseDir: workspace }),
        summary: formatMarkdown(result, { baseDir: workspace, maxBytes: COMMENT_MAX_BYTES, blobUrl }),
        name: CHECK_NAME,
      });
      if (outcome.published) {
        core.info(`Check run "${CHECK_NAME}" holds every finding as an annotation${outcome.url ? `: ${outcome.url}` : ""}`);
        return;
      }
      fallbackReason = outcome.reason;
    } catch (error) {
      fallbackReason = `creating the check run failed (${(error as Error).message})`;
    }
  }
  core.info(`No check run (${fallbackReason}): annotating with workflow commands, which GitHub caps per step.`);
  const changed = octokit && target ? await changedFiles(octokit, target, core.info) : new Set<string>();
  // The step's own failure message is an ::error too, and counts against the same cap.
  const plan = planAnnotations(result, { baseDir: workspace, changedFiles: changed, reservedErrors: result.status === "failed" ? 1 : 0 });
  for (const annotation of [...plan.shown, ...(plan.overflowNotice ? [plan.overflowNotice] : [])]) emit(annotation);
}

function emit(annotation: Annotation): void {
  const properties = { title: annotation.title, file: annotation.file, startLine: annotation.line };
  if (annotation.level === "error") core.error(annotation.message, properties);
  else if (annotation.level === "warning") core.warning(annotation.message, properties);
  else core.notice(annotation.message, properties);
}

/** Masks a secret input, and for a URL its password on its own, so neither appears in any log line. */
function maskSecret(value: string): void {
  core.setSecret(value);
  try {
    const password = decodeURIComponent(new URL(value).password);
    if (password) core.setSecret(password);
  } catch {
    // Not a URL (a token): masked whole above.
  }
}

await run();
