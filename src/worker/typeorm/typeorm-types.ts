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
}

export interface MigrationLike {
  name?: string;
  transaction?: boolean;
  up(queryRunner: unknown): Promise<unknown>;
}

export interface DataSourceLike {
  options: Record<string, unknown> & { type?: string };
  entityMetadatas: EntityMetadataLike[];
  migrations: MigrationLike[];
  driver: { options: { schema?: string } };
  isInitialized: boolean;
  initialize(): Promise<DataSourceLike>;
  destroy(): Promise<void>;
  runMigrations(options?: { transaction?: "all" | "none" | "each" }): Promise<unknown[]>;
}

export function isDataSource(value: unknown): value is DataSourceLike {
  // InstanceChecker's marker: holds across typeorm copies, unlike instanceof.
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)["@instanceof"] === Symbol.for("DataSource");
}
