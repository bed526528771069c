import fs from "node:fs";
import path from "node:path";
import type { UnregisteredMigration } from "../../engine/result.js";
import type { SiteRegistry } from "../site-registry.js";
import { scanMigrationSource } from "../migration-source-scan.js";
import type { MigrationLike } from "./typeorm-types.js";

const CODE_FILE = /\.(?:[cm]?ts|[cm]?js)$/;
/** A migration class as migration:generate/create write it: a name ending in a 13-digit timestamp. */
const MIGRATION_CLASS = /\bclass\s+([A-Za-z_$][\w$]*?\d{13})\b/;

/**
 * A data source that lists its migrations as classes (`migrations: [Init1700000000000, ...]`)
 * runs only those: a migration file written next to them and never added to the list runs
 * nowhere, and the gaps it would close look like "no migration creates this". The folders of
 * the registered migrations are searched for migration classes the list does not name.
 */
export function findUnregisteredMigrations(option: unknown, migrations: readonly MigrationLike[], sites: SiteRegistry): UnregisteredMigration[] {
  if (!Array.isArray(option) || !option.some((item) => typeof item === "function")) return [];
  const registeredFiles = new Set<string>();
  const registeredNames = new Set<string>();
  for (const migration of migrations) {
    registeredNames.add(migration.name ?? migration.constructor.name);
    registeredNames.add(migration.constructor.name);
    const location = sites.classLocation(migration.constructor);
    if (location) registeredFiles.add(location.file);
  }
  const folders = new Set([...registeredFiles].map((file) => path.dirname(file)));
  const found: UnregisteredMigration[] = [];
  for (const folder of folders) {
    let entries: string[];
    try {
      entries = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const entry of entries.sort()) {
      const file = path.join(folder, entry);
      if (!CODE_FILE.test(entry) || entry.endsWith(".d.ts") || registeredFiles.has(file)) continue;
      const text = fs.readFileSync(file, "utf8");
      const match = MIGRATION_CLASS.exec(text);
      if (!match || registeredNames.has(match[1]!) || !/\bup\s*\(/.test(text)) continue;
      const scanned = scanMigrationSource(file);
      found.push({
        name: match[1]!,
        location: { file, line: text.slice(0, match.index).split("\n").length },
        createdTables: scanned.tables,
        touches: scanned.touches,
      });
    }
  }
  return found;
}
