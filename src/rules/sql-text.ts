import { quoteIdentifier, type ExpectedColumn, type TableName } from "../schema/model.js";

/** SQL the hints suggest. Quoted the way TypeORM's generated migrations quote. */
export function quoteTable(table: TableName): string {
  return table.schema === "public" ? quote(table.name) : `${quote(table.schema)}.${quote(table.name)}`;
}

export const quote = quoteIdentifier;

export function columnList(columns: readonly string[]): string {
  return columns.map(quote).join(", ");
}

/** `"email" character varying(320) NOT NULL DEFAULT ...`, as an ADD COLUMN would say it. */
export function columnDefinition(column: ExpectedColumn): string {
  const type = column.enum ? `${quoteTable(column.enum)}${column.type.endsWith("[]") ? "[]" : ""}` : column.type;
  let sql = `${quote(column.name)} ${column.serial ? serialType(type) : type}`;
  if (column.generated) sql += ` GENERATED ALWAYS AS (${column.generated}) STORED`;
  if (column.identity) sql += ` GENERATED ${column.identity} AS IDENTITY`;
  if (!column.nullable) sql += " NOT NULL";
  if (column.default !== undefined && !column.serial && !column.identity && !column.generated) sql += ` DEFAULT ${column.default}`;
  return sql;
}

function serialType(type: string): string {
  return type === "bigint" ? "BIGSERIAL" : type === "smallint" ? "SMALLSERIAL" : "SERIAL";
}
