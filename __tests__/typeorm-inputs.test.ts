/**
 * Inputs real projects have (issue 12, items 11 and 13), on typeorm 0.3 and 1.x: brace globs,
 * data sources built by a function or given as options (NestJS), and errors that name the
 * real cause (a native module that does not load, a driver type read from an unset variable).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { FIXTURES } from "./helpers/paths.js";
import { runCli, runCliJson, type JsonReport } from "./helpers/run-cli.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

type Typeorm = "typeorm 0.3" | "typeorm 1.x";

const THING = `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity()
export class Thing {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 80 })
  label: string;
}
`;

const OTHER = `import { Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity()
export class Other {
  @PrimaryGeneratedColumn()
  id: number;
}
`;

const INIT = `import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE TABLE "thing" ("id" SERIAL NOT NULL, "label" character varying(80) NOT NULL, CONSTRAINT "PK_thing" PRIMARY KEY ("id"))\`);
  }
  async down(): Promise<void> {}
}
`;

/** Options as NestJS apps and getTypeORMSettings() modules write them; the host is production's, which the gate must never reach. */
const OPTIONS_BODY = `{
  type: "postgres" as const,
  host: process.env.DB_HOST ?? "prod.db.example.com",
  url: "postgres://app:secret@prod.db.example.com:5432/app",
  entities: [__dirname + "/**/*.entity{.ts,.js}"],
  migrations: [__dirname + "/migrations/*{.ts,.js}"],
}`;

function inputsProject(typeorm: Typeorm, files: Record<string, string> = {}): TempProject {
  const project = tempProject({
    packages: ["pg", "reflect-metadata", ...(typeorm === "typeorm 0.3" ? ["typeorm"] : [])],
    files: {
      "package.json": '{ "name": "inputs-app", "private": true }',
      "tsconfig.json": JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, module: "commonjs", target: "ES2021" } }),
      "src/thing.entity.ts": THING,
      "src/other.entity.ts": OTHER,
      "src/migrations/1700000000000-Init.ts": INIT,
      ...files,
    },
  });
  if (typeorm === "typeorm 1.x") fs.symlinkSync(path.join(FIXTURES, "typeorm1-esm", "node_modules", "typeorm"), path.join(project.dir, "node_modules", "typeorm"), "dir");
  return project;
}

const summary = (report: JsonReport) => report.findings.map((f) => [f.ruleId, f.object, f.location && `${f.location.file}:${f.location.line}`]);
/** What every run on inputsProject finds: Other has no migration. Proves the entities came from the options given. */
const OTHER_MISSING = [["missing-table", "public.other", "src/other.entity.ts:3"]];

const failsWith = async (project: TempProject, args: string[], env?: NodeJS.ProcessEnv) => {
  const run = await runCli(["check", ...args], { cwd: project.dir, env });
  expect(run.stdout).toBe("");
  expect(run.status).toBe(2);
  return run.stderr;
};

