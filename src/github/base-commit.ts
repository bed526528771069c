import fs from "node:fs";
import { git } from "../engine/git.js";

export interface EventBase {
  sha: string;
  /** Where it came from, for the log: "the pull request's base" or "the push's previous commit". */
  source: string;
}

/**
 * The revision a workflow run's change starts from: a pull request's base commit, or a push's
 * `before` (absent for a new branch, where it is all zeros). Other events have none.
 */
export function baseFromEvent(env: NodeJS.ProcessEnv = process.env): EventBase | undefined {
  const file = env["GITHUB_EVENT_PATH"];
  if (!file || !fs.existsSync(file)) return undefined;
  let payload: { pull_request?: { base?: { sha?: string } }; before?: string };
  try {
    payload = JSON.parse(fs.readFileSync(file, "utf8")) as typeof payload;
  } catch {
    return undefined;
  }
  const event = env["GITHUB_EVENT_NAME"] ?? "";
  const prBase = payload.pull_request?.base?.sha;
  if (/^pull_request/.test(event) && prBase) return { sha: prBase, source: "the pull request's base" };
  if (event === "push" && payload.before && !/^0+$/.test(payload.before)) return { sha: payload.before, source: "the push's previous commit" };
  return undefined;
}

/**
 * Makes sure `sha` is in the clone: actions/checkout fetches one commit by default, so the base
 * is usually missing; one more shallow fetch of exactly that commit is all the gate needs (a
 * tree to check out and diff against), so users need no fetch-depth: 0. Returns why not, if not.
 */
export async function ensureCommit(sha: string, cwd: string): Promise<{ ok: true; fetched: boolean } | { ok: false; reason: string }> {
  if (await hasCommit(sha, cwd)) return { ok: true, fetched: false };
  try {
    await git(cwd, ["rev-parse", "--git-dir"]);
  } catch {
    return { ok: false, reason: `${cwd} is not a git checkout (no actions/checkout step before the gate?)` };
  }
  try {
    await git(cwd, ["fetch", "--quiet", "--no-tags", "--depth=1", "origin", sha], { timeoutMs: 120_000 });
  } catch (error) {
    const output = ((error as { stderr?: string }).stderr || (error as Error).message).trim().split("\n");
    const said = output.find((line) => /^(fatal|error):/.test(line)) ?? output[0];
    return { ok: false, reason: `git fetch --depth=1 origin ${sha} failed: ${said}` };
  }
  return (await hasCommit(sha, cwd)) ? { ok: true, fetched: true } : { ok: false, reason: `git fetch origin ${sha} brought no such commit` };
}

async function hasCommit(sha: string, cwd: string): Promise<boolean> {
  try {
    await git(cwd, ["cat-file", "-e", `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The commit the workspace has checked out (what the gate analysed), for links to its lines. */
export async function checkedOutCommit(cwd: string): Promise<string | undefined> {
  try {
    return (await git(cwd, ["rev-parse", "HEAD"])).trim() || undefined;
  } catch {
    return undefined;
  }
}
