import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO } from "./paths.js";

export interface TempProject {
  dir: string;
  write(file: string, content: string): void;
  remove(file: string): void;
  cleanup(): void;
}

/**
 * A real project in a temp dir outside the repository: files copied from `from` (if given),
 * and node_modules holding symlinks to exactly the packages named, so nothing else
 * (TypeScript included) is resolvable from it.
 */
export function tempProject(options: { from?: string; packages?: string[]; files?: Record<string, string> } = {}): TempProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-test-"));
  if (options.from) {
    fs.cpSync(options.from, dir, { recursive: true, filter: (src) => !src.split(path.sep).includes("node_modules") });
  }
  const modules = path.join(dir, "node_modules");
  const fromModules = options.from && fs.existsSync(path.join(options.from, "node_modules")) ? path.join(options.from, "node_modules") : undefined;
  for (const pkg of options.packages ?? ["typeorm", "pg", "reflect-metadata"]) {
    const own = fromModules && path.join(fromModules, pkg);
    const source = own && fs.existsSync(own) ? own : path.join(REPO, "node_modules", pkg);
    fs.mkdirSync(path.dirname(path.join(modules, pkg)), { recursive: true });
    fs.symlinkSync(source, path.join(modules, pkg), "dir");
  }
  const project: TempProject = {
    dir,
    write(file, content) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    },
    remove(file) {
      fs.rmSync(path.join(dir, file), { force: true });
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const [file, content] of Object.entries(options.files ?? {})) project.write(file, content);
  return project;
}
