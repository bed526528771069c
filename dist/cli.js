#!/usr/bin/env node
import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import {
  SUPPORTED_MAJORS,
  applyIgnores,
  chooseIsolation,
  describeServer,
  evaluateRules,
  formatErrorJson,
  formatErrorSarif,
  formatGateError,
  formatJson,
  formatSarif,
  onCleanup,
  openSandbox,
  provision,
  readCatalog,
  repositoryRoot,
  rootSpellings,
  runGate,
  seconds,
  startRevision,
  whileServerLives,
  withLibpqSslModes,
  writeErrorSarifFile,
  writeSarifFile
} from "./chunk-DKZG6A3B.js";
import {
  failingFindings,
  formatMarkdown,
  formatText
} from "./chunk-RMZPZVYR.js";
import {
  matchTrackingRows
} from "./chunk-XVAYU2AX.js";
import {
  DEPLOY_RULES,
  GateError,
  OPTION_SPECS,
  columnSetName,
  diffSchemas,
  isView,
  parseOptions,
  qualifiedName,
  quoteIdentifier
} from "./chunk-DUTTA6QX.js";
import {
  VERSION
} from "./chunk-22ADNI7Q.js";
import "./chunk-YDLDOLXO.js";
import {
  esm_default
} from "./chunk-A7TTDEVP.js";
import "./chunk-4EXQY7HF.js";

// src/cli/main.ts
import path from "node:path";
import { parseArgs } from "node:util";

// src/engine/baseline.ts
async function planBaseline({ throwaway, tracking, table, targetHasTable }) {
  const client = new esm_default.Client({ ...throwaway, ssl: throwaway.ssl });
  await client.connect();
  try {
    const qualified = `${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}`;
    const written = table.columns.filter((c) => c.default === void 0 && !c.identity && c.generated === void 0).map((c) => c.name);
    const order = table.columns.some((c) => c.name === "id") ? " ORDER BY id" : "";
    const { rows } = await client.query(`SELECT ${written.map(quoteIdentifier).join(", ")} FROM ${qualified}${order}`);
    const statements = targetHasTable ? [] : createTableStatements(tracking, table);
    for (const row of rows) {
      statements.push(`INSERT INTO ${qualified} (${written.map(quoteIdentifier).join(", ")}) VALUES (${written.map((c) => row[c] == null ? "NULL" : esm_default.escapeLiteral(String(row[c]))).join(", ")})`);
    }
    const migrations = rows.map((row) => String(row["name"] ?? row["hash"] ?? row["created_at"] ?? ""));
    return { statements, migrations };
  } finally {
    await client.end().catch(() => void 0);
  }
}
function createTableStatements(tracking, table) {
  const columns = table.columns.map((c) => {
    const serial = c.default !== void 0 && /^nextval\(/i.test(c.default) && (c.type === "integer" || c.type === "bigint");
    if (serial) return `${quoteIdentifier(c.name)} ${c.type === "bigint" ? "BIGSERIAL" : "SERIAL"} NOT NULL`;
    return `${quoteIdentifier(c.name)} ${c.type}${c.nullable ? "" : " NOT NULL"}${c.default !== void 0 ? ` DEFAULT ${c.default}` : ""}`;
  });
  if (table.primaryKey) columns.push(`CONSTRAINT ${quoteIdentifier(table.primaryKey.name)} PRIMARY KEY (${table.primaryKey.columns.map(quoteIdentifier).join(", ")})`);
  return [`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(tracking.schema)}`, `CREATE TABLE ${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)} (${columns.join(", ")})`];
}
async function writeBaseline({ url, tracking, plan }) {
  const client = new esm_default.Client({ connectionString: withLibpqSslModes(url), connectionTimeoutMillis: 1e4, application_name: "migration-gate baseline" });
  await client.connect();
  const qualified = `${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}`;
  try {
    await client.query("BEGIN");
    const [ddl, inserts] = [plan.statements.filter((s) => !s.startsWith("INSERT")), plan.statements.filter((s) => s.startsWith("INSERT"))];
    for (const statement of ddl) await client.query(statement);
    await client.query(`LOCK TABLE ${qualified} IN SHARE ROW EXCLUSIVE MODE`);
    const present = await client.query(`SELECT count(*) AS count FROM ${qualified}`);
    if (Number(present.rows[0].count) > 0) throw new GateError("baseline-rows-appeared", `${tracking.schema}.${tracking.name} got rows while baseline ran (a deploy in progress?): nothing was written.`, { hint: "Run migration-gate deploy-check on it to see what it holds now." });
    for (const statement of inserts) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => void 0);
    if (error instanceof GateError) throw error;
    throw new GateError("baseline-write-failed", `Could not write the rows into ${tracking.schema}.${tracking.name}: ${error.message}. Nothing was written (one transaction).`, {
      hint: "The user in target-url needs INSERT on that table (and CREATE on its schema when the table is missing).",
      cause: error
    });
  } finally {
    await client.end().catch(() => void 0);
  }
}

