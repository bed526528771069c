import path from "node:path";
import { DIST } from "./paths.js";
import { spawnNode, type Collected } from "./spawn-collect.js";

export type CliRun = Collected;

/** Runs the built CLI as a user would: `node dist/cli.js ...args` in `cwd`. */
export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  return spawnNode([path.join(DIST, "cli.js"), ...args], { cwd: options.cwd, env: { ...process.env, ...options.env } });
}

export interface JsonReport {
  status: string;
  entityCount: number;
  tableCount: number;
  orm: { version: string };
  timings?: Record<string, number>;
  findings: Array<{ ruleId: string; severity: string; message: string; hint?: string; detail?: string; object?: string; location?: { file: string; line: number }; fingerprint: string; causedBy?: string }>;
  migrations: Array<{ name: string; status: string; ranAfterFailure: boolean; failure?: { code?: string; message?: string; statement?: string } }>;
}

/** The CLI with --format json, parsed. Fails the test with the CLI's stderr when stdout is not JSON. */
export async function runCliJson(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun & { report: JsonReport }> {
  const run = await runCli([...args, "--format", "json"], options);
  try {
    return { ...run, report: JSON.parse(run.stdout) as JsonReport };
  } catch {
    throw new Error(`CLI exited ${run.status} without a JSON report.\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}
