/**
 * TypeORM's schema builder finds each entity's table by scanning every loaded table and
 * rebuilding both paths for each comparison (`getTablePath`, parse then join), in some fifteen
 * passes: quadratic in the entity count, millions of calls and about a second of string work
 * and garbage at 500 entities. The path is a pure function of a few fields of the object (and
 * of the builder's current schema and database), so it is kept on the object and reused while
 * those fields are unchanged: a renamed table gets a new path. Strings are passed through.
 * The checks are written out, not looped: this runs millions of times.
 */
const MEMO = Symbol("migration-gate.tablePath");

interface Memo {
  currentSchema: unknown;
  currentDatabase: unknown;
  name: unknown;
  tableName: unknown;
  schema: unknown;
  database: unknown;
  referencedTableName: unknown;
  referencedSchema: unknown;
  referencedDatabase: unknown;
  path: unknown;
}

interface BuilderLike {
  getTablePath?: (target: unknown) => unknown;
  currentSchema?: unknown;
  currentDatabase?: unknown;
}

type Target = Record<string, unknown> & { [MEMO]?: Memo };

export function memoizeTablePaths<T extends object>(builder: T): T {
  const b = builder as BuilderLike;
  const original = b.getTablePath;
  if (typeof original !== "function") return builder;
  b.getTablePath = function (this: BuilderLike, target: unknown) {
    if (typeof target !== "object" || target === null) return original.call(this, target);
    const t = target as Target;
    const memo = t[MEMO];
    if (
      memo &&
      memo.currentSchema === this.currentSchema &&
      memo.currentDatabase === this.currentDatabase &&
      memo.name === t["name"] &&
      memo.tableName === t["tableName"] &&
      memo.schema === t["schema"] &&
      memo.database === t["database"] &&
      memo.referencedTableName === t["referencedTableName"] &&
      memo.referencedSchema === t["referencedSchema"] &&
      memo.referencedDatabase === t["referencedDatabase"]
    ) {
      return memo.path;
    }
    const path = original.call(this, target);
    const fresh: Memo = {
      currentSchema: this.currentSchema,
      currentDatabase: this.currentDatabase,
      name: t["name"],
      tableName: t["tableName"],
      schema: t["schema"],
      database: t["database"],
      referencedTableName: t["referencedTableName"],
      referencedSchema: t["referencedSchema"],
      referencedDatabase: t["referencedDatabase"],
      path,
    };
    // Not enumerable: TypeORM copies tables and metadata with Object.assign and spreads.
    if (Object.isExtensible(t)) Object.defineProperty(t, MEMO, { value: fresh, writable: true, configurable: true, enumerable: false });
    return path;
  };
  return builder;
}
