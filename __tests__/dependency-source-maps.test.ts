/**
 * The worker turns Node's source maps on so that stack frames in the user's code name their
 * TypeScript lines, but no report names a line inside a dependency, and reading every
 * dependency's map cost about 0.09 s a run (TypeORM alone names 490). So dependencies load
 * without their source-map comment and the user's own files keep theirs: checked here through
 * Node's own source-map cache, from inside a project the gate loads, CommonJS and ESM.
 */
import { afterAll, describe, expect, test } from "@jest/globals";
import { runCli } from "./helpers/run-cli.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

const MAP = JSON.stringify({ version: 3, sources: ["../src/index.ts"], names: [], mappings: "AAAA" });

const PROBE = (format: "commonjs" | "module") => `${format === "module" ? 'import { fileURLToPath } from "node:url";\n' : ""}import { findSourceMap } from "node:module";
import { createRequire } from "node:module";
import { answer } from "dep-with-map";

const own = ${format === "module" ? "fileURLToPath(import.meta.url)" : "__filename"};
const dependency = createRequire(own).resolve("dep-with-map");
const read = (file: string) => (findSourceMap(file) ? "read" : "not read");
throw new Error(\`answer \${answer}; dependency map \${read(dependency)}; own map \${read(own)}\`);
`;

describe("source maps: the user's files keep theirs, dependencies' are not read", () => {
  const projects: TempProject[] = [];
  afterAll(() => projects.forEach((project) => project.cleanup()));

  test.each(["commonjs", "module"] as const)("%s project", async (format) => {
    const esm = format === "module";
    const project = tempProject({
      packages: ["typeorm", "pg", "reflect-metadata"],
      files: {
        "package.json": JSON.stringify({ name: "maps", ...(esm && { type: "module" }) }),
        "node_modules/dep-with-map/package.json": JSON.stringify({ name: "dep-with-map", main: "index.js", ...(esm && { type: "module" }) }),
        "node_modules/dep-with-map/index.js": `${esm ? "export const answer = 42;" : "exports.answer = 42;"}\n//# sourceMappingURL=index.js.map\n`,
        "node_modules/dep-with-map/index.js.map": MAP,
        "src/probe.ts": PROBE(format),
      },
    });
    projects.push(project);
    const run = await runCli(["check", "--data-source", "src/probe.ts"], { cwd: project.dir });
    expect(run.stderr).toContain("answer 42; dependency map not read; own map read");
    expect(run.status).toBe(2);
  });
});
