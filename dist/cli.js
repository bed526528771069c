#!/usr/bin/env node
import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import {
  formatErrorJson,
  formatErrorSarif,
  formatGateError,
  formatJson,
  formatSarif,
  onCleanup,
  runDeployCheck,
  runGate,
  writeErrorSarifFile,
  writeSarifFile
} from "./chunk-TPHSCTET.js";
import {
  countBySeverity,
  displayLocation,
  displayPath,
  formatMarkdown,
  formatText
} from "./chunk-M3WARFXB.js";
import {
  GateError,
  OPTION_SPECS,
  ddlTarget,
  missingRelationOf,
  parseOptions,
  qualifiedName,
  quoteIdentifier
} from "./chunk-4Y52IU4V.js";
import {
  VERSION
} from "./chunk-22ADNI7Q.js";
import "./chunk-YDLDOLXO.js";
import "./chunk-A7TTDEVP.js";
import "./chunk-4EXQY7HF.js";

// src/cli/main.ts
import path3 from "node:path";
import { parseArgs } from "node:util";

// src/engine/fix/run-fix.ts
import fs2 from "node:fs";
import path2 from "node:path";

// src/engine/fix/idempotent-ddl.ts
var NAME = String.raw`((?:"(?:[^"]|"")+"\.)?"(?:[^"]|"")+")`;
function makeIdempotent(statement, actual) {
  const sql = statement.trim().replace(/;$/, "");
  let m;
  if (m = new RegExp(String.raw`^CREATE TABLE (?:IF NOT EXISTS )?${NAME}`, "i").exec(sql)) {
    return { up: sql.replace(/^CREATE TABLE (?:IF NOT EXISTS )?/i, "CREATE TABLE IF NOT EXISTS "), down: `DROP TABLE IF EXISTS ${m[1]}` };
  }
  if (m = new RegExp(String.raw`^CREATE (UNIQUE )?INDEX (?:IF NOT EXISTS )?"((?:[^"]|"")+)" ON ${NAME}`, "i").exec(sql)) {
    const [schema] = splitName(m[3]);
    const index = schema ? `${quoteIdentifier(schema)}.${quoteIdentifier(unquote(m[2]))}` : quoteIdentifier(unquote(m[2]));
    return { up: sql.replace(/^CREATE (UNIQUE )?INDEX (?:IF NOT EXISTS )?/i, (_, unique) => `CREATE ${unique ?? ""}INDEX IF NOT EXISTS `), down: `DROP INDEX IF EXISTS ${index}` };
  }
  if (m = new RegExp(String.raw`^ALTER TABLE ${NAME} ADD CONSTRAINT "((?:[^"]|"")+)"`, "i").exec(sql)) {
    const table = m[1];
    const name = unquote(m[2]);
    return {
      up: guarded(`SELECT 1 FROM pg_constraint WHERE conname = ${literal(name)} AND conrelid = to_regclass(${literal(table)})`, sql),
      down: `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${quoteIdentifier(name)}`
    };
  }
  if (m = new RegExp(String.raw`^ALTER TABLE ${NAME} ADD (?:COLUMN )?(?:IF NOT EXISTS )?"((?:[^"]|"")+)"`, "i").exec(sql)) {
    return {
      up: sql.replace(/ ADD (?:COLUMN )?(?:IF NOT EXISTS )?"/i, ' ADD COLUMN IF NOT EXISTS "'),
      down: `ALTER TABLE ${m[1]} DROP COLUMN IF EXISTS ${quoteIdentifier(unquote(m[2]))}`
    };
  }
  if (m = new RegExp(String.raw`^ALTER TABLE ${NAME} ALTER COLUMN "((?:[^"]|"")+)" (SET NOT NULL|DROP NOT NULL|SET DEFAULT .+|DROP DEFAULT)$`, "is").exec(sql)) {
    const [table, column, action] = [m[1], unquote(m[2]), m[3]];
    const before = findColumn(actual, table, column);
    const alter = `ALTER TABLE ${table} ALTER COLUMN ${quoteIdentifier(column)}`;
    const down = /NOT NULL/i.test(action) ? `${alter} ${/^SET/i.test(action) ? "DROP NOT NULL" : "SET NOT NULL"}` : before?.default !== void 0 ? `${alter} SET DEFAULT ${before.default}` : `${alter} DROP DEFAULT`;
    return { up: sql, down };
  }
  if (m = new RegExp(String.raw`^CREATE TYPE ${NAME} AS ENUM`, "i").exec(sql)) {
    return { up: guarded(`SELECT 1 FROM pg_type WHERE oid = to_regtype(${literal(m[1])})`, sql), down: `DROP TYPE IF EXISTS ${m[1]}` };
  }
  if (m = /^CREATE SCHEMA (?:IF NOT EXISTS )?("(?:[^"]|"")+")$/i.exec(sql)) {
    return { up: `CREATE SCHEMA IF NOT EXISTS ${m[1]}`, down: `DROP SCHEMA IF EXISTS ${m[1]}` };
  }
  if (/^COMMENT ON (?:COLUMN|TABLE) /i.test(sql)) return { up: sql };
  return void 0;
}
function guarded(probe, statement) {
  return `DO $migration_gate$ BEGIN IF NOT EXISTS (${probe}) THEN ${statement}; END IF; END $migration_gate$`;
}
function literal(text) {
  return `'${text.replace(/'/g, "''")}'`;
}
function unquote(name) {
  return name.replace(/^"|"$/g, "").replace(/""/g, '"');
}
function splitName(name) {
  const parts = [...name.matchAll(/"((?:[^"]|"")+)"/g)].map((p) => p[1].replace(/""/g, '"'));
  return parts.length === 2 ? [parts[0], parts[1]] : [void 0, parts[0]];
}
function findColumn(actual, table, column) {
  const [schema, name] = splitName(table);
  return actual.tables.find((t) => t.name === name && t.schema === (schema ?? "public"))?.columns.find((c) => c.name === column);
}

