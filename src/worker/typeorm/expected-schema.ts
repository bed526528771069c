import type { SourceLocation } from "../../engine/result.js";
import type {
  ExpectedColumn, ExpectedEnum, ExpectedForeignKey, ExpectedSchema, ExpectedTable, ExpectedView, TableName,
} from "../../schema/model.js";
import { referentialAction } from "../../schema/model.js";
import type { SiteRegistry } from "../site-registry.js";
import type { ColumnMetadataLike, DataSourceLike, EntityMetadataLike, ForeignKeyMetadataLike, PostgresDriverLike } from "./typeorm-types.js";

/**
 * The schema TypeORM's metadata says must exist, built with the user's own driver rules
 * (normalizeType, createFullType, normalizeDefault), so the expected side says exactly what
 * `migration:generate` would write. Every table, column, key, index, check, enum and view
 * gets the source line a developer would edit.
 *
 * Views and single-table-inheritance children have no table of their own. Join tables have no
 * class (`target` is ""), so they are located at the owning relation's property.
 */
export function expectedSchema(dataSource: DataSourceLike, sites: SiteRegistry): ExpectedSchema {
  const driver = dataSource.driver;
  const defaultSchema = driver.options.schema ?? "public";
  const tables: ExpectedTable[] = [];
  const views: ExpectedView[] = [];
  const enums = new Map<string, ExpectedEnum>();

  for (const metadata of dataSource.entityMetadatas) {
    if (metadata.tableType === "entity-child" || metadata.synchronize === false) continue;
    const base = { schema: metadata.schema ?? defaultSchema, name: metadata.tableName };
    if (metadata.tableType === "view") {
      views.push({ ...base, materialized: metadata.tableMetadataArgs?.materialized === true, entityName: metadata.name, location: sites.classLocation(metadata.target) });
      continue;
    }
    const owner = describeOwner(dataSource, metadata, sites);
    const locate = (column: ColumnMetadataLike) => columnLocation(column, metadata, owner.location, sites);
    const columns = metadata.columns.filter((column) => !column.isVirtualProperty);

    tables.push({
      ...base,
      ...owner,
      columns: columns.map((column) => expectedColumn({ column, table: base, driver, entityName: owner.entityName, location: locate(column), enums })),
      primaryKey: metadata.primaryColumns.map((column) => column.databaseName),
      uniques: metadata.uniques.map((unique) => ({
        name: unique.name,
        columns: unique.columns.map((column) => column.databaseName),
        location:
          sites.decoratorLocation(unique.target ?? metadata.target, { decorator: "Unique", name: unique.givenName, columns: unique.givenColumnNames }) ??
          // A one-to-one's implied unique carries a generated name: it belongs to the relation.
          (unique.columns.length === 1 && (!unique.givenName || unique.columns[0]!.relationMetadata) ? locate(unique.columns[0]!) : owner.location),
      })),
      indexes: metadata.indices
        .filter((index) => index.synchronize !== false)
        .map((index) => ({
          name: index.name,
          columns: index.columns.map((column) => column.databaseName),
          unique: index.isUnique,
          ...(index.where && { where: index.where }),
          location:
            sites.decoratorLocation(index.target ?? metadata.target, { decorator: "Index", name: index.givenName, columns: index.givenColumnNames }) ??
            (propertyLevel(index.givenColumnNames) && index.columns.length === 1 ? locate(index.columns[0]!) : owner.location),
        })),
      foreignKeys: metadata.foreignKeys.map((fk) => expectedForeignKey(fk, metadata, owner.location, defaultSchema, sites)),
      checks: metadata.checks.map((check) => ({
        name: check.name,
        expression: check.expression,
        location: sites.decoratorLocation(check.target ?? metadata.target, { decorator: "Check", name: check.givenName ?? check.expression }) ?? owner.location,
      })),
    });
  }

  const ownTables = ownTablesOf(dataSource, defaultSchema);
  const merged = mergeSharedTables(tables);
  const schemas = [...new Set([...merged, ...views, ...enums.values()].map((object) => object.schema))];
  return { tables: merged, enums: [...enums.values()], views, schemas, ownTables };
}