// src/engine/data-probes.ts
var IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
var QNAME = String.raw`${IDENT}(?:\s*\.\s*${IDENT})?`;
function planProbes(pending, target, limits) {
  const probes = [];
  const rewritten = /* @__PURE__ */ new Map();
  const created = /* @__PURE__ */ new Set();
  for (const migration of pending) {
    for (const raw of migration.statements ?? []) {
      const statement = normalize(raw);
      for (const found of probesOf(statement)) {
        const name = qualifiedName(found.table);
        if (created.has(name)) continue;
        const table = target.catalog.tables.find((t) => qualifiedName(t) === name);
        if (!table) continue;
        const missingColumn = found.columns.find((c) => !table.columns.some((col) => col.name === c));
        if (missingColumn && found.kind !== "required-column") continue;
        const probe = { migration: migration.name, ...migration.location && { location: migration.location }, statement: raw.trim(), ...found };
        const estimated = target.estimatedRows.get(name) ?? 0;
        if (rewritten.has(name)) probe.skipped = `${rewritten.get(name)} changes rows of ${name} before this statement runs, so today's rows say nothing about it`;
        else if (estimated > limits.maxRows) probe.skipped = `${name} has about ${Math.round(estimated).toLocaleString("en-US")} rows, more than the ${limits.maxRows.toLocaleString("en-US")} the probes scan`;
        else if (found.kind === "type" && limits.targetMajor < 16) probe.skipped = `checking values against a new type needs pg_input_is_valid (Postgres 16+); the target runs ${limits.targetMajor}`;
        else probe.sql = found.sql;
        probes.push(probe);
      }
      const dml = new RegExp(String.raw`^(?:WITH\b.*?\b)?(?:UPDATE\s+(?:ONLY\s+)?(${QNAME})|DELETE\s+FROM\s+(?:ONLY\s+)?(${QNAME})|INSERT\s+INTO\s+(${QNAME})|TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?(${QNAME}))`, "is").exec(statement);
      const target_ = dml && (dml[1] ?? dml[2] ?? dml[3] ?? dml[4]);
      if (target_) rewritten.set(qualifiedName(tableName(target_)), migration.name);
      if (/^(DO\b|SELECT\s+.*\(|CALL\b)/is.test(statement)) for (const t of target.catalog.tables) rewritten.set(qualifiedName(t), migration.name);
      const create = new RegExp(String.raw`^CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${QNAME})`, "i").exec(statement);
      if (create && !target.catalog.tables.some((t) => qualifiedName(t) === qualifiedName(tableName(create[1])))) created.add(qualifiedName(tableName(create[1])));
    }
  }
  return probes;
}
function probesOf(statement) {
  const alter = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${QNAME})\s+(.*)$`, "is").exec(statement);
  if (alter) {
    const table = tableName(alter[1]);
    return splitTopLevel(alter[2], ",").flatMap((action) => alterAction(table, action.trim()));
  }
  const index = new RegExp(String.raw`^CREATE\s+UNIQUE\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:${IDENT}\s+)?ON\s+(?:ONLY\s+)?(${QNAME})\s*(?:USING\s+\w+\s*)?\((.*?)\)\s*(?:INCLUDE\s*\(.*?\)\s*)?(?:NULLS\s+(?:NOT\s+)?DISTINCT\s*)?(?:WHERE\s+(.*))?$`, "is").exec(statement);
  if (index) {
    const columns = columnList(index[2]);
    if (!columns) return [];
    const table = tableName(index[1]);
    return [duplicates(table, columns, index[3]?.trim(), "unique")];
  }
  return [];
}
function alterAction(table, action) {
  const from = fromClause(table);
  const setNotNull = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${IDENT})\s+SET\s+NOT\s+NULL$`, "i").exec(action);
  if (setNotNull) {
    const column = identifier(setNotNull[1]);
    return [{ kind: "not-null", table, columns: [column], counts: `rows with NULL in ${column}`, sql: `SELECT count(*) AS count FROM ${from} WHERE ${quoteIdentifier(column)} IS NULL` }];
  }
  const type = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${IDENT})\s+(?:SET\s+DATA\s+)?TYPE\s+(.+?)$`, "is").exec(action);
  if (type) {
    if (/\bUSING\b/i.test(type[2]) || /\bCOLLATE\b/i.test(type[2])) return [];
    const column = identifier(type[1]);
    return [{ kind: "type", table, columns: [column], counts: `values in ${column} that do not convert to ${type[2].trim()}`, sql: `SELECT count(*) AS count FROM ${from} WHERE ${quoteIdentifier(column)} IS NOT NULL AND NOT pg_input_is_valid(${quoteIdentifier(column)}::text, ${literal(type[2].trim())})` }];
  }
  const addColumn = new RegExp(String.raw`^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})\s+(.+)$`, "is").exec(action);
  if (addColumn && !/^(CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE)$/i.test(addColumn[1])) {
    const definition = addColumn[2];
    if (/\bNOT\s+NULL\b/i.test(definition) && !/\b(DEFAULT|GENERATED|SERIAL|BIGSERIAL|SMALLSERIAL|SERIAL4|SERIAL8|SERIAL2)\b/i.test(definition) && !/\bPRIMARY\s+KEY\b/i.test(definition)) {
      const column = identifier(addColumn[1]);
      return [{ kind: "required-column", table, columns: [column], counts: `rows, which would get NULL in the new NOT NULL column ${column} (it has no default)`, sql: `SELECT count(*) AS count FROM ${from}` }];
    }
    return [];
  }
  const constraint = new RegExp(String.raw`^ADD\s+(?:CONSTRAINT\s+${IDENT}\s+)?(UNIQUE|PRIMARY\s+KEY|FOREIGN\s+KEY|CHECK)\s*(.*)$`, "is").exec(action);
  if (!constraint || /\bNOT\s+VALID\s*$/i.test(action)) return [];
  const what = constraint[1].toUpperCase().replace(/\s+/g, " ");
  const rest = constraint[2];
  if (what === "UNIQUE" || what === "PRIMARY KEY") {
    const list = /^(?:NULLS\s+(?:NOT\s+)?DISTINCT\s*)?\((.*?)\)/is.exec(rest);
    const columns = list && columnList(list[1]);
    if (!columns) return [];
    const found = duplicates(table, columns, void 0, what === "UNIQUE" ? "unique" : "primary-key");
    if (what === "UNIQUE") return [found];
    const nulls = columns.map((c) => `${quoteIdentifier(c)} IS NULL`).join(" OR ");
    return [found, { kind: "primary-key", table, columns, counts: `rows with NULL in ${columns.join(", ")}`, sql: `SELECT count(*) AS count FROM ${from} WHERE ${nulls}` }];
  }
  if (what === "FOREIGN KEY") {
    const fk = new RegExp(String.raw`^\((.*?)\)\s*REFERENCES\s+(${QNAME})\s*(?:\((.*?)\))?`, "is").exec(rest);
    const columns = fk && columnList(fk[1]);
    const referenced = fk?.[3] ? columnList(fk[3]) : void 0;
    if (!fk || !columns || !referenced || referenced.length !== columns.length) return [];
    const parent = tableName(fk[2]);
    const present = columns.map((c) => `c.${quoteIdentifier(c)} IS NOT NULL`).join(" AND ");
    const join = columns.map((c, i) => `p.${quoteIdentifier(referenced[i])} = c.${quoteIdentifier(c)}`).join(" AND ");
    return [
      {
        kind: "foreign-key",
        table,
        columns,
        counts: `rows whose ${columns.join(", ")} match no row of ${qualifiedName(parent)}`,
        sql: `SELECT count(*) AS count FROM ${from} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${fromClause(parent)} p WHERE ${join})`
      }
    ];
  }
  const check = /^\((.*)\)\s*(?:NO\s+INHERIT\s*)?$/is.exec(rest);
  if (!check) return [];
  return [{ kind: "check", table, columns: [], counts: `rows that violate CHECK (${check[1].trim()})`, sql: `SELECT count(*) AS count FROM ${from} WHERE NOT (${check[1]})` }];
}
function duplicates(table, columns, where, kind) {
  const cols = columns.map(quoteIdentifier).join(", ");
  const filter = [...columns.map((c) => `${quoteIdentifier(c)} IS NOT NULL`), ...where ? [`(${where})`] : []].join(" AND ");
  return { kind, table, columns, counts: `groups of rows sharing one ${columns.join(", ")}${where ? ` (WHERE ${where})` : ""}`, sql: `SELECT count(*) AS count FROM (SELECT 1 FROM ${fromClause(table)} WHERE ${filter} GROUP BY ${cols} HAVING count(*) > 1) AS duplicates` };
}
function normalize(statement) {
  return statement.replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\s+/g, " ").trim().replace(/;$/, "").trim();
}
function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let quote;
  let current = "";
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = void 0;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === separator && depth === 0) {
      parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}
function columnList(text) {
  const items = splitTopLevel(text, ",").map((s) => s.trim().replace(/\s+(ASC|DESC)(\s+NULLS\s+(FIRST|LAST))?$/i, "").replace(/\s+NULLS\s+(FIRST|LAST)$/i, ""));
  if (items.length === 0 || !items.every((item) => new RegExp(`^${IDENT}$`).test(item))) return void 0;
  return items.map(identifier);
}
function identifier(text) {
  return text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text.toLowerCase();
}
function tableName(text) {
  const parts = splitTopLevel(text, ".").map((p) => identifier(p.trim()));
  return parts.length === 2 ? { schema: parts[0], name: parts[1] } : { schema: "public", name: parts[0] };
}
function fromClause(table) {
  return `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
}
function literal(text) {
  return `'${text.replace(/'/g, "''")}'`;
}

