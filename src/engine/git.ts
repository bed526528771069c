import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * `git <args>` in `cwd`, its stdout; rejects with git's stderr on the error when it fails.
 * The one way the engine and the action call git (history, worktrees, fetching the base).
 */
export async function git(cwd: string, args: string[], options: { timeoutMs?: number } = {}): Promise<string> {
  const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024, ...(options.timeoutMs && { timeout: options.timeoutMs }) });
  return stdout;
}
