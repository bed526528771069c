import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "@jest/globals";
import { DIST } from "./helpers/paths.js";
import { runCli } from "./helpers/run-cli.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

const HANGING_PROJECT = {
  "src/thing.ts": `import { Entity, PrimaryGeneratedColumn } from "typeorm";\n@Entity()\nexport class Thing {\n  @PrimaryGeneratedColumn()\n  id: number;\n}\n`,
  "src/migrations/1700000000000-Hang.ts": `export class Hang1700000000000 {\n  up() { return new Promise<void>(() => undefined); }\n  async down() {}\n}\n`,
  "src/data-source.ts": `import "reflect-metadata";\nimport { DataSource } from "typeorm";\nimport { Thing } from "./thing";\nexport default new DataSource({ type: "postgres", entities: [Thing], migrations: [__dirname + "/migrations/*.ts"] });\n`,
};

/** Processes whose command line mentions `needle` (our Postgres runs with its data dir in argv). */
function processesMentioning(needle: string): string[] {
  const out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return out.split("\n").filter((line) => line.includes(needle) && !line.includes("ps -eo"));
}

/** Resolves once the child's stderr contains `text`; returns a getter for all stderr so far. */
function untilOutput(child: ChildProcessWithoutNullStreams | ReturnType<typeof spawn>, text: string): Promise<() => string> {
  let stderr = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`"${text}" never appeared: ${stderr}`)), 60_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(text)) {
        clearTimeout(timer);
        resolve(() => stderr);
      }
    });
  });
}

/** Nothing is left running or on disk after a run ends, however it ends. */
describe("the gate leaves nothing behind", () => {
  let project: TempProject;
  let tmp: string;
  beforeAll(() => {
    project = tempProject({ files: HANGING_PROJECT });
  });
  afterAll(() => project.cleanup());
  beforeEach(() => {
    // A private TMPDIR for the run: whatever the gate leaves in it is visible.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mg-tmpdir-"));
    fs.chmodSync(tmp, 0o755);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test("after a timeout: Postgres stopped, temp files removed, exit status 2", async () => {
    const run = await runCli(["check", "--data-source", "src/data-source.ts", "--timeout", "8"], { cwd: project.dir, env: { TMPDIR: tmp } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("stopped while migration Hang1700000000000 was running");
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(processesMentioning(tmp)).toEqual([]);
  });

  test("when the gate itself is killed (SIGKILL), its watchdog stops Postgres and removes the files", async () => {
    const child = spawn(process.execPath, [path.join(DIST, "cli.js"), "check", "--data-source", "src/data-source.ts"], {
      cwd: project.dir,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await untilOutput(child, "Hang1700000000000");
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("close", resolve));
    const deadline = Date.now() + 20_000;
    while ((processesMentioning(tmp).length || fs.readdirSync(tmp).length) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(processesMentioning(tmp)).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  test("when Postgres is killed mid-run: exit 2 with a clear error, nothing left behind", async () => {
    const child = spawn(process.execPath, [path.join(DIST, "cli.js"), "check", "--data-source", "src/data-source.ts"], {
      cwd: project.dir,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stderr = await untilOutput(child, "Hang1700000000000");
    const postmaster = processesMentioning(tmp).find((line) => / -D \S+\/data /.test(line) && !line.includes(" -e "));
    expect(postmaster).toBeDefined();
    process.kill(Number(postmaster!.trim().split(/\s+/)[0]), "SIGKILL");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(2);
    expect(stderr()).toContain("The throwaway Postgres stopped during the run: its process exited (signal SIGKILL)");
    expect(stderr()).toContain("Run the gate again");
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(processesMentioning(tmp)).toEqual([]);
  });

  test.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("on %s mid-migration: Postgres stopped, temp files removed, exit %i", async (signal, status) => {
    const child = spawn(process.execPath, [path.join(DIST, "cli.js"), "check", "--data-source", "src/data-source.ts"], {
      cwd: project.dir,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stderr = await untilOutput(child, "Hang1700000000000");
    expect(processesMentioning(tmp).length).toBeGreaterThan(0);
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(status);
    expect(stderr()).toContain(`${signal} received, stopping Postgres and removing temporary files`);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(processesMentioning(tmp)).toEqual([]);
  });
});
