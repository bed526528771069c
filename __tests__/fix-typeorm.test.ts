/**
 * migration-gate fix on TypeORM projects, typeorm 0.3 and 1.x: for each kind of gap (missing
 * tables a later migration uses, a missing column with a default, a missing foreign key, a
 * missing enum value, a missing index, all at once) fix writes migrations, after which check
 * finds nothing; the written files then run under typeorm's own runMigrations (what
 * `typeorm migration:run` calls) on a fresh database and on one built by synchronize with the
 * old migrations recorded as run.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { EXAMPLE, FIXTURES, REPO } from "./helpers/paths.js";
import { startTestPostgres, withTestClient } from "./helpers/postgres.js";
import { runCli, runCliJson } from "./helpers/run-cli.js";
import { typeormRun } from "./helpers/staging.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";
import type { ProvisionedDatabase } from "../src/postgres/provider.js";

const require = createRequire(import.meta.url);
let server: ProvisionedDatabase;
let databases = 0;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  await server?.dispose();
});

async function freshDatabase(): Promise<string> {
  const name = `fix_${++databases}`;
  await withTestClient(server, { database: server.connection.database, applicationName: "fix-test" }, (c) => c.query(`CREATE DATABASE ${name}`));
  const { user, password, host, port } = server.connection;
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${name}`;
}

const ENTITIES: Record<string, string> = {
  "src/entity/user.ts": `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity("users")
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", length: 200, unique: true }) email!: string;
  @Column({ type: "varchar", length: 40, default: "anon" }) nickname!: string;
  @Column({ type: "enum", enum: ["active", "banned", "pending"], enumName: "user_status", default: "active" }) status!: string;
}
`,
  "src/entity/post.ts": `import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";

@Entity("posts")
export class Post {
  @PrimaryGeneratedColumn() id!: number;
  @Index() @Column({ type: "varchar", length: 200 }) title!: string;
  @Column({ type: "int" }) authorId!: number;
  @ManyToOne("User", { onDelete: "CASCADE" }) @JoinColumn({ name: "authorId" }) author!: unknown;
}
`,
  "src/entity/tag.ts": `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from "typeorm";

@Entity("tags")
export class Tag {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", length: 50 }) name!: string;
  @ManyToOne("Post") post!: unknown;
}
`,
};

/** The complete schema, piece by piece: each case leaves some out of the project's migrations. */
const SQL = {
  type: `CREATE TYPE "public"."user_status" AS ENUM('active', 'banned', 'pending')`,
  typeShort: `CREATE TYPE "public"."user_status" AS ENUM('active', 'banned')`,
  users: `CREATE TABLE "users" ("id" SERIAL NOT NULL, "email" character varying(200) NOT NULL, "nickname" character varying(40) NOT NULL DEFAULT 'anon', "status" "public"."user_status" NOT NULL DEFAULT 'active', CONSTRAINT "UQ_users_email" UNIQUE ("email"), CONSTRAINT "PK_users" PRIMARY KEY ("id"))`,
  usersNoNickname: `CREATE TABLE "users" ("id" SERIAL NOT NULL, "email" character varying(200) NOT NULL, "status" "public"."user_status" NOT NULL DEFAULT 'active', CONSTRAINT "UQ_users_email" UNIQUE ("email"), CONSTRAINT "PK_users" PRIMARY KEY ("id"))`,
  posts: `CREATE TABLE "posts" ("id" SERIAL NOT NULL, "title" character varying(200) NOT NULL, "authorId" integer NOT NULL, CONSTRAINT "PK_posts" PRIMARY KEY ("id"))`,
  postsIndex: `CREATE INDEX "IDX_posts_title" ON "posts" ("title")`,
  postsFk: `ALTER TABLE "posts" ADD CONSTRAINT "FK_posts_author" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE CASCADE`,
  tags: `CREATE TABLE "tags" ("id" SERIAL NOT NULL, "name" character varying(50) NOT NULL, "postId" integer, CONSTRAINT "PK_tags" PRIMARY KEY ("id"))`,
  tagsFk: `ALTER TABLE "tags" ADD CONSTRAINT "FK_tags_post" FOREIGN KEY ("postId") REFERENCES "posts"("id")`,
};

