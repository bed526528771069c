import fs from "node:fs";

/** Where the results go on GitHub, read from the runner's environment and event payload. */
export interface GithubTarget {
  owner: string;
  repo: string;
  /** The commit the check run belongs to: the PR head, not the merge commit GITHUB_SHA names. */
  headSha?: string;
  pullRequest?: number;
  /** A PR from a fork gets a read-only token: no check run, no comment. */
  fromFork: boolean;
}

interface PullRequestPayload {
  pull_request?: { number: number; head: { sha: string; repo?: { full_name?: string; fork?: boolean } | null }; base: { repo: { full_name: string } } };
}

export function readGithubTarget(env: NodeJS.ProcessEnv = process.env): GithubTarget | undefined {
  const [owner, repo] = (env["GITHUB_REPOSITORY"] ?? "").split("/");
  if (!owner || !repo) return undefined;
  let payload: PullRequestPayload = {};
  if (env["GITHUB_EVENT_PATH"] && fs.existsSync(env["GITHUB_EVENT_PATH"])) {
    try {
      payload = JSON.parse(fs.readFileSync(env["GITHUB_EVENT_PATH"], "utf8")) as PullRequestPayload;
    } catch {
      payload = {};
    }
  }
  const pr = payload.pull_request;
  const headRepo = pr?.head.repo?.full_name;
  return {
    owner,
    repo,
    headSha: pr?.head.sha ?? env["GITHUB_SHA"],
    pullRequest: pr?.number,
    fromFork: Boolean(pr && (pr.head.repo?.fork || (headRepo && headRepo !== pr.base.repo.full_name))),
  };
}
