import { normalizeDefault, sameExpression } from "./normalize.js";
import {
  isView, qualifiedName,
  type ActualCheck, type ActualColumn, type ActualConstraint, type ActualEnum, type ActualForeignKey, type ActualIndex, type ActualSchema, type ActualTable,
  type ExpectedCheck, type ExpectedColumn, type ExpectedEnum, type ExpectedForeignKey, type ExpectedIndex, type ExpectedSchema, type ExpectedTable,
  type ExpectedUnique, type ExpectedView,
} from "./model.js";

export interface ColumnPair {
  table: ExpectedTable;
  expected: ExpectedColumn;
  actual: ActualColumn;
}

/** How a column's value is produced: a plain default, a sequence, an identity, a generated expression. */
export type ValueSourceAspect = "default" | "serial" | "identity" | "generated";

export interface SchemaDiff {
  /** Expected tables that exist, with their actual counterpart. */
  pairs: Array<{ expected: ExpectedTable; actual: ActualTable }>;
  missingColumns: Array<{ table: ExpectedTable; column: ExpectedColumn }>;
  typeMismatches: ColumnPair[];
  nullabilityMismatches: ColumnPair[];
  valueSourceMismatches: Array<ColumnPair & { aspect: ValueSourceAspect }>;
  extraColumns: Array<{ table: ExpectedTable; column: ActualColumn }>;
  primaryKeyMismatches: Array<{ table: ExpectedTable; actual?: ActualConstraint }>;
  /** near: a partial unique index on the same columns (the same rule with a predicate). */
  missingUniques: Array<{ table: ExpectedTable; unique: ExpectedUnique; near?: ActualIndex }>;
  missingIndexes: Array<{ table: ExpectedTable; index: ExpectedIndex; near?: ActualIndex }>;
  missingForeignKeys: Array<{ table: ExpectedTable; foreignKey: ExpectedForeignKey; near?: ActualForeignKey }>;
  missingChecks: Array<{ table: ExpectedTable; check: ExpectedCheck }>;
  missingEnums: ExpectedEnum[];
  enumValueMismatches: Array<{ expected: ExpectedEnum; actual: ActualEnum; missing: string[]; extra: string[] }>;
  missingViews: Array<{ view: ExpectedView; actual?: ActualTable }>;
  missingSchemas: Array<{ schema: string; firstUser: ExpectedTable | ExpectedView | ExpectedEnum }>;
  extraTables: ActualTable[];
  /** Uniqueness the database enforces and no entity declares: inserts the code allows fail. */
  extraUniques: Array<{ table: ExpectedTable; name: string; columns: string[]; where?: string; kind: "constraint" | "index" }>;
  /** Checks the database enforces and no entity declares. */
  extraChecks: Array<{ table: ExpectedTable; check: ActualCheck }>;
  /**
   * Objects compared and found equal, by key (see verifiedKey): the oracle cross-check uses
   * them to tell TypeORM's known repeat-forever statements from real drift.
   */
  verified: Set<string>;
}

export const verifiedKey = {
  column: (table: string, column: string) => `column:${table}.${column}`,
  index: (table: string, columns: readonly string[]) => `index:${table}(${columns.join(",")})`,
  indexName: (schema: string, name: string) => `index-name:${schema}.${name}`,
  constraintName: (table: string, name: string) => `constraint:${table}.${name}`,
  unique: (table: string, columns: readonly string[]) => `unique:${table}(${[...columns].sort().join(",")})`,
  foreignKey: (table: string, columns: readonly string[], referenced: string) => `fk:${table}(${columns.join(",")})->${referenced}`,
  primaryKey: (table: string) => `pk:${table}`,
  checks: (table: string) => `checks:${table}`,
  enumType: (name: string) => `enum:${name}`,
  view: (name: string) => `view:${name}`,
};

/**
 * The one comparison of expected against actual. Pure: no database, no ORM. Indexes, uniques
 * and foreign keys are matched by what they do (columns, target, predicate), never by name:
 * generated names differ between ORM versions and hand-written migrations for good reasons.
 */
