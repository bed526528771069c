import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { OPTION_SPECS } from "../src/engine/options-spec.js";
import { REPO } from "./helpers/paths.js";
import { runCli } from "./helpers/run-cli.js";

describe("the CLI's own surface", () => {
  test("--help lists every option of the one option set, and exits 0", async () => {
    const run = await runCli(["--help"], { cwd: REPO });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage: migration-gate check [options]");
    expect(run.stdout).toContain("migration-gate deploy-check --target-url <url> [options]");
    expect(run.stdout).toContain("migration-gate baseline --target-url <url> [--yes] [options]");
    // command is the first word in the CLI, not a flag.
    for (const spec of OPTION_SPECS.filter((s) => s.name !== "command")) expect(run.stdout).toContain(spec.switch ? `--${spec.name} ` : `--${spec.name} <${spec.placeholder}>`);
    expect(run.stdout).toContain("Exit status: 0 no errors, 1 errors found, 2 the gate could not run.");
  });

  test("--version prints package.json's version", async () => {
    const run = await runCli(["--version"], { cwd: REPO });
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string };
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  test("an unknown command exits 2 and names the command to use", async () => {
    const run = await runCli(["verify"], { cwd: REPO });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "verify". The commands are: migration-gate check | fix [--dry-run] | deploy-check --target-url <url> | baseline --target-url <url> [--yes]');
  });

  test("package.json exposes the CLI as the migration-gate bin, with a node shebang", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ "migration-gate": "dist/cli.js" });
    expect(fs.readFileSync(path.join(REPO, "dist/cli.js"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
