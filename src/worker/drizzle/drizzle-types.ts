/**
 * The slice of drizzle-orm's API the adapter uses, typed loosely: the project's own copy is
 * loaded at run time (0.45.x or 1.x), never ours, so these describe shapes, not imports.
 */
export interface SqlLike {
  queryChunks: unknown[];
}

export interface ColumnLike {
  name: string;
  keyAsName?: boolean;
  notNull: boolean;
  primary: boolean;
  isUnique: boolean;
  uniqueName?: string;
  default?: unknown;
  hasDefault: boolean;
  columnType: string;
  getSQLType(): string;
  generatedIdentity?: { type: "always" | "byDefault" };
  generated?: { as: unknown; type?: string };
  enum?: EnumLike;
  /** 0.x arrays: the element column. */
  baseColumn?: ColumnLike;
  /** 1.x arrays: how many [] follow the element type. */
  dimensions?: number;
}

export interface EnumLike {
  (...args: unknown[]): unknown;
  enumName: string;
  enumValues: string[];
  schema?: string;
}

export interface IndexLike {
  config: { name?: string; unique: boolean; columns: unknown[]; where?: SqlLike; method?: string };
}

export interface ForeignKeyLike {
  reference(): { columns: ColumnLike[]; foreignTable: object; foreignColumns: ColumnLike[] };
  getName(): string;
  onDelete?: string;
  onUpdate?: string;
}

export interface TableConfigLike {
  name: string;
  schema?: string;
  columns: ColumnLike[];
  indexes: IndexLike[];
  foreignKeys: ForeignKeyLike[];
  checks: Array<{ name: string; value: SqlLike }>;
  primaryKeys: Array<{ columns: ColumnLike[]; getName?(): string }>;
  uniqueConstraints: Array<{ name?: string; columns: ColumnLike[]; getName?(): string }>;
}

export interface PgDialectLike {
  sqlToQuery(sql: SqlLike, invokeSource?: "indexes"): { sql: string; params: unknown[] };
}

/** The project's drizzle-orm, the parts the adapter calls. */
export interface DrizzleOrm {
  version: string;
  is(value: unknown, type: unknown): boolean;
  SQL: unknown;
  PgTable: unknown;
  PgView?: unknown;
  PgMaterializedView?: unknown;
  isPgEnum(value: unknown): value is EnumLike;
  getTableConfig(table: object): TableConfigLike;
  getTableColumns(table: object): Record<string, ColumnLike>;
  getViewConfig?(view: object): { name: string; schema?: string; isExisting?: boolean };
  getMaterializedViewConfig?(view: object): { name: string; schema?: string; isExisting?: boolean };
  /** 0.x only: the config's `casing` turns property keys into column names at query time. */
  CasingCache?: unknown;
  /** 0.34+: drizzle-orm/casing; before it, no casing setting existed. */
  toSnakeCase?(name: string): string;
  toCamelCase?(name: string): string;
  PgDialect: new (config?: { casing?: string }) => PgDialectLike;
  /** drizzle-orm/pg-proxy (0.29+); before it, the migrator's plan is replayed directly. */
  proxyDrizzle?(callback: ProxyCallback): unknown;
  /** drizzle-orm/pg-proxy/migrator (0.29+) */
  proxyMigrate?(db: unknown, callback: (queries: string[]) => Promise<void>, config: MigratorConfig): Promise<unknown>;
  /** drizzle-orm/migrator */
  readMigrationFiles(config: MigratorConfig): MigrationMeta[];
}

export type ProxyCallback = (sql: string, params: unknown[], method: string) => Promise<{ rows: unknown[] }>;

export interface MigratorConfig {
  migrationsFolder: string;
  migrationsTable?: string;
  migrationsSchema?: string;
}

export interface MigrationMeta {
  sql: string[];
  folderMillis: number;
  hash: string;
  /** 1.x: the folder name. */
  name?: string;
}