// src/schema/catalog-as-expected.ts
function catalogAsExpected(actual, ownTables = []) {
  const own = new Set(ownTables.map(qualifiedName));
  const tables = actual.tables.filter((t) => !isView(t) && !own.has(qualifiedName(t)));
  const usedBy = (enumName) => tables.filter((t) => t.columns.some((c) => c.enum && qualifiedName(c.enum) === enumName)).map(qualifiedName);
  return {
    tables: tables.map(
      (t) => ({
        schema: t.schema,
        name: t.name,
        kind: "table",
        entityName: t.name,
        columns: t.columns.map((c) => ({
          name: c.name,
          property: `${t.name}.${c.name}`,
          type: c.type,
          ...c.enum && { enum: c.enum },
          nullable: c.nullable,
          ...c.default !== void 0 && { default: c.default },
          ...c.identity && { identity: c.identity },
          ...c.generated !== void 0 && { generated: c.generated }
        })),
        primaryKey: t.primaryKey?.columns ?? [],
        uniques: t.uniques.map((u) => ({ name: u.name, columns: u.columns })),
        // Indexes backing a constraint are that constraint's.
        indexes: t.indexes.filter((i) => !i.primary && !i.constraint).map((i) => ({ name: i.name, columns: i.columns, unique: i.unique, ...i.where !== void 0 && { where: i.where } })),
        foreignKeys: t.foreignKeys.map((f) => ({ name: f.name, columns: f.columns, referencedTable: f.referencedTable, referencedColumns: f.referencedColumns, onDelete: f.onDelete, onUpdate: f.onUpdate })),
        checks: t.checks.map((c) => ({ name: c.name, expression: c.definition }))
      })
    ),
    enums: actual.enums.map((e) => ({ schema: e.schema, name: e.name, values: e.values, usedBy: usedBy(qualifiedName(e))[0] ?? "", tables: usedBy(qualifiedName(e)) })),
    views: actual.tables.filter(isView).map((v) => ({ schema: v.schema, name: v.name, materialized: v.kind === "materialized-view", entityName: v.name })),
    schemas: actual.schemas,
    ownTables
  };
}

