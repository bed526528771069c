import type { GateResult } from "../engine/result.js";
import { countBySeverity } from "../engine/result.js";
import type { Annotation } from "../report/annotations.js";
import { statusOf, type Octokit } from "./client.js";
import type { GithubTarget } from "./context.js";

/** The Checks API takes at most 50 annotations per request. */
const BATCH = 50;
const LEVEL = { error: "failure", warning: "warning", notice: "notice" } as const;

export type CheckRunOutcome = { published: true; url?: string } | { published: false; reason: string };

/**
 * One check run named after the gate, on the PR head commit, holding every located finding as
 * an annotation: created with the verdict, then updated in batches of 50 (the API appends
 * annotations on each update). Needs `checks: write`; without it, the caller falls back to
 * workflow-command annotations.
 */
export async function publishCheckRun(options: { octokit: Octokit; target: GithubTarget; result: GateResult; annotations: Annotation[]; summary: string; name: string }): Promise<CheckRunOutcome> {
  const { octokit, target, result } = options;
  if (!target.headSha) return { published: false, reason: "no commit to attach a check run to" };
  const counts = countBySeverity(result.findings);
  const output = {
    title: result.status === "passed" ? "Migrations build every entity table" : `${counts.error} error(s), ${counts.warning} warning(s)`,
    summary: options.summary,
  };
  let id: number;
  let url: string | undefined;
  try {
    const created = await octokit.rest.checks.create({
      owner: target.owner,
      repo: target.repo,
      name: options.name,
      head_sha: target.headSha,
      status: "completed",
      conclusion: result.status === "passed" ? "success" : "failure",
      output,
    });
    id = created.data.id;
    url = created.data.html_url ?? undefined;
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) return { published: false, reason: `the token may not create check runs (HTTP ${status}; it needs checks: write)` };
    throw error;
  }
  const located = options.annotations.filter((a) => a.file && a.line);
  for (let start = 0; start < located.length; start += BATCH) {
    await octokit.rest.checks.update({
      owner: target.owner,
      repo: target.repo,
      check_run_id: id,
      output: {
        ...output,
        annotations: located.slice(start, start + BATCH).map((a) => ({
          path: a.file!,
          start_line: a.line!,
          end_line: a.line!,
          annotation_level: LEVEL[a.level],
          title: a.title,
          message: a.message,
        })),
      },
    });
  }
  return { published: true, url };
}
