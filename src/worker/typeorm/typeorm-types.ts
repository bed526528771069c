/**
 * The slice of TypeORM's API the worker uses, typed loosely on purpose: it must hold for the
 * user's own typeorm, 0.3.x and 1.x alike, not for one version we compile against.
 */
export type Constructor = abstract new (...args: never[]) => unknown;

export interface TypeormModule {
  DataSource: new (options: Record<string, unknown>) => DataSourceLike;
}

export interface RelationLike {
  propertyName: string;
  target: Constructor | string;
  isOwning: boolean;
  relationType: string;
  junctionEntityMetadata?: EntityMetadataLike;
  inverseEntityMetadata: EntityMetadataLike;
  foreignKeys: ForeignKeyMetadataLike[];
}

export interface EmbeddedMetadataLike {
  propertyName: string;
  parentEmbeddedMetadata?: EmbeddedMetadataLike;
}

export interface ColumnMetadataLike {
  target: Constructor | string;
  propertyName: string;
  propertyPath: string;
  databaseName: string;
  type: unknown;
  length: string | number;
  precision?: number | null;
  scale?: number;
  isArray: boolean;
  isNullable: boolean;
  isPrimary: boolean;
  isGenerated: boolean;
  generationStrategy?: "increment" | "uuid" | "rowid" | "identity";
  generatedIdentity?: "ALWAYS" | "BY DEFAULT";
  generatedType?: "VIRTUAL" | "STORED";
  asExpression?: string;
  default?: unknown;
  enum?: Array<string | number>;
  enumName?: string;
  isVirtualProperty?: boolean;
  isInsert?: boolean;
  isUpdate?: boolean;
  isSelect?: boolean;
  relationMetadata?: RelationLike;
  embeddedMetadata?: EmbeddedMetadataLike;
}

export interface IndexMetadataLike {
  /** The class the decorator sits on. */
  target?: Constructor | string;
  name: string;
  givenName?: string;
  columns: ColumnMetadataLike[];
  givenColumnNames?: unknown;
  isUnique: boolean;
  where?: string;
  synchronize: boolean;
}

export interface UniqueMetadataLike {
  target?: Constructor | string;
  name: string;
  givenName?: string;
  columns: ColumnMetadataLike[];
  givenColumnNames?: unknown;
}

export interface ForeignKeyMetadataLike {
  name: string;
  columnNames: string[];
  referencedColumnNames: string[];
  referencedEntityMetadata: EntityMetadataLike;
  onDelete?: string;
  onUpdate?: string;
}

export interface CheckMetadataLike {
  target?: Constructor | string;
  name: string;
  givenName?: string;
  expression: string;
}

export interface EntityMetadataLike {
  name: string;
  target: Constructor | string;
  tableName: string;
  schema?: string;
  tableType: string;
  synchronize: boolean;
  relations: RelationLike[];
  parentClosureEntityMetadata?: EntityMetadataLike;
  columns: ColumnMetadataLike[];
  primaryColumns: ColumnMetadataLike[];
  indices: IndexMetadataLike[];
  uniques: UniqueMetadataLike[];
  foreignKeys: ForeignKeyMetadataLike[];
  checks: CheckMetadataLike[];
  tableMetadataArgs?: { materialized?: boolean };
}

export interface MigrationLike {
  name?: string;
  transaction?: boolean;
  up(queryRunner: unknown): Promise<unknown>;
}

/** The Postgres driver's own type and default rules: the expected side is built with them. */
export interface PostgresDriverLike {
  options: { schema?: string; uuidExtension?: string };
  normalizeType(column: { type?: unknown; length?: unknown; precision?: unknown; scale?: unknown; isArray?: boolean }): string;
  normalizeDefault(column: ColumnMetadataLike): string | undefined;
  createFullType(column: { type: string; length?: string | number; precision?: number | null; scale?: number; isArray?: boolean }): string;
  uuidGenerator?: string;
  createSchemaBuilder(): { log(): Promise<{ upQueries: Array<{ query: string; parameters?: unknown[] }> }> };
}

export interface DataSourceLike {
  options: Record<string, unknown> & { type?: string };
  entityMetadatas: EntityMetadataLike[];
  migrations: MigrationLike[];
  driver: PostgresDriverLike;
  isInitialized: boolean;
  initialize(): Promise<DataSourceLike>;
  destroy(): Promise<void>;
  runMigrations(options?: { transaction?: "all" | "none" | "each" }): Promise<unknown[]>;
  /** Runs the newest executed migration's down() (check-down only). */
  undoLastMigration(options?: { transaction?: "all" | "none" | "each" }): Promise<void>;
  /** Builds the entities' tables (simulate-synchronize only: the gate never synchronizes otherwise). */
  synchronize(): Promise<void>;
  query(sql: string): Promise<unknown>;
}

export function isDataSource(value: unknown): value is DataSourceLike {
  // InstanceChecker's marker: holds across typeorm copies, unlike instanceof.
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)["@instanceof"] === Symbol.for("DataSource");
}