function migration(className: string, statements: string[]): string {
  return `import { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  public async up(queryRunner: QueryRunner): Promise<void> {
${statements.map((s) => `    await queryRunner.query(\`${s}\`);`).join("\n")}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`DROP SCHEMA public CASCADE\`);
  }
}
`;
}

interface Case {
  name: string;
  /** Migration class name → its statements. */
  migrations: Record<string, string[]>;
  /** The files fix writes, by name. */
  files: string[];
  /** The rules of the errors (and warnings) the check reports first. */
  errors: string[];
}

const ALL = [SQL.type, SQL.users, SQL.posts, SQL.postsIndex, SQL.postsFk, SQL.tags, SQL.tagsFk];
const CASES: Case[] = [
  {
    name: "missing tables that a later migration uses",
    migrations: { Init1700000000000: [SQL.type, SQL.users], PostsTitleIndex1700000100000: [SQL.postsIndex] },
    files: ["1700000099999-CreatePostsAndTags.ts"],
    errors: ["migration-failed", "missing-table", "missing-table"],
  },
  {
    name: "a missing column with a default",
    migrations: { Init1700000000000: ALL.map((s) => (s === SQL.users ? SQL.usersNoNickname : s)) },
    files: ["-AddNicknameToUsers.ts"],
    errors: ["missing-column"],
  },
  {
    name: "a missing foreign key",
    migrations: { Init1700000000000: ALL.filter((s) => s !== SQL.postsFk) },
    files: ["-AddForeignKeyToPosts.ts"],
    errors: ["missing-foreign-key"],
  },
  {
    name: "a missing enum value",
    migrations: { Init1700000000000: ALL.map((s) => (s === SQL.type ? SQL.typeShort : s)) },
    files: ["-AddUserStatusValues.ts"],
    errors: ["enum-values-mismatch"],
  },
  {
    name: "a missing index",
    migrations: { Init1700000000000: ALL.filter((s) => s !== SQL.postsIndex) },
    files: ["-AddIndexToPosts.ts"],
    errors: ["warning missing-index"],
  },
  {
    name: "a mix: an enum value, a column, a foreign key and a table",
    migrations: { Init1700000000000: [SQL.typeShort, SQL.usersNoNickname, SQL.posts, SQL.postsIndex] },
    files: ["-AddForeignKeyToPosts.ts", "-AddNicknameToUsers.ts", "-AddUserStatusValues.ts", "-CreateTags.ts"],
    errors: ["enum-values-mismatch", "missing-column", "missing-foreign-key", "missing-table"],
  },
];

const VERSIONS = [
  { label: "typeorm 0.3", esm: false, modules: undefined },
  { label: "typeorm 1.x", esm: true, modules: path.join(FIXTURES, "typeorm1-esm", "node_modules") },
];

const ARGS = ["--entities", "src/entity/*.ts", "--migrations", "src/migration/*.ts"];

function project(version: (typeof VERSIONS)[number], migrations: Record<string, string[]>): TempProject {
  const files: Record<string, string> = {
    ...ENTITIES,
    "package.json": JSON.stringify({ name: "fix-fixture", private: true, ...(version.esm && { type: "module" }) }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, strict: true, module: version.esm ? "nodenext" : "commonjs", target: "es2021" } }),
  };
  for (const [className, statements] of Object.entries(migrations)) files[`src/migration/${className.slice(-13)}-${className.slice(0, -13)}.ts`] = migration(className, statements);
  const made = tempProject({ files });
  if (version.modules) {
    fs.rmSync(path.join(made.dir, "node_modules", "typeorm"));
    fs.symlinkSync(path.join(version.modules, "typeorm"), path.join(made.dir, "node_modules", "typeorm"), "dir");
  }
  return made;
}

