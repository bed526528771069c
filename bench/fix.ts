// `npm run bench:fix`: what fix costs next to check, on the synthetic TypeORM project of
// bench/run.ts with `--missing` entities that no migration creates. fix --dry-run plans the
// migrations from the check's own run and checks the project again with them in place (from a
// temp folder), so it costs about one more check. Cold transform cache each run.
// Not a test: it prints a table and writes bench/results/fix.{json,md}.
// Flags: --size 100 --missing 10 --runs 3
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findRepo, measure, stat, type Sample } from "./measure.js";
import { generateSyntheticProject } from "./synthetic-project.js";

const repo = findRepo(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const entities = Number(arg("size") ?? 100);
const missing = Number(arg("missing") ?? 10);
const runs = Number(arg("runs") ?? 3);

const dir = path.join(os.tmpdir(), `migration-gate-bench-fix-${entities}`);
fs.rmSync(dir, { recursive: true, force: true });
const project = generateSyntheticProject({ dir, entities, missing, modulesFrom: path.join(repo, "node_modules"), packages: ["typeorm", "pg", "reflect-metadata"] });
process.stderr.write(`${entities} entities / ${project.migrations} migrations, ${missing} tables without a migration\n`);
try {
  const run = async (label: string, args: string[]): Promise<Sample & { stdout?: string }> => {
    fs.rmSync(path.join(dir, "node_modules", ".cache"), { recursive: true, force: true });
    const sample = await measure(process.execPath, [path.join(repo, "dist/cli.js"), ...args, "--data-source", "src/data-source.ts"], { cwd: dir, okStatus: [0, 1] });
    process.stderr.write(`  ${label}: ${Math.round(sample.wall)} ms, exit ${sample.status}\n`);
    return { wall: sample.wall, peakRss: sample.peakRss };
  };
  const cases: Array<[string, string[]]> = [
    ["check", ["check", "--format", "json"]],
    ["fix --dry-run (plan + re-check)", ["fix", "--dry-run", "--format", "json"]],
  ];
  await run("warm-up (page cache; not counted)", ["check"]);
  const samples: Record<string, Sample[]> = Object.fromEntries(cases.map(([label]) => [label, []]));
  for (let i = 0; i < runs; i++) for (const [label, args] of cases) samples[label]!.push(await run(label, args));

  const summary = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, { wall: stat(v.map((s) => s.wall)), peakRssMb: stat(v.map((s) => s.peakRss / 1e6)) }]));
  const result = { when: new Date().toISOString(), machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, entities, migrations: project.migrations, missing, runs, ...summary };
  fs.mkdirSync(path.join(repo, "bench/results"), { recursive: true });
  fs.writeFileSync(path.join(repo, "bench/results/fix.json"), JSON.stringify(result, null, 2) + "\n");
  const check = summary["check"]!.wall.median;
  const md = [
    `# fix cost (${result.when.slice(0, 10)}, ${result.machine})`,
    "",
    `${entities} entities / ${project.migrations} migrations, ${missing} tables without a migration, cold transform cache, embedded Postgres start included. Medians of ${runs} runs.`,
    "",
    "| run | wall | / check | peak RSS |",
    "|---|---|---|---|",
    ...Object.entries(summary).map(([label, s]) => `| ${label} | ${(s.wall.median / 1000).toFixed(2)} s | ${(s.wall.median / check).toFixed(2)} | ${Math.round(s.peakRssMb.median)} MB |`),
    "",
  ].join("\n");
  fs.writeFileSync(path.join(repo, "bench/results/fix.md"), md);
  process.stdout.write(md);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
