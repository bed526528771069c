/**
 * typeorm 0.2 (the Connection API, ormconfig files, TYPEORM_* variables), on the last 0.2
 * release installed from the npm registry into __tests__/.tmp (see helpers/typeorm02.ts).
 * The same entities and migrations as a 0.2 project has them; the gate must find exactly the
 * gaps a 0.3 project would get, at the same lines, with the cross-check on.
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { runCli, runCliJson } from "./helpers/run-cli.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";
import { linkTypeorm02, TYPEORM_02, typeorm02Modules } from "./helpers/typeorm02.js";

const USER = `import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import { Post } from "./post.entity";

@Entity()
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: "varchar", length: 320 })
  email: string;

  @Column({ type: "enum", enum: ["admin", "member"], default: "member" })
  role: string;

  @Column({ type: "timestamptz", default: () => "now()" })
  created: Date;

  @OneToMany(() => Post, (post) => post.author)
  posts: Post[];
}
`;

const POST = `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { User } from "./user.entity";

@Entity()
export class Post {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column()
  title: string;

  @ManyToOne(() => User, (user) => user.posts, { onDelete: "CASCADE" })
  author: User;
}
`;

/** As typeorm 0.2's migration:generate writes them: one template literal per statement. */
const migration = (name: string, statements: string[]) => `import { MigrationInterface, QueryRunner } from "typeorm";

export class ${name} implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
${statements.map((sql) => `    await queryRunner.query(\`${sql}\`);`).join("\n")}
  }

  public async down(): Promise<void> {}
}
`;

const CREATE_USER = [
  `CREATE TYPE "user_role_enum" AS ENUM('admin', 'member')`,
  `CREATE TABLE "user" ("id" SERIAL NOT NULL, "email" character varying(320) NOT NULL, "role" "user_role_enum" NOT NULL DEFAULT 'member', "created" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cace4a159ff9f2512dd42373760" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "IDX_e12875dfb3b1d92d7d7c5377e2" ON "user" ("email") `,
];
const CREATE_POST = [
  `CREATE TABLE "post" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "title" character varying NOT NULL, "authorId" integer, CONSTRAINT "PK_be5fda3aac270b134ff9c21cdee" PRIMARY KEY ("id"))`,
  `ALTER TABLE "post" ADD CONSTRAINT "FK_c6fb082a3114f35d0cc27c518e0" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
];

/** Every connection setting points at a production server: the gate must override them all (the net guard refuses any other endpoint, and a refused connection fails the run). */
const PRODUCTION = {
  url: "postgres://app:secret@prod.db.example.com:5432/app",
  host: "prod.db.example.com",
  port: 5432,
  username: "app",
  password: "secret",
  database: "app",
  replication: { master: { host: "prod.db.example.com", database: "app" }, slaves: [{ host: "replica.db.example.com", database: "app" }] },
  extra: { connectionString: "postgres://app:secret@prod.db.example.com:5432/app", max: 3 },
};

function project02(files: Record<string, string>): TempProject {
  const project = tempProject({
    packages: [],
    files: {
      "package.json": '{ "name": "typeorm02-app", "private": true }',
      "tsconfig.json": JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, module: "commonjs", target: "ES2019" } }),
      "src/user.entity.ts": USER,
      "src/post.entity.ts": POST,
      "src/migrations/1700000000000-Init.ts": migration("Init1700000000000", CREATE_USER),
      ...files,
    },
  });
  linkTypeorm02(project.dir);
  return project;
}

const ormconfigJson = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: "postgres", ...PRODUCTION, entities: ["src/**/*.entity{.ts,.js}"], migrations: ["src/migrations/*.ts"], cli: { migrationsDir: "src/migrations" }, ...extra }, null, 2);

const summary = (report: { findings: Array<{ ruleId: string; object?: string; location?: { file: string; line: number } }> }) =>
  report.findings.map((f) => [f.ruleId, f.object, f.location && `${f.location.file}:${f.location.line}`]);

beforeAll(() => {
  // Fails at once with "run npm ci" when the workspace fixture is not installed.
  typeorm02Modules();
});

describe(`typeorm ${TYPEORM_02}: ormconfig.json found in the project, Connection API`, () => {
  let project: TempProject;
  beforeAll(() => {
    project = project02({ "ormconfig.json": ormconfigJson() });
  });
  afterAll(() => project.cleanup());

  test("an entity no migration creates is found at its @Entity() line; nothing else (cross-check on, production settings overridden)", async () => {
    const { status, report } = await runCliJson(["check"], { cwd: project.dir });
    expect(report.orm.version).toBe(TYPEORM_02);
    expect(report.entityCount).toBe(2);
    expect(report.migrations.map((m) => [m.name, m.status])).toEqual([["Init1700000000000", "applied"]]);
    expect(summary(report)).toEqual([["missing-table", "public.post", "src/post.entity.ts:4"]]);
    expect(status).toBe(1);
  });

  test("with the migration added, zero findings", async () => {
    project.write("src/migrations/1700000000001-Post.ts", migration("Post1700000000001", CREATE_POST));
    try {
      const { status, report } = await runCliJson(["check"], { cwd: project.dir });
      expect(report.migrations.map((m) => m.status)).toEqual(["applied", "applied"]);
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
    } finally {
      project.remove("src/migrations/1700000000001-Post.ts");
    }
  });

  test("a wrong column type, and a failing migration set aside while the rest still runs", async () => {
    project.write("src/migrations/1700000000000-Init.ts", migration("Init1700000000000", CREATE_USER.map((sql) => sql.replace("character varying(320)", "character varying(255)"))));
    project.write("src/migrations/1700000000001-Broken.ts", migration("Broken1700000000001", [`ALTER TABLE "nope" ADD "x" integer`]));
    project.write("src/migrations/1700000000002-Post.ts", migration("Post1700000000002", CREATE_POST));
    try {
      const { status, report } = await runCliJson(["check"], { cwd: project.dir });
      expect(report.migrations.map((m) => [m.name, m.status, m.ranAfterFailure])).toEqual([
        ["Init1700000000000", "applied", false],
        ["Broken1700000000001", "failed", false],
        ["Post1700000000002", "applied", true],
      ]);
      expect(summary(report)).toEqual(
        expect.arrayContaining([
          // The property's first decorator (@Index), as on 0.3.
          ["column-type-mismatch", "public.user.email", "src/user.entity.ts:9"],
          ["migration-failed", "Broken1700000000001", "src/migrations/1700000000001-Broken.ts:5"],
        ]),
      );
      expect(report.findings.filter((f) => f.ruleId === "unexplained-drift")).toEqual([]);
      expect(status).toBe(1);
    } finally {
      project.write("src/migrations/1700000000000-Init.ts", migration("Init1700000000000", CREATE_USER));
      project.remove("src/migrations/1700000000001-Broken.ts");
      project.remove("src/migrations/1700000000002-Post.ts");
    }
  });
});

describe(`typeorm ${TYPEORM_02}: other ways to name the connection`, () => {
  test("TYPEORM_* variables, with orm: typeorm and no file", async () => {
    const project = project02({ "src/migrations/1700000000001-Post.ts": migration("Post1700000000001", CREATE_POST) });
    try {
      const env = {
        TYPEORM_CONNECTION: "postgres",
        TYPEORM_HOST: "prod.db.example.com",
        TYPEORM_USERNAME: "app",
        TYPEORM_PASSWORD: "secret",
        TYPEORM_DATABASE: "app",
        TYPEORM_ENTITIES: "src/**/*.entity.ts",
        TYPEORM_MIGRATIONS: "src/migrations/*.ts",
      };
      const { status, report } = await runCliJson(["check", "--orm", "typeorm"], { cwd: project.dir, env });
      expect(report.orm.version).toBe(TYPEORM_02);
      expect(report.migrations.map((m) => m.status)).toEqual(["applied", "applied"]);
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  test("an ormconfig.yml with two connections: --ormconfig and the connection named by --data-source-export", async () => {
    const yml = `default:
  type: postgres
  url: ${PRODUCTION.url}
  entities: ["src/**/*.entity.ts"]
  migrations: ["src/migrations/*.ts"]
reporting:
  type: postgres
  host: reporting.db.example.com
  entities: ["src/user.entity.ts", "src/post.entity.ts"]
  migrations: ["src/migrations/1700000000000-Init.ts"]
`;
    const project = project02({ "config/orm.yml": yml, "src/migrations/1700000000001-Post.ts": migration("Post1700000000001", CREATE_POST) });
    try {
      const clean = await runCliJson(["check", "--ormconfig", "config/orm.yml"], { cwd: project.dir });
      expect(clean.report.findings).toEqual([]);
      expect(clean.status).toBe(0);

      const reporting = await runCliJson(["check", "--ormconfig", "config/orm.yml", "--data-source-export", "reporting"], { cwd: project.dir });
      expect(summary(reporting.report)).toEqual([["missing-table", "public.post", "src/post.entity.ts:4"]]);

      const missing = await runCli(["check", "--ormconfig", "config/orm.yml", "--data-source-export", "nope"], { cwd: project.dir });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('config/orm.yml has no connection named "nope" (connections: default, reporting).');
    } finally {
      project.cleanup();
    }
  });

  test("a data source file exporting connection options from a function: --data-source file#name", async () => {
    const project = project02({
      "src/config.ts": `import { ConnectionOptions } from "typeorm";
export const getConnectionOptions = (): ConnectionOptions => ({
  type: "postgres",
  url: process.env.DATABASE_URL ?? ${JSON.stringify(PRODUCTION.url)},
  entities: [__dirname + "/**/*.entity{.ts,.js}"],
  migrations: [__dirname + "/migrations/*{.ts,.js}"],
});
`,
    });
    try {
      const { status, report } = await runCliJson(["check", "--data-source", "src/config.ts#getConnectionOptions"], { cwd: project.dir });
      expect(report.orm.version).toBe(TYPEORM_02);
      expect(summary(report)).toEqual([["missing-table", "public.post", "src/post.entity.ts:4"]]);
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});
