import * as github from "@actions/github";

export type Octokit = ReturnType<typeof github.getOctokit>;

/** Octokit for GITHUB_API_URL (GitHub Enterprise, or the tests' local server). */
export function githubClient(token: string): Octokit {
  return github.getOctokit(token, { baseUrl: process.env["GITHUB_API_URL"] ?? "https://api.github.com" });
}

/** HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === "number" ? status : undefined;
}