// src/engine/fix/fix-timestamps.ts
function chooseTimestamps(groups, { migrations, now }) {
  const taken = new Set(migrations.flatMap((m) => m.timestamp === void 0 ? [] : [m.timestamp]));
  const newest = Math.max(0, ...taken);
  let last = Math.max(now, newest + 1) - 1;
  const free = (from, step, floor) => {
    for (let t = from; t > floor; t += step) if (!taken.has(t)) return t;
    return void 0;
  };
  const ordered = [...groups].sort((a, b) => (a.before?.timestamp ?? Infinity) - (b.before?.timestamp ?? Infinity));
  for (const group of ordered) {
    const floor = group.after?.timestamp ?? 0;
    const before = group.before?.timestamp;
    const slot = before !== void 0 ? free(before - 1, -1, floor) : void 0;
    if (slot !== void 0) {
      group.timestamp = slot;
    } else {
      if (before !== void 0) {
        group.orderProblem = `it cannot sort before ${group.before.name}: it needs ${group.after?.name ?? "a migration"} (${floor}), which runs later`;
      }
      last = free(last + 1, 1, -1);
      group.timestamp = last;
    }
    taken.add(group.timestamp);
  }
  groups.sort((a, b) => a.timestamp - b.timestamp);
}

// src/engine/fix/group-title.ts
function groupTitle(roots) {
  const tableName = (object) => pascal(object.replace(/\(.*\)$/, "").split(".")[1] ?? object);
  const created = roots.filter((r) => r.ruleId === "missing-table").map((r) => tableName(r.object));
  if (created.length) return `Create${list(created)}`;
  const kinds = new Set(roots.map((r) => r.ruleId));
  const tables = [...new Set(roots.map((r) => tableName(r.object)))];
  const on = list(tables);
  if (kinds.size === 1) {
    const [kind] = kinds;
    const one = roots.length === 1;
    switch (kind) {
      case "missing-column":
        return one ? `Add${pascal(roots[0].object.split(".")[2] ?? "")}To${on}` : `AddColumnsTo${on}`;
      case "missing-index":
        return `Add${one ? "Index" : "Indexes"}To${on}`;
      case "missing-unique":
        return `Add${one ? "Unique" : "Uniques"}To${on}`;
      case "missing-foreign-key":
        return `Add${one ? "ForeignKey" : "ForeignKeys"}To${on}`;
      case "missing-primary-key":
        return `AddPrimaryKeyTo${on}`;
      case "missing-check":
        return `AddChecksTo${on}`;
      case "missing-enum":
        return `Create${on}Type`;
      case "missing-schema":
        return `Create${pascal(roots[0].object)}Schema`;
      case "enum-values-mismatch":
        return `Add${on}Values`;
      case "nullability-mismatch":
      case "default-mismatch":
        return `Alter${on}Columns`;
    }
  }
  return `Fix${on}`;
}
function list(names) {
  return names.length <= 2 ? names.join("And") : `${names[0]}And${names.length - 1}More`;
}
function pascal(name) {
  return name.replace(/(^|[_\-\s.]+)(\w)/g, (_, __, c) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "");
}

