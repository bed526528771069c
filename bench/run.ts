// `npm run bench`: the gate end to end through the built CLI on synthetic projects of growing
// size, against the do-it-yourself pipeline users run today (typeorm migration:run, then
// migration:generate --check, loaded with ts-node) and against the floor (Postgres cold start
// plus the same DDL sent as plain SQL in one session). Not a test: it prints a table and writes
// bench/results/latest.{json,md}. Flags: --sizes 10:20,100:200,500:1000 --runs 3 --no-diy-typecheck
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { embeddedProvider } from "../src/postgres/embedded.js";
import type { ProvisionedDatabase } from "../src/postgres/provider.js";
import { measureFloor } from "./floor.js";
import { findRepo, measure, stat, type Sample } from "./measure.js";
import { generateSyntheticProject } from "./synthetic-project.js";

const repo = findRepo(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const sizes = (arg("sizes") ?? "10:20,100:200,500:1000").split(",").map((s) => Number(s.split(":")[0]));
const runs = Number(arg("runs") ?? 3);
const typecheckForm = !process.argv.includes("--no-diy-typecheck");
// The type-checking form takes minutes at the largest size and no target depends on it.
const typecheckRuns = Number(arg("diy-typecheck-runs") ?? 1);
const log = () => undefined;

async function withClient<T>(db: ProvisionedDatabase, database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...db.connection, database });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let dbCounter = 0;
async function freshDatabase(db: ProvisionedDatabase): Promise<string> {
  const name = `bench_${process.pid}_${dbCounter++}`;
  await withClient(db, "postgres", (c) => c.query(`CREATE DATABASE "${name}"`));
  return name;
}