export function diffSchemas(expected: ExpectedSchema, actual: ActualSchema): SchemaDiff {
  const diff: SchemaDiff = {
    pairs: [], missingColumns: [], typeMismatches: [], nullabilityMismatches: [], valueSourceMismatches: [], extraColumns: [],
    primaryKeyMismatches: [], missingUniques: [], missingIndexes: [], missingForeignKeys: [], missingChecks: [],
    missingEnums: [], enumValueMismatches: [], missingViews: [], missingSchemas: [], extraTables: [], extraUniques: [], extraChecks: [], verified: new Set(),
  };
  const actualByName = new Map(actual.tables.map((table) => [qualifiedName(table), table]));

  for (const table of expected.tables) {
    const found = actualByName.get(qualifiedName(table));
    if (!found || isView(found)) continue; // missing-table's business
    diff.pairs.push({ expected: table, actual: found });
    compareColumns(table, found, diff);
    comparePrimaryKey(table, found, diff);
    compareUniques(table, found, diff);
    compareIndexes(table, found, diff);
    compareForeignKeys(table, found, diff);
    compareChecks(table, found, diff);
    findExtraUniques(table, found, diff);
    findExtraChecks(table, found, diff);
  }

  const actualEnums = new Map(actual.enums.map((e) => [qualifiedName(e), e]));
  for (const expectedEnum of expected.enums) {
    const found = actualEnums.get(qualifiedName(expectedEnum));
    if (!found) {
      // When no table that uses it exists either, missing-table says it all: the CREATE TABLE
      // migration will need the CREATE TYPE too.
      if (expectedEnum.tables.some((table) => actualByName.has(table))) diff.missingEnums.push(expectedEnum);
      continue;
    }
    const missing = expectedEnum.values.filter((value) => !found.values.includes(value));
    const extra = found.values.filter((value) => !expectedEnum.values.includes(value));
    if (missing.length || extra.length) diff.enumValueMismatches.push({ expected: expectedEnum, actual: found, missing, extra });
    else diff.verified.add(verifiedKey.enumType(qualifiedName(found)));
  }

  for (const view of expected.views) {
    const found = actualByName.get(qualifiedName(view));
    const kindMatches = found && found.kind === (view.materialized ? "materialized-view" : "view");
    if (kindMatches) diff.verified.add(verifiedKey.view(qualifiedName(view)));
    else diff.missingViews.push({ view, ...(found && { actual: found }) });
  }

  const actualSchemas = new Set(actual.schemas);
  for (const schema of expected.schemas) {
    if (actualSchemas.has(schema)) continue;
    const firstUser = [...expected.tables, ...expected.views, ...expected.enums].find((object) => object.schema === schema)!;
    diff.missingSchemas.push({ schema, firstUser });
  }

  const known = new Set([...expected.tables, ...expected.views, ...expected.ownTables].map(qualifiedName));
  diff.extraTables = actual.tables.filter((table) => !isView(table) && !known.has(qualifiedName(table)));
  return diff;
}

function compareColumns(table: ExpectedTable, found: ActualTable, diff: SchemaDiff): void {
  const name = qualifiedName(table);
  const actualColumns = new Map(found.columns.map((column) => [column.name, column]));
  for (const column of table.columns) {
    const actualColumn = actualColumns.get(column.name);
    if (!actualColumn) {
      diff.missingColumns.push({ table, column });
      continue;
    }
    const pair = { table, expected: column, actual: actualColumn };
    let equal = true;
    if (column.type !== actualColumn.type) {
      diff.typeMismatches.push(pair);
      equal = false;
    }
    if (column.nullable !== actualColumn.nullable) {
      diff.nullabilityMismatches.push(pair);
      equal = false;
    }
    const aspect = valueSourceDifference(column, actualColumn);
    if (aspect) {
      diff.valueSourceMismatches.push({ ...pair, aspect });
      equal = false;
    }
    if (equal) diff.verified.add(verifiedKey.column(name, column.name));
  }
  const expectedNames = new Set(table.columns.map((column) => column.name));
  for (const column of found.columns) {
    if (!expectedNames.has(column.name)) diff.extraColumns.push({ table, column });
  }
}

