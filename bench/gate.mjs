// Measures the gate end to end through the built CLI on the repository's own projects:
// median and spread of wall time and of each phase, and peak memory (RSS summed over the
// CLI, the worker and Postgres). Not a test: numbers go to bench/results/latest.json and
// stdout. Usage: npm run bench [-- --runs 7]
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const projects = [
  { name: "shares-incident (typeorm 0.3, CJS, 5 entities, 3 migrations, fails)", dir: "examples/shares-incident", args: ["--data-source", "src/data-source.ts"] },
  { name: "typeorm03-cjs (clean, tsconfig paths)", dir: "__tests__/fixtures/typeorm03-cjs", args: ["--data-source", "src/data-source.ts"] },
  { name: "typeorm1-esm (typeorm 1.x, ESM hooks)", dir: "__tests__/fixtures/typeorm1-esm", args: ["--data-source", "src/data-source.ts"] },
];

/** RSS in bytes of `pid` and all its descendants, from /proc. */
function treeRss(rootPid) {
  const children = new Map();
  const rss = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      rss.set(Number(entry), Number(fields[21]) * 4096);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function runOnce(project) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [path.join(repo, "dist/cli.js"), "check", ...project.args, "--format", "json"], { cwd: path.join(repo, project.dir), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 50);
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.resume();
    child.on("error", reject);
    child.on("close", (status) => {
      clearInterval(sampler);
      if (status !== 0 && status !== 1) return reject(new Error(`${project.dir}: exit ${status}`));
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ wall, peakRss: peak, ...JSON.parse(stdout).timings });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const spread = (values) => [Math.min(...values), Math.max(...values)];

const results = { node: process.version, cpus: (await import("node:os")).cpus().length, runs, projects: [] };
for (const project of projects) {
  await runOnce(project); // warm the file cache; not counted
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await runOnce(project));
  const metrics = {};
  for (const key of ["wall", "provision", "load", "migrate", "introspect", "diff", "peakRss"]) {
    const values = samples.map((s) => s[key]);
    metrics[key] = { median: median(values), min: spread(values)[0], max: spread(values)[1] };
  }
  results.projects.push({ name: project.name, metrics });
}

fs.mkdirSync(path.join(repo, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(repo, "bench/results/latest.json"), JSON.stringify(results, null, 2) + "\n");
const ms = (m) => `${Math.round(m.median)} (${Math.round(m.min)}–${Math.round(m.max)})`;
console.log(`Node ${results.node}, ${results.cpus} cores, ${runs} runs each; milliseconds, median (min–max)\n`);
console.log("| Project | Wall | Provision | Load | Migrate | Introspect | Diff | Peak RSS (MB) |");
console.log("|---|---|---|---|---|---|---|---|");
for (const { name, metrics: m } of results.projects) {
  console.log(`| ${name} | ${ms(m.wall)} | ${ms(m.provision)} | ${ms(m.load)} | ${ms(m.migrate)} | ${ms(m.introspect)} | ${ms(m.diff)} | ${Math.round(m.peakRss.median / 1e6)} |`);
}
