import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { generateSyntheticProject } from "../bench/synthetic-project.js";
import { REPO } from "./helpers/paths.js";
import { runCliJson } from "./helpers/run-cli.js";

/** The benchmark's generator is only useful if the gate finds exactly what it leaves out. */
describe("synthetic projects (the benchmark's input)", () => {
  test.each([
    [10, 0],
    [10, 2],
    [30, 3],
  ])("%i entities, %i without a migration: exactly those tables are reported", async (entities, missing) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-synthetic-"));
    try {
      const project = generateSyntheticProject({ dir, entities, missing, modulesFrom: path.join(REPO, "node_modules"), packages: ["typeorm", "pg", "reflect-metadata"] });
      expect(project.migrations).toBe(2 * entities);
      const { status, report } = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: dir });
      expect(report.findings.map((f) => [f.ruleId, f.object])).toEqual(project.missingTables.map((t) => ["missing-table", t]));
      expect(report.migrations.every((m) => m.status === "applied")).toBe(true);
      expect(report.entityCount).toBe(entities);
      expect(status).toBe(missing ? 1 : 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