function valueSourceDifference(expected: ExpectedColumn, actual: ActualColumn): ValueSourceAspect | undefined {
  if (expected.generated !== undefined || actual.generated !== undefined) {
    return expected.generated !== undefined && actual.generated !== undefined && sameExpression(expected.generated, actual.generated) ? undefined : "generated";
  }
  if (expected.identity !== actual.identity) return "identity";
  if (expected.identity) return undefined;
  if (expected.serial) return actual.default !== undefined && /^nextval\(/i.test(actual.default) ? undefined : "serial";
  if (expected.default === undefined && actual.default === undefined) return undefined;
  if (expected.default === undefined || actual.default === undefined) return "default";
  return normalizeDefault(expected.default) === normalizeDefault(actual.default) ? undefined : "default";
}

function comparePrimaryKey(table: ExpectedTable, found: ActualTable, diff: SchemaDiff): void {
  if (table.primaryKey.length === 0) return;
  const actualColumns = found.primaryKey?.columns ?? [];
  if (sameSet(table.primaryKey, actualColumns)) {
    diff.verified.add(verifiedKey.primaryKey(qualifiedName(table)));
    diff.verified.add(verifiedKey.constraintName(qualifiedName(table), found.primaryKey!.name));
  } else {
    diff.primaryKeyMismatches.push({ table, ...(found.primaryKey && { actual: found.primaryKey }) });
  }
}

function compareUniques(table: ExpectedTable, found: ActualTable, diff: SchemaDiff): void {
  const name = qualifiedName(table);
  for (const unique of table.uniques) {
    const constraint = found.uniques.find((candidate) => sameSet(candidate.columns, unique.columns));
    const index = found.indexes.find((candidate) => candidate.unique && !candidate.where && !candidate.primary && sameSet(candidate.columns, unique.columns));
    if (!constraint && !index) {
      const near = found.indexes.find((candidate) => candidate.unique && candidate.where !== undefined && !candidate.primary && sameSet(candidate.columns, unique.columns));
      diff.missingUniques.push({ table, unique, ...(near && { near }) });
      continue;
    }
    diff.verified.add(verifiedKey.unique(name, unique.columns));
    if (constraint) diff.verified.add(verifiedKey.constraintName(name, constraint.name));
    if (index) diff.verified.add(verifiedKey.indexName(found.schema, index.name));
  }
}

function compareIndexes(table: ExpectedTable, found: ActualTable, diff: SchemaDiff): void {
  const name = qualifiedName(table);
  for (const index of table.indexes) {
    const sameColumns = found.indexes.filter((candidate) => !candidate.primary && sameList(candidate.columns, index.columns));
    const match = sameColumns.find((candidate) => candidate.unique === index.unique && samePredicate(index.where, candidate.where));
    if (!match) {
      diff.missingIndexes.push({ table, index, ...(sameColumns[0] && { near: sameColumns[0] }) });
      continue;
    }
    diff.verified.add(verifiedKey.index(name, index.columns));
    diff.verified.add(verifiedKey.indexName(found.schema, match.name));
    if (match.constraint) diff.verified.add(verifiedKey.constraintName(name, match.constraint));
  }
}

function compareForeignKeys(table: ExpectedTable, found: ActualTable, diff: SchemaDiff): void {
  const name = qualifiedName(table);
  for (const foreignKey of table.foreignKeys) {
    const target = qualifiedName(foreignKey.referencedTable);
    const sameTarget = found.foreignKeys.filter(
      (candidate) => sameList(candidate.columns, foreignKey.columns) && qualifiedName(candidate.referencedTable) === target && sameList(candidate.referencedColumns, foreignKey.referencedColumns),
    );
    const match = sameTarget.find((candidate) => candidate.onDelete === foreignKey.onDelete && candidate.onUpdate === foreignKey.onUpdate);
    if (!match) {
      diff.missingForeignKeys.push({ table, foreignKey, ...(sameTarget[0] && { near: sameTarget[0] }) });
      continue;
    }
    diff.verified.add(verifiedKey.foreignKey(name, foreignKey.columns, target));
    diff.verified.add(verifiedKey.constraintName(name, match.name));
  }
}

function compareChecks(table: ExpectedTable, found: ActualTable, diff: SchemaDiff): void {
  const name = qualifiedName(table);
  let allFound = true;
  for (const check of table.checks) {
    const expression = check.expression.startsWith("CHECK ") ? check.expression : `CHECK (${check.expression})`;
    const match = found.checks.find((candidate) => sameExpression(candidate.definition, expression));
    if (match) diff.verified.add(verifiedKey.constraintName(name, match.name));
    else {
      diff.missingChecks.push({ table, check });
      allFound = false;
    }
  }
  if (allFound) diff.verified.add(verifiedKey.checks(name));
}

/**
 * Unique constraints and unique indexes no entity declares (as a unique, a unique index or the
 * primary key). Expression indexes are left out: adapters do not model them (Drizzle skips
 * them, TypeORM cannot declare them), and the cross-check still lists what TypeORM would drop.
 */
function findExtraUniques(table: ExpectedTable, found: ActualTable, diff: SchemaDiff): void {
  const declared = (columns: readonly string[], where?: string) =>
    (where === undefined && (sameSet(columns, table.primaryKey) || table.uniques.some((u) => sameSet(u.columns, columns)))) ||
    table.indexes.some((i) => i.unique && sameSet(i.columns, columns) && samePredicate(i.where, where));
  const plainColumns = new Set(found.columns.map((c) => c.name));
  for (const unique of found.uniques) {
    if (!declared(unique.columns)) diff.extraUniques.push({ table, name: unique.name, columns: unique.columns, kind: "constraint" });
  }
  // An index the entity declares with another predicate is that index's finding (missing-unique
  // names it as the near one), not a second one.
  const near = new Set([...diff.missingIndexes, ...diff.missingUniques].filter((m) => m.table === table && m.near).map((m) => m.near!.name));
  for (const index of found.indexes) {
    if (!index.unique || index.primary || index.constraint || near.has(index.name)) continue;
    if (!index.columns.every((c) => plainColumns.has(c))) continue;
    if (!declared(index.columns, index.where)) diff.extraUniques.push({ table, name: index.name, columns: index.columns, ...(index.where && { where: index.where }), kind: "index" });
  }
}

function findExtraChecks(table: ExpectedTable, found: ActualTable, diff: SchemaDiff): void {
  for (const check of found.checks) {
    const declared = table.checks.some((c) => sameExpression(check.definition, c.expression.startsWith("CHECK ") ? c.expression : `CHECK (${c.expression})`));
    if (!declared) diff.extraChecks.push({ table, check });
  }
}

function samePredicate(expected: string | undefined, actual: string | undefined): boolean {
  if (expected === undefined || actual === undefined) return expected === actual;
  return sameExpression(expected, actual);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}
