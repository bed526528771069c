import type { SourceLocation } from "../../engine/result.js";
import type {
  ExpectedColumn, ExpectedEnum, ExpectedForeignKey, ExpectedIndex, ExpectedSchema, ExpectedTable, ExpectedUnique, ExpectedView, TableName,
} from "../../schema/model.js";
import { referentialAction } from "../../schema/model.js";
import type { SiteRegistry } from "../site-registry.js";
import type { DrizzleProjectConfig } from "./load-config.js";
import type { LoadedSchema } from "./load-schema.js";
import type { ColumnLike, DrizzleOrm, EnumLike, PgDialectLike } from "./drizzle-types.js";

interface Context {
  orm: DrizzleOrm;
  dialect: PgDialectLike;
  /** Column object → database name (0.x casing applied). */
  columnName: (column: ColumnLike) => string;
  sites: SiteRegistry;
  enums: Map<string, ExpectedEnum>;
}

const SERIAL_TYPES: Record<string, string> = { serial: "integer", bigserial: "bigint", smallserial: "smallint" };

/**
 * The schema the pgTable definitions describe, as drizzle-kit generate would write it:
 * getTableConfig from the project's own drizzle-orm, SQL rendered by its own PgDialect, column
 * names through the config's casing (0.x; 1.x names columns when the table is defined). Each
 * object carries the line to edit: the export for tables, the key for columns, the entry of the
 * extra-config callback for indexes and constraints.
 */
export function drizzleExpectedSchema(loaded: LoadedSchema, config: DrizzleProjectConfig, orm: DrizzleOrm, sites: SiteRegistry): ExpectedSchema {
  // 0.x applies the config's casing to columns named by their key; 1.x names them when the table is defined.
  const convert = config.casing && orm.CasingCache ? (config.casing === "snake_case" ? orm.toSnakeCase : orm.toCamelCase) : undefined;
  const context: Context = {
    orm,
    dialect: new orm.PgDialect(config.casing ? { casing: config.casing } : undefined),
    columnName: (column) => (convert && column.keyAsName ? convert(column.name) : column.name),
    sites,
    enums: new Map(),
  };
  for (const { value, exportName } of loaded.enums) addEnum(context, value, `enum ${exportName}`, sites.classLocation(value));

  const tables = new Map<string, ExpectedTable>();
  for (const { value, exportName } of loaded.tables) {
    const table = expectedTable(context, value, exportName);
    // Two exports defining the same table: drizzle-kit would fail on it; keep the first.
    if (!tables.has(`${table.schema}.${table.name}`)) tables.set(`${table.schema}.${table.name}`, table);
  }
  const views: ExpectedView[] = loaded.views.flatMap(({ value, exportName, materialized }) => {
    const viewConfig = materialized ? orm.getMaterializedViewConfig?.(value) : orm.getViewConfig?.(value);
    // `.existing()` views are managed elsewhere: drizzle-kit never writes them.
    if (!viewConfig || viewConfig.isExisting) return [];
    return [{ schema: viewConfig.schema ?? "public", name: viewConfig.name, materialized, entityName: exportName, location: sites.classLocation(value) }];
  });

  const enums = [...context.enums.values()];
  const schemas = [...new Set([...tables.values(), ...views, ...enums].map((object) => object.schema))];
  const ownTables: TableName[] = [
    { schema: config.migrationsSchema, name: config.migrationsTable },
    // drizzle-orm 0.x's pg-proxy migrator, used for the replay, always keeps its log here.
    { schema: "drizzle", name: "__drizzle_migrations" },
  ];
  return { tables: [...tables.values()], enums, views, schemas, ownTables };
}

