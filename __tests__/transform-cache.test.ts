import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { FIXTURES } from "./helpers/paths.js";
import { runCliJson } from "./helpers/run-cli.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

const ARGS = ["check", "--data-source", "src/data-source.ts"];

/** The transform cache may make runs faster, never different. */
describe("the transform cache in node_modules/.cache", () => {
  let project: TempProject;
  let cache: string;
  beforeEach(() => {
    project = tempProject({ from: path.join(FIXTURES, "typeorm03-cjs") });
    cache = path.join(project.dir, "node_modules", ".cache", "migration-gate", "transform");
  });
  afterEach(() => project.cleanup());

  const cachedFiles = () => (fs.existsSync(cache) ? fs.readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith(".js")).length : 0);

  test("a second run reads it and reports the same; an edited file is transpiled again", async () => {
    const first = await runCliJson(ARGS, { cwd: project.dir });
    expect(first.report.findings).toEqual([]);
    const filled = cachedFiles();
    expect(filled).toBeGreaterThanOrEqual(7);

    const second = await runCliJson(ARGS, { cwd: project.dir });
    expect(second.report.findings).toEqual([]);
    expect(cachedFiles()).toBe(filled);

    // A new entity in an existing, already cached file: the new content is a new cache entry.
    const tag = path.join(project.dir, "src/entities/tag.ts");
    fs.appendFileSync(tag, `\n@Entity()\nexport class TagAlias {\n  @PrimaryGeneratedColumn()\n  id: number;\n}\n`);
    project.write(
      "src/data-source.ts",
      fs.readFileSync(path.join(project.dir, "src/data-source.ts"), "utf8").replace('import { Tag } from "@entities/tag";', 'import { Tag, TagAlias } from "@entities/tag";').replace("entities: [Author, Book, Tag, Invoice]", "entities: [Author, Book, Tag, TagAlias, Invoice]"),
    );
    const third = await runCliJson(ARGS, { cwd: project.dir });
    expect(third.report.findings.map((f) => [f.object, f.location])).toEqual([["public.tag_alias", { file: "src/entities/tag.ts", line: 12 }]]);
    expect(cachedFiles()).toBe(filled + 2);
  });

  test("a changed tsconfig is read again", async () => {
    await runCliJson(ARGS, { cwd: project.dir });
    // Move the entities and point the paths mapping at the new folder.
    fs.renameSync(path.join(project.dir, "src/entities"), path.join(project.dir, "src/model"));
    const tsconfig = path.join(project.dir, "tsconfig.json");
    fs.writeFileSync(tsconfig, fs.readFileSync(tsconfig, "utf8").replace('"@entities/*": ["src/entities/*"]', '"@entities/*": ["src/model/*"]'));
    const run = await runCliJson(ARGS, { cwd: project.dir });
    expect(run.report.findings).toEqual([]);
    expect(run.status).toBe(0);
  });

  test("every entry is on disk when the run ends, none half-written (writes run in the background)", async () => {
    const run = await runCliJson(ARGS, { cwd: project.dir });
    expect(run.report.findings).toEqual([]);
    const files = fs.readdirSync(cache, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(files.filter((f) => /^tsconfig-.*\.json$/.test(f))).toHaveLength(1);
    // Each entry whole: the dependency line, then the module.
    for (const file of files.filter((f) => f.endsWith(".js"))) expect(() => JSON.parse(fs.readFileSync(path.join(cache, file), "utf8").split("\n")[0]!)).not.toThrow();
  });

  test("MIGRATION_GATE_TRANSFORM_CACHE=off writes nothing", async () => {
    const run = await runCliJson(ARGS, { cwd: project.dir, env: { MIGRATION_GATE_TRANSFORM_CACHE: "off" } });
    expect(run.report.findings).toEqual([]);
    expect(fs.existsSync(cache)).toBe(false);
  });
});

/** An ESM project is transpiled on Node's hooks thread, which the worker asks to flush its writes before it reports. */
describe("the transform cache of an ESM project", () => {
  let project: TempProject;
  beforeEach(() => {
    project = tempProject({ from: path.join(FIXTURES, "typeorm1-esm") });
  });
  afterEach(() => project.cleanup());

  test("holds every TypeScript file the run loaded, and a second run reports the same", async () => {
    const cache = path.join(project.dir, "node_modules", ".cache", "migration-gate", "transform");
    const first = await runCliJson(ARGS, { cwd: project.dir });
    const sources = fs.readdirSync(path.join(project.dir, "src"), { recursive: true }).filter((f) => String(f).endsWith(".ts")).length;
    const entries = fs.readdirSync(cache, { recursive: true }).map(String);
    expect(entries.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(entries.filter((f) => f.endsWith(".js")).length).toBe(sources);
    const second = await runCliJson(ARGS, { cwd: project.dir });
    expect(second.report.findings).toEqual(first.report.findings);
    expect(second.status).toBe(first.status);
  });
});
