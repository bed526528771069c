/**
 * Bugs found by running the gate on public TypeORM projects (docs/real-projects.md), each
 * rebuilt here as a small project of our own and run through the built CLI on typeorm 0.3 and
 * 1.x: a clean project must give zero findings, a broken one exactly the true findings.
 */
import { describe, expect, test } from "@jest/globals";
import fs from "node:fs";
import path from "node:path";
import { runCli, runCliJson } from "./helpers/run-cli.js";
import { execFileSync, spawnSync } from "node:child_process";
import { FIXTURES, REPO } from "./helpers/paths.js";
import { tempProject } from "./helpers/temp-project.js";

type Typeorm = "typeorm 0.3" | "typeorm 1.x";
const VERSIONS: Typeorm[] = ["typeorm 0.3", "typeorm 1.x"];

interface ProjectSpec {
  /** The entity module's body (imports from typeorm are there). */
  entities: string;
  /** Exported entity class names. */
  entityNames: string[];
  /** Migration classes: name (ending in a 13-digit timestamp) to the statements of up(), or to a whole up() body. */
  migrations: Record<string, string[] | { body: string }>;
  dataSourceExtra?: string;
  /** Migration files written next to the others but left out of the data source's list. */
  unregistered?: Record<string, string[]>;
}

function project(spec: ProjectSpec, typeorm: Typeorm) {
  const names = Object.keys(spec.migrations);
  const files: Record<string, string> = {
    "tsconfig.json": JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, module: "commonjs", target: "ES2021" } }),
    "src/entities.ts": `import { Column, Entity, Index, Unique, Check, JoinTable, ManyToMany, ManyToOne, OneToOne, JoinColumn, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";\n${spec.entities}\n`,
    "src/data-source.ts": `import { DataSource } from "typeorm";
import { ${spec.entityNames.join(", ")} } from "./entities";
${names.map((n) => `import { ${n} } from "./migrations/${n}";`).join("\n")}
export default new DataSource({ type: "postgres", entities: [${spec.entityNames.join(", ")}], migrations: [${names.join(", ")}]${spec.dataSourceExtra ?? ""} });
`,
  };
  for (const [name, up] of Object.entries({ ...spec.migrations, ...spec.unregistered })) {
    const body = Array.isArray(up) ? up.map((sql) => `    await q.query(${JSON.stringify(sql)});`).join("\n") : up.body;
    files[`src/migrations/${name}.ts`] = `import type { QueryRunner } from "typeorm";
export class ${name} {
  async up(q: QueryRunner) {
${body}
  }
  async down() {}
}
`;
  }
  const p = tempProject({ packages: ["pg", "reflect-metadata", ...(typeorm === "typeorm 0.3" ? ["typeorm"] : [])], files });
  if (typeorm === "typeorm 1.x") fs.symlinkSync(path.join(FIXTURES, "typeorm1-esm", "node_modules", "typeorm"), path.join(p.dir, "node_modules", "typeorm"), "dir");
  return p;
}

async function check(spec: ProjectSpec, typeorm: Typeorm) {
  const p = project(spec, typeorm);
  try {
    const run = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: p.dir });
    expect(run.report.orm.version).toMatch(typeorm === "typeorm 1.x" ? /^1\./ : /^0\.3\./);
    return run;
  } finally {
    p.cleanup();
  }
}

