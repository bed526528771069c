import pg from "pg";
import { GateError } from "../../engine/errors.js";
import type { DbConnection } from "../protocol.js";

interface DrizzleKitApi {
  /** 0.x takes the config's casing as its fourth argument (DESIGN.md: pushSchema would ignore it); 1.x names columns in the table itself. */
  generateDrizzleJson(imports: Record<string, unknown>, prevId?: string, schemaFilters?: string[], casing?: string): unknown;
  generateMigration(previous: unknown, current: unknown): Promise<string[]>;
}

/**
 * What `drizzle-kit push` does to an empty database: the SQL drizzle-kit computes between
 * nothing and the schema modules, executed in one transaction. Computed with the project's own
 * drizzle-kit (its api entry: `drizzle-kit/api` in 0.x, `drizzle-kit/api-postgres` in 1.x), so
 * the tables are exactly the ones push would have made.
 */
export async function pushToEmptyDatabase(options: { exports: Record<string, unknown>; casing?: string; projectRequire: NodeJS.Require; connection: DbConnection }): Promise<number> {
  const kit = loadKitApi(options.projectRequire);
  const empty = await kit.generateDrizzleJson({});
  const current = await kit.generateDrizzleJson(options.exports, undefined, undefined, options.casing);
  const statements = await kit.generateMigration(empty, current);
  const client = new pg.Client({ ...options.connection, ssl: options.connection.ssl as never });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const statement of statements) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new GateError("push-simulation-failed", `drizzle-kit's push SQL for the base revision failed on the throwaway database: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
  return statements.length;
}

function loadKitApi(projectRequire: NodeJS.Require): DrizzleKitApi {
  const tried: string[] = [];
  for (const entry of ["drizzle-kit/api-postgres", "drizzle-kit/api"]) {
    try {
      const api = projectRequire(entry) as Partial<DrizzleKitApi>;
      if (typeof api.generateDrizzleJson === "function" && typeof api.generateMigration === "function") return api as DrizzleKitApi;
      tried.push(`${entry} (no generateDrizzleJson/generateMigration)`);
    } catch (error) {
      tried.push(`${entry} (${(error as Error).message.split("\n")[0]})`);
    }
  }
  throw new GateError("push-simulation-unavailable", `simulate-push needs the project's drizzle-kit, which builds the pushed schema: ${tried.join("; ")}.`, {
    hint: "Install drizzle-kit in the project (it is a devDependency of most Drizzle projects), or set simulate-push: false.",
  });
}
