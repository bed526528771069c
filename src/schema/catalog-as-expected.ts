/**
 * A catalog read (ActualSchema) in the shape of an expected schema, so that one database can be
 * compared with another by the same diff that compares entities with a database (deploy-check:
 * the target against the chain replayed on a throwaway database). Both sides are already in
 * the catalog's own spelling, so no canonicalization is needed.
 */
import { isView, qualifiedName, type ActualSchema, type ExpectedSchema, type ExpectedTable, type TableName } from "./model.js";

export function catalogAsExpected(actual: ActualSchema, ownTables: TableName[] = []): ExpectedSchema {
  const own = new Set(ownTables.map(qualifiedName));
  const tables = actual.tables.filter((t) => !isView(t) && !own.has(qualifiedName(t)));
  const usedBy = (enumName: string) => tables.filter((t) => t.columns.some((c) => c.enum && qualifiedName(c.enum) === enumName)).map(qualifiedName);
  return {
    tables: tables.map(
      (t): ExpectedTable => ({
        schema: t.schema,
        name: t.name,
        kind: "table",
        entityName: t.name,
        columns: t.columns.map((c) => ({
          name: c.name,
          property: `${t.name}.${c.name}`,
          type: c.type,
          ...(c.enum && { enum: c.enum }),
          nullable: c.nullable,
          ...(c.default !== undefined && { default: c.default }),
          ...(c.identity && { identity: c.identity }),
          ...(c.generated !== undefined && { generated: c.generated }),
        })),
        primaryKey: t.primaryKey?.columns ?? [],
        uniques: t.uniques.map((u) => ({ name: u.name, columns: u.columns })),
        // Indexes backing a constraint are that constraint's.
        indexes: t.indexes.filter((i) => !i.primary && !i.constraint).map((i) => ({ name: i.name, columns: i.columns, unique: i.unique, ...(i.where !== undefined && { where: i.where }) })),
        foreignKeys: t.foreignKeys.map((f) => ({ name: f.name, columns: f.columns, referencedTable: f.referencedTable, referencedColumns: f.referencedColumns, onDelete: f.onDelete, onUpdate: f.onUpdate })),
        checks: t.checks.map((c) => ({ name: c.name, expression: c.definition })),
      }),
    ),
    enums: actual.enums.map((e) => ({ schema: e.schema, name: e.name, values: e.values, usedBy: usedBy(qualifiedName(e))[0] ?? "", tables: usedBy(qualifiedName(e)) })),
    views: actual.tables.filter(isView).map((v) => ({ schema: v.schema, name: v.name, materialized: v.kind === "materialized-view", entityName: v.name })),
    schemas: actual.schemas,
    ownTables,
  };
}
