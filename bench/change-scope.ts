// `npm run bench:change`: what a change-scoped run costs. The synthetic TypeORM project of
// bench/run.ts is committed as the base; the head adds one entity with its migration (a
// typical pull request). The gate runs plainly, then with --base-ref (base evaluated in a
// worktree, upgrade simulated), each with a cold and a warm transform cache. Not a test: it
// prints a table and writes bench/results/change-scope.{json,md}. Flags: --size 100 --runs 3
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findRepo, measure, stat, type Sample } from "./measure.js";
import { generateSyntheticProject } from "./synthetic-project.js";

const repo = findRepo(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const entities = Number(arg("size") ?? 100);
const runs = Number(arg("runs") ?? 3);
const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=Bench", "-c", "user.email=bench@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, stdio: "pipe" }).toString().trim();

const dir = path.join(os.tmpdir(), `migration-gate-bench-change-${entities}`);
const project = generateSyntheticProject({ dir, entities, missing: 1, modulesFrom: path.join(repo, "node_modules"), packages: ["typeorm", "pg", "reflect-metadata"] });
git(dir, "init", "-q");
git(dir, "add", "-A", ".", ":!node_modules");
git(dir, "commit", "-qm", "base");
// The pull request: one more entity, with its migration.
fs.writeFileSync(
  path.join(dir, "src/entity/PrEntity.ts"),
  `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";\n\n@Entity("pr_entity")\nexport class PrEntity {\n  @PrimaryGeneratedColumn()\n  id!: number;\n\n  @Column({ type: "text" })\n  note!: string;\n}\n`,
);
fs.writeFileSync(
  path.join(dir, "src/migration/1800000000000-PrEntity.ts"),
  `import type { MigrationInterface, QueryRunner } from "typeorm";\n\nexport class PrEntity1800000000000 implements MigrationInterface {\n  async up(q: QueryRunner): Promise<void> {\n    await q.query(\`CREATE TABLE "pr_entity" ("id" SERIAL NOT NULL, "note" text NOT NULL, CONSTRAINT "PK_pr_entity" PRIMARY KEY ("id"))\`);\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n    await q.query(\`DROP TABLE "pr_entity"\`);\n  }\n}\n`,
);
git(dir, "add", "-A", ".", ":!node_modules");
git(dir, "commit", "-qm", "head");
process.stderr.write(`${entities} entities / ${project.migrations} migrations, head adds one entity and its migration\n`);

const run = async (scoped: boolean, cold: boolean): Promise<Sample> => {
  if (cold) fs.rmSync(path.join(dir, "node_modules", ".cache"), { recursive: true, force: true });
  const args = [path.join(repo, "dist/cli.js"), "check", "--data-source", "src/data-source.ts", "--format", "json", ...(scoped ? ["--base-ref", "HEAD~1"] : [])];
  const sample = await measure(process.execPath, args, { cwd: dir, okStatus: [0, 1] });
  const report = JSON.parse(sample.stdout) as { timings: Record<string, number>; findings: Array<{ ruleId: string; introduced?: boolean }> };
  // The base's missing table is already there, nothing is introduced.
  if (scoped && report.findings.some((f) => f.introduced)) throw new Error(`introduced findings: ${JSON.stringify(report.findings)}`);
  process.stderr.write(`  ${scoped ? "change-scoped" : "plain"}, ${cold ? "cold" : "warm"}: ${Math.round(sample.wall)} ms\n`);
  return { wall: sample.wall, peakRss: sample.peakRss, phases: report.timings };
};

await run(false, true); // the page cache; not counted
const samples: Record<string, Sample[]> = { plainCold: [], scopedCold: [], plainWarm: [], scopedWarm: [] };
for (let i = 0; i < runs; i++) {
  samples.plainCold!.push(await run(false, true));
  samples.scopedCold!.push(await run(true, true));
}
for (let i = 0; i < runs; i++) {
  samples.plainWarm!.push(await run(false, false));
  samples.scopedWarm!.push(await run(true, false));
}
const summary = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, { wall: stat(v.map((s) => s.wall)), peakRssMb: stat(v.map((s) => s.peakRss / 1e6)), base: stat(v.map((s) => s.phases?.["base"] ?? 0)) }]));
const ratio = (a: string, b: string) => summary[a]!.wall.median / summary[b]!.wall.median;
const result = {
  when: new Date().toISOString(),
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  entities,
  migrations: project.migrations,
  runs,
  ...summary,
  ratios: { cold: ratio("scopedCold", "plainCold"), warm: ratio("scopedWarm", "plainWarm") },
};
fs.mkdirSync(path.join(repo, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(repo, "bench/results/change-scope.json"), JSON.stringify(result, null, 2) + "\n");
const ms = (s: { median: number }) => `${(s.median / 1000).toFixed(2)} s`;
const md = [
  `# Change-scoped run cost (${result.when.slice(0, 10)}, ${result.machine})`,
  "",
  `${entities} entities / ${project.migrations} migrations; the head adds one entity and its migration. Medians of ${runs} runs.`,
  "",
  "| | plain | with base-ref | ratio | peak RSS plain / scoped |",
  "|---|---|---|---|---|",
  `| cold cache | ${ms(summary["plainCold"]!.wall)} | ${ms(summary["scopedCold"]!.wall)} | ${result.ratios.cold.toFixed(2)} | ${Math.round(summary["plainCold"]!.peakRssMb.median)} / ${Math.round(summary["scopedCold"]!.peakRssMb.median)} MB |`,
  `| warm cache | ${ms(summary["plainWarm"]!.wall)} | ${ms(summary["scopedWarm"]!.wall)} | ${result.ratios.warm.toFixed(2)} | ${Math.round(summary["plainWarm"]!.peakRssMb.median)} / ${Math.round(summary["scopedWarm"]!.peakRssMb.median)} MB |`,
  "",
];
fs.writeFileSync(path.join(repo, "bench/results/change-scope.md"), md.join("\n"));
process.stdout.write(md.join("\n") + "\n");
