import fs from "node:fs";
import type { DownCheck, MigrationFailure, MigrationRecord } from "../../engine/result.js";
import { statementLine } from "../../migrations/statement-line.js";
import { readCatalog, type Queryable } from "../../schema/introspect.js";
import type { SiteRegistry } from "../site-registry.js";
import { lineFromStack, timestampOf } from "./migration-recorder.js";
import type { DataSourceLike, MigrationLike } from "./typeorm-types.js";

/**
 * check-down: the chain runs in order; for each migration named, the catalog is read before
 * its up(), up() runs, down() runs (TypeORM's own undoLastMigration), the catalog is read
 * again, and up() runs once more, so the chain goes on from where a deploy that rolled back
 * and forward again would be. The engine compares the two catalogs. Migrations not named run
 * as usual, in batches.
 */
export async function checkDowns(dataSource: DataSourceLike, names: ReadonlySet<string>, sites: SiteRegistry): Promise<MigrationRecord[]> {
  // TypeORM's executor runs them by the timestamp ending the name, whatever order the list has.
  const stamp = (m: MigrationLike) => timestampOf(m.name ?? m.constructor.name) ?? 0;
  const chain = [...dataSource.migrations].sort((a, b) => stamp(a) - stamp(b));
  const catalog = () => readCatalog(asQueryable(dataSource), "user");
  const use = (count: number) => dataSource.migrations.splice(0, dataSource.migrations.length, ...chain.slice(0, count));
  const records: MigrationRecord[] = [];
  for (let i = 0; i < chain.length; i++) {
    const migration = chain[i]!;
    const name = migration.name ?? migration.constructor.name;
    if (!names.has(name)) continue;
    const location = sites.classLocation(migration.constructor);
    const record: MigrationRecord = { name, ...(location && { location }), status: "applied", durationMs: 0, createdTables: [], ranAfterFailure: false };
    try {
      // Everything before it (a failing one stops the check: what follows would be judged on a broken chain).
      use(i);
      await dataSource.runMigrations({ transaction: "each" });
    } catch {
      break;
    }
    const started = Date.now();
    const check: DownCheck = { before: await catalog(), ...(location && { downLine: downLine(location.file) }) };
    record.downCheck = check;
    use(i + 1);
    try {
      await dataSource.runMigrations({ transaction: "each" });
    } catch (error) {
      // Its up() fails on the fresh chain: the check's own finding; nothing to undo.
      record.status = "failed";
      record.failure = failureOf(error, location?.file);
      records.push(record);
      break;
    }
    try {
      await dataSource.undoLastMigration({ transaction: "each" });
      check.afterDown = await catalog();
    } catch (error) {
      check.downFailure = failureOf(error, location?.file);
    }
    if (check.afterDown) {
      try {
        await dataSource.runMigrations({ transaction: "each" });
      } catch (error) {
        check.upAgainFailure = failureOf(error, location?.file);
        record.durationMs = Date.now() - started;
        records.push(record);
        break;
      }
    }
    record.durationMs = Date.now() - started;
    records.push(record);
  }
  use(chain.length);
  return records;
}

function asQueryable(dataSource: DataSourceLike): Queryable {
  return { query: async (text: string) => ({ rows: (await dataSource.query(text)) as never[] }) as never };
}

function failureOf(error: unknown, file: string | undefined): MigrationFailure {
  const err = error as { message?: string; query?: string; driverError?: { code?: string; message?: string }; stack?: string };
  const fromStack = file ? lineFromStack(err.stack, file) : undefined;
  return {
    ...(typeof err.driverError?.code === "string" && { code: err.driverError.code }),
    message: err.driverError?.message ?? err.message ?? String(error),
    ...(err.query && { statement: err.query }),
    ...((fromStack ?? (file && err.query ? statementLine(file, err.query) : undefined)) !== undefined && { statementLine: fromStack ?? statementLine(file!, err.query!) }),
  };
}

/** The line of the migration's `down(` method, where its findings point. */
function downLine(file: string): number | undefined {
  try {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const index = lines.findIndex((line) => /\bdown\s*\(/.test(line) && !/^\s*(\/\/|\*)/.test(line));
    return index >= 0 ? index + 1 : undefined;
  } catch {
    return undefined;
  }
}

export type { MigrationLike };
