// `npm run bench:deploy`: what deploy-check costs next to check, on the synthetic TypeORM project
// of bench/run.ts (no entity left without a migration). A "staging" Postgres of the bench's own
// is migrated by typeorm itself (the project transpiled to CommonJS, as the deploy tests do): up
// to date, behind by 10, and built by synchronize (untracked). Cold transform cache each run.
// Not a test: it prints a table and writes bench/results/deploy-check.{json,md}.
// Flags: --size 100 --runs 3
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findRepo, measure, stat, type Sample } from "./measure.js";
import { generateSyntheticProject } from "./synthetic-project.js";
import { startStaging, typeormRun } from "../__tests__/helpers/staging.js";

const repo = findRepo(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const entities = Number(arg("size") ?? 100);
const runs = Number(arg("runs") ?? 3);

const dir = path.join(os.tmpdir(), `migration-gate-bench-deploy-${entities}`);
fs.rmSync(dir, { recursive: true, force: true });
const project = generateSyntheticProject({ dir, entities, missing: 0, modulesFrom: path.join(repo, "node_modules"), packages: ["typeorm", "pg", "reflect-metadata"] });
const list = (folder: string) => fs.readdirSync(path.join(dir, "src", folder)).filter((f) => f.endsWith(".ts")).sort().map((f) => `src/${folder}/${f}`);
const entityFiles = list("entity");
const migrationFiles = list("migration");
process.stderr.write(`${entities} entities / ${project.migrations} migrations\n`);

const staging = await startStaging();
try {
  const states: Record<string, string> = {};
  states["up to date"] = await staging.createDatabase("up_to_date");
  await typeormRun({ projectDir: dir, url: states["up to date"], mode: "migrate", entities: entityFiles, migrations: migrationFiles });
  states["behind by 10"] = await staging.createDatabase("behind");
  await typeormRun({ projectDir: dir, url: states["behind by 10"], mode: "migrate", entities: entityFiles, migrations: migrationFiles, only: migrationFiles.slice(0, -10) });
  states["untracked (synchronize)"] = await staging.createDatabase("untracked");
  await typeormRun({ projectDir: dir, url: states["untracked (synchronize)"], mode: "synchronize", entities: entityFiles, migrations: [] });

  const run = async (label: string, args: string[]): Promise<Sample> => {
    fs.rmSync(path.join(dir, "node_modules", ".cache"), { recursive: true, force: true });
    const sample = await measure(process.execPath, [path.join(repo, "dist/cli.js"), ...args, "--data-source", "src/data-source.ts", "--format", "json"], { cwd: dir, okStatus: [0, 1] });
    process.stderr.write(`  ${label}: ${Math.round(sample.wall)} ms, exit ${sample.status}\n`);
    return { wall: sample.wall, peakRss: sample.peakRss };
  };
  const cases: Array<[string, string[]]> = [["check", ["check"]], ...Object.entries(states).map(([state, url]): [string, string[]] => [`deploy-check, ${state}`, ["deploy-check", "--target-url", url]])];
  await run("warm-up (page cache; not counted)", ["check"]);
  const samples: Record<string, Sample[]> = Object.fromEntries(cases.map(([label]) => [label, []]));
  for (let i = 0; i < runs; i++) for (const [label, args] of cases) samples[label]!.push(await run(label, args));

  const summary = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, { wall: stat(v.map((s) => s.wall)), peakRssMb: stat(v.map((s) => s.peakRss / 1e6)) }]));
  const result = { when: new Date().toISOString(), machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, entities, migrations: project.migrations, runs, ...summary };
  fs.mkdirSync(path.join(repo, "bench/results"), { recursive: true });
  fs.writeFileSync(path.join(repo, "bench/results/deploy-check.json"), JSON.stringify(result, null, 2) + "\n");
  const check = summary["check"]!.wall.median;
  const md = [
    `# deploy-check cost (${result.when.slice(0, 10)}, ${result.machine})`,
    "",
    `${entities} entities / ${project.migrations} migrations, cold transform cache, embedded Postgres start included, target on a local server. Medians of ${runs} runs.`,
    "",
    "| run | wall | / check | peak RSS |",
    "|---|---|---|---|",
    ...Object.entries(summary).map(([label, s]) => `| ${label} | ${(s.wall.median / 1000).toFixed(2)} s | ${(s.wall.median / check).toFixed(2)} | ${Math.round(s.peakRssMb.median)} MB |`),
    "",
  ].join("\n");
  fs.writeFileSync(path.join(repo, "bench/results/deploy-check.md"), md);
  process.stdout.write(md);
} finally {
  await staging.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
}