/**
 * A many-to-many with @JoinTable on both sides naming the same table gives TypeORM two junction
 * metadatas for one table: one table is expected, with what either side declares (a column or
 * key both declare once), so a gap is reported once.
 */
function mergeSharedTables(tables: ExpectedTable[]): ExpectedTable[] {
  const byName = new Map<string, ExpectedTable>();
  for (const table of tables) {
    const key = `${table.schema}.${table.name}`;
    const first = byName.get(key);
    if (!first) {
      byName.set(key, table);
      continue;
    }
    const add = <T>(into: T[], items: T[], same: (a: T, b: T) => boolean) => {
      for (const item of items) if (!into.some((existing) => same(existing, item))) into.push(item);
    };
    const sameColumns = (a: { columns: string[] }, b: { columns: string[] }) => a.columns.length === b.columns.length && a.columns.every((c) => b.columns.includes(c));
    const merged: ExpectedTable = {
      ...first,
      // Prefer the side TypeORM treats as owning (it has a relation to point at).
      ...(first.location === undefined && table.location !== undefined && { location: table.location, entityName: table.entityName, relation: table.relation }),
      columns: [...first.columns],
      uniques: [...first.uniques],
      indexes: [...first.indexes],
      foreignKeys: [...first.foreignKeys],
      checks: [...first.checks],
      primaryKey: first.primaryKey.length ? first.primaryKey : table.primaryKey,
    };
    add(merged.columns, table.columns, (a, b) => a.name === b.name);
    add(merged.uniques, table.uniques, sameColumns);
    add(merged.indexes, table.indexes, (a, b) => sameColumns(a, b) && a.unique === b.unique && a.where === b.where);
    add(merged.foreignKeys, table.foreignKeys, (a, b) => sameColumns(a, b) && a.referencedTable.schema === b.referencedTable.schema && a.referencedTable.name === b.referencedTable.name);
    add(merged.checks, table.checks, (a, b) => a.expression === b.expression);
    byName.set(key, merged);
  }
  return [...byName.values()];
}

interface Owner {
  kind: ExpectedTable["kind"];
  entityName: string;
  relation?: string;
  location?: SourceLocation;
}

function describeOwner(dataSource: DataSourceLike, metadata: EntityMetadataLike, sites: SiteRegistry): Owner {
  if (metadata.tableType === "junction") {
    const owner = owningRelation(dataSource, metadata);
    return {
      kind: "join-table",
      entityName: owner ? className(owner.owner) : metadata.name,
      relation: owner ? `${className(owner.owner)}.${owner.relation.propertyName}` : undefined,
      location: owner ? sites.memberLocation(owner.relation.target, owner.relation.propertyName) : undefined,
    };
  }
  if (metadata.tableType === "closure-junction") {
    const entity = metadata.parentClosureEntityMetadata;
    return { kind: "closure-table", entityName: entity?.name ?? metadata.name, location: entity && sites.classLocation(entity.target) };
  }
  return { kind: "entity", entityName: metadata.name, location: sites.classLocation(metadata.target) };
}

interface ColumnRequest {
  column: ColumnMetadataLike;
  table: TableName;
  driver: PostgresDriverLike;
  entityName: string;
  location?: SourceLocation;
  enums: Map<string, ExpectedEnum>;
}

