import fs from "node:fs";
import path from "node:path";

/**
 * The version of the package `name` whose entry point is `entry`, read from its package.json on
 * disk: `require("<name>/package.json")` is blocked by the exports maps of typeorm and drizzle-orm.
 */
export function installedVersion(entry: string, name: string): string {
  let dir = path.dirname(entry);
  while (path.dirname(dir) !== dir) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      const json = JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string; version?: string };
      if (json.name === name && json.version) return json.version;
    }
    dir = path.dirname(dir);
  }
  return "unknown";
}
