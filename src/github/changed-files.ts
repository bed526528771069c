import type { GithubTarget } from "./context.js";
import type { Octokit } from "./client.js";

/** Files the pull request changes, repository-relative; empty when they cannot be listed. */
export async function changedFiles(octokit: Octokit, target: GithubTarget, log: (line: string) => void): Promise<Set<string>> {
  if (!target.pullRequest) return new Set();
  try {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: target.owner, repo: target.repo, pull_number: target.pullRequest, per_page: 100 });
    return new Set(files.map((f) => f.filename));
  } catch (error) {
    log(`Could not list the pull request's files (${(error as Error).message}); annotations keep report order.`);
    return new Set();
  }
}
