import { execFileSync } from "node:child_process";

/** git in `cwd` as a test author (no user config needed), its trimmed stdout. */
export const git = (cwd: string, ...args: string[]): string =>
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, stdio: "pipe" }).toString().trim();

/** Commits everything in `dir` but node_modules (the tests' symlinks); the new commit's sha. */
export function commitAll(dir: string, message: string): string {
  git(dir, "add", "-A", ".", ":!node_modules");
  git(dir, "commit", "-qm", message);
  return git(dir, "rev-parse", "HEAD");
}