describe.each<Typeorm>(["typeorm 0.3", "typeorm 1.x"])("%s", (typeorm) => {
  const version = typeorm === "typeorm 1.x" ? /^1\./ : /^0\.3\./;

  describe("brace globs in entities and migrations", () => {
    let project: TempProject;
    beforeAll(() => {
      project = inputsProject(typeorm);
    });
    afterAll(() => project.cleanup());

    test("src/**/*.entity{.ts,.js} stays one glob, and matches as TypeORM's glob does", async () => {
      const { status, report } = await runCliJson(["check", "--entities", "src/**/*.entity{.ts,.js}", "--migrations", "src/migrations/*{.ts,.js}"], { cwd: project.dir });
      expect(report.orm.version).toMatch(version);
      expect(report.entityCount).toBe(2);
      expect(report.migrations.map((m) => m.name)).toEqual(["Init1700000000000"]);
      expect(summary(report)).toEqual(OTHER_MISSING);
      expect(status).toBe(1);
    });

    test("top-level commas and newlines still separate globs, next to braces", async () => {
      const { report } = await runCliJson(["check", "--entities", "src/thing.entity{.ts,.js}, src/{other,none}.entity.ts", "--migrations", "src/migrations/*.{ts,js}\nsrc/none/*.ts"], { cwd: project.dir });
      expect(report.entityCount).toBe(2);
      expect(summary(report)).toEqual(OTHER_MISSING);
    });
  });

  describe("a data source given as options or built by a function: --data-source file#export", () => {
    let project: TempProject;
    beforeAll(() => {
      project = inputsProject(typeorm, {
        "src/settings.ts": `import { DataSource } from "typeorm";
export const typeormOptions = ${OPTIONS_BODY};
export const getTypeORMSettings = () => (${OPTIONS_BODY});
export default async () => (${OPTIONS_BODY});
export const makeDataSource = async () => new DataSource(getTypeORMSettings());
export const nestOptions = { useFactory: async () => getTypeORMSettings() };
class ConfigService { get(key: string): string | undefined { return process.env[key]; } }
export const typeOrmAsyncConfig = {
  imports: [],
  inject: [ConfigService],
  useFactory: async (config: ConfigService) => ({ ...getTypeORMSettings(), host: config.get("DB_HOST") }),
};
export const withConfig = (config: ConfigService) => ({ ...getTypeORMSettings(), host: config.get("DB_HOST") });
`,
        "src/only-options.ts": `export const dbConfig = ${OPTIONS_BODY};\n`,
        "src/only-function.ts": `export function getTypeORMSettings() { return ${OPTIONS_BODY}; }\n`,
      });
    });
    afterAll(() => project.cleanup());

    test.each([
      ["an options object", "src/settings.ts#typeormOptions"],
      ["a function returning options (getTypeORMSettings)", "src/settings.ts#getTypeORMSettings"],
      ["an async default export", "src/settings.ts#default"],
      ["an async function returning a DataSource", "src/settings.ts#makeDataSource"],
      ["forRootAsync options whose useFactory takes nothing", "src/settings.ts#nestOptions"],
    ])("%s", async (_, dataSource) => {
      const { status, report } = await runCliJson(["check", "--data-source", dataSource], { cwd: project.dir });
      expect(report.orm.version).toMatch(version);
      expect(summary(report)).toEqual(OTHER_MISSING);
      expect(status).toBe(1);
    });

    test("data-source-export names the same exports", async () => {
      const { report } = await runCliJson(["check", "--data-source", "src/settings.ts", "--data-source-export", "getTypeORMSettings"], { cwd: project.dir });
      expect(summary(report)).toEqual(OTHER_MISSING);
    });

    test("a factory that needs a ConfigService says what to export instead", async () => {
      const nest = await failsWith(project, ["--data-source", "src/settings.ts#typeOrmAsyncConfig"]);
      expect(nest).toContain('Export "typeOrmAsyncConfig" of src/settings.ts is TypeOrmModule.forRootAsync options whose useFactory takes injected providers (ConfigService); the gate calls it with none');
      expect(nest).toContain("Export the options from a plain function without parameters");
      expect(nest).toContain("--data-source src/settings.ts#typeormOptions");

      const fn = await failsWith(project, ["--data-source", "src/settings.ts#withConfig"]);
      expect(fn).toContain('Export "withConfig" of src/settings.ts is a function with 1 parameter; the gate calls it with none');
    });

    test("without #export, a lone Postgres options object is used as is; one function is named in the error, with how to pick it", async () => {
      const options = await runCliJson(["check", "--data-source", "src/only-options.ts"], { cwd: project.dir });
      expect(options.status).not.toBe(2);
      expect(options.report.orm.version).toMatch(version);

      const fn = await failsWith(project, ["--data-source", "src/only-function.ts"]);
      expect(fn).toContain('Its export "getTypeORMSettings" is a function: check that with --data-source src/only-function.ts#getTypeORMSettings');
    });

    test("a wrong export name lists what can be checked; two different names are refused", async () => {
      const wrong = await failsWith(project, ["--data-source", "src/only-options.ts#dbConf"]);
      expect(wrong).toContain('src/only-options.ts has no DataSource export named "dbConf" (it exports no DataSource; options or functions: dbConfig).');

      const both = await failsWith(project, ["--data-source", "src/settings.ts#typeormOptions", "--data-source-export", "default"]);
      expect(both).toContain('data-source (--data-source) names the export "typeormOptions", but data-source-export (--data-source-export) is "default".');
    });
  });

  describe("errors that name the real cause", () => {
    let project: TempProject;
    beforeAll(() => {
      project = inputsProject(typeorm, {
        // A native module whose compiled binding is missing, as after npm ci --ignore-scripts or a cache from another OS.
        "node_modules/bcrypt/package.json": '{ "name": "bcrypt", "version": "5.1.1", "main": "bcrypt.js" }',
        "node_modules/bcrypt/bcrypt.js": 'module.exports = require("./lib/binding/napi-v3/bcrypt_lib.node");\n',
        "src/auth/account.entity.ts": `import { Entity, PrimaryGeneratedColumn } from "typeorm";
import * as bcrypt from "bcrypt";

@Entity()
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  hash(password: string) {
    return bcrypt.hashSync(password, 10);
  }
}
`,
        "src/account-data-source.ts": `import { DataSource } from "typeorm";
import { Account } from "./auth/account.entity";
export default new DataSource({ type: "postgres", entities: [Account], migrations: [] });
`,
        "src/env-data-source.ts": `import { DataSource } from "typeorm";
import { Thing } from "./thing.entity";
import { Other } from "./other.entity";
import { Init1700000000000 } from "./migrations/1700000000000-Init";

export const AppDataSource = new DataSource({
  type: process.env.DB_TYPE as any,
  host: process.env.DB_HOST,
  entities: [Thing, Other],
  migrations: [Init1700000000000],
});
`,
        "src/env-settings.ts": `export const getTypeORMSettings = () => ({
  type: process.env["DATABASE_DRIVER"] as "postgres",
  entities: [__dirname + "/*.entity.ts"],
});
`,
      });
    });
    afterAll(() => project.cleanup());

    const BINDING = "node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node";

    test.each([
      ["loaded by an entities glob", ["--entities", "src/**/*.entity.ts", "--migrations", "src/migrations/*.ts"]],
      ["imported by the data source file", ["--data-source", "src/account-data-source.ts"]],
    ])("a native module with its .node binding missing, %s", async (_, args) => {
      const stderr = await failsWith(project, args);
      expect(stderr).toMatch(/The native module bcrypt failed to load: Cannot find module '[^']*bcrypt_lib\.node'\. It is imported at src\/auth\/account\.entity\.ts:2\./);
      expect(stderr).toContain("npm rebuild bcrypt");
      expect(stderr).not.toContain("check the entities and migrations options");
    });

    test("a native module built for another platform (invalid ELF header)", async () => {
      // 200 bytes that are no shared object.
      project.write(BINDING, "not an ELF file ".repeat(13));
      try {
        const stderr = await failsWith(project, ["--entities", "src/**/*.entity.ts", "--migrations", "src/migrations/*.ts"]);
        expect(stderr).toMatch(/The native module bcrypt failed to load: \S*bcrypt_lib\.node: invalid ELF header\. It is imported at src\/auth\/account\.entity\.ts:2\./);
        expect(stderr).toContain("npm rebuild bcrypt");
      } finally {
        project.remove(BINDING);
      }
    });

    test("a driver type read from an unset variable names the variable; set, the run goes ahead", async () => {
      const env = { DB_TYPE: undefined, DATABASE_DRIVER: undefined } as unknown as NodeJS.ProcessEnv;
      const dataSource = await failsWith(project, ["--data-source", "src/env-data-source.ts"], env);
      expect(dataSource).toContain("The data source's type is undefined in src/env-data-source.ts: it is read from process.env.DB_TYPE, and DB_TYPE is not set, so TypeORM cannot pick a driver.");
      expect(dataSource).toContain("DB_TYPE=postgres");
      expect(dataSource).not.toContain("install the project's dependencies");

      const settings = await failsWith(project, ["--data-source", "src/env-settings.ts#getTypeORMSettings"], env);
      expect(settings).toContain('The data source\'s type is undefined in src/env-settings.ts: it is read from process.env["DATABASE_DRIVER"], and DATABASE_DRIVER is not set');

      const { status, report } = await runCliJson(["check", "--data-source", "src/env-data-source.ts"], { cwd: project.dir, env: { DB_TYPE: "postgres" } });
      expect(summary(report)).toEqual(OTHER_MISSING);
      expect(status).toBe(1);
    });
  });
});

