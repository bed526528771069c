/**
 * The transform cache kept between runs with @actions/cache (issue 17): the action restores
 * node_modules/.cache/migration-gate/transform before the run (key: gate version, lockfile hash,
 * source hash; by prefix when the exact key is missing) and saves what the run used after it.
 * Run as the runner runs it, against a local stand-in for the cache service. The second run on a
 * fresh node_modules is proven warm: its transformer (dist/transformer.js, loaded only on a
 * cache miss) is replaced by one that throws.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { FakeActionsCache } from "./helpers/fake-actions-cache.js";
import { commitAll, git } from "./helpers/git.js";
import { EXAMPLE, REPO } from "./helpers/paths.js";
import { runAction } from "./helpers/run-action.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

const INPUTS = { "data-source": "src/data-source.ts", "suggest-fix": "false" };

describe("the transform cache between runs", () => {
  let service: FakeActionsCache;
  let project: TempProject;
  let actionDir: string;
  beforeEach(async () => {
    service = await new FakeActionsCache().start();
    project = tempProject({ from: EXAMPLE });
    project.write("package-lock.json", JSON.stringify({ name: "shares-incident", lockfileVersion: 3, packages: {} }));
    git(project.dir, "init", "-q");
    commitAll(project.dir, "the incident");
    // The action's own checkout, inside the repository so its dist/ finds our node_modules (Postgres, oxc).
    actionDir = fs.mkdtempSync(path.join(REPO, ".mg-action-"));
    fs.cpSync(path.join(REPO, "dist"), path.join(actionDir, "dist"), { recursive: true });
    fs.copyFileSync(path.join(REPO, "action.yml"), path.join(actionDir, "action.yml"));
  });
  afterEach(async () => {
    await service.stop();
    project.cleanup();
    fs.rmSync(actionDir, { recursive: true, force: true });
  });

  const cacheDir = () => path.join(project.dir, "node_modules/.cache/migration-gate/transform");
  const entries = () => (fs.readdirSync(cacheDir(), { recursive: true }) as string[]).filter((f) => f.endsWith(".js")).sort();
  const run = () => runAction({ workspace: project.dir, actionDir, inputs: INPUTS, env: service.env() });

  test("saved after the first run, restored on a fresh runner, and the second run transpiles nothing", async () => {
    // A staging file a killed worker left (a fresh one, which the worker's own sweep leaves alone): not saved.
    const leftover = path.join(cacheDir(), "ab", "cdef.js.4242-0-1.tmp");
    fs.mkdirSync(path.dirname(leftover), { recursive: true });
    fs.writeFileSync(leftover, "half a transform");
    const first = await run();
    expect(fs.existsSync(leftover)).toBe(false);
    expect(first.status).toBe(1); // the incident's findings
    expect(first.stdout).toMatch(/Transform cache: no entry yet for migration-gate-transform-0\.1\.0-\w+-\w+-[0-9a-f]{16}-\*; this run fills it/);
    const saved = /Transform cache: saved as (migration-gate-transform-\S+) in/.exec(first.stdout)?.[1];
    expect(saved).toMatch(/^migration-gate-transform-0\.1\.0-\w+-\w+-[0-9a-f]{16}-[0-9a-f]{16}$/);
    expect(service.entries.map((e) => [e.key, e.committed])).toEqual([[saved, true]]);
    const filled = entries();
    expect(filled.length).toBeGreaterThan(3);

    // A fresh runner: npm ci recreated node_modules, and a transpile would now throw.
    fs.rmSync(path.join(project.dir, "node_modules/.cache"), { recursive: true, force: true });
    fs.writeFileSync(path.join(actionDir, "dist/transformer.js"), 'throw new Error("the transformer was loaded: the restored cache was not used");\n');
    const second = await run();
    expect(second.stdout).toContain(`Transform cache: restored this commit's entry (${saved})`);
    expect(second.stdout).not.toContain("the transformer was loaded");
    expect(second.outputs["findings"]).toBe(first.outputs["findings"]);
    expect(second.status).toBe(1);
    expect(entries()).toEqual(filled);
    // An exact hit is not saved again.
    expect(service.entries).toHaveLength(1);
  }, 180_000);

  test("a new commit restores the branch's last entry by prefix, and saves its own without the files it no longer uses", async () => {
    await run();
    const before = entries();
    // One entity changes: its old entry is not used any more.
    const entity = path.join(project.dir, "src/entity/Share.ts");
    fs.writeFileSync(entity, fs.readFileSync(entity, "utf8") + "\n// edited\n");
    commitAll(project.dir, "edit");
    fs.rmSync(path.join(project.dir, "node_modules/.cache"), { recursive: true, force: true });
    const second = await run();
    expect(second.stdout).toMatch(/Transform cache: restored the nearest entry \(migration-gate-transform-\S+\)/);
    expect(second.stdout).toMatch(/Transform cache: saved as migration-gate-transform-\S+ in [\d.]+ s \(1 entries no longer used left out\)/);
    expect(service.entries.map((e) => e.committed)).toEqual([true, true]);
    expect(service.entries[0]!.key.slice(0, -16)).toBe(service.entries[1]!.key.slice(0, -16));
    const after = entries();
    expect(after.length).toBe(before.length);
    expect(after.filter((f) => !before.includes(f))).toHaveLength(1);
  }, 180_000);

  test("without the cache service, or with transform-cache: false, the run says so and goes on", async () => {
    const plain = await runAction({ workspace: project.dir, actionDir, inputs: INPUTS, env: { ACTIONS_CACHE_URL: "", ACTIONS_RESULTS_URL: "" } });
    expect(plain.stdout).toContain("Transform cache: the Actions cache service is not available to this step");
    expect(plain.status).toBe(1);
    fs.rmSync(path.join(project.dir, "node_modules/.cache"), { recursive: true, force: true });
    const off = await runAction({ workspace: project.dir, actionDir, inputs: { ...INPUTS, "transform-cache": "false" }, env: service.env() });
    expect(off.stdout).not.toContain("Transform cache:");
    expect(service.requests).toEqual([]);
    expect(fs.existsSync(cacheDir())).toBe(false);
    expect(off.status).toBe(1);
  }, 180_000);
});