// src/engine/target-drift.ts
function targetDrift({ target, replayed, tracking }) {
  const items = [];
  const add = (item) => items.push(item);
  const forward = diffSchemas(catalogAsExpected(replayed, [tracking]), target);
  const reverse = diffSchemas(catalogAsExpected(target, [tracking]), replayed);
  const targetTables = new Set(target.tables.map(qualifiedName));
  const own = qualifiedName(tracking);
  const appSchemas = (schema) => new Set(schema.tables.filter((t) => qualifiedName(t) !== own).map((t) => t.schema).concat(schema.enums.map((e) => e.schema)));
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
    const show = (value) => value ?? "none";
    const [there, here] = aspect === "identity" ? [actual.identity, expected.identity] : aspect === "generated" ? [actual.generated, expected.generated] : [actual.default, expected.default];
    add({ object: `${qualifiedName(table)}.${expected.name}`, kind: "column", change: "different", detail: `${aspect === "serial" ? "default" : aspect} ${show(there)} on the target, ${show(here)} from the migrations` });
  }
  for (const { table, actual } of forward.primaryKeyMismatches) {
    add({ object: qualifiedName(table), kind: "primary key", change: "different", detail: `(${actual?.columns.join(", ") ?? "none"}) on the target, (${table.primaryKey.join(", ")}) from the migrations` });
  }
  for (const { table, unique } of forward.missingUniques) add({ object: columnSetName(table, unique.columns), kind: "unique", change: "missing" });
  for (const { table, index } of forward.missingIndexes) add({ object: columnSetName(table, index.columns), kind: index.unique ? "unique" : "index", change: "missing", ...index.where && { detail: `WHERE ${index.where}` } });
  for (const { table, columns, where } of forward.extraUniques) add({ object: columnSetName(table, columns), kind: "unique", change: "extra", ...where && { detail: `WHERE ${where}` } });
  for (const { table, index } of reverse.missingIndexes) if (!index.unique) add({ object: columnSetName(table, index.columns), kind: "index", change: "extra", ...index.where && { detail: `WHERE ${index.where}` } });
  for (const { table, foreignKey, near } of forward.missingForeignKeys) {
    add({
      object: `${columnSetName(table, foreignKey.columns)} -> ${qualifiedName(foreignKey.referencedTable)}`,
      kind: "foreign key",
      change: near ? "different" : "missing",
      ...near && { detail: `ON DELETE ${near.onDelete} ON UPDATE ${near.onUpdate} on the target, ON DELETE ${foreignKey.onDelete} ON UPDATE ${foreignKey.onUpdate} from the migrations` }
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

// src/postgres/target-database.ts
var HINT = "Check target-url (--target-url): it must reach the database the deploy migrates, as a user that may read its catalog and migrations table, e.g. postgres://readonly:secret@staging-db:5432/app?sslmode=require";
function readOnlyClientConfig(url) {
  return { connectionString: withLibpqSslModes(url), connectionTimeoutMillis: 1e4, options: "-c default_transaction_read_only=on", application_name: "migration-gate (read-only)" };
}
async function openTargetDatabase(url) {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "postgres";
  const label = `${describeServer(url)}/${database}`;
  const client = new esm_default.Client(readOnlyClientConfig(url));
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => void 0);
    throw targetConnectError(error, label);
  }
  client.on("error", () => void 0);
  let version;
  let major;
  try {
    const shown = await client.query("SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num");
    version = shown.rows[0].server_version;
    major = Math.floor(Number(shown.rows[0].server_version_num) / 1e4);
  } catch (error) {
    await client.end().catch(() => void 0);
    throw targetConnectError(error, label);
  }
  return {
    label,
    host: decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, "") || "localhost",
    port: Number(parsed.port || 5432),
    database,
    serverVersion: version,
    major,
    async snapshot(tracking) {
      await client.query("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        const catalog = await readCatalog(client, "user");
        const table = catalog.tables.find((t) => t.schema === tracking.schema && t.name === tracking.name);
        const columns = table?.columns.map((c) => c.name) ?? [];
        const rows = table ? await readTrackingRows(client, tracking, columns) : [];
        const stats = await client.query(
          `SELECT n.nspname AS schema, c.relname AS name, c.reltuples::float8 AS rows FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')`
        );
        await client.query("COMMIT");
        return { catalog, tracking: { exists: table !== void 0, columns, rows }, estimatedRows: new Map(stats.rows.map((r) => [`${r.schema}.${r.name}`, Number(r.rows)])) };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => void 0);
        throw new GateError("target-read-failed", `Could not read the catalog and migrations table of ${label}: ${error.message}`, {
          hint: "The user in target-url needs to read pg_catalog and SELECT on the migrations table; a read-only role is enough (GRANT pg_read_all_data, or SELECT on that table).",
          cause: error
        });
      }
    },
    async count(sql, timeoutMs) {
      try {
        await client.query("BEGIN TRANSACTION READ ONLY");
        await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        const result = await client.query(sql);
        await client.query("COMMIT");
        return { count: Number(result.rows[0]?.count ?? 0) };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => void 0);
        if (error.code === "57014") return { timedOut: true };
        return { error: error.message };
      }
    },
    close: () => client.end().catch(() => void 0)
  };
}
async function readTrackingRows(client, tracking, columns) {
  const wanted = ["id", "name", "hash", "created_at", "timestamp"].filter((c) => columns.includes(c));
  if (wanted.length === 0) return [];
  const order = columns.includes("id") ? ` ORDER BY ${quoteIdentifier("id")}` : "";
  const result = await client.query(`SELECT ${wanted.map(quoteIdentifier).join(", ")} FROM ${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}${order}`);
  return result.rows.map((row) => {
    const createdAt = row["created_at"] ?? row["timestamp"];
    return {
      ...row["id"] != null && { id: Number(row["id"]) },
      ...typeof row["name"] === "string" && { name: row["name"] },
      ...typeof row["hash"] === "string" && { hash: row["hash"] },
      ...createdAt != null && { createdAt: Number(createdAt) }
    };
  });
}
function targetConnectError(error, label) {
  const code = error.code;
  const message = error.message;
  if (code === "28P01" || code === "28000") return new GateError("target-auth-failed", `The target database ${label} rejected the user or password in target-url.`, { hint: HINT, cause: error });
  if (code === "3D000") return new GateError("target-not-found", `The database named in target-url does not exist on ${label.split("/")[0]}.`, { hint: "Name the database the deploy migrates, as in the application's own DATABASE_URL.", cause: error });
  return new GateError("target-unreachable", `Could not connect to the target database ${label}: ${message}`, { hint: `${HINT}. In a workflow, the runner must reach it (a self-hosted runner, a tunnel, or the database's allowed IP list).`, cause: error });
}