function expectedTable(context: Context, value: object, exportName: string): ExpectedTable {
  const { orm, sites, columnName } = context;
  const config = orm.getTableConfig(value);
  const schema = config.schema ?? "public";
  const location = sites.classLocation(value);
  // By name: index and constraint builders hold copies of the columns, not the table's own objects.
  const keys = new Map<string, string>(Object.entries(orm.getTableColumns(value)).map(([key, column]) => [column.name, key]));
  const keyOf = (column: ColumnLike) => keys.get(column.name) ?? column.name;
  const columnLocation = (column: ColumnLike) => sites.memberLocation(value, keyOf(column)) ?? location;
  // An entry of the extra-config callback, by its name argument, else by the columns it names.
  const entryLocation = (builders: string[], name: string | undefined, columns: ColumnLike[]): SourceLocation | undefined => {
    for (const decorator of builders) {
      const found = name !== undefined ? sites.decoratorLocation(value, { decorator, name }) : undefined;
      if (found) return found;
      const unnamed = sites.decoratorLocation(value, { decorator, columns: columns.map(keyOf) });
      if (unnamed) return unnamed;
    }
    return columns.length === 1 ? columnLocation(columns[0]!) : location;
  };
  const table: TableName = { schema, name: config.name };

  const compositeKey = config.primaryKeys[0]?.columns ?? [];
  const primaryKey = [...config.columns.filter((column) => column.primary), ...compositeKey].map(columnName);

  const columns = config.columns.map((column) =>
    expectedColumn(context, column, { table, property: `${exportName}.${keyOf(column)}`, location: columnLocation(column), inPrimaryKey: primaryKey.includes(columnName(column)) }),
  );

  const uniques: ExpectedUnique[] = [
    ...config.columns.filter((column) => column.isUnique).map((column) => ({ name: column.uniqueName, columns: [columnName(column)], location: columnLocation(column) })),
    ...config.uniqueConstraints.map((unique) => {
      const name = unique.name ?? unique.getName?.();
      return { name, columns: unique.columns.map(columnName), location: entryLocation(["unique"], unique.name, unique.columns) };
    }),
  ];

  const indexes: ExpectedIndex[] = config.indexes.flatMap((index) => {
    const indexColumns = index.config.columns;
    // Expression indexes (`lower(${t.email})`) are not modelled: only column lists are compared.
    if (!indexColumns.every((column) => isColumn(column) && !orm.is(column, orm.SQL))) return [];
    const cols = indexColumns as ColumnLike[];
    return [
      {
        name: index.config.name,
        columns: cols.map(columnName),
        unique: index.config.unique,
        ...(index.config.where && { where: context.dialect.sqlToQuery(index.config.where, "indexes").sql }),
        location: entryLocation([index.config.unique ? "uniqueIndex" : "index"], index.config.name, cols),
      },
    ];
  });

  const foreignKeys: ExpectedForeignKey[] = config.foreignKeys.map((fk) => {
    const reference = fk.reference();
    const target = orm.getTableConfig(reference.foreignTable);
    const single = reference.columns.length === 1 ? sites.memberLocation(value, keyOf(reference.columns[0]!)) : undefined;
    return {
      name: fk.getName(),
      columns: reference.columns.map(columnName),
      referencedTable: { schema: target.schema ?? "public", name: target.name },
      referencedColumns: reference.foreignColumns.map(columnName),
      onDelete: referentialAction(fk.onDelete),
      onUpdate: referentialAction(fk.onUpdate),
      relation: `${exportName}.${reference.columns.map(keyOf).join(", ")}`,
      // `.references()` on the column, or a foreignKey() entry of the callback.
      location: sites.decoratorLocation(value, { decorator: "foreignKey", columns: reference.columns.map(keyOf) }) ?? single ?? location,
    };
  });

  const checks = config.checks.map((check) => ({
    name: check.name,
    expression: context.dialect.sqlToQuery(check.value, "indexes").sql,
    location: entryLocation(["check"], check.name, []),
  }));

  return { ...table, kind: "table", entityName: exportName, location, columns, primaryKey, uniques, indexes, foreignKeys, checks };
}

