import type { OracleResult } from "../protocol.js";
import { withCatalogSnapshot } from "./catalog-snapshot.js";
import { memoizeTablePaths } from "./table-path-memo.js";
import type { DataSourceLike } from "./typeorm-types.js";

/**
 * TypeORM's own verdict: the SQL `synchronize` would still run against the database the chain
 * built (what `migration:generate` would write). It reads the catalog and runs nothing. Its
 * statements are matched against the structured findings later (rules/unexplained-drift.ts);
 * what no finding explains is reported with its SQL, so the gate never passes silently where
 * TypeORM sees drift.
 */
export async function runSchemaOracle(dataSource: DataSourceLike): Promise<OracleResult> {
  try {
    const sql = await withCatalogSnapshot(dataSource, () => memoizeTablePaths(dataSource.driver.createSchemaBuilder()).log());
    return { statements: sql.upQueries.map((query) => query.query) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
