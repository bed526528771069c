import type { Octokit } from "./client.js";
import { statusOf } from "./client.js";
import type { GithubTarget } from "./context.js";

export type CommentOutcome = { posted: "created" | "updated" } | { posted: false; reason: string };

/** The hidden marker that finds our comment again; per project, so a monorepo's gates keep one comment each. */
export function commentMarker(project: string): string {
  return `<!-- migration-gate:${project} -->`;
}

/** Creates the sticky comment, or updates it in place when one with our marker exists. */
export async function upsertComment(options: { octokit: Octokit; target: GithubTarget; marker: string; body: string }): Promise<CommentOutcome> {
  const { octokit, target, marker } = options;
  if (!target.pullRequest) return { posted: false, reason: "this run is not for a pull request" };
  if (target.fromFork) return { posted: false, reason: "pull requests from forks get a read-only token" };
  const body = `${marker}\n${options.body}`;
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.pullRequest, per_page: 100 });
    const mine = comments.find((c) => c.body?.startsWith(marker));
    if (mine) {
      await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: mine.id, body });
      return { posted: "updated" };
    }
    await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.pullRequest, body });
    return { posted: "created" };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) return { posted: false, reason: `the token may not comment (HTTP ${status}; it needs pull-requests: write)` };
    throw error;
  }
}