const server = await embeddedProvider.start({ choice: "embedded", major: 17, log });
const results: Record<string, unknown>[] = [];
try {
  for (const entities of sizes) {
    const missing = Math.max(1, Math.round(entities / 20));
    const dir = path.join(os.tmpdir(), `migration-gate-bench-${entities}`);
    const project = generateSyntheticProject({
      dir,
      entities,
      missing,
      modulesFrom: path.join(repo, "node_modules"),
      packages: ["typeorm", "pg", "reflect-metadata", "ts-node", "typescript", "@types/node"],
    });
    process.stderr.write(`\n${entities} entities / ${project.migrations} migrations (${missing} without a CREATE TABLE)\n`);

    // The gate, Postgres start included, exactly as users run it: with a cold transform cache (a
    // fresh CI runner), then warm (a rerun, or CI keeping node_modules/.cache).
    const gateRun = async (cold: boolean): Promise<Sample> => {
      if (cold) fs.rmSync(path.join(dir, "node_modules", ".cache"), { recursive: true, force: true });
      const run = await measure(process.execPath, [path.join(repo, "dist/cli.js"), "check", "--data-source", "src/data-source.ts", "--format", "json"], { cwd: dir, okStatus: [0, 1] });
      const report = JSON.parse(run.stdout) as { timings: Record<string, number>; findings: Array<{ ruleId: string; object: string }> };
      const found = report.findings.map((f) => f.object).sort();
      if (JSON.stringify(found) !== JSON.stringify([...project.missingTables].sort()) || report.findings.some((f) => f.ruleId !== "missing-table")) {
        throw new Error(`the gate reported ${JSON.stringify(report.findings.map((f) => [f.ruleId, f.object]))}, expected exactly ${project.missingTables.join(", ")}`);
      }
      process.stderr.write(`  gate, ${cold ? "cold" : "warm"} cache: ${Math.round(run.wall)} ms\n`);
      return { wall: run.wall, peakRss: run.peakRss, phases: report.timings };
    };
    await gateRun(true); // warms the OS page cache; not counted
    const gate: Sample[] = [];
    const gateWarm: Sample[] = [];
    for (let i = 0; i < runs; i++) gate.push(await gateRun(true));
    for (let i = 0; i < runs; i++) gateWarm.push(await gateRun(false));

    // Do it yourself, on the same Postgres: migration:run, then migration:generate --check.
    const cli = path.join(dir, "node_modules/typeorm/cli-ts-node-commonjs.js");
    const diy = async (transpileOnly: boolean): Promise<Sample> => {
      const database = await freshDatabase(server);
      const env = { DATABASE_URL: `postgres://postgres@127.0.0.1:${server.connection.port}/${database}`, ...(transpileOnly ? { TS_NODE_TRANSPILE_ONLY: "true" } : {}) };
      const migrate = await measure(process.execPath, [cli, "migration:run", "-d", "src/data-source.ts"], { cwd: dir, env });
      // Exit 1: changes are pending (the missing tables); that is the check doing its job.
      const check = await measure(process.execPath, [cli, "migration:generate", "src/migration/Check", "-d", "src/data-source.ts", "--check"], { cwd: dir, env, okStatus: [0, 1] });
      return { wall: migrate.wall + check.wall, peakRss: Math.max(migrate.peakRss, check.peakRss), phases: { "migration:run": migrate.wall, "migration:generate --check": check.wall } };
    };
    const diyFast: Sample[] = [];
    const diyDocs: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      diyFast.push(await diy(true));
      process.stderr.write(`  diy transpile-only ${Math.round(diyFast.at(-1)!.wall)} ms\n`);
      if (typecheckForm && i < typecheckRuns) {
        diyDocs.push(await diy(false));
        process.stderr.write(`  diy typeorm-ts-node-commonjs ${Math.round(diyDocs.at(-1)!.wall)} ms\n`);
      }
    }

    const floor = await measureFloor({ sql: project.sql, runs, log });

    const phaseStat = (samples: Sample[], key: string) => stat(samples.map((s) => s.phases![key]!));
    const entry = {
      entities,
      migrations: project.migrations,
      missing,
      gate: {
        wall: stat(gate.map((s) => s.wall)),
        peakRssMb: stat(gate.map((s) => s.peakRss / 1e6)),
        phases: Object.fromEntries(["provision", "load", "migrate", "introspect", "diff", "total"].map((k) => [k, phaseStat(gate, k)])),
      },
      gateWarmCache: {
        wall: stat(gateWarm.map((s) => s.wall)),
        peakRssMb: stat(gateWarm.map((s) => s.peakRss / 1e6)),
        phases: Object.fromEntries(["provision", "load", "migrate", "introspect", "diff", "total"].map((k) => [k, phaseStat(gateWarm, k)])),
      },
      diyTranspileOnly: { wall: stat(diyFast.map((s) => s.wall)), peakRssMb: stat(diyFast.map((s) => s.peakRss / 1e6)) },
      diyTypecheck: diyDocs.length ? { wall: stat(diyDocs.map((s) => s.wall)), peakRssMb: stat(diyDocs.map((s) => s.peakRss / 1e6)) } : undefined,
      floor: { wall: stat(floor.map((f) => f.wall)), coldStart: stat(floor.map((f) => f.coldStart)), ddl: stat(floor.map((f) => f.ddl)) },
    };
    results.push({
      ...entry,
      ratios: {
        gateToDiyTranspileOnly: entry.gate.wall.median / entry.diyTranspileOnly.wall.median,
        gateWarmToDiyTranspileOnly: entry.gateWarmCache.wall.median / entry.diyTranspileOnly.wall.median,
        gateToDiyTypecheck: entry.diyTypecheck ? entry.gate.wall.median / entry.diyTypecheck.wall.median : undefined,
        gateToFloor: entry.gate.wall.median / entry.floor.wall.median,
        gateWarmToFloor: entry.gateWarmCache.wall.median / entry.floor.wall.median,
      },
    });
    fs.rmSync(dir, { recursive: true, force: true });
  }
} finally {
  await server.dispose();
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const lines = [
  `Node ${process.version}, ${os.cpus().length} cores, ${runs} runs per figure (the type-checking DIY form: ${typecheckRuns}); seconds, median (min–max); memory: peak RSS summed over all processes. Gate phases overlap: the project loads while Postgres starts.`,
  "",
  "| Entities / migrations | Gate, cold cache (Postgres start included) | Provision | Load | Migrate | Peak RSS | Gate, warm cache | DIY, transpile-only (no Postgres start) | DIY, typeorm-ts-node-commonjs | Floor (cold start + plain SQL) | Gate / DIY fast (cold, warm) | Gate / floor (cold, warm) |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|",
];
for (const r of results as Array<any>) {
  const g = r.gate;
  const w = r.gateWarmCache;
  lines.push(
    `| ${r.entities} / ${r.migrations} | ${s(g.wall.median)} (${s(g.wall.min)}–${s(g.wall.max)}) | ${s(g.phases.provision.median)} | ${s(g.phases.load.median)} | ${s(g.phases.migrate.median)} | ${Math.round(g.peakRssMb.median)} MB | ${s(w.wall.median)} (${s(w.wall.min)}–${s(w.wall.max)}), ${Math.round(w.peakRssMb.median)} MB | ${s(r.diyTranspileOnly.wall.median)} | ${r.diyTypecheck ? s(r.diyTypecheck.wall.median) : "not run"} | ${s(r.floor.wall.median)} (${s(r.floor.coldStart.median)} + ${s(r.floor.ddl.median)}) | ${r.ratios.gateToDiyTranspileOnly.toFixed(2)}, ${r.ratios.gateWarmToDiyTranspileOnly.toFixed(2)} | ${r.ratios.gateToFloor.toFixed(2)}, ${r.ratios.gateWarmToFloor.toFixed(2)} |`,
  );
}
const markdown = lines.join("\n") + "\n";
fs.mkdirSync(path.join(repo, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(repo, "bench/results/latest.json"), JSON.stringify({ node: process.version, cpus: os.cpus().length, runs, results }, null, 2) + "\n");
fs.writeFileSync(path.join(repo, "bench/results/latest.md"), markdown);
process.stdout.write("\n" + markdown);