/**
 * The real `typeorm migration:run -d <data source>` (the project's own typeorm's cli.js) on the
 * project compiled to CommonJS with TypeScript, as a deploy runs it from a build: its own
 * transaction mode (all), its own loading of the migration files.
 */
function typeormMigrationRun(projectDir: string, url: string): string {
  const out = path.join(projectDir, ".mg-build");
  fs.rmSync(out, { recursive: true, force: true });
  const ts = require(path.join(REPO, "node_modules", "typescript")) as typeof import("typescript");
  for (const file of fs.readdirSync(path.join(projectDir, "src"), { recursive: true }) as string[]) {
    if (!file.endsWith(".ts")) continue;
    const js = ts.transpileModule(fs.readFileSync(path.join(projectDir, "src", file), "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, experimentalDecorators: true, emitDecoratorMetadata: true } }).outputText;
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, ".js")), js);
  }
  fs.writeFileSync(path.join(out, "package.json"), '{ "type": "commonjs" }');
  fs.writeFileSync(
    path.join(out, "data-source.js"),
    `require("reflect-metadata");\nconst { DataSource } = require("typeorm");\nmodule.exports = { default: new DataSource({ type: "postgres", url: ${JSON.stringify(url)}, entities: [__dirname + "/entity/*.js"], migrations: [__dirname + "/migration/*.js"] }) };\n`,
  );
  const cli = path.join(fs.realpathSync(path.join(projectDir, "node_modules", "typeorm")), "cli.js");
  try {
    return execFileSync(process.execPath, [cli, "migration:run", "-d", path.join(out, "data-source.js")], { cwd: projectDir, env: { ...process.env, NODE_OPTIONS: "" }, stdio: "pipe" }).toString();
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const migrationFiles = (dir: string) => fs.readdirSync(path.join(dir, "src", "migration")).sort();
const entityFiles = Object.keys(ENTITIES);

for (const version of VERSIONS) {
  describe(`fix on ${version.label}`, () => {
    for (const c of CASES) {
      test(`${c.name}: fix, then check finds nothing; the files run under typeorm on a fresh and on a synchronized database`, async () => {
        const p = project(version, c.migrations);
        try {
          const before = await runCliJson(["check", ...ARGS], { cwd: p.dir });
          expect(before.report.findings.filter((f) => f.severity !== "notice").map((f) => (f.severity === "error" ? f.ruleId : `${f.severity} ${f.ruleId}`)).sort()).toEqual(c.errors);
          const old = migrationFiles(p.dir);

          const fixed = await runCli(["fix", ...ARGS], { cwd: p.dir });
          expect(fixed.stdout).toContain("re-checked: 0 findings left");
          expect(fixed.status).toBe(0);
          const added = migrationFiles(p.dir).filter((f) => !old.includes(f));
          // Named for what they do; the timestamp is the clock's unless a migration needs them earlier.
          expect(added.map((f) => (c.files.some((n) => /^\d/.test(n)) ? f : f.slice(13))).sort()).toEqual(c.files);
          // Existing migrations are never edited.
          for (const file of old) expect(fs.readFileSync(path.join(p.dir, "src/migration", file), "utf8")).toBe(migration(`${file.slice(14, -3)}${file.slice(0, 13)}`, c.migrations[`${file.slice(14, -3)}${file.slice(0, 13)}`]!));

          const after = await runCliJson(["check", ...ARGS], { cwd: p.dir });
          expect(after.report.findings).toEqual([]);
          expect(after.status).toBe(0);

          // typeorm's own migration:run, on a fresh database: the whole chain with the fix.
          const fresh = typeormMigrationRun(p.dir, await freshDatabase());
          for (const file of added) expect(fresh).toContain(`Migration ${file.slice(14, -3)}${file.slice(0, 13)} has been executed successfully.`);
          // On a database synchronize built, where the old migrations were recorded as run: only the fix runs, as no-ops.
          const synced = await freshDatabase();
          await typeormRun({ projectDir: p.dir, url: synced, mode: "synchronize", entities: entityFiles, migrations: [] });
          await withTestClient(server, { database: synced.split("/").pop()!, applicationName: "fix-test" }, async (client) => {
            await client.query(`CREATE TABLE "migrations" ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL, "name" character varying NOT NULL, CONSTRAINT "PK_migrations" PRIMARY KEY ("id"))`);
            for (const className of Object.keys(c.migrations)) await client.query(`INSERT INTO "migrations" ("timestamp", "name") VALUES ($1, $2)`, [Number(className.slice(-13)), className]);
          });
          typeormMigrationRun(p.dir, synced);
          const ran = await withTestClient(server, { database: synced.split("/").pop()!, applicationName: "fix-test" }, (client) => client.query<{ name: string }>(`SELECT name FROM "migrations" ORDER BY id`));
          expect(ran.rows.slice(Object.keys(c.migrations).length).map((r) => r.name)).toEqual(added.map((f) => `${f.slice(14, -3)}${f.slice(0, 13)}`));
        } finally {
          p.cleanup();
        }
      });
    }
  });
}

describe("fix on the shares incident", () => {
  test("writes one migration before ShareUniquePerUser1740300000000 and the check passes; --dry-run writes nothing", async () => {
    const p = tempProject({ from: EXAMPLE });
    try {
      const args = ["--data-source", "src/data-source.ts"];
      const dry = await runCli(["fix", ...args, "--dry-run"], { cwd: p.dir });
      expect(dry.stdout).toContain("would write 1 migration(s); re-checked: 0 findings left (checked from a temp folder; nothing was written).");
      expect(dry.stdout).toContain("CREATE TABLE IF NOT EXISTS \"shares\"");
      expect(dry.status).toBe(0);
      expect(migrationFiles(p.dir)).toEqual(["1700000000000-FullSchema.ts", "1740000000000-CreateAuditLog.ts", "1740300000000-ShareUniquePerUser.ts"]);

      const fixed = await runCli(["fix", ...args], { cwd: p.dir });
      expect(fixed.status).toBe(0);
      expect(fixed.stdout).toContain("sorts before ShareUniquePerUser1740300000000");
      expect(migrationFiles(p.dir)).toEqual(["1700000000000-FullSchema.ts", "1740000000000-CreateAuditLog.ts", "1740299999999-CreateShareKeysAndShares.ts", "1740300000000-ShareUniquePerUser.ts"]);
      const after = await runCliJson(["check", ...args], { cwd: p.dir });
      expect(after.report.findings).toEqual([]);
      expect(after.report.migrations.map((m) => [m.name, m.status])).toContainEqual(["ShareUniquePerUser1740300000000", "applied"]);

      // A second fix has nothing to do.
      const again = await runCli(["fix", ...args], { cwd: p.dir });
      expect(again.stdout).toContain("there is nothing to fix");
      expect(again.status).toBe(0);
    } finally {
      p.cleanup();
    }
  });
});

describe("fix on a data source that lists its migration classes", () => {
  test("says what to import and add (it re-checks as if added); once added, check passes", async () => {
    const p = tempProject({ from: path.join(FIXTURES, "typeorm03-cjs") });
    try {
      const billing = "src/migrations/1700000000002-billing.ts";
      p.write(billing, fs.readFileSync(path.join(p.dir, billing), "utf8").replace(/\n.*CREATE TABLE "billing"\."invoices".*\n/, "\n"));
      const fixed = await runCli(["fix", "--data-source", "src/data-source.ts"], { cwd: p.dir });
      expect(fixed.status).toBe(0);
      const [file] = fs.readdirSync(path.join(p.dir, "src", "migrations")).filter((f) => f.endsWith("-CreateInvoices.ts"));
      const className = `CreateInvoices${file!.slice(0, 13)}`;
      expect(fixed.stdout).toContain(`import { ${className} } from "./migrations/${file!.slice(0, -3)}"; and ${className} in the migrations list of src/data-source.ts`);
      // The project's own style: no name property, `async up(q: QueryRunner)`.
      const written = fs.readFileSync(path.join(p.dir, "src/migrations", file!), "utf8");
      expect(written).toContain("  async up(q: QueryRunner): Promise<void> {");
      expect(written).not.toContain("name =");

      const before = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: p.dir });
      expect(before.report.findings.map((f) => f.ruleId)).toContain("unregistered-migration");
      const source = fs.readFileSync(path.join(p.dir, "src/data-source.ts"), "utf8");
      p.write("src/data-source.ts", `import { ${className} } from "./migrations/${file!.slice(0, -3)}";\n${source.replace("Billing1700000000002]", `Billing1700000000002, ${className}]`)}`);
      const after = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: p.dir });
      expect(after.report.findings).toEqual([]);
    } finally {
      p.cleanup();
    }
  });
});