// src/engine/fix/plan-typeorm-fix.ts
var FIXABLE = /* @__PURE__ */ new Set([
  "missing-table",
  "missing-column",
  "missing-foreign-key",
  "missing-index",
  "missing-unique",
  "missing-primary-key",
  "missing-check",
  "missing-enum",
  "missing-schema",
  "enum-values-mismatch",
  "nullability-mismatch",
  "default-mismatch"
]);
function planTypeormFix({ context, findings, now }) {
  const errors = findings.filter((f) => f.severity === "error" || f.severity === "warning" && FIXABLE.has(f.ruleId));
  const prints = new Set(errors.map((f) => f.fingerprint));
  const roots = errors.filter((f) => !f.causedBy || !prints.has(f.causedBy));
  const unfixed = [];
  const oracle = context.oracle && "statements" in context.oracle ? context.oracle.statements : void 0;
  const byObject = /* @__PURE__ */ new Map();
  for (const root of roots) if (FIXABLE.has(root.ruleId) && root.object) byObject.set(`${root.ruleId} ${objectKey(root.ruleId, root.object)}`, root);
  const rootOf = (ruleId, object) => byObject.get(`${ruleId} ${objectKey(ruleId, object)}`);
  const leftForFailed = createdByFailedMigrations(context.migrations);
  const owned = [];
  for (const statement of oracle ?? []) {
    const target = ddlTarget(statement);
    const root = ownerOf(target, statement, { rootOf, context });
    if (!root || leftForFailed(target)) continue;
    const idempotent = makeIdempotent(statement, context.actual);
    if (!idempotent) continue;
    owned.push({ root, ...idempotent, references: target.kind === "add-constraint" && target.referenced ? [target.referenced] : [] });
  }
  owned.push(...enumValueStatements(context, rootOf, unfixed));
  const groups = groupRoots(owned, { context });
  const covered = new Set(owned.map((o) => o.root.fingerprint));
  for (const root of roots) {
    if (covered.has(root.fingerprint) || unfixed.some((u) => u.finding === root)) continue;
    if (root.ruleId === "migration-failed" && groups.some((g) => g.before?.name === root.object)) {
      groups.find((g) => g.before?.name === root.object).closes.push(root);
      continue;
    }
    unfixed.push({ finding: root, why: whyUnfixed(root, oracle !== void 0) });
  }
  chooseTimestamps(groups, { migrations: context.migrations, now });
  return { groups, unfixed };
}
function createdByFailedMigrations(migrations) {
  const failed = migrations.filter((m) => m.status === "failed");
  const names = new Set(failed.flatMap((m) => m.touches?.names ?? []));
  const columns = new Set(failed.flatMap((m) => m.touches?.columns ?? []));
  const indexes = new Set(failed.flatMap((m) => [...m.touches?.indexes ?? [], ...m.touches?.foreignKeys ?? []]));
  const tables = new Set(failed.flatMap((m) => m.createdTables));
  return (target) => {
    switch (target.kind) {
      case "table":
        return tables.has(target.table);
      case "column":
        return target.action === "add" && columns.has(`${target.table}.${target.column}`);
      case "create-index":
      case "add-constraint":
        return names.has(target.name) || indexes.has(`${target.table}(${[...target.columns].sort().join(",")})`);
      default:
        return false;
    }
  };
}
function ownerOf(target, statement, { rootOf, context }) {
  const table = (name) => rootOf("missing-table", name);
  const anyColumn = (t, columns) => columns.map((c) => rootOf("missing-column", `${t}.${c}`)).find(Boolean);
  switch (target.kind) {
    case "table":
      return /^CREATE/i.test(statement) ? table(target.table) : void 0;
    case "column": {
      const inTable = table(target.table);
      if (inTable && target.action !== "drop") return inTable;
      const object = `${target.table}.${target.column}`;
      if (target.action === "add" || target.action === "comment") return rootOf("missing-column", object);
      if (target.action !== "alter") return void 0;
      if (/ (SET|DROP) NOT NULL$/i.test(statement.trim())) return rootOf("nullability-mismatch", object);
      if (/ (SET DEFAULT .+|DROP DEFAULT)$/is.test(statement.trim())) return rootOf("default-mismatch", object);
      return void 0;
    }
    case "add-constraint": {
      const set = `${target.table}(${target.columns.join(", ")})`;
      const byKind = target.type === "FOREIGN KEY" ? rootOf("missing-foreign-key", set) : target.type === "UNIQUE" ? rootOf("missing-unique", set) : target.type === "PRIMARY KEY" ? rootOf("missing-primary-key", target.table) : rootOf("missing-check", target.table);
      return table(target.table) ?? byKind ?? anyColumn(target.table, target.columns);
    }
    case "create-index": {
      const set = `${target.table}(${target.columns.join(", ")})`;
      return table(target.table) ?? (target.unique ? rootOf("missing-unique", set) : rootOf("missing-index", set)) ?? anyColumn(target.table, target.columns);
    }
    case "enum": {
      if (!/^CREATE TYPE/i.test(statement)) return void 0;
      const found = context.expected.enums.find((e) => qualifiedName(e) === target.name);
      const users = context.expected.tables.flatMap((t) => t.columns.filter((c) => c.enum && qualifiedName(c.enum) === target.name).map((c) => `${qualifiedName(t)}.${c.name}`));
      return rootOf("missing-enum", target.name) ?? found?.tables.map(table).find(Boolean) ?? users.map((c) => rootOf("missing-column", c)).find(Boolean);
    }
    case "schema":
      return rootOf("missing-schema", target.name) ?? context.expected.tables.filter((t) => t.schema === target.name).map((t) => table(qualifiedName(t))).find(Boolean);
    default:
      return void 0;
  }
}
function enumValueStatements(context, rootOf, unfixed) {
  return context.diff.enumValueMismatches.flatMap(({ expected, actual, missing, extra }) => {
    const root = rootOf("enum-values-mismatch", qualifiedName(expected));
    if (!root) return [];
    if (extra.length) {
      unfixed.push({ finding: root, why: "the database's enum has values the entity does not: removing them needs the columns moved to a new type, which may fail on rows that use them; write that migration by hand" });
      return [];
    }
    const type = `${quoteIdentifier(expected.schema)}.${quoteIdentifier(expected.name)}`;
    const up = missing.map((value) => `ALTER TYPE ${type} ADD VALUE IF NOT EXISTS ${literal(value)}`);
    return up.map((statement, i) => ({ root, up: statement, ...i === 0 && { down: rebuildEnum(expected, actual, context.actual).join(";\n") }, references: [] }));
  });
}
function rebuildEnum(expected, before, actual) {
  const type = `${quoteIdentifier(expected.schema)}.${quoteIdentifier(expected.name)}`;
  const old = `${quoteIdentifier(expected.schema)}.${quoteIdentifier(`${expected.name}_old`)}`;
  const users = actual.tables.flatMap((t) => t.columns.filter((c) => c.enum && qualifiedName(c.enum) === qualifiedName(expected)).map((c) => ({ table: `${quoteIdentifier(t.schema)}.${quoteIdentifier(t.name)}`, column: c })));
  return [
    `ALTER TYPE ${type} RENAME TO ${quoteIdentifier(`${expected.name}_old`)}`,
    `CREATE TYPE ${type} AS ENUM(${before.values.map(literal).join(", ")})`,
    ...users.flatMap(({ table, column }) => {
      const alter = `ALTER TABLE ${table} ALTER COLUMN ${quoteIdentifier(column.name)}`;
      const array = column.type.endsWith("[]") ? "[]" : "";
      return [
        ...column.default !== void 0 ? [`${alter} DROP DEFAULT`] : [],
        `${alter} TYPE ${type}${array} USING ${quoteIdentifier(column.name)}::text${array}::${type}${array}`,
        ...column.default !== void 0 ? [`${alter} SET DEFAULT ${column.default.replace(`${expected.name}_old`, expected.name)}`] : []
      ];
    }),
    `DROP TYPE ${old}`
  ];
}
function groupRoots(owned, { context }) {
  const parent = /* @__PURE__ */ new Map();
  const find = (f) => {
    const p = parent.get(f) ?? f;
    if (p === f) return f;
    const r = find(p);
    parent.set(f, r);
    return r;
  };
  const union = (a, b) => parent.set(find(a), find(b));
  const tableOf = (root) => tableOfObject(root.object ?? "");
  const byTable = /* @__PURE__ */ new Map();
  for (const { root } of owned) {
    const table = tableOf(root);
    const other = byTable.get(table);
    if (other) union(root, other);
    else byTable.set(table, root);
  }
  const creates = new Map(owned.filter((o) => o.root.ruleId === "missing-table").map((o) => [tableOf(o.root), o.root]));
  for (const { root, references } of owned) for (const ref of references) if (creates.has(ref)) union(root, creates.get(ref));
  const groups = /* @__PURE__ */ new Map();
  for (const item of owned) {
    const key = find(item.root);
    const group = groups.get(key) ?? { owned: [], roots: /* @__PURE__ */ new Set() };
    group.owned.push(item);
    group.roots.add(item.root);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ owned: items, roots }) => {
    const created = [...roots].filter((r) => r.ruleId === "missing-table").map(tableOf);
    const tables = [.../* @__PURE__ */ new Set([...created, ...[...roots].map(tableOf)])];
    const external = [.../* @__PURE__ */ new Set([...items.flatMap((i) => i.references), ...tables.filter((t) => !created.includes(t))])].filter((t) => !created.includes(t));
    const enums = items.flatMap((i) => /^(?:DO .*?THEN )?CREATE TYPE ("(?:[^"]|"")+"\."(?:[^"]|"")+")/s.exec(i.up)?.[1] ?? []);
    return {
      title: groupTitle([...roots]),
      tables,
      up: items.map((i) => i.up),
      down: items.flatMap((i) => i.down ? [i.down] : []).reverse(),
      closes: [...roots],
      timestamp: 0,
      ...ordering({ tables, created, external, enums, context })
    };
  });
}
function ordering({ tables, created, external, enums, context }) {
  const { migrations } = context;
  const creators = external.map((t) => migrations.find((m) => m.status === "applied" && m.createdTables.includes(t))).filter((m) => Boolean(m));
  const after = creators.sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0))[0];
  const expectedTables = context.expected.tables.filter((t) => created.includes(qualifiedName(t)));
  const typeNames = enums.map((e) => e.replace(/"/g, "").split(".").pop());
  const needs = (m) => {
    const failure = m.failure;
    if (m.status !== "failed" || !failure) return false;
    if (missingRelationOf(m, expectedTables)) return true;
    const column = /column "([^"]+)"(?: of relation "([^"]+)")? does not exist/.exec(failure.message);
    if (column && tables.some((t) => (!column[2] || t.endsWith(`.${column[2]}`)) && context.expected.tables.some((e) => qualifiedName(e) === t && e.columns.some((c) => c.name === column[1])))) return true;
    const type = /type "([^"]+)" does not exist|invalid input value for enum ([^:]+):/.exec(failure.message);
    return Boolean(type && typeNames.some((n) => (type[1] ?? type[2] ?? "").replace(/"/g, "").split(".").pop() === n));
  };
  const before = migrations.filter(needs).sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0))[0];
  return { ...after && { after }, ...before && { before } };
}
function whyUnfixed(finding, haveOracle) {
  if (FIXABLE.has(finding.ruleId) && !haveOracle) return "TypeORM's schema builder (the cross-check) did not run, so there is no SQL to take: run fix with cross-check on";
  switch (finding.ruleId) {
    case "migration-failed":
      return "the migration itself fails: fix it (fix never edits an existing migration)";
    case "column-type-mismatch":
      return "changing a column's type can lose data or fail on rows: write that migration by hand (TypeORM would drop and re-add the column)";
    case "extra-required-column":
    case "extra-unique":
    case "extra-check":
      return "it is in the database and not in the code: either declare it in the entity or drop it in a migration you review (fix never drops data)";
    default:
      return FIXABLE.has(finding.ruleId) ? "TypeORM's schema builder wrote no statement for it" : "no new migration closes this kind of finding";
  }
}
function objectKey(ruleId, object) {
  const m = /^(.*)\((.*)\)$/.exec(object);
  if (!m || !["missing-foreign-key", "missing-index", "missing-unique"].includes(ruleId)) return object;
  return `${m[1]}(${m[2].split(",").map((c) => c.trim()).sort().join(",")})`;
}
function tableOfObject(object) {
  const base = object.replace(/\(.*\)$/, "");
  const parts = base.split(".");
  return parts.length > 2 ? parts.slice(0, 2).join(".") : base;
}

