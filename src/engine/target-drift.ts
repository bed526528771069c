/**
 * deploy-check's drift: the target database against the chain replayed on a throwaway database
 * up to the target's applied point, object by object, with the same diff that compares entities
 * with a database (both sides read from real catalogs). The migrations table itself is left
 * out on both sides: what it records is compared row by row elsewhere.
 */
import { catalogAsExpected } from "../schema/catalog-as-expected.js";
import { diffSchemas } from "../schema/diff.js";
import { columnSetName, qualifiedName, type ActualSchema, type TableName } from "../schema/model.js";

export interface DriftItem {
  /** `public.users.bio`, `public.users(email)`, `public.role` ... */
  object: string;
  kind: "schema" | "table" | "column" | "primary key" | "unique" | "index" | "foreign key" | "check" | "enum" | "view";
  /** missing: the replayed chain has it, the target not; extra: the other way; different: both, not alike. */
  change: "missing" | "extra" | "different";
  /** What differs, for `different`: `type: text on the target, integer from the migrations`. */
  detail?: string;
  /**
   * The index's or constraint's own name on the side that has it: objects are matched by what
   * they do, but undoing a change by hand (or a later migration) names it.
   */
  name?: string;
}

export function targetDrift({ target, replayed, tracking }: { target: ActualSchema; replayed: ActualSchema; tracking: TableName }): DriftItem[] {
  const items: DriftItem[] = [];
  const add = (item: DriftItem) => items.push(item);
  const forward = diffSchemas(catalogAsExpected(replayed, [tracking]), target);
  const reverse = diffSchemas(catalogAsExpected(target, [tracking]), replayed);
  const targetTables = new Set(target.tables.map(qualifiedName));
  const own = qualifiedName(tracking);

  // A schema only the migrations table lives in (drizzle's) is the migrator's, not the application's.
  const appSchemas = (schema: ActualSchema) => new Set(schema.tables.filter((t) => qualifiedName(t) !== own).map((t) => t.schema).concat(schema.enums.map((e) => e.schema)));
  const replayedSchemas = appSchemas(replayed);
  const targetSchemas = appSchemas(target);
  for (const schema of replayedSchemas) if (!target.schemas.includes(schema)) add({ object: schema, kind: "schema", change: "missing" });
  for (const schema of targetSchemas) if (!replayed.schemas.includes(schema)) add({ object: schema, kind: "schema", change: "extra" });

  for (const table of replayed.tables) {
    const name = qualifiedName(table);
    if (name === own || targetTables.has(name)) continue;
    add({ object: name, kind: table.kind === "view" || table.kind === "materialized-view" ? "view" : "table", change: "missing" });
  }
  for (const table of forward.extraTables) add({ object: qualifiedName(table), kind: "table", change: "extra" });
  for (const view of reverse.missingViews) if (!view.actual) add({ object: qualifiedName(view.view), kind: "view", change: "extra" });

  for (const { table, column } of forward.missingColumns) add({ object: `${qualifiedName(table)}.${column.name}`, kind: "column", change: "missing" });
  for (const { table, column } of forward.extraColumns) add({ object: `${qualifiedName(table)}.${column.name}`, kind: "column", change: "extra" });
  for (const { table, expected, actual } of forward.typeMismatches) add({ object: `${qualifiedName(table)}.${expected.name}`, kind: "column", change: "different", detail: `type ${actual.type} on the target, ${expected.type} from the migrations` });
  for (const { table, expected, actual } of forward.nullabilityMismatches) {
    add({ object: `${qualifiedName(table)}.${expected.name}`, kind: "column", change: "different", detail: `${actual.nullable ? "nullable" : "NOT NULL"} on the target, ${expected.nullable ? "nullable" : "NOT NULL"} from the migrations` });
  }
  for (const { table, expected, actual, aspect } of forward.valueSourceMismatches) {
    const show = (value: string | undefined) => value ?? "none";
    const [there, here] = aspect === "identity" ? [actual.identity, expected.identity] : aspect === "generated" ? [actual.generated, expected.generated] : [actual.default, expected.default];
    add({ object: `${qualifiedName(table)}.${expected.name}`, kind: "column", change: "different", detail: `${aspect === "serial" ? "default" : aspect} ${show(there)} on the target, ${show(here)} from the migrations` });
  }
  for (const { table, actual } of forward.primaryKeyMismatches) {
    add({ object: qualifiedName(table), kind: "primary key", change: "different", detail: `(${actual?.columns.join(", ") ?? "none"}) on the target, (${table.primaryKey.join(", ")}) from the migrations` });
  }
  for (const { table, unique } of forward.missingUniques) add({ object: columnSetName(table, unique.columns), kind: "unique", change: "missing", ...(unique.name && { name: unique.name }) });
  for (const { table, index } of forward.missingIndexes) add({ object: columnSetName(table, index.columns), kind: index.unique ? "unique" : "index", change: "missing", ...(index.where && { detail: `WHERE ${index.where}` }), ...(index.name && { name: index.name }) });
  for (const { table, columns, where, name } of forward.extraUniques) add({ object: columnSetName(table, columns), kind: "unique", change: "extra", ...(where && { detail: `WHERE ${where}` }), name });
  // Unique ones are extraUniques above.
  for (const { table, index } of reverse.missingIndexes) if (!index.unique) add({ object: columnSetName(table, index.columns), kind: "index", change: "extra", ...(index.where && { detail: `WHERE ${index.where}` }), ...(index.name && { name: index.name }) });
  for (const { table, foreignKey, near } of forward.missingForeignKeys) {
    add({
      object: `${columnSetName(table, foreignKey.columns)} -> ${qualifiedName(foreignKey.referencedTable)}`,
      kind: "foreign key",
      change: near ? "different" : "missing",
      ...(near && { detail: `ON DELETE ${near.onDelete} ON UPDATE ${near.onUpdate} on the target, ON DELETE ${foreignKey.onDelete} ON UPDATE ${foreignKey.onUpdate} from the migrations` }),
    });
  }
  for (const { table, foreignKey, near } of reverse.missingForeignKeys) if (!near) add({ object: `${columnSetName(table, foreignKey.columns)} -> ${qualifiedName(foreignKey.referencedTable)}`, kind: "foreign key", change: "extra" });
  for (const { table, check } of forward.missingChecks) add({ object: qualifiedName(table), kind: "check", change: "missing", detail: check.expression });
  for (const { table, check } of forward.extraChecks) add({ object: qualifiedName(table), kind: "check", change: "extra", detail: check.definition });

  const targetEnums = new Map(target.enums.map((e) => [qualifiedName(e), e]));
  const replayedEnums = new Set(replayed.enums.map(qualifiedName));
  for (const e of replayed.enums) if (!targetEnums.has(qualifiedName(e))) add({ object: qualifiedName(e), kind: "enum", change: "missing" });
  for (const e of target.enums) if (!replayedEnums.has(qualifiedName(e))) add({ object: qualifiedName(e), kind: "enum", change: "extra" });
  for (const { expected, missing, extra } of forward.enumValueMismatches) {
    add({ object: qualifiedName(expected), kind: "enum", change: "different", detail: [missing.length && `values ${missing.join(", ")} missing on the target`, extra.length && `values ${extra.join(", ")} only on the target`].filter(Boolean).join("; ") });
  }
  return items;
}
