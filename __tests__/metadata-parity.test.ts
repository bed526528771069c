/**
 * Decorator metadata parity (issue 12, item 3): our one-file transpile must write the same
 * design:type / design:paramtypes / design:returntype as the project's own `tsc -p`, member by
 * member, including types imported from other files (enums, aliases, barrels, `import type`,
 * namespace imports, tsconfig paths/baseUrl) with strictNullChecks on and off, in CommonJS and
 * ESM. The tsc side is the real compiler (node_modules/typescript); ours is the worker's real
 * loader in a child process (see helpers/metadata-probe.ts). Then end to end: an entity whose
 * @Column() is typed with an imported enum or alias runs clean through the CLI.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { build } from "esbuild";
import ts from "typescript";
import { chooseTranspiler } from "../src/engine/transpiler.js";
import { transformModuleWithDependencies } from "../src/worker/transform.js";
import { parseTsconfig } from "../src/worker/tsconfig.js";
import { DIST, FIXTURES, REPO } from "./helpers/paths.js";
import type { ProbeClass, ProbeRequest } from "./helpers/metadata-probe.js";
import { runCliJson } from "./helpers/run-cli.js";
import { spawnNode } from "./helpers/spawn-collect.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

const PARITY = path.join(FIXTURES, "metadata-parity");
let probeDir: string;
let probe: string;

beforeAll(async () => {
  probeDir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-probe-"));
  probe = path.join(probeDir, "probe.mjs");
  await build({
    entryPoints: [path.join(REPO, "__tests__/helpers/metadata-probe.ts")],
    outfile: probe,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
    banner: { js: 'import { createRequire as __mgCreateRequire } from "node:module"; const require = __mgCreateRequire(import.meta.url);' },
  });
  // The worker finds these beside itself; the probe does too.
  for (const entry of ["transformer.js", "esm-hooks.js"]) fs.symlinkSync(path.join(DIST, entry), path.join(probeDir, entry));
});
afterAll(() => fs.rmSync(probeDir, { recursive: true, force: true }));

/** Exported classes with decorators anywhere (class, members, parameters) in a source file, read with tsc's parser. */
function decoratedClasses(file: string): ProbeClass[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const decorated = (node: ts.Node) => ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
  const classes: ProbeClass[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    if (!ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const members = new Map<string, { name: string; isStatic: boolean }>();
    for (const member of statement.members) {
      if (ts.isConstructorDeclaration(member) || !member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
      const parameters = ts.isMethodDeclaration(member) || ts.isSetAccessorDeclaration(member) ? member.parameters : [];
      if (!decorated(member) && !parameters.some(decorated)) continue;
      const isStatic = (ts.canHaveModifiers(member) ? ts.getModifiers(member) : undefined)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
      members.set(`${isStatic}:${member.name.text}`, { name: member.name.text, isStatic });
    }
    const ctor = statement.members.find(ts.isConstructorDeclaration);
    if (decorated(statement) || members.size > 0 || ctor?.parameters.some(decorated)) {
      classes.push({ name: statement.name.text, decorated: decorated(statement), members: [...members.values()] });
    }
  }
  return classes;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.m?ts$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.split(path.sep).includes("node_modules") && !f.split(path.sep).includes("out"))
    .sort();
}

interface Variant {
  esm: boolean;
  /** Overrides for the project's tsconfig compilerOptions. */
  options: Record<string, unknown>;
}

/** Compiles `project` with the real tsc -p into out/, and makes its tsconfig paths resolvable for the compiled output. */
function compileWithTsc(project: TempProject, variant: Variant): { diagnostics: string } {
  const tsconfigFile = path.join(project.dir, "tsconfig.json");
  const tsconfig = JSON.parse(fs.readFileSync(tsconfigFile, "utf8")) as { compilerOptions: Record<string, unknown>; include?: string[] };
  tsconfig.compilerOptions = { ...tsconfig.compilerOptions, ...variant.options, outDir: "out", rootDir: ".", noEmitOnError: false };
  tsconfig.include ??= ["**/*.ts"];
  project.write("tsconfig.json", JSON.stringify(tsconfig, null, 2));
  const pkg = path.join(project.dir, "package.json");
  const json = fs.existsSync(pkg) ? (JSON.parse(fs.readFileSync(pkg, "utf8")) as Record<string, unknown>) : { name: "parity", private: true };
  project.write("package.json", JSON.stringify({ ...json, type: variant.esm ? "module" : "commonjs" }));
  const run = spawnSync(process.execPath, [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", tsconfigFile], { cwd: project.dir, encoding: "utf8" });
  // tsc leaves `paths` and `baseUrl` imports as written: node_modules links let the output resolve them.
  const modules = path.join(project.dir, "node_modules");
  const paths = (tsconfig.compilerOptions["paths"] ?? {}) as Record<string, string[]>;
  for (const [pattern, [target]] of Object.entries(paths)) {
    if (!pattern.endsWith("/*") || !target?.endsWith("/*")) continue;
    const link = path.join(modules, pattern.slice(0, -2));
    fs.mkdirSync(path.dirname(link), { recursive: true });
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(project.dir, "out", target.slice(0, -2)), link, "dir");
  }
  if (tsconfig.compilerOptions["baseUrl"] && fs.existsSync(path.join(project.dir, "src")) && !fs.existsSync(path.join(modules, "src"))) {
    fs.symlinkSync(path.join(project.dir, "out", "src"), path.join(modules, "src"), "dir");
  }
  return { diagnostics: run.stdout + run.stderr };
}

async function runProbe(request: ProbeRequest, env: NodeJS.ProcessEnv = {}): Promise<Record<string, Record<string, unknown>>> {
  const requestFile = path.join(request.projectDir, `probe-${request.mode}.json`);
  fs.writeFileSync(requestFile, JSON.stringify(request));
  const run = await spawnNode([probe, requestFile], { cwd: request.projectDir, env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`probe (${request.mode}) failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, Record<string, unknown>>;
}

/** Our metadata (through `transpiler`) and tsc's for every decorated member of `project`. */
async function bothSides(project: TempProject, variant: Variant, transpiler: Transpiler) {
  const { diagnostics } = compileWithTsc(project, variant);
  const files = sourceFiles(project.dir).filter((f) => decoratedClasses(f).length > 0);
  const modules = (mode: "tsc" | "ours") =>
    files.map((file) => {
      const relative = path.relative(project.dir, file);
      const load = mode === "ours" ? file : path.join(project.dir, "out", relative.replace(/\.(m?)ts$/, ".$1js"));
      return { source: relative, load, classes: decoratedClasses(file) };
    });
  const tsc = await runProbe({ mode: "tsc", esm: variant.esm, projectDir: project.dir, modules: modules("tsc") });
  const ours = await runProbe({ mode: "ours", esm: variant.esm, projectDir: project.dir, modules: modules("ours"), ...(transpiler === "oxc" && { oxcBinding: await oxcBinding() }) });
  return { tsc, ours, diagnostics };
}

type Transpiler = "typescript" | "oxc";
const TRANSPILERS: Transpiler[] = ["typescript", "oxc"];

/** The binding the gate itself would pick on this machine (our node_modules first). */
async function oxcBinding(): Promise<string> {
  const choice = await chooseTranspiler(() => undefined);
  if (choice.kind !== "oxc") throw new Error("oxc-transform's binding is not installed: run npm ci");
  return choice.binding;
}

const VARIANTS: Array<[string, Variant]> = [
  ["CommonJS, strictNullChecks on", { esm: false, options: { module: "commonjs", strictNullChecks: true } }],
  ["CommonJS, strictNullChecks off", { esm: false, options: { module: "commonjs", strictNullChecks: false } }],
  ["ESM, strictNullChecks on", { esm: true, options: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } }],
  ["ESM, strictNullChecks off", { esm: true, options: { module: "NodeNext", moduleResolution: "NodeNext" } }],
  // Class fields defined (tsc's default from ES2022 on): oxc keeps them, as tsc does.
  ["CommonJS, target ES2022 (useDefineForClassFields)", { esm: false, options: { module: "commonjs", target: "ES2022", strictNullChecks: true } }],
];
const EACH = VARIANTS.flatMap(([name, variant]) => TRANSPILERS.map((transpiler) => [`${name}, ${transpiler}`, variant, transpiler] as [string, Variant, Transpiler]));

describe("decorator metadata matches tsc -p", () => {
  test.each(EACH)("the parity fixture, %s", async (_name, variant, transpiler) => {
    const project = tempProject({ from: PARITY, packages: ["reflect-metadata"] });
    try {
      const { tsc, ours, diagnostics } = await bothSides(project, variant, transpiler);
      // A clean compile: tsc's metadata comes from a fully resolved program, not an error state.
      expect(diagnostics).toBe("");
      expect(Object.keys(tsc).length).toBeGreaterThan(80);
      expect(ours).toEqual(tsc);
      // The cases the issue names, spelled out (the comparison above already covers them).
      const type = (member: string) => tsc[`src/parity.ts#Parity.${member}`]?.["design:type"];
      expect([type("color"), type("priority"), type("role"), type("level"), type("flag"), type("barrelRolle"), type("eColor"), type("typeColor")]).toEqual([
        "String", "Number", "String", "Number", "Boolean", "String", "String", "String",
      ]);
      expect(type("colorOrNull")).toBe(variant.options["strictNullChecks"] === true || variant.options["strict"] === true ? "Object" : "String");
      expect(type("barrelUser")).toBe("class User");
      if (transpiler === "oxc") {
        // oxc really wrote them: only the class with a setter went to TypeScript.
        const tsconfig = parseTsconfig(path.join(project.dir, "tsconfig.json")).info;
        const binding = await oxcBinding();
        const decorated = sourceFiles(project.dir).filter((f) => decoratedClasses(f).length > 0);
        const taken = Object.fromEntries(
          decorated.map((file) => [
            path.relative(project.dir, file),
            transformModuleWithDependencies({ source: fs.readFileSync(file, "utf8"), filename: file, format: variant.esm ? "module" : "commonjs", tsconfig, oxcBinding: binding }).transpiler,
          ]),
        );
        expect(taken).toEqual(Object.fromEntries(decorated.map((file) => path.relative(project.dir, file)).map((file) => [file, file === "src/accessors.ts" ? "typescript" : "oxc"])));
        expect(decorated.length).toBeGreaterThan(1);
      }
    } finally {
      project.cleanup();
    }
  });

  test.each(
    (
      [
        ["zoo", { esm: false, options: {} }],
        ["typeorm03-cjs", { esm: false, options: {} }],
        ["typeorm1-esm", { esm: true, options: {} }],
        ["nest-globs", { esm: false, options: {} }],
      ] as Array<[string, Variant]>
    ).flatMap(([fixture, variant]) => TRANSPILERS.map((transpiler) => [fixture, transpiler, variant] as [string, Transpiler, Variant])),
  )("every decorated member of the %s fixture, %s", async (fixture, transpiler, variant) => {
    const project = tempProject({ from: path.join(FIXTURES, fixture), packages: ["typeorm", "pg", "reflect-metadata", "@types/node"] });
    try {
      const { tsc, ours } = await bothSides(project, variant, transpiler);
      expect(Object.keys(tsc).length).toBeGreaterThan(5);
      expect(ours).toEqual(tsc);
    } finally {
      project.cleanup();
    }
  });
});