describe.each<Typeorm>(["typeorm 0.3", "typeorm 1.x"])("an ESM project on %s (import chains leave no user frame in the stack)", (typeorm) => {
  let project: TempProject;
  beforeAll(() => {
    project = inputsProject(typeorm, {
      "package.json": '{ "name": "inputs-esm", "private": true, "type": "module" }',
      "tsconfig.json": JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", experimentalDecorators: true, emitDecoratorMetadata: true } }),
      "src/settings.ts": `import path from "node:path";
import { fileURLToPath } from "node:url";
const here = path.dirname(fileURLToPath(import.meta.url));
export default async () => ({
  type: "postgres" as const,
  url: "postgres://app:secret@prod.db.example.com:5432/app",
  entities: [path.join(here, "**/*.entity{.ts,.js}")],
  migrations: [path.join(here, "migrations", "*{.ts,.js}")],
});
`,
      "src/auth/account.entity.ts": `import { Entity, PrimaryGeneratedColumn } from "typeorm";
import bcrypt from "bcrypt";

@Entity()
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  hash(password: string) {
    return bcrypt.hashSync(password, 10);
  }
}
`,
    });
  });
  afterAll(() => project.cleanup());

  test("a package that is not installed is named with the line importing it", async () => {
    const stderr = await failsWith(project, ["--data-source", "src/settings.ts#default"]);
    expect(stderr).toContain('Nothing resolves the import "bcrypt", imported at src/auth/account.entity.ts:2.');
    expect(stderr).toContain("install the project's dependencies");
    expect(stderr).not.toContain("Check the entities and migrations options");
  });

  test("a native module whose binding is missing", async () => {
    project.write("node_modules/bcrypt/package.json", '{ "name": "bcrypt", "version": "5.1.1", "main": "bcrypt.js" }');
    project.write("node_modules/bcrypt/bcrypt.js", 'module.exports = require("./lib/binding/napi-v3/bcrypt_lib.node");\n');
    try {
      const stderr = await failsWith(project, ["--data-source", "src/settings.ts#default"]);
      expect(stderr).toMatch(/The native module bcrypt failed to load: Cannot find module '[^']*bcrypt_lib\.node'\. It is imported at src\/auth\/account\.entity\.ts:2\./);
      expect(stderr).toContain("npm rebuild bcrypt");
    } finally {
      fs.rmSync(path.join(project.dir, "node_modules", "bcrypt"), { recursive: true, force: true });
    }
  });
});
