/**
 * Known noise: differences that mean nothing, where ORM diffs (TypeORM's migration:generate
 * --check among them) report a change forever. Each case is a real project whose migration
 * writes the column the way databases in the wild have it, and the entity declares it the way
 * users do; the gate must report nothing, the TypeORM oracle cross-check included.
 * Each row names the upstream issue.
 */
import { describe, expect, test } from "@jest/globals";
import { runCliJson } from "./helpers/run-cli.js";
import fs from "node:fs";
import path from "node:path";
import { FIXTURES } from "./helpers/paths.js";
import { tempProject } from "./helpers/temp-project.js";

type Typeorm = "typeorm 0.3" | "typeorm 1.x";

interface NoiseCase {
  issue: string;
  /** Property declarations inside `@Entity("noise") class Noise { @PrimaryGeneratedColumn() id: number; ... }`. */
  entity: string;
  /** Column definitions after `"id" SERIAL NOT NULL`, as a hand-written migration has them. */
  columns: string;
  /** Statements to run before the CREATE TABLE. */
  before?: string[];
}

const CASES: NoiseCase[] = [
  {
    issue: "typeorm#11571, #5898: a uuid default written as gen_random_uuid(), entity generating uuid_generate_v4()",
    entity: `@Column({ type: "uuid", default: () => "uuid_generate_v4()" }) ref: string;`,
    columns: `"ref" uuid NOT NULL DEFAULT gen_random_uuid()`,
  },
  {
    issue: "typeorm#11571: @PrimaryColumn uuid with a gen_random_uuid() default",
    entity: `@Column({ type: "uuid", default: () => "gen_random_uuid()" }) ref: string;`,
    columns: `"ref" uuid NOT NULL DEFAULT gen_random_uuid()`,
  },
  {
    issue: "typeorm#3076, bloom-housing/bloom#3316: a timestamptz string default Postgres stores in its own format",
    entity: `@Column({ type: "timestamptz", default: "1970-01-01" }) since: Date;`,
    columns: `"since" timestamp with time zone NOT NULL DEFAULT '1970-01-01 00:00:00+00'`,
  },
  {
    issue: "typeorm#3076: (now() at time zone 'utc'), stored by Postgres as timezone('utc'::text, now())",
    entity: `@Column({ type: "timestamp", default: () => "(now() at time zone 'utc')" }) seenUtc: Date;`,
    columns: `"seenUtc" timestamp NOT NULL DEFAULT timezone('utc', now())`,
  },
  {
    issue: "typeorm#9233, #10418: an enumName equal to the name TypeORM generates",
    entity: `@Column({ type: "enum", enum: ["a", "b"], enumName: "noise_kind_enum", default: "a" }) kind: string;`,
    before: [`CREATE TYPE "noise_kind_enum" AS ENUM('a', 'b')`],
    columns: `"kind" "noise_kind_enum" NOT NULL DEFAULT 'a'::noise_kind_enum`,
  },
  {
    issue: "typeorm#3076, #5132: a numeric default given as a function",
    entity: `@Column({ type: "smallint", default: () => "1" }) level: number; @Column({ type: "int", default: -1 }) floor: number;`,
    columns: `"level" smallint NOT NULL DEFAULT 1, "floor" integer NOT NULL DEFAULT '-1'::integer`,
  },
  {
    issue: "typeorm#6579, #10328: CURRENT_TIMESTAMP(n) and now()",
    entity: `@Column({ type: "timestamp", precision: 3, default: () => "CURRENT_TIMESTAMP(3)" }) touched: Date; @Column({ type: "timestamptz", default: () => "CURRENT_TIMESTAMP" }) created: Date;`,
    columns: `"touched" timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "created" timestamptz NOT NULL DEFAULT now()`,
  },
  {
    issue: "typeorm#10038, #9681, #10831: jsonb defaults, as an object and as text, key order and spacing differing",
    entity: `@Column({ type: "jsonb", default: { b: 1, a: [true] } }) settings: object; @Column({ type: "jsonb", default: () => "'{}'" }) extra: object;`,
    columns: `"settings" jsonb NOT NULL DEFAULT '{"a": [true], "b": 1}'::jsonb, "extra" jsonb NOT NULL DEFAULT '{}'::jsonb`,
  },
  {
    issue: "typeorm_metadata rows carry the database name migration:generate ran against (GENERATED_COLUMN), so TypeORM recreates the column",
    entity: `@Column("int") base: number; @Column({ type: "int", generatedType: "STORED", asExpression: '"base" * 2' }) doubled: number;`,
    before: [
      `INSERT INTO "typeorm_metadata" ("type", "database", "schema", "table", "name", "value") VALUES ('GENERATED_COLUMN', 'developer_laptop_db', 'public', 'noise', 'doubled', '"base" * 2')`,
    ],
    columns: `"base" integer NOT NULL, "doubled" integer GENERATED ALWAYS AS ("base" * 2) STORED NOT NULL`,
  },
];