describe("the transform cache and imported declarations", () => {
  test("an entry is not served once an enum it read from another file has changed", async () => {
    const project = tempProject({ from: PARITY, packages: ["reflect-metadata"] });
    try {
      compileWithTsc(project, { esm: false, options: { module: "commonjs", strictNullChecks: true } });
      const request: ProbeRequest = {
        mode: "ours",
        esm: false,
        projectDir: project.dir,
        modules: [{ source: "src/parity.ts", load: path.join(project.dir, "src/parity.ts"), classes: [{ name: "Parity", decorated: true, members: [{ name: "color", isStatic: false }, { name: "barrelColor", isStatic: false }] }] }],
      };
      const env = { MIGRATION_GATE_TRANSFORM_CACHE: "on" };
      const first = await runProbe(request, env);
      expect(first["src/parity.ts#Parity.color"]).toEqual({ "design:type": "String" });
      const cache = path.join(project.dir, "node_modules/.cache/migration-gate/transform");
      const entries = () => fs.readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith(".js")).length;
      const filled = entries();
      expect(filled).toBeGreaterThan(5);
      // Warm: the same answer from the cache.
      expect(await runProbe(request, env)).toEqual(first);

      // parity.ts is unchanged, but the enum it (and the barrel) names is numeric now.
      project.write("src/enums.ts", fs.readFileSync(path.join(project.dir, "src/enums.ts"), "utf8").replace('Red = "red",\n  Green = "green",', "Red = 1,\n  Green = 2,"));
      const edited = await runProbe(request, env);
      expect(edited["src/parity.ts#Parity.color"]).toEqual({ "design:type": "Number" });
      expect(edited["src/parity.ts#Parity.barrelColor"]).toEqual({ "design:type": "Number" });
      // Same keys (same file contents for everything but enums.ts): entries rewritten, not added, except enums.ts's own.
      expect(entries()).toBe(filled + 1);
    } finally {
      project.cleanup();
    }
  });
});

