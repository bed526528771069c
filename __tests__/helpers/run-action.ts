import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { FakeGithub } from "./fake-github.js";
import { REPO } from "./paths.js";
import { spawnNode } from "./spawn-collect.js";

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  summary: string;
  outputs: Record<string, string>;
  /** Requests the action made to the (fake) GitHub API, as "METHOD /path". */
  apiRequests: string[];
  /** The file the report-json output names, parsed (it lives in RUNNER_TEMP, gone after the run). */
  reportJson?: { findings: unknown[]; status: string };
  /** The patch the fix-patch output names, read before RUNNER_TEMP goes. */
  fixPatch?: string;
}

export interface RunActionOptions {
  inputs: Record<string, string>;
  /** GITHUB_WORKSPACE: the repository checkout. */
  workspace: string;
  /** Folder holding action.yml and dist/ (the action's own checkout). */
  actionDir?: string;
  env?: NodeJS.ProcessEnv;
  /** The GitHub API the action talks to; by default one whose token may do nothing. */
  github?: FakeGithub;
  /** Changes to the pull_request event payload (a fork, another PR...). */
  event?: (event: ReturnType<typeof pullRequestEvent>) => void;
  /**
   * The pull request's base commit (pull_request.base.sha), which makes the verdict change-scoped.
   * Left out of the payload unless given: tests of everything else judge every finding.
   */
  baseSha?: string;
}

/**
 * Runs the built action the way the runner does: `node <action>/dist/action.js` with every
 * input of action.yml as INPUT_* (defaults applied, empty when unset), a pull_request event
 * payload, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, and a local HTTP server standing in
 * for the GitHub API.
 */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const actionDir = options.actionDir ?? REPO;
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), "mg-runner-"));
  const summaryFile = path.join(temp, "step_summary.md");
  const outputFile = path.join(temp, "output.txt");
  const eventFile = path.join(temp, "event.json");
  fs.writeFileSync(summaryFile, "");
  fs.writeFileSync(outputFile, "");
  const event = pullRequestEvent();
  if (options.baseSha) event.pull_request.base.sha = options.baseSha;
  else delete (event.pull_request.base as { sha?: string }).sha;
  options.event?.(event);
  fs.writeFileSync(eventFile, JSON.stringify(event));

  const github = options.github ?? new FakeGithub();
  const ownGithub = !options.github;
  if (ownGithub) {
    github.permissions = { checks: false, pullRequests: false };
    await github.start();
  }
  const requestsBefore = github.requests.length;

  const declared = (YAML.parse(fs.readFileSync(path.join(actionDir, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }> }).inputs;
  const inputEnv: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared)) {
    // The runner evaluates expressions in defaults; ${{ github.token }} becomes the job's token.
    const value = options.inputs[name] ?? (spec.default ?? "").replace("${{ github.token }}", "ghs_fake_job_token");
    inputEnv[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  }
  for (const name of Object.keys(options.inputs)) {
    if (!(name in declared)) throw new Error(`input ${name} is not declared in action.yml`);
  }

  try {
    const { status, stdout, stderr } = await spawnNode([path.join(actionDir, "dist", "action.js")], {
      cwd: options.workspace,
      env: {
        ...stripGithubEnv(process.env),
        ...inputEnv,
        GITHUB_ACTIONS: "true",
        CI: "true",
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_REPOSITORY: "acme/app",
        GITHUB_SHA: "0000000000000000000000000000000000merge",
        GITHUB_REF: "refs/pull/42/merge",
        GITHUB_API_URL: github.url,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_OUTPUT: outputFile,
        RUNNER_TEMP: temp,
        ...options.env,
      },
    });
    const outputs = parseOutputs(fs.readFileSync(outputFile, "utf8"));
    const reportFile = outputs["report-json"];
    return {
      status,
      stdout,
      stderr,
      commands: parseCommands(stdout),
      summary: fs.readFileSync(summaryFile, "utf8"),
      outputs,
      reportJson: reportFile && fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, "utf8")) : undefined,
      ...(outputs["fix-patch"] && fs.existsSync(outputs["fix-patch"]) && { fixPatch: fs.readFileSync(outputs["fix-patch"], "utf8") }),
      apiRequests: github.requests.slice(requestsBefore).map((r) => `${r.method} ${r.path}`),
    };
  } finally {
    if (ownGithub) await github.stop();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

function stripGithubEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith("GITHUB_") && !key.startsWith("INPUT_") && !key.startsWith("RUNNER_")));
}

const unescapeData = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ":").replace(/%2C/g, ",");

/** `::error file=a,line=3,title=t::message` lines, unescaped as GitHub reads them. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? "").split(",").filter(Boolean)) {
      const eq = pair.indexOf("=");
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ command: match[1]!, properties, message: unescapeData(match[3]!) });
  }
  return commands;
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const end = lines.indexOf(match[2]!, i + 1);
    outputs[match[1]!] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return outputs;
}

export function pullRequestEvent() {
  return {
    action: "synchronize",
    number: 42,
    pull_request: {
      number: 42,
      head: { sha: "1111111111111111111111111111111111111111", ref: "feature/shares", repo: { full_name: "acme/app", fork: false } },
      base: { sha: "2222222222222222222222222222222222222222" as string, ref: "main", repo: { full_name: "acme/app" } },
    },
    repository: { full_name: "acme/app", name: "app", owner: { login: "acme" } },
  };
}