/** Mirrors PostgresQueryRunner.buildCreateColumnSql: what CREATE TABLE would say for this column. */
function expectedColumn({ column, table, driver, entityName, location, enums }: ColumnRequest): ExpectedColumn {
  const expected: ExpectedColumn = {
    name: column.databaseName,
    property: `${entityName}.${column.propertyPath}`,
    type: "",
    nullable: column.isNullable === true && !column.isPrimary,
    location,
  };
  if (column.type === "enum" || column.type === "simple-enum") {
    const enumName: TableName = { schema: table.schema, name: column.enumName ?? `${table.name}_${column.databaseName.toLowerCase()}_enum` };
    expected.enum = enumName;
    expected.type = `${enumName.schema}.${enumName.name}${column.isArray ? "[]" : ""}`;
    const key = `${enumName.schema}.${enumName.name}`;
    if (!enums.has(key)) enums.set(key, { ...enumName, values: (column.enum ?? []).map(String), usedBy: expected.property, tables: [], location });
    enums.get(key)!.tables.push(`${table.schema}.${table.name}`);
  } else {
    expected.type = driver.createFullType({
      type: driver.normalizeType(column),
      length: column.length,
      precision: column.precision,
      scale: column.scale,
      isArray: column.isArray,
    });
  }

  const access = { insert: column.isInsert !== false, update: column.isUpdate !== false, select: column.isSelect !== false };
  if (!access.insert || !access.update || !access.select) expected.access = access;

  if (column.isGenerated && column.generationStrategy === "increment") expected.serial = true;
  if (column.isGenerated && column.generationStrategy === "identity") expected.identity = column.generatedIdentity ?? "BY DEFAULT";
  if (column.generatedType === "STORED" && column.asExpression) expected.generated = column.asExpression;

  const given = driver.normalizeDefault(column);
  if (given !== undefined && given !== null) expected.default = String(given);
  else if (column.isGenerated && column.generationStrategy === "uuid") expected.default = driver.uuidGenerator ?? "uuid_generate_v4()";
  return expected;
}

function expectedForeignKey(fk: ForeignKeyMetadataLike, metadata: EntityMetadataLike, tableLocation: SourceLocation | undefined, defaultSchema: string, sites: SiteRegistry): ExpectedForeignKey {
  const relation = metadata.relations.find((r) => r.foreignKeys?.includes(fk));
  const referenced = fk.referencedEntityMetadata;
  return {
    name: fk.name,
    columns: fk.columnNames,
    referencedTable: { schema: referenced.schema ?? defaultSchema, name: referenced.tableName },
    referencedColumns: fk.referencedColumnNames,
    onDelete: referentialAction(fk.onDelete),
    onUpdate: referentialAction(fk.onUpdate),
    ...(relation && { relation: `${metadata.name}.${relation.propertyName}` }),
    location: relation ? sites.memberLocation(relation.target, relation.propertyName) : tableLocation,
  };
}

/**
 * Where a developer edits this column: the relation property for a foreign key column, the
 * embedded property on the entity for embedded columns, the property itself otherwise; the
 * class for columns TypeORM adds (tree levels, discriminators) and for join tables.
 */
function columnLocation(column: ColumnMetadataLike, metadata: EntityMetadataLike, tableLocation: SourceLocation | undefined, sites: SiteRegistry): SourceLocation | undefined {
  if (metadata.tableType === "junction" || metadata.tableType === "closure-junction") return tableLocation;
  if (column.relationMetadata) return sites.memberLocation(column.relationMetadata.target, column.relationMetadata.propertyName) ?? tableLocation;
  if (column.embeddedMetadata) {
    let top = column.embeddedMetadata;
    while (top.parentEmbeddedMetadata) top = top.parentEmbeddedMetadata;
    return sites.memberLocation(metadata.target, top.propertyName) ?? tableLocation;
  }
  if (typeof column.target === "function") return sites.memberLocation(column.target, column.propertyName) ?? tableLocation;
  return tableLocation;
}

/** `@Index()` on a property records the property name as its one column (class-level ones were matched above). */
function propertyLevel(givenColumnNames: unknown): boolean {
  return Array.isArray(givenColumnNames) && givenColumnNames.length === 1;
}

function ownTablesOf(dataSource: DataSourceLike, defaultSchema: string): TableName[] {
  const options = dataSource.options as Record<string, unknown>;
  const schema = (options["migrationsTableSchema"] as string | undefined) ?? defaultSchema;
  return [
    { schema, name: (options["migrationsTableName"] as string | undefined) ?? "migrations" },
    { schema: defaultSchema, name: (options["metadataTableName"] as string | undefined) ?? "typeorm_metadata" },
    { schema: defaultSchema, name: "query-result-cache" },
  ];
}

function owningRelation(dataSource: DataSourceLike, junction: EntityMetadataLike) {
  for (const owner of dataSource.entityMetadatas) {
    const relation = owner.relations.find((r) => r.isOwning && r.junctionEntityMetadata === junction);
    if (relation) return { owner, relation };
  }
  return undefined;
}

function className(metadata: EntityMetadataLike): string {
  return typeof metadata.target === "function" ? metadata.target.name : metadata.name;
}
