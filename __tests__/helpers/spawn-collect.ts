import { spawn } from "node:child_process";

export interface Collected {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` and collects its output and exit status. */
export function spawnNode(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Collected> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
