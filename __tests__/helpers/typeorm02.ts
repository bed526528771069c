import fs from "node:fs";
import path from "node:path";
import { FIXTURES, REPO } from "./paths.js";

export const TYPEORM_02 = "0.2.45";

/** The typeorm02-cjs workspace fixture: the root `npm ci` installs it, pinned in the lockfile. */
const FIXTURE = path.join(FIXTURES, "typeorm02-cjs", "node_modules");

const PACKAGES = { typeorm: TYPEORM_02, pg: "8.23.1", "reflect-metadata": "0.2.2" };

/** A node_modules folder holding typeorm 0.2.45 with its own dependencies (pg and reflect-metadata are the root's). */
export function typeorm02Modules(): string {
  let version: string | undefined;
  try {
    version = (JSON.parse(fs.readFileSync(path.join(FIXTURE, "typeorm", "package.json"), "utf8")) as { version?: string }).version;
  } catch {
    version = undefined;
  }
  if (version !== TYPEORM_02) throw new Error(`typeorm ${TYPEORM_02} is not installed in ${FIXTURE} (found ${version ?? "none"}): run npm ci at the repository root.`);
  return FIXTURE;
}

/** Links typeorm 0.2, pg and reflect-metadata into a temp project's node_modules (made with `packages: []`). */
export function linkTypeorm02(projectDir: string): void {
  const from = typeorm02Modules();
  for (const pkg of Object.keys(PACKAGES)) {
    const source = fs.existsSync(path.join(from, pkg)) ? path.join(from, pkg) : path.join(REPO, "node_modules", pkg);
    fs.mkdirSync(path.join(projectDir, "node_modules"), { recursive: true });
    fs.symlinkSync(source, path.join(projectDir, "node_modules", pkg), "dir");
  }
}
