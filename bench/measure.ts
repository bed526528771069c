// Timing and memory of a command's whole process tree, shared by the bench scripts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface Sample {
  wall: number;
  peakRss: number;
  phases?: Record<string, number>;
}

/** RSS in bytes of `pid` and all its descendants, from /proc (Linux). */
export function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      rss.set(Number(entry), Number(fields[21]) * 4096);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command, timing it and sampling the RSS of its whole process tree every 100 ms. */
export function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; okStatus?: number[] }): Promise<Sample & { stdout: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid!))), 100);
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (status) => {
      clearInterval(sampler);
      if (!(options.okStatus ?? [0]).includes(status ?? -1)) return reject(new Error(`${command} ${args.join(" ")} exited ${status}\n${stderr.slice(-2000)}`));
      resolve({ wall: Number(process.hrtime.bigint() - started) / 1e6, peakRss, stdout, status });
    });
  });
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const stat = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/** The repository root: this file runs bundled from bench/.build/, so walk up to our package.json. */
export function findRepo(from: string): string {
  for (let dir = from; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string }).name === "migration-gate") return dir;
  }
  throw new Error("run from inside the migration-gate repository");
}