describe.each(VERSIONS)("real-project regressions on %s", (typeorm) => {
  test("uuid primary keys whose first migration relies on installExtensions (uuid_generate_v4 without CREATE EXTENSION) run clean", async () => {
    const { status, report } = await check({
      entityNames: ["Account"],
      entities: `@Entity("account") export class Account { @PrimaryGeneratedColumn("uuid") id: string; @Column() name: string; }`,
      migrations: { Init1700000000000: [`CREATE TABLE "account" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying NOT NULL, CONSTRAINT "PK_account" PRIMARY KEY ("id"))`] },
    }, typeorm);
    expect(report.migrations.map((m) => m.status)).toEqual(["applied"]);
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
    // The cross-check's own time is reported (it overlaps the catalog read, so no phase holds it).
    expect(report.timings?.["crossCheck"]).toEqual(expect.any(Number));
  });

  test("a migration that reads through a Repository works (replication is removed, not set to undefined)", async () => {
    const { status, report } = await check({
      entityNames: ["Account"],
      entities: `@Entity("account") export class Account { @PrimaryGeneratedColumn() id: number; @Column() name: string; }`,
      migrations: {
        Init1700000000000: [`CREATE TABLE "account" ("id" SERIAL NOT NULL, "name" character varying NOT NULL, CONSTRAINT "PK_account" PRIMARY KEY ("id"))`],
        Backfill1700000000001: { body: `    const rows = await q.manager.getRepository("account").find();\n    if (rows.length !== 0) throw new Error("expected no rows");` },
      },
    }, typeorm);
    expect(report.migrations.map((m) => [m.name, m.status, m.failure?.message])).toEqual([["Init1700000000000", "applied", undefined], ["Backfill1700000000001", "applied", undefined]]);
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
  });

  test("defaults equal in value are not reported: float/real/numeric 0, ARRAY[] vs '{}', and a default that only restates a type mismatch", async () => {
    const { report } = await check({
      entityNames: ["Item"],
      entities: `@Entity("item") export class Item {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "float", default: 0 }) score: number;
  @Column({ type: "real", default: 1.5 }) ratio: number;
  @Column({ type: "numeric", precision: 10, scale: 2, default: 0 }) price: string;
  @Column({ type: "int", array: true, default: () => "ARRAY[]::integer[]" }) ids: number[];
  @Column({ type: "varchar", default: "EVM" }) chain: string;
  @Column({ type: "int", default: 3 }) level: number;
}`,
      migrations: {
        Init1700000000000: [`CREATE TABLE "item" ("id" SERIAL PRIMARY KEY, "score" double precision NOT NULL DEFAULT '0', "ratio" real NOT NULL DEFAULT '1.5', "price" numeric(10,2) NOT NULL DEFAULT '0.00', "ids" integer[] NOT NULL DEFAULT '{}', "chain" text NOT NULL DEFAULT 'EVM', "level" integer NOT NULL DEFAULT 4)`],
      },
    }, typeorm);
    // One gap, one finding: the type of chain; and the one real default difference.
    expect(report.findings.map((f) => [f.ruleId, f.object])).toEqual([
      ["column-type-mismatch", "public.item.chain"],
      ["default-mismatch", "public.item.level"],
    ]);
  });

  test("a many-to-many with @JoinTable on both sides naming one table gives each gap once", async () => {
    const { report } = await check({
      entityNames: ["Tag", "Post"],
      entities: `@Entity("tag") export class Tag {
  @PrimaryGeneratedColumn() id: number;
  @ManyToMany(() => Post, (p) => p.tags) @JoinTable({ name: "post_tags", joinColumn: { name: "tag_id" }, inverseJoinColumn: { name: "post_id" } }) posts: Post[];
}
@Entity("post") export class Post {
  @PrimaryGeneratedColumn() id: number;
  @ManyToMany(() => Tag, (t) => t.posts) @JoinTable({ name: "post_tags", joinColumn: { name: "post_id" }, inverseJoinColumn: { name: "tag_id" } }) tags: Tag[];
}`,
      migrations: {
        Init1700000000000: [
          `CREATE TABLE "tag" ("id" SERIAL PRIMARY KEY)`,
          `CREATE TABLE "post" ("id" SERIAL PRIMARY KEY)`,
          `CREATE TABLE "post_tags" ("post_id" integer NOT NULL, "tag_id" integer NOT NULL, PRIMARY KEY ("post_id", "tag_id"))`,
          `CREATE INDEX ON "post_tags" ("post_id")`,
          `CREATE INDEX ON "post_tags" ("tag_id")`,
        ],
      },
    }, typeorm);
    const objects = report.findings.map((f) => `${f.ruleId} ${f.object}`);
    expect(objects).toEqual([...new Set(objects)]);
    expect(objects.filter((o) => o.startsWith("missing-foreign-key")).sort()).toEqual(["missing-foreign-key public.post_tags(post_id)", "missing-foreign-key public.post_tags(tag_id)"]);
  });

  test("tables and columns a failed migration creates are blamed on it, grouped under it, with later failures under the first", async () => {
    const { status, report } = await check({
      entityNames: ["Author", "Book", "Review"],
      entities: `@Entity("author") export class Author { @PrimaryGeneratedColumn() id: number; @Column({ nullable: true }) bio: string; }
@Entity("book") export class Book { @PrimaryGeneratedColumn() id: number; }
@Entity("review") export class Review { @PrimaryGeneratedColumn() id: number; @Column() stars: number; }`,
      migrations: {
        Init1700000000000: [`CREATE TABLE "author" ("id" SERIAL PRIMARY KEY)`],
        Broken1700000000001: [
          `CREATE TABLE "book" ("id" SERIAL PRIMARY KEY)`,
          `ALTER TABLE "nope" ADD "x" integer`,
          `CREATE TABLE "review" ("id" SERIAL PRIMARY KEY)`,
          `ALTER TABLE "author" ADD "bio" character varying`,
        ],
        Later1700000000002: [`ALTER TABLE "review" ADD "stars" integer NOT NULL`],
      },
    }, typeorm);
    expect(status).toBe(1);
    const broken = report.findings.find((f) => f.object === "Broken1700000000001")!;
    expect(broken.ruleId).toBe("migration-failed");
    expect(broken.causedBy).toBeUndefined();
    const following = report.findings.filter((f) => f.causedBy === broken.fingerprint).map((f) => [f.ruleId, f.object]);
    expect(following.sort()).toEqual([
      ["migration-failed", "Later1700000000002"],
      ["missing-column", "public.author.bio"],
      ["missing-table", "public.book"],
      ["missing-table", "public.review"],
    ]);
    // Nothing says "no migration creates" what a failed migration creates.
    for (const f of report.findings.filter((f) => f.causedBy)) {
      expect(`${f.message} ${f.hint}`).toMatch(/Broken1700000000001/);
      expect(f.hint).not.toMatch(/Add a (CREATE TABLE )?migration/);
    }
    expect(report.findings.find((f) => f.object === "public.review")!.message).toContain("created by Broken1700000000001, which fails at line 5");
    expect(report.findings.find((f) => f.object === "Later1700000000002")!.hint).toContain("after Broken1700000000001 failed, which creates public.review");
    expect(report.findings).toHaveLength(5);
  });

  test("the text report leads with the first failure and lists what follows under it; long statements are capped", async () => {
    const values = Array.from({ length: 1387 }, (_, i) => `($${i + 1})`).join(", ");
    const p = project({
      entityNames: ["Book"],
      entities: `@Entity("book") export class Book { @PrimaryGeneratedColumn() id: number; }`,
      migrations: {
        Seed1700000000000: [`INSERT INTO "missing_table" ("a") VALUES ${values}`, `CREATE TABLE "book" ("id" SERIAL PRIMARY KEY)`],
      },
    }, typeorm);
    try {
      const { stdout, status } = await runCli(["check", "--data-source", "src/data-source.ts"], { cwd: p.dir });
      expect(status).toBe(1);
      const lines = stdout.split("\n");
      expect(lines[3]).toMatch(/^src\/migrations\/Seed1700000000000\.ts:4 {2}error {2}migration-failed$/);
      expect(stdout).toContain("Follows from it (1), fixed with it:");
      expect(stdout).toMatch(/ {4}src\/entities\.ts:2 {2}missing-table: Entity Book/);
      expect(stdout).toMatch(/\.\.\. \(\d+ more characters\)/);
      expect(stdout.length).toBeLessThan(5000);
    } finally {
      p.cleanup();
    }
  });

  test("a unique constraint the entity dropped is its own error, not explained away by another finding on the table", async () => {
    const { report } = await check({
      entityNames: ["Member"],
      entities: `@Entity("member") export class Member { @PrimaryGeneratedColumn() id: number; @Column() email: string; @Column() nick: string; }`,
      migrations: {
        Init1700000000000: [
          `CREATE TABLE "member" ("id" SERIAL PRIMARY KEY, "email" character varying NOT NULL, "nick" text NOT NULL, CONSTRAINT "UQ_member_email" UNIQUE ("email"), CONSTRAINT "CHK_nick" CHECK (length(nick) > 2))`,
        ],
      },
    }, typeorm);
    expect(report.findings.map((f) => [f.ruleId, f.object])).toEqual([
      ["column-type-mismatch", "public.member.nick"],
      ["extra-unique", "public.member.UQ_member_email"],
      ["extra-check", "public.member.CHK_nick"],
    ]);
  });

  test("a migration file the data source's class list leaves out is reported, and what it creates is tied to it", async () => {
    const { status, report } = await check({
      entityNames: ["Book"],
      entities: `@Entity("book") export class Book { @PrimaryGeneratedColumn() id: number; @Column({ nullable: true }) isbn: string; }`,
      migrations: { Init1700000000000: [`CREATE TABLE "book" ("id" SERIAL PRIMARY KEY)`] },
      unregistered: { AddIsbn1700000000001: [`ALTER TABLE "book" ADD "isbn" character varying`] },
    }, typeorm);
    expect(status).toBe(1);
    expect(report.findings.map((f) => [f.ruleId, f.object, f.location && [path.basename(f.location.file), f.location.line]])).toEqual([
      ["unregistered-migration", "AddIsbn1700000000001", ["AddIsbn1700000000001.ts", 2]],
      ["missing-column", "public.book.isbn", ["entities.ts", 2]],
    ]);
    expect(report.findings[1]!.causedBy).toBe(report.findings[0]!.fingerprint);
    expect(report.findings[1]!.hint).toContain("Register AddIsbn1700000000001");
  });

  test("locations: a data source compiled to dist/ with source maps points at the .ts lines; a one-to-one's unique at its relation; a client library's blocked connection at the user's line", async () => {
    const entities = `@Entity("item") export class Item {
  @PrimaryGeneratedColumn() id: number;
  @Column({ nullable: true })
  label: string;
}
@Entity("profile") export class Profile {
  @PrimaryGeneratedColumn() id: number;
  @OneToOne(() => Item)
  @JoinColumn({ name: "item_id" })
  item: Item;
}`;
    const p = project({
      entityNames: ["Item", "Profile"],
      entities: `import { redis } from "./redis";\nvoid redis;\n${entities}`,
      migrations: { Init1700000000000: [`CREATE TABLE "item" ("id" SERIAL PRIMARY KEY)`, `CREATE TABLE "profile" ("id" SERIAL PRIMARY KEY, "item_id" integer REFERENCES "item" ("id"))`] },
    }, typeorm);
    try {
      // A client library that connects on the next tick, as ioredis does.
      p.write("node_modules/slow-client/package.json", JSON.stringify({ name: "slow-client", version: "1.0.0", main: "index.js" }));
      p.write("node_modules/slow-client/index.js", `const net = require("net");\nmodule.exports = class Client { constructor(port) { process.nextTick(() => net.connect(port, "127.0.0.1").on("error", () => {})); } };\n`);
      p.write("src/redis.ts", `// @ts-nocheck\nimport Client from "slow-client";\n\nexport const redis = new Client(6390);\n`);
      p.write("tsconfig.build.json", JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { outDir: "dist", rootDir: "src", sourceMap: true, skipLibCheck: true, strict: false, esModuleInterop: true, types: [] }, include: ["src"] }));
      const tsc = spawnSync(process.execPath, [path.join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: p.dir, encoding: "utf8" });
      expect(tsc.stdout + tsc.stderr).toBe("");
      for (const args of [["--data-source", "src/data-source.ts"], ["--data-source", "dist/data-source.js"]]) {
        const { report } = await runCliJson(["check", ...args], { cwd: p.dir, env: { MIGRATION_GATE_TRANSFORM_CACHE: "off" } });
        // JSON paths are relative to the folder the CLI ran in.
        const at = (rule: string) => report.findings.filter((f) => f.ruleId === rule).map((f) => `${f.location!.file}:${f.location!.line}`);
        expect(at("missing-column")).toEqual(["src/entities.ts:6"]);
        expect(at("missing-unique")).toEqual(["src/entities.ts:11"]);
        expect(report.findings.find((f) => f.ruleId === "blocked-connection")?.location && at("blocked-connection")).toEqual(["src/redis.ts:4"]);
      }
    } finally {
      p.cleanup();
    }
  });

  test("with base-ref, a migration added with a timestamp older than a merged one is a warning (TypeORM runs it last on existing databases)", async () => {
    const spec: ProjectSpec = {
      entityNames: ["Book"],
      entities: `@Entity("book") export class Book { @PrimaryGeneratedColumn() id: number; @Column({ nullable: true }) isbn: string; @Column({ nullable: true }) title: string; }`,
      migrations: {
        Init1700000000000: [`CREATE TABLE "book" ("id" SERIAL PRIMARY KEY)`],
        AddTitle1700000000500: [`ALTER TABLE "book" ADD "title" character varying`],
        AddIsbn1700000000100: [`ALTER TABLE "book" ADD "isbn" character varying`],
      },
    };
    const p = project(spec, typeorm);
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", ...args], { cwd: p.dir, stdio: "pipe" }).toString().trim();
    try {
      // The base branch: everything but the back-dated migration (it is imported by the data source only in the change).
      git("init", "-q");
      git("add", "-A", ".", ":!node_modules", ":!src/migrations/AddIsbn1700000000100.ts");
      git("commit", "-qm", "base");
      const base = git("rev-parse", "HEAD");
      // These fixtures' down() methods are empty: check-down (on by default with a base) would rightly say so; this case is about the order.
      const { report, status } = await runCliJson(["check", "--data-source", "src/data-source.ts", "--base-ref", base, "--check-down", "off"], { cwd: p.dir });
      expect(report.findings.map((f) => [f.ruleId, f.severity, f.object, f.location?.file])).toEqual([
        ["backdated-migration", "warning", "AddIsbn1700000000100", "src/migrations/AddIsbn1700000000100.ts"],
      ]);
      expect(report.findings[0]!.message).toContain("older than AddTitle1700000000500");
      expect(report.findings[0]!.hint).toContain("1700000000501");
      expect(status).toBe(0);
      // Without base-ref nothing can tell: no finding.
      const plain = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: p.dir });
      expect(plain.report.findings).toEqual([]);
    } finally {
      p.cleanup();
    }
  });

  test("tsconfig baseUrl never hides an installed package of the same name (Node does not apply baseUrl)", async () => {
    const p = project({
      entityNames: ["Card"],
      entities: `import { rank } from "./ranking";\n@Entity("card") export class Card { @PrimaryGeneratedColumn() id: number; @Column({ default: rank() }) pos: string; }`,
      migrations: { Init1700000000000: [`CREATE TABLE "card" ("id" SERIAL PRIMARY KEY, "pos" character varying NOT NULL DEFAULT 'a0')`] },
    }, typeorm);
    try {
      p.write("tsconfig.json", JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, module: "commonjs", target: "ES2021", baseUrl: "src" } }));
      // src/lexorank.ts shadows the package under baseUrl; src/ranking.ts imports the package.
      p.write("src/lexorank.ts", `export { rank } from "lexorank";\n`);
      p.write("src/ranking.ts", `import { rank } from "lexorank";\nexport { rank };\n`);
      p.write("node_modules/lexorank/package.json", JSON.stringify({ name: "lexorank", version: "1.0.0", main: "index.js" }));
      p.write("node_modules/lexorank/index.js", `exports.rank = () => "a0";\n`);
      const { status, report } = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: p.dir });
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
    } finally {
      p.cleanup();
    }
  });

  test("a data source with no entities, or globs into an unbuilt dist/, says exactly what to pass; --format json and --sarif-file still report the error", async () => {
    const p = project({
      entityNames: ["Card"],
      entities: `@Entity("card") export class Card { @PrimaryGeneratedColumn() id: number; }`,
      migrations: { Init1700000000000: [`CREATE TABLE "card" ("id" SERIAL PRIMARY KEY)`] },
    }, typeorm);
    try {
      p.write("src/no-entities.ts", `import { DataSource } from "typeorm";\nexport default new DataSource({ type: "postgres", migrations: [] });\n`);
      p.write("src/dist-entities.ts", `import { DataSource } from "typeorm";\nexport default new DataSource({ type: "postgres", entities: [__dirname + "/../dist/**/*.entity.js"], migrations: [] });\n`);
      const none = await runCli(["check", "--data-source", "src/no-entities.ts", "--format", "json", "--sarif-file", "out/gate.sarif"], { cwd: p.dir });
      expect(none.status).toBe(2);
      expect(JSON.parse(none.stdout)).toMatchObject({ status: "error", error: { code: "no-entities", message: expect.stringContaining("lists no entities"), hint: expect.stringContaining("--entities") } });
      const sarif = JSON.parse(fs.readFileSync(path.join(p.dir, "out", "gate.sarif"), "utf8"));
      expect(sarif.runs[0].invocations[0]).toMatchObject({ executionSuccessful: false });
      expect(sarif.runs[0].results).toEqual([]);
      const unbuilt = await runCli(["check", "--data-source", "src/dist-entities.ts"], { cwd: p.dir });
      expect(unbuilt.status).toBe(2);
      expect(unbuilt.stderr).toContain("dist does not exist");
      expect(unbuilt.stderr).toContain("build the project first");
    } finally {
      p.cleanup();
    }
  });

  test("--naming-strategy takes an installed package (typeorm-naming-strategies#SnakeNamingStrategy)", async () => {
    const p = project({
      entityNames: ["Card"],
      entities: `@Entity("card") export class Card { @PrimaryGeneratedColumn() id: number; @Column() createdBy: string; }`,
      migrations: { Init1700000000000: [`CREATE TABLE "card" ("id" SERIAL PRIMARY KEY, "created_by" character varying NOT NULL)`] },
    }, typeorm);
    try {
      p.write("node_modules/snake-names/package.json", JSON.stringify({ name: "snake-names", version: "1.0.0", main: "index.js" }));
      p.write("node_modules/snake-names/index.js", `const { DefaultNamingStrategy } = require("typeorm");
class SnakeNamingStrategy extends DefaultNamingStrategy {
  columnName(propertyName, customName) { return customName || propertyName.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()); }
}
exports.SnakeNamingStrategy = SnakeNamingStrategy;
`);
      const args = ["check", "--entities", "src/entities.ts", "--migrations", "src/migrations/*.ts"];
      const without = await runCliJson(args, { cwd: p.dir });
      expect(without.report.findings.find((f) => f.ruleId === "missing-column")!.hint).toContain("naming-strategy");
      const { status, report } = await runCliJson([...args, "--naming-strategy", "snake-names#SnakeNamingStrategy"], { cwd: p.dir });
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
    } finally {
      p.cleanup();
    }
  });

  test("a tsconfig paths entry naming a workspace folder is read through its package.json, for loading and for decorator metadata", async () => {
    const p = project({
      entityNames: ["Ticket"],
      entities: `import { Status } from "shared-types";\n@Entity("ticket") export class Ticket { @PrimaryGeneratedColumn() id: number; @Column() status: Status; }`,
      migrations: { Init1700000000000: [`CREATE TABLE "ticket" ("id" SERIAL PRIMARY KEY, "status" character varying NOT NULL)`] },
    }, typeorm);
    try {
      p.write("tsconfig.json", JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, module: "commonjs", target: "ES2021", baseUrl: ".", paths: { "shared-types": ["./packages/types"] } } }));
      // No index.ts in the folder: its package.json names the entry, as tsc and Node read it.
      p.write("packages/types/package.json", JSON.stringify({ name: "shared-types", main: "src/index.ts", types: "src/index.ts" }));
      p.write("packages/types/src/index.ts", `export * from "./enums";\n`);
      p.write("packages/types/src/enums.ts", `export enum Status { Open = "open", Closed = "closed" }\n`);
      const { status, report } = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: p.dir, env: { MIGRATION_GATE_TRANSFORM_CACHE: "off" } });
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
    } finally {
      p.cleanup();
    }
  });

  test("columns TypeORM never writes or reads (insert, update, select false) are a notice with a safe hint", async () => {
    const { status, report } = await check({
      entityNames: ["Doc"],
      entities: `@Entity("doc") export class Doc { @PrimaryGeneratedColumn() id: number; @Column({ type: "tsvector", select: false, insert: false, update: false }) search: string; @Column({ type: "int", insert: false, nullable: false }) rank: number; }`,
      migrations: { Init1700000000000: [`CREATE TABLE "doc" ("id" SERIAL PRIMARY KEY)`] },
    }, typeorm);
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.object])).toEqual([
      ["missing-column", "error", "public.doc.rank"],
      ["missing-unused-column", "notice", "public.doc.search"],
    ]);
    for (const f of report.findings) expect(f.hint).not.toMatch(/ADD "\w+" \w+ NOT NULL(?! DEFAULT)/);
    expect(status).toBe(1);
  });
});
