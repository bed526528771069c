import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { runCli } from "./helpers/run-cli.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

const ENTITY = `import { Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity()
export class Thing {
  @PrimaryGeneratedColumn()
  id: number;
}
`;

const dataSource = (name: string, extra = "") => `export const ${name} = new DataSource({ type: "postgres", entities: [Thing]${extra} });\n`;
const HEADER = `import "reflect-metadata";\nimport { DataSource } from "typeorm";\nimport { Thing } from "./thing";\n`;

/** Every bad input ends with exit status 2 and a message naming what is wrong and the fix. */
describe("bad inputs get a clear error and exit status 2", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject({ files: { "src/thing.ts": ENTITY, "package.json": '{ "name": "bad-inputs" }' } });
  });
  afterAll(() => project.cleanup());

  const check = async (files: Record<string, string>, args: string[]) => {
    for (const [file, content] of Object.entries(files)) project.write(file, content);
    const run = await runCli(["check", ...args], { cwd: project.dir });
    expect(run.stdout).toBe("");
    expect(run.status).toBe(2);
    return run.stderr;
  };

  test("a missing data source file, with a did-you-mean", async () => {
    project.write("src/data-source.ts", HEADER + dataSource("AppDataSource"));
    const stderr = await check({}, ["--data-source", "data-source.ts"]);
    expect(stderr).toContain('data-source (--data-source): file "data-source.ts" not found');
    expect(stderr).toContain('Did you mean "src/data-source.ts"?');
  });

  test("a data source file that throws: the error, and the user's own line in the stack", async () => {
    const stderr = await check(
      { "src/throws.ts": `import "reflect-metadata";\n\nconst url: string = process.env.NOT_SET_ANYWHERE!;\nif (!url) throw new Error("NOT_SET_ANYWHERE is required");\n` },
      ["--data-source", "src/throws.ts"],
    );
    expect(stderr).toContain("Loading the data source file src/throws.ts failed: NOT_SET_ANYWHERE is required");
    expect(stderr).toContain("No database was contacted.");
    // Source maps put the stack on the TypeScript line.
    expect(stderr).toMatch(/throws\.ts:4/);
  });

  test("a data source file with no DataSource export", async () => {
    // Options, but not a Postgres DataSource's: nothing to use as is (a lone `type: "postgres"` object would be).
    const stderr = await check({ "src/no-export.ts": `export const config = { host: "db.internal", port: 5432 };\n` }, ["--data-source", "src/no-export.ts"]);
    expect(stderr).toContain("src/no-export.ts does not export a TypeORM DataSource (exports: config).");
    expect(stderr).toContain("export const AppDataSource = new DataSource");
  });

  test("a promise of a DataSource is named as such", async () => {
    const stderr = await check({ "src/promise.ts": HEADER + `export const ready = Promise.resolve(new DataSource({ type: "postgres", entities: [Thing] }));\n` }, ["--data-source", "src/promise.ts"]);
    expect(stderr).toContain('Export "ready" is a promise');
  });

  test("several DataSources without a choice, then with data-source-export", async () => {
    project.write("src/two.ts", HEADER + dataSource("Primary") + dataSource("Replica"));
    const stderr = await check({}, ["--data-source", "src/two.ts"]);
    expect(stderr).toContain("src/two.ts exports 2 DataSources: Primary, Replica.");
    expect(stderr).toContain("data-source-export (--data-source-export) Primary");

    const wrong = await check({}, ["--data-source", "src/two.ts", "--data-source-export", "Nope"]);
    expect(wrong).toContain('src/two.ts has no DataSource export named "Nope" (DataSource exports: Primary, Replica).');

    const chosen = await runCli(["check", "--data-source", "src/two.ts", "--data-source-export", "Replica", "--format", "json"], { cwd: project.dir });
    expect(chosen.status).toBe(1);
    expect(JSON.parse(chosen.stdout).findings.map((f: { object: string }) => f.object)).toContain("public.thing");
  });

  test("zero entities loaded is an error, never a pass", async () => {
    const stderr = await check(
      { "src/empty.ts": `import "reflect-metadata";\nimport { DataSource } from "typeorm";\nexport default new DataSource({ type: "postgres", entities: [__dirname + "/entities/*.ts"], migrations: [] });\n` },
      ["--data-source", "src/empty.ts"],
    );
    expect(stderr).toContain("No entities were loaded from");
    expect(stderr).toContain("/src/entities/*.ts");
  });

  test("an entities glob that matches the data source file itself", async () => {
    const stderr = await check(
      // A folder of its own: the glob must match only this data source and its entity.
      { "src/greedy/thing.ts": ENTITY, "src/greedy/data-source.ts": HEADER + `export default new DataSource({ type: "postgres", entities: [__dirname + "/*.ts"], migrations: [] });\n` },
      ["--data-source", "src/greedy/data-source.ts"],
    );
    expect(stderr).toContain("Maximum call stack size exceeded");
    expect(stderr).toContain("probably matches the data source file itself");
  });

  test("a data source for another database type", async () => {
    const stderr = await check({ "src/mysql.ts": HEADER + `export default new DataSource({ type: "mysql", entities: [Thing] });\n` }, ["--data-source", "src/mysql.ts"]);
    expect(stderr).toContain("src/mysql.ts creates a DataSource for another database than Postgres");
    expect(stderr).toContain('type: "postgres"');
  });

  test("a migration class name without a timestamp", async () => {
    const stderr = await check(
      {
        "src/bad-migration.ts": `import { MigrationInterface } from "typeorm";\nexport class AddThings implements MigrationInterface {\n  async up() {}\n  async down() {}\n}\n`,
        "src/with-bad-migration.ts": HEADER + `import { AddThings } from "./bad-migration";\nexport default new DataSource({ type: "postgres", entities: [Thing], migrations: [AddThings] });\n`,
      },
      ["--data-source", "src/with-bad-migration.ts"],
    );
    expect(stderr).toContain("TypeORM could not start the migrations");
    expect(stderr).toContain("AddThings");
  });

  test("typeorm not installed in the project", async () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), "mg-bare-"));
    try {
      fs.writeFileSync(path.join(bare, "ds.js"), "module.exports = {};\n");
      const run = await runCli(["check", "--data-source", "ds.js"], { cwd: bare });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`typeorm is not installed in ${bare}.`);
      expect(run.stderr).toContain("npm ci");
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });

  test("option mistakes are caught before anything starts", async () => {
    expect(await check({}, [])).toContain('This project has "src/data-source.ts"');
    expect(await check({}, ["--data-source", "src/data-source.ts", "--entities", "src/*.ts"])).toContain("not both");
    expect(await check({}, ["--entities", "src/*.ts"])).toContain("entities (--entities) and migrations (--migrations) go together");
    expect(await check({}, ["--data-source", "src/data-source.ts", "--timeout", "soon"])).toContain('timeout (--timeout) must be a whole number of seconds from 1 to 86400 (got "soon")');
    expect(await check({}, ["--data-source", "src/data-source.ts", "--database-url", "mysql://x@y/z"])).toContain("database-url (--database-url) must start with postgres://");
    expect(await check({}, ["--working-directory", "nope"])).toContain('working-directory (--working-directory) "nope" is not a directory');
    expect(await check({}, ["--data-sauce", "x"])).toContain("Unknown option '--data-sauce'");
  });
});