interface ColumnPlace {
  table: TableName;
  property: string;
  location?: SourceLocation;
  inPrimaryKey: boolean;
}

/** Mirrors drizzle-kit's CREATE TABLE column: type, NOT NULL, DEFAULT, identity, generated. */
function expectedColumn(context: Context, column: ColumnLike, place: ColumnPlace): ExpectedColumn {
  const sqlType = column.getSQLType();
  const dimensions = column.dimensions ?? 0;
  const arraySuffix = dimensions > 0 && !sqlType.endsWith("[]") ? "[]".repeat(dimensions) : "";
  const expected: ExpectedColumn = {
    name: context.columnName(column),
    property: place.property,
    type: `${sqlType}${arraySuffix}`,
    nullable: !column.notNull && !place.inPrimaryKey,
    location: place.location,
  };
  const enumType = column.enum ?? column.baseColumn?.enum;
  if (enumType) {
    const name = addEnum(context, enumType, place.property, place.location);
    expected.enum = name;
    expected.type = `${name.schema}.${name.name}${sqlType.endsWith("[]") || dimensions > 0 ? "[]" : ""}`;
    context.enums.get(`${name.schema}.${name.name}`)!.tables.push(`${place.table.schema}.${place.table.name}`);
  }
  const serial = SERIAL_TYPES[sqlType];
  if (serial) {
    expected.type = serial;
    expected.serial = true;
  }
  if (column.generatedIdentity) expected.identity = column.generatedIdentity.type === "always" ? "ALWAYS" : "BY DEFAULT";
  if (column.generated) {
    const as = typeof column.generated.as === "function" ? (column.generated.as as () => unknown)() : column.generated.as;
    expected.generated = renderSql(context, as) ?? String(as);
  } else if (column.default !== undefined && !serial) {
    expected.default = renderDefault(context, column, column.default);
  }
  return expected;
}

/** drizzle-kit's rendering of a JS default: strings quoted, JSON serialized, arrays as array literals. */
function renderDefault(context: Context, column: ColumnLike, value: unknown): string {
  const sql = renderSql(context, value);
  if (sql !== undefined) return sql;
  if (typeof value === "string") return quoteLiteral(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return quoteLiteral(/^date$/.test(column.getSQLType()) ? value.toISOString().slice(0, 10) : value.toISOString().replace("T", " ").replace("Z", ""));
  const isArray = column.baseColumn !== undefined || (column.dimensions ?? 0) > 0;
  if (isArray && Array.isArray(value)) return quoteLiteral(arrayLiteral(value));
  return quoteLiteral(JSON.stringify(value));
}

function renderSql(context: Context, value: unknown): string | undefined {
  return context.orm.is(value, context.orm.SQL) ? context.dialect.sqlToQuery(value as never, "indexes").sql : undefined;
}

function arrayLiteral(values: unknown[]): string {
  return `{${values.map((v) => (Array.isArray(v) ? arrayLiteral(v) : typeof v === "string" ? `"${v.replace(/["\\]/g, "\\$&")}"` : v === null ? "NULL" : typeof v === "object" ? `"${JSON.stringify(v).replace(/["\\]/g, "\\$&")}"` : String(v))).join(",")}}`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function addEnum(context: Context, value: EnumLike, usedBy: string, location: SourceLocation | undefined): TableName {
  const name: TableName = { schema: value.schema ?? "public", name: value.enumName };
  const key = `${name.schema}.${name.name}`;
  if (!context.enums.has(key)) {
    context.enums.set(key, { ...name, values: [...value.enumValues], usedBy, tables: [], location: context.sites.classLocation(value) ?? location });
  }
  return name;
}

/** A table column, or the IndexedColumn copy an index builder keeps of it. */
function isColumn(value: unknown): value is ColumnLike {
  return typeof value === "object" && value !== null && typeof (value as ColumnLike).name === "string";
}