// src/engine/deploy-check.ts
var PROBE_TIMEOUT_MS = 1e4;
var PROBE_MAX_ROWS = 5e6;
var DEPLOY_RULE_IDS = new Set(DEPLOY_RULES.map((rule) => rule.id));
async function runDeployCheck(options, hooks = {}) {
  const log = hooks.log ?? (() => void 0);
  const started = Date.now();
  if (!options.targetUrl) throw new GateError("incomplete-options", `${options.command} needs target-url.`);
  const baseline = options.command === "baseline";
  const target = await openTargetDatabase(options.targetUrl);
  const disposers = [target.close];
  const removeCleanup = onCleanup(async () => {
    for (const dispose of [...disposers].reverse()) await dispose();
  });
  try {
    log(`Target ${target.label}: Postgres ${target.serverVersion}, opened read-only (default_transaction_read_only, READ ONLY transactions)`);
    const isolation = chooseIsolation(options.isolation);
    log(`Isolation: ${isolation.detail}`);
    const sandbox = await openSandbox();
    disposers.push(sandbox.close);
    const abort = new AbortController();
    disposers.push(async () => abort.abort());
    const head = startRevision({ options, projectDir: options.projectDir, project: options.project, sandbox, isolation, signal: abort.signal, log, logMigrations: true, reruns: baseline ? 0 : 1 });
    const postgres = sameMajor(options, target, log);
    let db;
    try {
      db = await provision({ ...options, postgres }, log);
    } catch (error) {
      abort.abort();
      throw error;
    }
    disposers.push(db.dispose);
    if (sameDatabase(db.connection, target)) throw new GateError("target-is-throwaway", `The throwaway database would be the target ${target.label} itself: refusing to run migrations there.`, { hint: "Leave database-url empty or point it at another server." });
    log(`Postgres ${db.serverVersion} ready (${db.provider}) in ${seconds(Date.now() - started)}`);
    return await whileServerLives(db, abort, async () => {
      const tracking = await head.tracking;
      const snapshot = await target.snapshot(tracking);
      const appTables = snapshot.catalog.tables.filter((t) => t.kind !== "view" && t.kind !== "materialized-view" && !(t.schema === tracking.schema && t.name === tracking.name)).length;
      const untracked = appTables > 0 && snapshot.tracking.rows.length === 0;
      log(describeTarget(tracking, snapshot, appTables, untracked));
      if (baseline) refuseBaseline(tracking, snapshot, appTables, target.label);
      const replayWhole = untracked || baseline;
      head.connect(db.connection, replayWhole ? void 0 : snapshot.tracking.rows);
      const result = await head.result;
      const replayed = await readCatalogOf(db.connection);
      const drift = targetDrift({ target: snapshot.catalog, replayed, tracking });
      const replayFailures = result.migrations.filter((m) => m.status === "failed");
      log(`${replayWhole ? "The whole chain" : `The chain up to the target's applied point (${result.migrations.length} migration(s))`} replayed on the throwaway database: ${drift.length} difference(s) from the target${replayFailures.length ? `; ${replayFailures.length} migration(s) failed in the replay` : ""}`);
      const available = result.available ?? result.migrations.map((m) => ({ name: m.name, ...m.location && { location: m.location }, ...m.timestamp !== void 0 && { when: m.timestamp } }));
      let pending;
      let probes = [];
      let baselinePlan;
      if (baseline) {
        baselinePlan = await baselineStep({ options, db, tracking, snapshot, replayed, driftCount: drift.length, log });
      } else if (untracked) {
        head.skipRerun();
        log("Dry run skipped: the database is untracked, so the migrator would start from the first migration");
      } else {
        await copyTrackingTable(db.connection, tracking, snapshot);
        pending = await head.rerun(db.connection, "upgrade");
        const failed = pending.filter((m) => m.status === "failed").length;
        log(`Dry run: the migrator ran ${pending.length} pending migration(s) on a copy of the target's applied point, ${failed} failed`);
        probes = await runProbes(target, planProbes(pending, snapshot, { maxRows: PROBE_MAX_ROWS, targetMajor: target.major }));
        if (probes.length) log(`Data probes: ${probes.length} pending statement(s) that can fail on existing rows, ${probes.filter((p) => p.outcome && "count" in p.outcome).length} counted read-only on the target`);
      }
      const deploy = {
        target: target.label,
        tracking,
        trackingExists: snapshot.tracking.exists,
        appTables,
        rows: snapshot.tracking.rows,
        available,
        match: matchTrackingRows(tracking.format, available, snapshot.tracking.rows),
        untracked,
        ...pending && { pending },
        drift,
        replayFailures,
        probes
      };
      const context = {
        expected: { tables: [], enums: [], views: [], schemas: [], ownTables: [] },
        actual: snapshot.catalog,
        diff: void 0,
        migrations: [],
        migrationsOption: result.migrationsOption,
        blockedConnections: [],
        orm: result.orm.name,
        ...result.drizzleFolder && { drizzleFolder: result.drizzleFolder },
        deploy
      };
      const rules = baseline ? DEPLOY_RULES.filter((r) => r.id === "target-drift") : DEPLOY_RULES;
      const evaluated = evaluateRules(context, options.rules.severities, { rootDirs: rootSpellings(repositoryRoot(options.projectDir)), rules });
      const ignores = options.rules.ignores.filter((entry) => entry.rule !== void 0 && DEPLOY_RULE_IDS.has(entry.rule));
      const findings = applyIgnores(evaluated, { ...options.rules, ignores }, { projectDir: options.projectDir });
      const failing = failingFindings({ findings }).length > 0 || baseline && baselinePlan?.refused !== void 0 && baselinePlan.refused !== NO_YES;
      const finished = Date.now();
      return {
        status: failing ? "failed" : "passed",
        target: {
          command: baseline ? "baseline" : "deploy-check",
          label: target.label,
          serverVersion: target.serverVersion,
          trackingTable: `${tracking.schema}.${tracking.name}`,
          recorded: snapshot.tracking.rows.length,
          applied: deploy.match.rowOf.filter((r) => r !== -1).length,
          ...pending && { pending: pending.length },
          untracked
        },
        ...baselinePlan && { baseline: baselinePlan },
        projectDir: options.projectDir,
        rootDir: repositoryRoot(options.projectDir),
        orm: result.orm,
        postgres: { provider: db.provider, version: db.serverVersion },
        isolation: isolation.kind,
        entityCount: result.entityCount,
        tableCount: result.expected.tables.length,
        migrations: pending ?? result.migrations,
        findings,
        timings: { provision: 0, load: result.timings.load, migrate: result.timings.migrate, introspect: 0, diff: 0, total: finished - started }
      };
    });
  } finally {
    removeCleanup();
    for (const dispose of disposers.reverse()) await dispose().catch(() => void 0);
  }
}
var NO_YES = "no --yes";
function sameMajor(options, target, log) {
  if (options.postgres.majorGiven || options.postgres.databaseUrl) return options.postgres;
  if (SUPPORTED_MAJORS.includes(target.major)) {
    if (target.major !== options.postgres.major) log(`Throwaway Postgres ${target.major}, the target's major (postgres-version overrides)`);
    return { ...options.postgres, major: target.major };
  }
  log(`The target runs Postgres ${target.major}, which the embedded binaries do not offer: the throwaway database runs ${options.postgres.major}`);
  return options.postgres;
}
function sameDatabase(connection, target) {
  return connection.port === target.port && connection.database === target.database && (connection.host === target.host || [connection.host, target.host].every((h) => ["localhost", "127.0.0.1", "::1"].includes(h)));
}
function describeTarget(tracking, snapshot, appTables, untracked) {
  const table = `${tracking.schema}.${tracking.name}`;
  if (!snapshot.tracking.exists) return `Target: ${appTables} application table(s), no ${table}${untracked ? " (untracked: built without migrations)" : ""}`;
  return `Target: ${appTables} application table(s), ${snapshot.tracking.rows.length} row(s) in ${table}${untracked ? " (untracked: built without migrations)" : ""}`;
}
function refuseBaseline(tracking, snapshot, appTables, label) {
  const table = `${tracking.schema}.${tracking.name}`;
  if (snapshot.tracking.rows.length > 0) {
    throw new GateError("baseline-not-needed", `${label} already records ${snapshot.tracking.rows.length} migration(s) in ${table}: baseline only writes into an empty migrations table, and wrote nothing.`, {
      hint: "Run migration-gate deploy-check --target-url <url> to see what it has applied and what is pending."
    });
  }
  if (appTables === 0) {
    throw new GateError("baseline-empty-database", `${label} has no application tables: there is nothing to baseline, and nothing was written.`, {
      hint: "An empty database needs the migrations run, not recorded: let the deploy run them (or run the project's migrate)."
    });
  }
}
async function baselineStep({ options, db, tracking, snapshot, replayed, driftCount, log }) {
  const table = replayed.tables.find((t) => t.schema === tracking.schema && t.name === tracking.name);
  if (!table) throw new GateError("baseline-no-table", `The migrator did not create ${tracking.schema}.${tracking.name} on the throwaway database, so there are no rows to copy.`);
  const rows = await planBaseline({ throwaway: db.connection, tracking, table, targetHasTable: snapshot.tracking.exists });
  if (driftCount > 0) {
    log(`Baseline refused: the target differs from what the migrations build in ${driftCount} object(s); nothing was written`);
    return { ...rows, written: false, refused: `the target's schema differs from the migrations' in ${driftCount} object(s)` };
  }
  if (!options.yes) {
    log(`Baseline plan: ${rows.migrations.length} row(s) for ${tracking.schema}.${tracking.name}; nothing written (run again with --yes to write them)`);
    return { ...rows, written: false, refused: NO_YES };
  }
  await writeBaseline({ url: options.targetUrl, tracking, plan: rows });
  log(`Baseline written: ${rows.migrations.length} migration(s) recorded in ${tracking.schema}.${tracking.name}, in one transaction`);
  return { ...rows, written: true };
}
async function readCatalogOf(connection) {
  const client = new esm_default.Client({ ...connection, ssl: connection.ssl });
  await client.connect();
  try {
    return await readCatalog(client, "user");
  } finally {
    await client.end().catch(() => void 0);
  }
}
async function copyTrackingTable(connection, tracking, snapshot) {
  const client = new esm_default.Client({ ...connection, ssl: connection.ssl });
  await client.connect();
  const table = `${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}`;
  try {
    if (!snapshot.tracking.exists) {
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      return;
    }
    const present = await client.query(`SELECT a.attname AS name FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`, [table]);
    for (const { name } of present.rows) if (!snapshot.tracking.columns.includes(name)) await client.query(`ALTER TABLE ${table} DROP COLUMN ${quoteIdentifier(name)}`);
    await client.query(`DELETE FROM ${table}`);
    const has = (c) => snapshot.tracking.columns.includes(c);
    const stamp = has("created_at") ? "created_at" : has("timestamp") ? "timestamp" : void 0;
    for (const row of snapshot.tracking.rows) {
      const values = [];
      if (has("id") && row.id !== void 0) values.push(["id", row.id]);
      if (has("name")) values.push(["name", row.name ?? null]);
      if (has("hash")) values.push(["hash", row.hash ?? null]);
      if (stamp) values.push([stamp, row.createdAt ?? null]);
      await client.query(`INSERT INTO ${table} (${values.map(([c]) => quoteIdentifier(c)).join(", ")}) VALUES (${values.map((_, i) => `$${i + 1}`).join(", ")})`, values.map(([, v]) => v));
    }
    if (has("id")) await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST(COALESCE((SELECT max(id) FROM ${table}), 0), 1), (SELECT count(*) > 0 FROM ${table}))`, [table]).catch(() => void 0);
  } finally {
    await client.end().catch(() => void 0);
  }
}
async function runProbes(target, probes) {
  const out = [];
  for (const probe of probes) out.push(probe.sql ? { ...probe, outcome: await target.count(probe.sql, PROBE_TIMEOUT_MS) } : probe);
  return out;
}

// src/cli/help.ts
function helpText() {
  const rows = OPTION_SPECS.filter((spec) => spec.name !== "command").map((spec) => {
    const flag = spec.switch ? `  --${spec.name}` : `  --${spec.name} <${spec.placeholder}>`;
    const defaults = spec.default ? ` (default: ${spec.default})` : "";
    return `${flag.padEnd(36)}${spec.description.replace(/`/g, "")}${defaults}`;
  });
  return [
    "Usage: migration-gate check [options]",
    "       migration-gate deploy-check --target-url <url> [options]",
    "       migration-gate baseline --target-url <url> [--yes] [options]",
    "",
    "check runs the project's whole migration chain (TypeORM, or Drizzle) on a throwaway Postgres, compares",
    "the schema it builds with what the entities or pgTable definitions declare, and reports every gap",
    "and every migration that fails, at the line to edit.",
    "",
    "deploy-check reads the database a deploy is about to migrate, read-only: what its migrations table",
    "records, what is pending (run first on a throwaway copy of its applied point: the dry run), what would",
    "fail on its rows (counted, never read), what was changed by hand, and whether it was built by push or",
    "synchronize without migrations (untracked-database).",
    "",
    "baseline records every migration as applied on such an untracked database, after checking that its",
    "schema equals what the migrations build; it prints the plan, and writes it (one transaction) with --yes.",
    "",
    "Options:",
    ...rows,
    "  -h, --help                        Show this help",
    "  --version                         Show the version",
    "",
    "Exit status: 0 no errors, 1 errors found, 2 the gate could not run.",
    "",
    "Examples:",
    "  migration-gate check --data-source src/data-source.ts",
    '  migration-gate check --entities "src/**/*.entity.ts" --migrations "src/migrations/*.ts"',
    "  migration-gate check                     (a Drizzle project: finds drizzle.config.ts)",
    "  migration-gate check --base-ref origin/main   (fails only on what the change introduces)",
    "  migration-gate check --suppress-all           (adopt on an old project: accept what is there)",
    '  migration-gate deploy-check --target-url "$STAGING_DATABASE_URL"   (before the deploy migrates it)',
    '  migration-gate baseline --target-url "$DATABASE_URL" --yes          (a database built by push/synchronize)',
    ""
  ].join("\n");
}

// src/cli/main.ts
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => void 0);
function unsupportedNode(version) {
  const [major, minor] = version.split(".").map(Number);
  const ok = major === 20 && minor >= 19 || major === 22 && minor >= 12 || major >= 23;
  return ok ? void 0 : `migration-gate needs Node 20.19+ or 22.12+ (this is Node ${version}). Upgrade Node, e.g. with actions/setup-node.`;
}
async function main(argv) {
  const nodeProblem = unsupportedNode(process.versions.node);
  if (nodeProblem) {
    process.stderr.write(`${nodeProblem}
`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(OPTION_SPECS.map((spec) => [spec.name, spec.switch ? { type: "boolean" } : { type: "string", multiple: spec.multiple === true }])),
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" }
      }
    });
  } catch (error) {
    process.stderr.write(`migration-gate: ${error.message}
Run migration-gate --help for the options.
`);
    return 2;
  }
  if (parsed.values["help"]) {
    process.stdout.write(helpText());
    return 0;
  }
  if (parsed.values["version"]) {
    process.stdout.write(`${VERSION}
`);
    return 0;
  }
  const [command = "check", ...extra] = parsed.positionals;
  if (!["check", "deploy-check", "baseline"].includes(command) || extra.length) {
    process.stderr.write(`migration-gate: unknown command "${[command, ...extra].join(" ")}". The commands are: migration-gate check | deploy-check --target-url <url> | baseline --target-url <url> [--yes]
`);
    return 2;
  }
  const values = parsed.values;
  if (values["command"] !== void 0 && values["command"] !== command) {
    process.stderr.write(`migration-gate: --command ${String(values["command"])} contradicts the command word "${command}"; give the command as the first word only.
`);
    return 2;
  }
  values["command"] = command;
  const cwd = process.cwd();
  const raw = Object.fromEntries(Object.entries(parsed.values).map(([name, given]) => [name, Array.isArray(given) ? given.join("\n") : given === true ? "true" : given]));
  try {
    const options = parseOptions(raw, { cwd });
    const hooks = { log: (line) => process.stderr.write(`${line}
`) };
    const result = options.command === "check" ? await runGate(options, hooks) : await runDeployCheck(options, hooks);
    const render = { text: formatText, json: formatJson, markdown: formatMarkdown, sarif: formatSarif }[options.format];
    const repository = result.rootDir ?? cwd;
    process.stdout.write(`${render(result, { baseDir: options.format === "sarif" ? repository : cwd })}
`);
    if (options.sarifFile) writeSarifFile(result, options.sarifFile, repository);
    if (options.github.comment) {
      const stderr = (line) => process.stderr.write(`${line}
`);
      const { postPrComment } = await import("./chunk-6WHOZQ3F.js");
      await postPrComment({ result, token: options.github.token ?? process.env["GITHUB_TOKEN"], baseDir: repository, info: stderr, warn: stderr });
    }
    return result.status === "passed" ? 0 : 1;
  } catch (error) {
    reportError(error, raw, cwd);
    if (error instanceof GateError) {
      process.stderr.write(`
${formatGateError(error, { withDetail: true })}
`);
      return 2;
    }
    process.stderr.write(`
migration-gate failed unexpectedly; please report this with the output below.
${error.stack ?? String(error)}
`);
    return 2;
  }
}
function reportError(error, raw, cwd) {
  const format = raw["format"];
  if (format === "json") process.stdout.write(`${formatErrorJson(error)}
`);
  if (format === "sarif") process.stdout.write(`${formatErrorSarif(error)}
`);
  const sarifFile = raw["sarif-file"];
  if (typeof sarifFile === "string" && sarifFile) writeErrorSarifFile(error, path.resolve(cwd, sarifFile));
}
main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    process.stderr.write(`${String(error)}
`);
    process.exitCode = 2;
  }
);
export {
  main
};