/** A one-entity project: `properties` inside `class Noise`, one migration running `statements`. */
function noiseProject(properties: string, statements: string[], typeorm: Typeorm = "typeorm 0.3") {
  const project = tempProject({
    packages: ["pg", "reflect-metadata", ...(typeorm === "typeorm 0.3" ? ["typeorm"] : [])],
    files: {
      "tsconfig.json": JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, module: "commonjs", target: "ES2021" } }),
      "src/data-source.ts": `import { DataSource } from "typeorm";
import { Noise } from "./noise";
import { Init1700000000000 } from "./init";
export default new DataSource({ type: "postgres", entities: [Noise], migrations: [Init1700000000000] });
`,
      "src/noise.ts": `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
@Entity("noise")
export class Noise {
  @PrimaryGeneratedColumn() id: number;
  ${properties}
}
`,
      "src/init.ts": `export class Init1700000000000 {
  async up(q: { query(sql: string): Promise<unknown> }) {
${statements.map((sql) => `    await q.query(${JSON.stringify(sql)});`).join("\n")}
  }
  async down() {}
}
`,
    },
  });
  // typeorm 1.x as the typeorm1-esm fixture installs it.
  if (typeorm === "typeorm 1.x") fs.symlinkSync(path.join(FIXTURES, "typeorm1-esm", "node_modules", "typeorm"), path.join(project.dir, "node_modules", "typeorm"), "dir");
  return project;
}

describe.each<Typeorm>(["typeorm 0.3", "typeorm 1.x"])("known noise is normalized away on %s", (typeorm) => {
  test.each(CASES)("$issue", async ({ entity, columns, before = [] }) => {
    const project = noiseProject(entity, [...before, `CREATE TABLE "noise" ("id" SERIAL NOT NULL, ${columns}, CONSTRAINT "PK_noise" PRIMARY KEY ("id"))`], typeorm);
    try {
      const { status, report } = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: project.dir });
      expect(report.orm.version).toMatch(typeorm === "typeorm 1.x" ? /^1\./ : /^0\.3\./);
      expect(report.migrations.map((m) => m.status)).toEqual(["applied"]);
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

});

describe("next to the noise", () => {
  test("a real default difference is still found", async () => {
    const project = noiseProject(`@Column({ type: "jsonb", default: { a: 1 } }) settings: object;
  @Column({ type: "timestamp", default: () => "(now() at time zone 'utc')" }) seenUtc: Date;`, [
      `CREATE TABLE "noise" ("id" SERIAL PRIMARY KEY, "settings" jsonb NOT NULL DEFAULT '{"a": 2}', "seenUtc" timestamp NOT NULL DEFAULT timezone('utc', now()))`,
    ]);
    try {
      const { status, report } = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: project.dir });
      expect(report.findings.map((f) => [f.ruleId, f.object, f.location?.line])).toEqual([["default-mismatch", "public.noise.settings", 5]]);
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});