describe("fix on a history that already uses the missing tables (rsschool-app's shape)", () => {
  test("a backfilled table has the shape its later migrations expect, and sorts before the first one whose SQL uses it, even one that fails first on another table", async () => {
    const entity = (name: string, body: string) => `import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";\n\n@Entity("${name}")\nexport class ${name[0]!.toUpperCase()}${name.slice(1)} {\n  @PrimaryGeneratedColumn() id!: number;\n${body}}\n`;
    const p = tempProject({
      files: {
        "package.json": JSON.stringify({ name: "history", private: true }),
        "src/entity/users.ts": entity("users", `  @Column({ type: "varchar" }) email!: string;\n`),
        "src/entity/tags.ts": entity("tags", `  @Index("IDX_tags_name") @Column({ type: "varchar" }) name!: string;\n`),
        "src/entity/course.ts": entity("course", `  @Index("IDX_course_name") @Column({ type: "varchar" }) name!: string;\n  @Column({ type: "boolean", default: false }) personal!: boolean;\n`),
        "src/migration/1700000000000-Init.ts": migration("Init1700000000000", [`CREATE TABLE "users" ("id" SERIAL NOT NULL, "email" character varying NOT NULL, CONSTRAINT "PK_users" PRIMARY KEY ("id"))`]),
        // Fails first on tags; its second statement needs course too.
        "src/migration/1700000100000-Indexes.ts": migration("Indexes1700000100000", [`CREATE INDEX "IDX_tags_name" ON "tags" ("name")`, `CREATE INDEX "IDX_course_name" ON "course" ("name")`]),
        // Adds a column today's entity has: the backfilled course must not have it yet.
        "src/migration/1700000200000-Personal.ts": migration("Personal1700000200000", [`ALTER TABLE "course" ADD "personal" boolean NOT NULL DEFAULT false`]),
      },
    });
    try {
      const fixed = await runCli(["fix", ...ARGS], { cwd: p.dir });
      expect(fixed.stdout).toContain("re-checked: 0 findings left");
      expect(fixed.status).toBe(0);
      const added = migrationFiles(p.dir).filter((f) => f.startsWith("17000000999"));
      // Both just before Indexes1700000100000 (which order between them does not matter: neither references the other).
      expect(added.map((f) => f.slice(14)).sort()).toEqual(["CreateCourse.ts", "CreateTags.ts"]);
      const course = fs.readFileSync(path.join(p.dir, "src/migration", added.find((f) => f.includes("Course"))!), "utf8");
      expect(course).toContain(`CREATE TABLE IF NOT EXISTS "course" ("id" SERIAL NOT NULL, "name" character varying NOT NULL, CONSTRAINT`);
      expect(course).not.toContain(`"personal"`);
      expect(course).not.toContain(`IDX_course_name`);
      const after = await runCliJson(["check", ...ARGS], { cwd: p.dir });
      expect(after.report.findings).toEqual([]);
      expect(after.report.migrations.every((m) => m.status === "applied")).toBe(true);
    } finally {
      p.cleanup();
    }
  });
});
