/**
 * The neutral schema model. ORM adapters fill the expected side, the catalog introspector
 * fills the actual side, and one pure function (diff.ts) compares the two. Nothing here knows
 * about an ORM. Names are database names (after naming strategies), unquoted.
 */
import type { SourceLocation } from "../engine/result.js";

export interface TableName {
  schema: string;
  name: string;
}

/** entity: a TypeORM @Entity; table: a Drizzle pgTable export. */
export type ExpectedTableKind = "entity" | "table" | "join-table" | "closure-table";

export interface ExpectedColumn {
  name: string;
  /** `Entity.property` (or `Entity.embedded.property`), for messages. */
  property: string;
  /**
   * The type as the ORM writes it in CREATE TABLE (`character varying(320)`, `TIMESTAMP(3)`,
   * `integer array`). canonicalize.ts turns it into what Postgres's format_type prints.
   */
  type: string;
  /** Set when the column's type is an enum (or an array of one). */
  enum?: TableName;
  nullable: boolean;
  /** SQL expression; undefined: no default. Canonicalized like `type`. */
  default?: string;
  /** SERIAL / BIGSERIAL: a sequence default, whatever the sequence is called. */
  serial?: boolean;
  identity?: "ALWAYS" | "BY DEFAULT";
  /** GENERATED ALWAYS AS (expression) STORED. */
  generated?: string;
  /**
   * Set when the ORM leaves the column out of some statements (TypeORM `insert: false`,
   * `update: false`, `select: false`): a column it never inserts must not be NOT NULL without a
   * default, and one it never touches at all matters only to queries that name it.
   */
  access?: { insert: boolean; update: boolean; select: boolean };
  location?: SourceLocation;
}

export interface ExpectedIndex {
  /** The name the ORM would give it; never used for matching (names differ for good reasons). */
  name?: string;
  columns: string[];
  unique: boolean;
  /** Partial index predicate, canonicalized. */
  where?: string;
  location?: SourceLocation;
}

export interface ExpectedUnique {
  name?: string;
  columns: string[];
  location?: SourceLocation;
}

export type ReferentialAction = "NO ACTION" | "RESTRICT" | "CASCADE" | "SET NULL" | "SET DEFAULT";

const REFERENTIAL_ACTIONS: readonly string[] = ["NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"];

/** An ORM's spelling of ON DELETE/UPDATE (`cascade`, `set null`, undefined) as the catalog's. */
export function referentialAction(value: string | undefined): ReferentialAction {
  const upper = (value ?? "NO ACTION").toUpperCase();
  return (REFERENTIAL_ACTIONS.includes(upper) ? upper : "NO ACTION") as ReferentialAction;
}

export interface ExpectedForeignKey {
  name?: string;
  columns: string[];
  referencedTable: TableName;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
  /** `Post.author`, for messages. */
  relation?: string;
  location?: SourceLocation;
}

export interface ExpectedCheck {
  name?: string;
  /** As written in the entity; canonicalized to pg_get_constraintdef's form. */
  expression: string;
  location?: SourceLocation;
}

export interface ExpectedTable extends TableName {
  kind: ExpectedTableKind;
  /** The entity class (for join tables, the entity that owns the relation); for Drizzle, the pgTable export. */
  entityName: string;
  /** For join tables: `Book.tags`. */
  relation?: string;
  location?: SourceLocation;
  columns: ExpectedColumn[];
  primaryKey: string[];
  uniques: ExpectedUnique[];
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
  checks: ExpectedCheck[];
}

export interface ExpectedEnum extends TableName {
  values: string[];
  /** The first column that uses it: `Account.role`. */
  usedBy: string;
  /** Every table with a column of this type (`schema.table`). */
  tables: string[];
  location?: SourceLocation;
}

export interface ExpectedView extends TableName {
  materialized: boolean;
  entityName: string;
  location?: SourceLocation;
}

export interface ExpectedSchema {
  tables: ExpectedTable[];
  enums: ExpectedEnum[];
  views: ExpectedView[];
  /** Every schema the objects above live in. */
  schemas: string[];
  /** Tables the ORM keeps for itself (migrations log, metadata): never "extra". */
  ownTables: TableName[];
}

export type ActualRelationKind = "table" | "partitioned-table" | "view" | "materialized-view" | "foreign-table";

export interface ActualColumn {
  name: string;
  /** format_type(atttypid, atttypmod). */
  type: string;
  enum?: TableName;
  nullable: boolean;
  default?: string;
  identity?: "ALWAYS" | "BY DEFAULT";
  generated?: string;
}

export interface ActualIndex {
  name: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
  where?: string;
  /** The constraint it backs (primary key, unique, exclusion), if any. */
  constraint?: string;
}

export interface ActualForeignKey {
  name: string;
  columns: string[];
  referencedTable: TableName;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface ActualConstraint {
  name: string;
  columns: string[];
}

export interface ActualCheck {
  name: string;
  /** pg_get_constraintdef: `CHECK ((balance >= (0)::numeric))`. */
  definition: string;
}

export interface ActualTable extends TableName {
  kind: ActualRelationKind;
  columns: ActualColumn[];
  primaryKey?: ActualConstraint;
  uniques: ActualConstraint[];
  indexes: ActualIndex[];
  foreignKeys: ActualForeignKey[];
  checks: ActualCheck[];
}

export interface ActualEnum extends TableName {
  values: string[];
}

export interface ActualSchema {
  tables: ActualTable[];
  enums: ActualEnum[];
  schemas: string[];
}

/** A double-quoted SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualifiedName(table: TableName): string {
  return `${table.schema}.${table.name}`;
}

/** `public.posts(author_id, slug)`: how index-like findings name their object. */
export function columnSetName(table: TableName, columns: readonly string[]): string {
  return `${qualifiedName(table)}(${columns.join(", ")})`;
}

export function isView(table: { kind: ActualRelationKind }): boolean {
  return table.kind === "view" || table.kind === "materialized-view";
}
