/**
 * The neutral schema model. ORM adapters fill the expected side, the catalog introspector
 * fills the actual side, and rules compare the two. Nothing here knows about an ORM.
 */
import type { SourceLocation } from "../engine/result.js";

export interface TableName {
  schema: string;
  name: string;
}

export type ExpectedTableKind = "entity" | "join-table" | "closure-table";

export interface ExpectedTable extends TableName {
  kind: ExpectedTableKind;
  /** The entity class (for join tables, the entity that owns the relation). */
  entityName: string;
  /** For join tables: `Book.tags`. */
  relation?: string;
  location?: SourceLocation;
}

export interface ExpectedSchema {
  tables: ExpectedTable[];
}

export type ActualRelationKind = "table" | "partitioned-table" | "view" | "materialized-view" | "foreign-table";

export interface ActualTable extends TableName {
  kind: ActualRelationKind;
}

export interface ActualSchema {
  tables: ActualTable[];
}

export function qualifiedName(table: TableName): string {
  return `${table.schema}.${table.name}`;
}