// src/engine/fix/typeorm-migration-file.ts
import fs from "node:fs";
import path from "node:path";
function readMigrationStyle(migrations, fallbackFolder2) {
  const newest = [...migrations].filter((m) => m.location?.file && fs.existsSync(m.location.file)).sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0))[0];
  const file = newest?.location?.file;
  const source = file ? fs.readFileSync(file, "utf8") : "";
  const extension = file ? path.extname(file) : ".ts";
  const importLine = /^import\s+(?:type\s+)?\{[^}]*\}\s+from\s+["']typeorm["'];?[ \t]*$/m.exec(source)?.[0];
  const quote = /from\s+'typeorm'|require\('typeorm'\)/.test(source) ? "'" : '"';
  const indent = /^([ \t]+)\S/m.exec(source)?.[1] ?? "  ";
  const semi = source && !/;\s*$/m.test(source.split("\n").find((l) => /^\s*(import|await|const|export)\b/.test(l) && /\S\s*$/.test(l)) ?? ";") ? "" : ";";
  const base = file ? path.basename(file, extension) : "";
  const stamp = newest?.timestamp !== void 0 ? String(newest.timestamp) : void 0;
  const fileName = fileNamePattern(base, stamp);
  return {
    folder: file ? path.dirname(file) : fallbackFolder2,
    fileName,
    extension: [".ts", ".js", ".mts", ".cts", ".mjs", ".cjs"].includes(extension) ? extension : ".ts",
    module: /module\.exports|exports\.\w+\s*=/.test(source) || extension === ".cjs" ? "cjs" : "esm",
    ...importLine && { importLine },
    quote,
    indent: indent.length > 8 ? "  " : indent,
    semi,
    nameProperty: !source || /^\s*(?:public\s+|readonly\s+)*name\s*[:=]/m.test(source),
    implementsInterface: !source || /implements\s+MigrationInterface/.test(source),
    publicModifier: !source || /public\s+async\s+up/.test(source),
    runner: /\bup\s*\(\s*(\w+)/.exec(source)?.[1] ?? "queryRunner"
  };
}
function fileNamePattern(base, stamp) {
  if (!stamp || !base.includes(stamp)) return (t, title) => `${t}-${title}`;
  const before = base.slice(0, base.indexOf(stamp));
  const after = base.slice(base.indexOf(stamp) + stamp.length);
  const rest = (before + after).replace(/^[-_.]+|[-_.]+$/g, "");
  const cased = (title) => /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(rest) ? words(title).join("-") : /^[a-z0-9]+(?:_[a-z0-9]+)+$/.test(rest) ? words(title).join("_") : title;
  if (!after) return (t, title) => `${cased(title)}${/[-_.]$/.exec(before)?.[0] ?? ""}${t}`;
  const separator = /^[-_.]/.exec(after)?.[0] ?? "";
  return (t, title) => `${before}${t}${separator}${cased(title)}`;
}
function words(title) {
  return title.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/\s+/);
}
function renderTypeormMigration(group, style) {
  const className = `${group.title}${group.timestamp}`;
  const { indent: i, semi, quote: q, runner } = style;
  const ts = style.extension.endsWith("ts");
  const query = (sql) => `${i}${i}await ${runner}.query(\`${sql.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\`)${semi}`;
  const why = [
    `Written by migration-gate fix: ${describe(group)}.`,
    "IF NOT EXISTS and guarded blocks: databases built by synchronize already have these objects, and this must run there too.",
    ...group.before ? [`Timestamped before ${group.before.name}, the first migration that uses what it creates${group.after ? `, and after ${group.after.name}, which creates what it references` : ""}.`] : []
  ];
  const comment = ["/**", ...why.map((line) => ` * ${line}`), " */"].join("\n");
  const method = (name, statements) => [
    `${i}${style.publicModifier ? "public " : ""}async ${name}(${runner}${ts ? ": QueryRunner" : ""})${ts ? ": Promise<void>" : ""} {`,
    ...statements.map(query),
    `${i}}`
  ].join("\n");
  const body = [
    ...style.nameProperty ? [`${i}name = ${q}${className}${q}${semi}`, ""] : [],
    method("up", group.up),
    "",
    method("down", group.down)
  ].join("\n");
  const header = style.module === "cjs" ? "" : ts ? `${style.importLine ?? `import { MigrationInterface, QueryRunner } from ${q}typeorm${q}${semi}`}

` : "";
  const declaration = style.module === "cjs" ? `module.exports = class ${className}` : `export class ${className}${ts && style.implementsInterface ? " implements MigrationInterface" : ""}`;
  const content = `${header}${comment}
${declaration} {
${body}
}${style.module === "cjs" ? semi : ""}
`;
  return { fileName: `${style.fileName(group.timestamp, group.title)}${style.extension}`, content };
}
function describe(group) {
  const what = group.closes.map((f) => `${f.ruleId} ${f.object ?? ""}`.trim());
  return what.length > 4 ? `${what.slice(0, 4).join(", ")} and ${what.length - 4} more` : what.join(", ");
}

