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

  test("MIGRATION_GATE_TRANSFORM_CACHE=off writes nothing", async () => {
    const run = await runCliJson(ARGS, { cwd: project.dir, env: { MIGRATION_GATE_TRANSFORM_CACHE: "off" } });
    expect(run.report.findings).toEqual([]);
    expect(fs.existsSync(cache)).toBe(false);
  });
});
