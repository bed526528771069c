import fs from "node:fs";
import path from "node:path";

export interface FolderWalk {
  /** How many levels below `dir` to look. */
  depth: number;
  /** A folder that matches is returned and not descended into. */
  matches(folder: string, name: string): boolean;
  /** Stop after this many matches. */
  limit?: number;
}

/**
 * Folders below `dir` that match, breadth first (the nearest first), skipping node_modules,
 * build output and hidden folders: for the hints that name where a project's files really are.
 */
export function findFolders(dir: string, { depth, matches, limit = Infinity }: FolderWalk): string[] {
  const found: string[] = [];
  let level = [dir];
  for (let i = 0; i < depth && level.length && found.length < limit; i++) {
    const next: string[] = [];
    for (const folder of level) {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
        const child = path.join(folder, entry.name);
        if (matches(child, entry.name)) {
          found.push(child);
          if (found.length >= limit) return found;
        } else next.push(child);
      }
    }
    level = next;
  }
  return found;
}
