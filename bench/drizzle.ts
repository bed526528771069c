// `npm run bench:drizzle`: the gate end to end through the built CLI on synthetic Drizzle
// projects (one schema file per table, drizzle-kit 0.x journal format, two migrations per
// table: CREATE TABLE + FK, then an index), cold and warm transform cache. Every 20th table has
// no migration: the gate must report exactly those. Against the floor of bench/floor.ts (a cold
// Postgres, then the same SQL as one script), as bench/run.ts is. Not a test: it prints a table
// and writes bench/results/drizzle-latest.md. Flags: --sizes 10,100,500 --runs 3
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureFloor } from "./floor.js";
import { findRepo, measure, stat, type Sample } from "./measure.js";

const repo = findRepo(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const sizes = (arg("sizes") ?? "10,100,500").split(",").map(Number);
const runs = Number(arg("runs") ?? 3);

interface SyntheticDrizzle {
  dir: string;
  migrations: number;
  missing: string[];
  /** Every migration's SQL, in order, as one script: the floor's plain-SQL run. */
  sql: string;
}

function generate(tables: number): SyntheticDrizzle {
  const dir = path.join(os.tmpdir(), `migration-gate-bench-drizzle-${tables}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "src", "schema"), { recursive: true });
  fs.mkdirSync(path.join(dir, "drizzle", "meta"), { recursive: true });
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(path.join(repo, "node_modules", "drizzle-orm"), path.join(dir, "node_modules", "drizzle-orm"), "dir");
  fs.writeFileSync(path.join(dir, "package.json"), '{ "name": "bench-drizzle", "private": true }\n');
  fs.writeFileSync(path.join(dir, "drizzle.config.ts"), `export default { dialect: "postgresql", schema: "./src/schema", out: "./drizzle" };\n`);
  const missing: string[] = [];
  const entries: Array<{ tag: string; sql: string }> = [];
  for (let i = 0; i < tables; i++) {
    const name = `t_${i}`;
    const parent = i === 0 ? "" : `\n  parentId: integer("parent_id").references(() => t_0.id, { onDelete: "cascade" }),`;
    fs.writeFileSync(
      path.join(dir, "src", "schema", `${name}.ts`),
      `import { boolean, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";\n${i === 0 ? "" : 'import { t_0 } from "./t_0";\n'}\nexport const ${name} = pgTable("${name}", {\n  id: serial("id").primaryKey(),\n  name: text("name").notNull(),\n  active: boolean("active").default(true).notNull(),\n  createdAt: timestamp("created_at").defaultNow().notNull(),${parent}\n}, (t) => [index("${name}_name_idx").on(t.name)]);\n`,
    );
    if (i > 0 && i % 20 === 0) {
      missing.push(`public.${name}`);
      continue;
    }
    const fk = i === 0 ? "" : `--> statement-breakpoint\nALTER TABLE "${name}" ADD CONSTRAINT "${name}_parent_id_t_0_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."t_0"("id") ON DELETE cascade ON UPDATE no action;`;
    entries.push({ tag: `create_${name}`, sql: `CREATE TABLE "${name}" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"name" text NOT NULL,\n\t"active" boolean DEFAULT true NOT NULL,\n\t"created_at" timestamp DEFAULT now() NOT NULL${i === 0 ? "" : ',\n\t"parent_id" integer'}\n);\n${fk}` });
    entries.push({ tag: `index_${name}`, sql: `CREATE INDEX "${name}_name_idx" ON "${name}" USING btree ("name");` });
  }
  const journal = entries.map((entry, idx) => {
    const tag = `${String(idx).padStart(4, "0")}_${entry.tag}`;
    fs.writeFileSync(path.join(dir, "drizzle", `${tag}.sql`), entry.sql);
    return { idx, version: "7", when: 1_700_000_000_000 + idx * 1000, tag, breakpoints: true };
  });
  fs.writeFileSync(path.join(dir, "drizzle", "meta", "_journal.json"), JSON.stringify({ version: "7", dialect: "postgresql", entries: journal }, null, 2));
  return { dir, migrations: entries.length, missing, sql: entries.map((entry) => entry.sql).join("\n") };
}

const rows: string[] = [];
for (const tables of sizes) {
  const project = generate(tables);
  process.stderr.write(`\n${tables} tables / ${project.migrations} migrations (${project.missing.length} without one)\n`);
  const gateRun = async (cold: boolean): Promise<Sample> => {
    if (cold) fs.rmSync(path.join(project.dir, "node_modules", ".cache"), { recursive: true, force: true });
    const run = await measure(process.execPath, [path.join(repo, "dist/cli.js"), "check", "--format", "json"], { cwd: project.dir, okStatus: [0, 1] });
    const report = JSON.parse(run.stdout) as { timings: Record<string, number>; findings: Array<{ ruleId: string; object: string }> };
    const found = report.findings.map((f) => `${f.ruleId} ${f.object}`).sort();
    const expected = project.missing.map((table) => `missing-table ${table}`).sort();
    if (JSON.stringify(found) !== JSON.stringify(expected)) throw new Error(`the gate reported ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
    process.stderr.write(`  gate, ${cold ? "cold" : "warm"} cache: ${Math.round(run.wall)} ms\n`);
    return { wall: run.wall, peakRss: run.peakRss, phases: report.timings };
  };
  const cold: Sample[] = [];
  for (let i = 0; i < runs; i++) cold.push(await gateRun(true));
  const warm: Sample[] = [];
  for (let i = 0; i < runs; i++) warm.push(await gateRun(false));
  const floor = (await measureFloor({ sql: project.sql, runs })).map((sample) => sample.wall);
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  const c = stat(cold.map((x) => x.wall));
  const w = stat(warm.map((x) => x.wall));
  const phase = (name: string) => s(stat(cold.map((x) => x.phases?.[name] ?? 0)).median);
  const f = stat(floor);
  rows.push(
    `| ${tables} / ${project.migrations} | ${s(c.median)} (${s(c.min)}–${s(c.max)}) | ${phase("provision")} | ${phase("load")} | ${phase("migrate")} | ${phase("introspect")} | ${mb(Math.max(...cold.map((x) => x.peakRss)))} | ${s(w.median)} (${s(w.min)}–${s(w.max)}) | ${mb(Math.max(...warm.map((x) => x.peakRss)))} | ${s(f.median)} | ${(c.median / f.median).toFixed(2)}, ${(w.median / f.median).toFixed(2)} |`,
  );
  fs.rmSync(project.dir, { recursive: true, force: true });
}

const table = [
  `Drizzle gate, ${runs} runs each, medians in seconds (min–max); phases are the cold runs' medians. ${os.cpus().length} cores, Node ${process.version}.`,
  "",
  "| Tables / migrations | Gate, cold cache | Provision | Load | Migrate | Introspect | Peak RSS cold | Gate, warm cache | Peak RSS warm | Floor (cold start + plain SQL) | Gate / floor (cold, warm) |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
  ...rows,
  "",
].join("\n");
process.stdout.write(`\n${table}`);
fs.mkdirSync(path.join(repo, "bench", "results"), { recursive: true });
fs.writeFileSync(path.join(repo, "bench", "results", "drizzle-latest.md"), table);