describe("bad Drizzle inputs get a clear error and exit status 2", () => {
  const SCHEMA = `import { pgTable, serial } from "drizzle-orm/pg-core";\nexport const things = pgTable("things", { id: serial("id").primaryKey() });\n`;
  const CONFIG = (extra = "") => `export default { dialect: "postgresql", schema: "./src/schema.ts", out: "./drizzle"${extra} };\n`;

  const check = async (files: Record<string, string>, args: string[], packages = ["drizzle-orm"]) => {
    const project = tempProject({ packages, files: { "package.json": '{ "name": "bad-drizzle" }', ...files } });
    try {
      const run = await runCli(["check", ...args], { cwd: project.dir });
      expect(run.stdout).toBe("");
      expect(run.status).toBe(2);
      return run.stderr;
    } finally {
      project.cleanup();
    }
  };

  test("a MySQL config", async () => {
    const stderr = await check({ "drizzle.config.ts": `export default { dialect: "mysql", schema: "./src/schema.ts" };\n`, "src/schema.ts": SCHEMA }, []);
    expect(stderr).toContain('drizzle.config.ts sets dialect "mysql"; migration-gate checks PostgreSQL projects only.');
  });

  test("a schema glob that matches nothing", async () => {
    const stderr = await check({ "drizzle.config.ts": CONFIG(), "src/other.ts": SCHEMA }, []);
    expect(stderr).toContain('No schema file matches "./src/schema.ts" (from drizzle.config.ts');
  });

  test("a schema module that throws: the error and the user's line", async () => {
    const stderr = await check({ "drizzle.config.ts": CONFIG(), "src/schema.ts": `${SCHEMA}\nif (!process.env.NOT_SET_ANYWHERE) throw new Error("NOT_SET_ANYWHERE is required");\n` }, []);
    expect(stderr).toContain("Loading the schema module src/schema.ts failed: NOT_SET_ANYWHERE is required");
    expect(stderr).toContain("No database was contacted.");
    expect(stderr).toMatch(/schema\.ts:4/);
  });

  test("a config that throws", async () => {
    const stderr = await check({ "drizzle.config.ts": `throw new Error("DATABASE_URL missing");\n`, "src/schema.ts": SCHEMA }, []);
    expect(stderr).toContain("Loading drizzle.config.ts failed: DATABASE_URL missing");
  });

  test("orm drizzle without a config file or options", async () => {
    const stderr = await check({ "src/schema.ts": SCHEMA }, ["--orm", "drizzle"]);
    expect(stderr).toContain("No drizzle.config.ts (or .js) in");
    expect(stderr).toContain("--schema");
  });

  test("a migrations folder that does not exist", async () => {
    const stderr = await check({ "src/schema.ts": SCHEMA }, ["--schema", "src/schema.ts", "--migrations", "db/migrations"]);
    expect(stderr).toContain('migrations (--migrations): folder "db/migrations" not found');
  });

  test("Drizzle and TypeORM options mixed", async () => {
    const stderr = await check({ "drizzle.config.ts": CONFIG(), "src/schema.ts": SCHEMA }, ["--orm", "typeorm", "--schema", "src/schema.ts"]);
    expect(stderr).toContain("are Drizzle options, but orm is typeorm");
  });

  test("drizzle-orm not installed", async () => {
    const stderr = await check({ "drizzle.config.ts": CONFIG(), "src/schema.ts": SCHEMA }, [], []);
    expect(stderr).toContain("drizzle-orm is not installed in");
    expect(stderr).toContain("npm ci");
  });
});
