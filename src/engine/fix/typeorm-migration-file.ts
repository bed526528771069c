import fs from "node:fs";
import path from "node:path";
import type { MigrationRecord } from "../result.js";
import type { FixGroup } from "./fix-plan.js";

/**
 * How the project writes its migrations, read from its newest one, so a generated file reads
 * like a colleague's: the import line, quotes, indentation, semicolons, `name` property,
 * `public async`, the query runner's name, the file name pattern and the language.
 */
export interface MigrationStyle {
  folder: string;
  /** `${timestamp}-${name}` by default (TypeORM's CLI). */
  fileName: (timestamp: number, title: string) => string;
  extension: ".ts" | ".js" | ".mts" | ".cts" | ".mjs" | ".cjs";
  module: "esm" | "cjs";
  importLine?: string;
  quote: '"' | "'";
  indent: string;
  semi: string;
  nameProperty: boolean;
  implementsInterface: boolean;
  publicModifier: boolean;
  runner: string;
}

/** The style of the newest migration that has a file, or TypeORM's CLI style in `fallbackFolder`. */
export function readMigrationStyle(migrations: readonly MigrationRecord[], fallbackFolder: string): MigrationStyle {
  const newest = [...migrations].filter((m) => m.location?.file && fs.existsSync(m.location.file)).sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0))[0];
  const file = newest?.location?.file;
  const source = file ? fs.readFileSync(file, "utf8") : "";
  const extension = (file ? path.extname(file) : ".ts") as MigrationStyle["extension"];
  const importLine = /^import\s+(?:type\s+)?\{[^}]*\}\s+from\s+["']typeorm["'];?[ \t]*$/m.exec(source)?.[0];
  const quote = /from\s+'typeorm'|require\('typeorm'\)/.test(source) ? "'" : '"';
  const indent = /^([ \t]+)\S/m.exec(source)?.[1] ?? "  ";
  const semi = source && !/;\s*$/m.test(source.split("\n").find((l) => /^\s*(import|await|const|export)\b/.test(l) && /\S\s*$/.test(l)) ?? ";") ? "" : ";";
  const base = file ? path.basename(file, extension) : "";
  const stamp = newest?.timestamp !== undefined ? String(newest.timestamp) : undefined;
  const fileName = fileNamePattern(base, stamp);
  return {
    folder: file ? path.dirname(file) : fallbackFolder,
    fileName,
    extension: [".ts", ".js", ".mts", ".cts", ".mjs", ".cjs"].includes(extension) ? extension : ".ts",
    module: /module\.exports|exports\.\w+\s*=/.test(source) || extension === ".cjs" ? "cjs" : "esm",
    ...(importLine && { importLine }),
    quote,
    indent: indent.length > 8 ? "  " : indent,
    semi,
    nameProperty: !source || /^\s*(?:public\s+|readonly\s+)*name\s*[:=]/m.test(source),
    implementsInterface: !source || /implements\s+MigrationInterface/.test(source),
    publicModifier: !source || /public\s+async\s+up/.test(source),
    runner: /\bup\s*\(\s*(\w+)/.exec(source)?.[1] ?? "queryRunner",
  };
}

/** The newest file's name with its timestamp and title swapped: `1740300000000-ShareUniquePerUser` → `${t}-${title}`, kebab and snake case kept. */
function fileNamePattern(base: string, stamp: string | undefined): MigrationStyle["fileName"] {
  if (!stamp || !base.includes(stamp)) return (t, title) => `${t}-${title}`;
  const before = base.slice(0, base.indexOf(stamp));
  const after = base.slice(base.indexOf(stamp) + stamp.length);
  const rest = (before + after).replace(/^[-_.]+|[-_.]+$/g, "");
  const cased = (title: string) =>
    /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(rest)
      ? words(title).join("-")
      : /^[a-z0-9]+(?:_[a-z0-9]+)+$/.test(rest)
        ? words(title).join("_")
        : /^[a-z][a-z0-9]*[A-Z]/.test(rest)
          ? title[0]!.toLowerCase() + title.slice(1) // 1773939767393-queryOrder.ts
          : title;
  if (!after) return (t, title) => `${cased(title)}${/[-_.]$/.exec(before)?.[0] ?? ""}${t}`;
  const separator = /^[-_.]/.exec(after)?.[0] ?? "";
  return (t, title) => `${before}${t}${separator}${cased(title)}`;
}

function words(title: string): string[] {
  return title.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/\s+/);
}

/** The migration class for one fix group, in the project's style. */
export function renderTypeormMigration(group: FixGroup, style: MigrationStyle): { fileName: string; content: string } {
  const className = `${group.title}${group.timestamp}`;
  const { indent: i, semi, quote: q, runner } = style;
  const ts = style.extension.endsWith("ts");
  const query = (sql: string) => `${i}${i}await ${runner}.query(\`${sql.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\`)${semi}`;
  const why = [
    `Written by migration-gate fix: ${describe(group)}.`,
    "IF NOT EXISTS and guarded blocks: databases built by synchronize already have these objects, and this must run there too.",
    ...(group.before ? [`Timestamped before ${group.before.name}, the first migration that uses what it creates${group.after ? `, and after ${group.after.name}, which creates what it references` : ""}.`] : []),
  ];
  const comment = ["/**", ...why.map((line) => ` * ${line}`), " */"].join("\n");
  const method = (name: "up" | "down", statements: string[]) =>
    [
      `${i}${style.publicModifier ? "public " : ""}async ${name}(${runner}${ts ? ": QueryRunner" : ""})${ts ? ": Promise<void>" : ""} {`,
      ...statements.map(query),
      `${i}}`,
    ].join("\n");
  const body = [
    ...(style.nameProperty ? [`${i}name = ${q}${className}${q}${semi}`, ""] : []),
    method("up", group.up),
    "",
    method("down", group.down),
  ].join("\n");
  const header =
    style.module === "cjs"
      ? ""
      : ts
        ? `${style.importLine ?? `import { MigrationInterface, QueryRunner } from ${q}typeorm${q}${semi}`}\n\n`
        : "";
  const declaration = style.module === "cjs" ? `module.exports = class ${className}` : `export class ${className}${ts && style.implementsInterface ? " implements MigrationInterface" : ""}`;
  const content = `${header}${comment}\n${declaration} {\n${body}\n}${style.module === "cjs" ? semi : ""}\n`;
  return { fileName: `${style.fileName(group.timestamp, group.title)}${style.extension}`, content };
}

function describe(group: FixGroup): string {
  const what = group.closes.map((f) => `${f.ruleId} ${f.object ?? ""}`.trim());
  return what.length > 4 ? `${what.slice(0, 4).join(", ")} and ${what.length - 4} more` : what.join(", ");
}