// src/engine/fix/drizzle-fix.ts
async function runDrizzleFix({ check, mode }) {
  return { check, files: [], unfixed: [], mode };
}

// src/engine/fix/run-fix.ts
var ROUNDS = 3;
async function runFix(options, hooks) {
  const log = hooks.log ?? (() => void 0);
  const checkOptions = { ...options, command: "check", crossCheck: true, suppressAll: false };
  let seen;
  const capture = { log, onContext: (context, findings) => seen = { context, findings } };
  const check = await runGate(checkOptions, capture);
  const nothing = { check, files: [], unfixed: [], mode: hooks.mode, nothingToDo: "The check found nothing a migration closes: there is nothing to fix." };
  if (!check.findings.some((f) => f.severity === "error" || f.severity === "warning")) return nothing;
  if (options.project.kind === "drizzle") return runDrizzleFix({ options: checkOptions, check, mode: hooks.mode, log });
  const files = [];
  const temporary = [];
  const removeCleanup = onCleanup(() => removeFiles(temporary));
  let unfixed = [];
  let recheck;
  const attempted = /* @__PURE__ */ new Set();
  try {
    for (let round = 1; round <= ROUNDS && seen; round++) {
      const plan = planTypeormFix({ context: seen.context, findings: seen.findings, now: Date.now() });
      unfixed = plan.unfixed;
      if (round === 1 && plan.groups.length === 0 && plan.unfixed.length === 0) return nothing;
      if (plan.groups.length === 0 || plan.groups.some((g) => g.closes.some((f) => attempted.has(f.fingerprint)))) break;
      for (const group of plan.groups) for (const finding of group.closes) attempted.add(finding.fingerprint);
      const style = readMigrationStyle(seen.context.migrations, fallbackFolder(seen.context, options.projectDir));
      const planned = plan.groups.map((group) => toFile(group, style));
      files.push(...planned);
      if (hooks.mode === "dry-run") break;
      for (const file of planned) {
        writeNew(file);
        if (hooks.mode === "suggest") temporary.push(file.path);
      }
      log(`Wrote ${planned.map((f) => path2.relative(options.projectDir, f.path)).join(", ")}; checking the project again`);
      seen = void 0;
      recheck = await runGate({ ...checkOptions, baseRef: void 0, simulateBaseline: false, failOn: "all" }, capture);
    }
  } finally {
    await removeFiles(temporary);
    removeCleanup();
  }
  return { check, files, unfixed: recheck ? stillThere(unfixed, recheck) : unfixed, ...recheck && { recheck }, mode: hooks.mode };
}
function toFile(group, style) {
  const { fileName, content } = renderTypeormMigration(group, style);
  return { path: path2.join(style.folder, fileName), content, group };
}
function writeNew(file) {
  fs2.mkdirSync(path2.dirname(file.path), { recursive: true });
  try {
    fs2.writeFileSync(file.path, file.content, { flag: "wx" });
  } catch (error) {
    if (error.code === "EEXIST") {
      throw new GateError("fix-file-exists", `fix would write ${file.path}, which already exists.`, { hint: "fix never edits an existing migration: rename or remove that file, or run fix again a millisecond later (the timestamp moves)." });
    }
    throw error;
  }
}
async function removeFiles(files) {
  for (const file of files.splice(0)) fs2.rmSync(file, { force: true });
}
function fallbackFolder(context, projectDir) {
  const glob = context.migrationsOption.find((g) => !g.startsWith("class "));
  if (!glob) return path2.join(projectDir, "src", "migrations");
  const parts = path2.resolve(projectDir, glob).split(path2.sep);
  const wild = parts.findIndex((part) => /[*?{[]/.test(part));
  return wild > 0 ? parts.slice(0, wild).join(path2.sep) : path2.dirname(path2.resolve(projectDir, glob));
}
function stillThere(unfixed, recheck) {
  const prints = new Set(recheck.findings.map((f) => f.fingerprint));
  return unfixed.filter((u) => prints.has(u.finding.fingerprint));
}

// src/report/fix-text.ts
function formatFixText(result, { baseDir }) {
  if (result.nothingToDo) return `migration-gate fix: ${result.nothingToDo}`;
  const lines = [];
  const verb = result.mode === "dry-run" ? "would write" : result.mode === "suggest" ? "suggests" : "wrote";
  const after = result.recheck ? countBySeverity(result.recheck.findings) : void 0;
  const verdict = after ? after.error + after.warning === 0 ? "re-checked: 0 findings left" : `re-checked: ${after.error} error(s), ${after.warning} warning(s) left (below)` : result.files.length ? "not re-checked (dry run: nothing was written)" : "nothing a new migration can close";
  lines.push(`migration-gate fix: ${verb} ${result.files.length} migration(s); ${verdict}.`);
  for (const file of result.files) {
    lines.push("", `  ${displayPath(file.path, baseDir)}`);
    const group = file.group;
    if (!group) continue;
    lines.push(`    closes: ${group.closes.map((f) => `${f.ruleId} ${f.object ?? ""}`.trim()).join(", ")}`);
    if (group.before) lines.push(`    sorts before ${group.before.name}, the first migration that uses what it creates`);
    if (group.after) lines.push(`    sorts after ${group.after.name}, which creates what it references`);
    if (group.orderProblem) lines.push(`    note: ${group.orderProblem}`);
    if (result.mode === "dry-run") lines.push("", ...file.content.trimEnd().split("\n").map((line) => `    | ${line}`));
  }
  if (result.unfixed.length) {
    lines.push("", "Not closed by a new migration:");
    for (const { finding, why } of result.unfixed) {
      const where = finding.location ? `${displayLocation(finding.location, baseDir)}  ` : "";
      lines.push(`  ${where}${finding.ruleId}  ${finding.message}`, `    ${why}`);
    }
  }
  if (result.recheck && after && after.error + after.warning > 0) lines.push("", "The check after the fix:", formatText(result.recheck, { baseDir }));
  if (result.mode === "write" && result.files.length) lines.push("", "Review the files, run your usual migration:run on a development database if you like, and commit them.");
  return lines.join("\n");
}
function formatFixJson(result) {
  return JSON.stringify(
    {
      mode: result.mode,
      ...result.nothingToDo && { nothingToDo: result.nothingToDo },
      files: result.files.map((f) => ({
        path: f.path,
        content: f.content,
        ...f.group && { timestamp: f.group.timestamp, closes: f.group.closes.map((c) => c.fingerprint), before: f.group.before?.name, after: f.group.after?.name }
      })),
      unfixed: result.unfixed.map((u) => ({ fingerprint: u.finding.fingerprint, ruleId: u.finding.ruleId, object: u.finding.object, why: u.why })),
      ...result.recheck && { recheck: { status: result.recheck.status, findings: result.recheck.findings } }
    },
    null,
    2
  );
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
    "       migration-gate fix [--dry-run] [options]",
    "       migration-gate deploy-check --target-url <url> [options]",
    "       migration-gate baseline --target-url <url> [--yes] [options]",
    "",
    "check runs the project's whole migration chain (TypeORM, or Drizzle) on a throwaway Postgres, compares",
    "the schema it builds with what the entities or pgTable definitions declare, and reports every gap",
    "and every migration that fails, at the line to edit.",
    "",
    "fix runs the check, then writes the migrations that close its errors into the project's migrations",
    "folder (TypeORM: idempotent SQL from TypeORM's own schema builder, timestamped before the first",
    "migration that needs it; Drizzle: the project's own drizzle-kit generate), and checks again.",
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
    "  migration-gate fix --dry-run --data-source src/data-source.ts   (print the missing migrations)",
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
  if (!["check", "fix", "deploy-check", "baseline"].includes(command) || extra.length) {
    process.stderr.write(`migration-gate: unknown command "${[command, ...extra].join(" ")}". The commands are: migration-gate check | fix [--dry-run] | deploy-check --target-url <url> | baseline --target-url <url> [--yes]
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
    if (options.command === "fix") {
      const fixed = await runFix(options, { ...hooks, mode: options.dryRun ? "dry-run" : "write" });
      process.stdout.write(`${options.format === "json" ? formatFixJson(fixed) : formatFixText(fixed, { baseDir: cwd })}
`);
      const left = fixed.recheck ?? fixed.check;
      return fixed.nothingToDo || fixed.recheck && left.findings.every((f) => f.severity !== "error") ? 0 : 1;
    }
    const result = options.command === "check" ? await runGate(options, hooks) : await runDeployCheck(options, hooks);
    const render = { text: formatText, json: formatJson, markdown: formatMarkdown, sarif: formatSarif }[options.format];
    const repository = result.rootDir ?? cwd;
    process.stdout.write(`${render(result, { baseDir: options.format === "sarif" ? repository : cwd })}
`);
    if (options.sarifFile) writeSarifFile(result, options.sarifFile, repository);
    if (options.github.comment) {
      const stderr = (line) => process.stderr.write(`${line}
`);
      const { postPrComment } = await import("./chunk-UT7TVNH3.js");
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
  if (typeof sarifFile === "string" && sarifFile) writeErrorSarifFile(error, path3.resolve(cwd, sarifFile));
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
