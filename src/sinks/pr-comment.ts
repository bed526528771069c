import type { GateResult } from "../engine/result.js";
import { githubClient } from "../github/client.js";
import { readGithubTarget } from "../github/context.js";
import { commentMarker, upsertComment } from "../github/pr-comment.js";
import { COMMENT_MAX_BYTES, formatMarkdown } from "../report/markdown.js";
import { displayPath } from "../report/paths.js";

export interface CommentSinkOptions {
  result: GateResult;
  token?: string;
  /** Repository root: paths in the comment are relative to it. */
  baseDir: string;
  /** Links locations to the analysed commit's lines (markdown.ts). */
  blobUrl?: string;
  info: (line: string) => void;
  warn: (line: string) => void;
  /** Appended to the report (the suggested fix), within the comment's size limit. */
  appendix?: string;
}

/**
 * The sticky PR comment, shared by the action and the CLI (when the CLI runs inside a
 * workflow). A fork PR, a missing token or a 403 is one warning, never a failed run.
 */
export async function postPrComment({ result, token, baseDir, blobUrl, info, warn, appendix }: CommentSinkOptions): Promise<void> {
  const target = readGithubTarget();
  if (!target || !token) {
    warn("comment: true needs a GitHub token and a pull_request event (GITHUB_REPOSITORY, GITHUB_EVENT_PATH); no comment was posted.");
    return;
  }
  try {
    const outcome = await upsertComment({
      octokit: githubClient(token),
      target,
      marker: commentMarker(displayPath(result.projectDir, baseDir) || "."),
      body: formatMarkdown(result, { baseDir, maxBytes: COMMENT_MAX_BYTES, blobUrl, ...(appendix && { appendix }) }),
    });
    if (outcome.posted) info(`Pull request comment ${outcome.posted}.`);
    else warn(`No pull request comment: ${outcome.reason}. The job summary has the report.`);
  } catch (error) {
    warn(`Could not post the pull request comment: ${(error as Error).message}. The job summary has the report.`);
  }
}
