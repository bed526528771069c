import fs from "node:fs";
import path from "node:path";
import { FIXTURES } from "./paths.js";
import { tempProject, type TempProject } from "./temp-project.js";

export const ZOO = path.join(FIXTURES, "zoo");

/** The typeorm 1.x package the typeorm1-esm fixture installs. */
const TYPEORM1 = path.join(FIXTURES, "typeorm1-esm", "node_modules", "typeorm");

export type ZooTypeorm = "typeorm03" | "typeorm1";

/** A copy of the zoo on the given typeorm major, with its own generated migrations. */
export function zooProject(version: ZooTypeorm): TempProject & { migrationFile: string; env: NodeJS.ProcessEnv } {
  const project = tempProject({ from: ZOO, packages: ["pg", "reflect-metadata", ...(version === "typeorm03" ? ["typeorm"] : [])] });
  if (version === "typeorm1") fs.symlinkSync(TYPEORM1, path.join(project.dir, "node_modules", "typeorm"), "dir");
  const folder = path.join("migrations", version);
  const migrationFile = path.join(folder, fs.readdirSync(path.join(project.dir, folder)).find((file) => file.endsWith("-Zoo.ts"))!);
  return { ...project, migrationFile, env: { ZOO_MIGRATIONS: version } };
}

/** Line of the first decorator of `member` in a zoo entity file (where findings about it point). */
export function memberLine(entityFile: string, member: string): number {
  const lines = fs.readFileSync(path.join(ZOO, "src", "entity", entityFile), "utf8").split("\n");
  let index = lines.findIndex((line) => new RegExp(`^\\s*(@\\w+\\(.*\\)\\s+)*${member}[!?]?:`).test(line));
  if (index < 0) throw new Error(`no member ${member} in ${entityFile}`);
  if (/^\s*@/.test(lines[index]!)) return index + 1;
  while (index > 0 && /^\s*@/.test(lines[index - 1]!)) index--;
  return index + 1;
}

/** Line of the (class-level) decorator that starts with `text`, e.g. `@Index("IDX_posts_live"`. */
export function decoratorLine(entityFile: string, text: string): number {
  const lines = fs.readFileSync(path.join(ZOO, "src", "entity", entityFile), "utf8").split("\n");
  const index = lines.findIndex((line) => line.trimStart().startsWith(text));
  if (index < 0) throw new Error(`no ${text} in ${entityFile}`);
  return index + 1;
}

/** Line of the first decorator of `class Name`. */
export function classLine(entityFile: string, className: string): number {
  const lines = fs.readFileSync(path.join(ZOO, "src", "entity", entityFile), "utf8").split("\n");
  let index = lines.findIndex((line) => line.includes(`class ${className} `));
  while (index > 0 && /^\s*@|^\s*[)}\]]|^\s+\w+:/.test(lines[index - 1]!)) index--;
  return index + 1;
}
