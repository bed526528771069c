/** Which ORM a run checks, from the options and the files in working-directory (parse-options.ts, no Postgres). */
import path from "node:path";
import { afterEach, describe, expect, test } from "@jest/globals";
import { parseOptions } from "../src/engine/parse-options.js";
import { GateError } from "../src/engine/errors.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

describe("project detection", () => {
  let project: TempProject;
  afterEach(() => project?.cleanup());

  const make = (files: Record<string, string>) => (project = tempProject({ packages: [], files }));
  const parse = (raw: Record<string, string>) => parseOptions(raw, { cwd: project.dir }).project;

  test("a drizzle.config.ts in working-directory makes it a Drizzle project", () => {
    make({ "drizzle.config.ts": "export default {};\n", "drizzle/.keep": "" });
    expect(parse({})).toEqual({ kind: "drizzle", configFile: path.join(project.dir, "drizzle.config.ts"), schema: [], migrationsDir: undefined });
  });

  test("TypeORM options win over a drizzle.config.ts lying around", () => {
    make({ "drizzle.config.ts": "export default {};\n", "src/data-source.ts": "" });
    expect(parse({ "data-source": "src/data-source.ts" })).toMatchObject({ kind: "data-source" });
  });

  test("schema with migrations, no config file: a Drizzle project from options alone", () => {
    make({ "db/schema.ts": "", "db/migrations/.keep": "" });
    expect(parse({ schema: "db/schema.ts", migrations: "db/migrations" })).toEqual({ kind: "drizzle", configFile: undefined, schema: ["db/schema.ts"], migrationsDir: "db/migrations" });
  });

  test("entities with migrations stay TypeORM", () => {
    make({});
    expect(parse({ entities: "src/**/*.entity.ts", migrations: "src/migrations/*.ts" })).toMatchObject({ kind: "globs" });
  });

  test("an unknown orm, and orm: drizzle with TypeORM options, are errors that say what to change", () => {
    make({ "drizzle.config.ts": "export default {};\n", "src/data-source.ts": "" });
    expect(() => parse({ orm: "prisma" })).toThrow('orm (--orm) must be one of auto, typeorm, drizzle (got "prisma").');
    let error: unknown;
    try {
      parse({ orm: "drizzle", "data-source": "src/data-source.ts" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GateError);
    expect((error as GateError).message).toBe("data-source (--data-source) is a TypeORM option, but the project is checked as a Drizzle project.");
  });

  test("nothing to check names both ORMs' options", () => {
    make({});
    expect(() => parse({})).toThrow(/data-source \(--data-source\).*drizzle-config \(--drizzle-config\), or schema \(--schema\) with migrations/);
  });
});