type Typeorm = "typeorm 0.3" | "typeorm 1.x";

/** A one-entity project whose column types come from other files, the way issue 12 reports it. */
function importedTypeProject(typeorm: Typeorm, esm: boolean): TempProject {
  const ext = esm ? ".js" : "";
  const project = tempProject({
    packages: ["pg", "reflect-metadata", ...(typeorm === "typeorm 0.3" ? ["typeorm"] : [])],
    files: {
      "package.json": JSON.stringify({ name: "imported-types", private: true, type: esm ? "module" : "commonjs" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, strict: true, strictPropertyInitialization: false, module: esm ? "NodeNext" : "commonjs", target: "ES2021" } }),
      "src/data-source.ts": `import { DataSource } from "typeorm";
import { Ticket } from "./ticket${ext}";
import { Init1700000000000 } from "./init${ext}";
export default new DataSource({ type: "postgres", entities: [Ticket], migrations: [Init1700000000000] });
`,
      "src/enums/status.ts": `export enum Status { Open = "open", Closed = "closed" }\n`,
      "src/enums/priority.ts": `export enum Priority { Low, Normal, High }\n`,
      "src/enums/index.ts": `export * from "./status${ext}";\nexport { Priority } from "./priority${ext}";\nexport type { Channel } from "../types${ext}";\n`,
      "src/types.ts": `export type Channel = "email" | "phone";\n`,
      "src/ticket.ts": `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Status } from "./enums/status${ext}";
import { Priority, Channel } from "./enums/index${ext}";
@Entity("ticket")
export class Ticket {
  @PrimaryGeneratedColumn() id: number;
  @Column() status: Status;
  @Column() priority: Priority;
  @Column() channel: Channel;
  @Column({ nullable: true, type: "varchar" }) note: string | null;
}
`,
      "src/init.ts": `export class Init1700000000000 {
  async up(q: { query(sql: string): Promise<unknown> }) {
    await q.query('CREATE TABLE "ticket" ("id" SERIAL NOT NULL, "status" character varying NOT NULL, "priority" integer NOT NULL, "channel" character varying NOT NULL, "note" character varying, CONSTRAINT "PK_ticket" PRIMARY KEY ("id"))');
  }
  async down() {}
}
`,
    },
  });
  if (typeorm === "typeorm 1.x") fs.symlinkSync(path.join(FIXTURES, "typeorm1-esm", "node_modules", "typeorm"), path.join(project.dir, "node_modules", "typeorm"), "dir");
  return project;
}

describe.each<Typeorm>(["typeorm 0.3", "typeorm 1.x"])("an @Column() typed with an imported enum or alias, on %s", (typeorm) => {
  test.each([["CommonJS", false], ["ESM", true]])("%s: exit 0, no findings", async (_format, esm) => {
    const project = importedTypeProject(typeorm, esm as boolean);
    try {
      const { status, report, stderr } = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: project.dir });
      expect(report.orm.version).toMatch(typeorm === "typeorm 1.x" ? /^1\./ : /^0\.3\./);
      expect({ findings: report.findings, stderr: status === 0 ? "" : stderr }).toEqual({ findings: [], stderr: "" });
      expect(report.migrations.map((m) => m.status)).toEqual(["applied"]);
      expect(report.entityCount).toBe(1);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});
