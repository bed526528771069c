import type { Finding, MigrationRecord } from "../result.js";
import type { RuleContext } from "../../rules/rule.js";
import { ddlTarget, type DdlTarget } from "../../rules/ddl-target.js";
import { missingRelationOf } from "../../rules/relation-errors.js";
import { qualifiedName, quoteIdentifier, type ActualEnum, type ActualSchema, type ExpectedEnum } from "../../schema/model.js";
import { literal, makeIdempotent } from "./idempotent-ddl.js";
import type { FixGroup, FixPlan, UnfixedFinding } from "./fix-plan.js";
import { chooseTimestamps } from "./fix-timestamps.js";
import { leftToFailedMigrations, touchesTable, withoutLaterParts, type LeftToLater } from "./historical-shape.js";
import { groupTitle } from "./group-title.js";

/** The rules whose findings a new migration can close, and what kind of statement closes them. */
const FIXABLE = new Set([
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
  "default-mismatch",
]);

interface Owned {
  root: Finding;
  up: string;
  down?: string;
  /** Tables it references that must exist first (foreign key targets). */
  references: string[];
}

/**
 * Plans the migrations that close the check's errors, from TypeORM's own SQL: the schema
 * builder's statements (the cross-check, what `migration:generate` would write) taken per
 * finding, made idempotent, grouped into what depends on each other, and timestamped to sort
 * after what they need and before the first migration that uses what they create. Pure: the
 * engine writes and re-checks (run-fix.ts).
 */
export function planTypeormFix({ context, findings, now }: { context: RuleContext; findings: readonly Finding[]; now: number }): FixPlan {
  // Errors, and warnings a migration closes (a missing index is a warning by default).
  const errors = findings.filter((f) => f.severity === "error" || (f.severity === "warning" && FIXABLE.has(f.ruleId)));
  const prints = new Set(errors.map((f) => f.fingerprint));
  const roots = errors.filter((f) => !f.causedBy || !prints.has(f.causedBy));
  const unfixed: UnfixedFinding[] = [];
  const oracle = context.oracle && "statements" in context.oracle ? context.oracle.statements : undefined;
  const byObject = new Map<string, Finding>();
  for (const root of roots) if (FIXABLE.has(root.ruleId) && root.object) byObject.set(`${root.ruleId} ${objectKey(root.ruleId, root.object)}`, root);
  const rootOf = (ruleId: string, object: string) => byObject.get(`${ruleId} ${objectKey(ruleId, object)}`);
  const left = leftToFailedMigrations(context.migrations);
  const leftTo = leftToMigration(left);
  // Roots whose statements were left to a failed migration that creates the object itself.
  const leftBehind = new Map<string, MigrationRecord>();
  // Columns left out of a CREATE TABLE because a later migration adds them: statements about them go too.
  const removed = new Map<string, Set<string>>();

  const owned: Owned[] = [];
  for (const given of oracle ?? []) {
    const target = ddlTarget(given);
    const root = ownerOf(target, given, { rootOf, context });
    if (!root) continue;
    const by = leftTo(target) ?? usesRemoved(target, removed, left);
    if (by) {
      leftBehind.set(root.fingerprint, by);
      continue;
    }
    let statement = given;
    if (target.kind === "table") {
      const shaped = withoutLaterParts(given, target.table, left);
      statement = shaped.statement;
      if (shaped.removed.length) removed.set(target.table, new Set(shaped.removed));
    }
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
      groups.find((g) => g.before?.name === root.object)!.closes.push(root);
      continue;
    }
    const by = leftBehind.get(root.fingerprint);
    unfixed.push({ finding: root, why: by ? `${by.name} creates it, and fails: it exists once that migration is fixed (see its finding)` : whyUnfixed(root, oracle !== undefined) });
  }
  chooseTimestamps(groups, { migrations: context.migrations, now });
  return { groups, unfixed };
}

/** The failed migration that creates this object itself: the fix leaves it to that one, which would otherwise fail on "already exists". */
function leftToMigration(left: LeftToLater): (target: DdlTarget) => MigrationRecord | undefined {
  return (target) => {
    switch (target.kind) {
      case "table":
        return left.tables.get(target.table);
      case "column":
        return target.action === "add" ? left.columns.get(`${target.table}.${target.column}`) : undefined;
      case "create-index":
      case "add-constraint":
        return left.names.get(target.name) ?? left.keys.get(`${target.table}(${[...target.columns].sort().join(",")})`);
      default:
        return undefined;
    }
  };
}

/** A statement about a column the fix's CREATE TABLE left to a later migration. */
function usesRemoved(target: DdlTarget, removed: ReadonlyMap<string, Set<string>>, left: LeftToLater): MigrationRecord | undefined {
  const table = "table" in target ? target.table : undefined;
  const gone = table ? removed.get(table) : undefined;
  if (!gone || !table) return undefined;
  const columns = target.kind === "column" ? [target.column] : target.kind === "create-index" || target.kind === "add-constraint" ? target.columns : [];
  const column = columns.find((c) => gone.has(c));
  return column ? left.columns.get(`${table}.${column}`) : undefined;
}

interface OwnerLookup {
  rootOf: (ruleId: string, object: string) => Finding | undefined;
  context: RuleContext;
}

/** The root finding a schema-builder statement closes, or undefined (it closes none: left out). */
function ownerOf(target: DdlTarget, statement: string, { rootOf, context }: OwnerLookup): Finding | undefined {
  const table = (name: string) => rootOf("missing-table", name);
  const anyColumn = (t: string, columns: readonly string[]) => columns.map((c) => rootOf("missing-column", `${t}.${c}`)).find(Boolean);
  switch (target.kind) {
    case "table":
      return /^CREATE/i.test(statement) ? table(target.table) : undefined;
    case "column": {
      const inTable = table(target.table);
      if (inTable && target.action !== "drop") return inTable;
      const object = `${target.table}.${target.column}`;
      if (target.action === "add" || target.action === "comment") return rootOf("missing-column", object);
      if (target.action !== "alter") return undefined;
      if (/ (SET|DROP) NOT NULL$/i.test(statement.trim())) return rootOf("nullability-mismatch", object);
      if (/ (SET DEFAULT .+|DROP DEFAULT)$/is.test(statement.trim())) return rootOf("default-mismatch", object);
      return undefined;
    }
    case "add-constraint": {
      const set = `${target.table}(${target.columns.join(", ")})`;
      const byKind =
        target.type === "FOREIGN KEY" ? rootOf("missing-foreign-key", set) : target.type === "UNIQUE" ? rootOf("missing-unique", set) : target.type === "PRIMARY KEY" ? rootOf("missing-primary-key", target.table) : rootOf("missing-check", target.table);
      return table(target.table) ?? byKind ?? anyColumn(target.table, target.columns);
    }
    case "create-index": {
      const set = `${target.table}(${target.columns.join(", ")})`;
      return table(target.table) ?? (target.unique ? rootOf("missing-unique", set) : rootOf("missing-index", set)) ?? anyColumn(target.table, target.columns);
    }
    case "enum": {
      if (!/^CREATE TYPE/i.test(statement)) return undefined;
      const found = context.expected.enums.find((e) => qualifiedName(e) === target.name);
      const users = context.expected.tables.flatMap((t) => t.columns.filter((c) => c.enum && qualifiedName(c.enum) === target.name).map((c) => `${qualifiedName(t)}.${c.name}`));
      return rootOf("missing-enum", target.name) ?? found?.tables.map(table).find(Boolean) ?? users.map((c) => rootOf("missing-column", c)).find(Boolean);
    }
    case "schema":
      return rootOf("missing-schema", target.name) ?? context.expected.tables.filter((t) => t.schema === target.name).map((t) => table(qualifiedName(t))).find(Boolean);
    default:
      return undefined;
  }
}

/**
 * TypeORM changes an enum's values by renaming the type and building a new one, which rewrites
 * every column using it. Adding a value needs one statement, and is what the finding asks:
 * ADD VALUE IF NOT EXISTS. Its down builds the type again without the values (Postgres cannot
 * drop a value), moving each column over.
 */
function enumValueStatements(context: RuleContext, rootOf: OwnerLookup["rootOf"], unfixed: UnfixedFinding[]): Owned[] {
  return context.diff.enumValueMismatches.flatMap(({ expected, actual, missing, extra }): Owned[] => {
    const root = rootOf("enum-values-mismatch", qualifiedName(expected));
    if (!root) return [];
    if (extra.length) {
      unfixed.push({ finding: root, why: "the database's enum has values the entity does not: removing them needs the columns moved to a new type, which may fail on rows that use them; write that migration by hand" });
      return [];
    }
    const type = `${quoteIdentifier(expected.schema)}.${quoteIdentifier(expected.name)}`;
    const up = missing.map((value) => `ALTER TYPE ${type} ADD VALUE IF NOT EXISTS ${literal(value)}`);
    return up.map((statement, i) => ({ root, up: statement, ...(i === 0 && { down: rebuildEnum(expected, actual, context.actual).join(";\n") }), references: [] }));
  });
}

function rebuildEnum(expected: ExpectedEnum, before: ActualEnum, actual: ActualSchema): string[] {
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
        ...(column.default !== undefined ? [`${alter} DROP DEFAULT`] : []),
        `${alter} TYPE ${type}${array} USING ${quoteIdentifier(column.name)}::text${array}::${type}${array}`,
        ...(column.default !== undefined ? [`${alter} SET DEFAULT ${column.default.replace(`${expected.name}_old`, expected.name)}`] : []),
      ];
    }),
    `DROP TYPE ${old}`,
  ];
}

/** Roots whose statements reference each other's tables, or change the same table, share one migration. */
function groupRoots(owned: readonly Owned[], { context }: { context: RuleContext }): FixGroup[] {
  const parent = new Map<Finding, Finding>();
  const find = (f: Finding): Finding => {
    const p = parent.get(f) ?? f;
    if (p === f) return f;
    const r = find(p);
    parent.set(f, r);
    return r;
  };
  const union = (a: Finding, b: Finding) => parent.set(find(a), find(b));
  const tableOf = (root: Finding) => tableOfObject(root.object ?? "");
  const byTable = new Map<string, Finding>();
  for (const { root } of owned) {
    const table = tableOf(root);
    const other = byTable.get(table);
    if (other) union(root, other);
    else byTable.set(table, root);
  }
  // A foreign key to a table another group creates must travel with it; one to an existing table orders nothing.
  const creates = new Map(owned.filter((o) => o.root.ruleId === "missing-table").map((o) => [tableOf(o.root), o.root]));
  for (const { root, references } of owned) for (const ref of references) if (creates.has(ref)) union(root, creates.get(ref)!);

  const groups = new Map<Finding, { owned: Owned[]; roots: Set<Finding> }>();
  for (const item of owned) {
    const key = find(item.root);
    const group = groups.get(key) ?? { owned: [], roots: new Set() };
    group.owned.push(item);
    group.roots.add(item.root);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ owned: items, roots }): FixGroup => {
    const created = [...roots].filter((r) => r.ruleId === "missing-table").map(tableOf);
    const tables = [...new Set([...created, ...[...roots].map(tableOf)])];
    const external = [...new Set([...items.flatMap((i) => i.references), ...tables.filter((t) => !created.includes(t))])].filter((t) => !created.includes(t));
    const enums = items.flatMap((i) => /^(?:DO .*?THEN )?CREATE TYPE ("(?:[^"]|"")+"\."(?:[^"]|"")+")/s.exec(i.up)?.[1] ?? []);
    return {
      title: groupTitle([...roots]),
      tables,
      up: items.map((i) => i.up),
      down: items.flatMap((i) => (i.down ? [i.down] : [])).reverse(),
      closes: [...roots],
      timestamp: 0,
      ...ordering({ tables, created, external, enums, context }),
    };
  });
}

/** The migration a group must follow (it creates a table the group needs) and the one it must precede (it fails for want of the group's objects). */
function ordering({ tables, created, external, enums, context }: { tables: string[]; created: string[]; external: string[]; enums: string[]; context: RuleContext }): Pick<FixGroup, "after" | "before"> {
  const { migrations } = context;
  const creators = external.map((t) => migrations.find((m) => m.status === "applied" && m.createdTables.includes(t))).filter((m): m is MigrationRecord => Boolean(m));
  const after = creators.sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0))[0];
  const expectedTables = context.expected.tables.filter((t) => created.includes(qualifiedName(t)));
  const typeNames = enums.map((e) => e.replace(/"/g, "").split(".").pop()!);
  const needs = (m: MigrationRecord): boolean => {
    const failure = m.failure;
    if (m.status !== "failed" || !failure) return false;
    if (missingRelationOf(m, expectedTables)) return true;
    // It failed earlier on something else, but its SQL further on uses a table this creates.
    if (created.some((t) => touchesTable(m, t))) return true;
    const column = /column "([^"]+)"(?: of relation "([^"]+)")? does not exist/.exec(failure.message);
    if (column && tables.some((t) => (!column[2] || t.endsWith(`.${column[2]}`)) && context.expected.tables.some((e) => qualifiedName(e) === t && e.columns.some((c) => c.name === column[1])))) return true;
    const type = /type "([^"]+)" does not exist|invalid input value for enum ([^:]+):/.exec(failure.message);
    return Boolean(type && typeNames.some((n) => (type[1] ?? type[2] ?? "").replace(/"/g, "").split(".").pop() === n));
  };
  const before = migrations.filter(needs).sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0))[0];
  return { ...(after && { after }), ...(before && { before }) };
}

function whyUnfixed(finding: Finding, haveOracle: boolean): string {
  if (FIXABLE.has(finding.ruleId) && !haveOracle) return "TypeORM's schema builder (the cross-check) did not run, so there is no SQL to take: run fix with cross-check on";
  switch (finding.ruleId) {
    case "migration-failed":
      // 42703/42704/42P01 after the fix: it changes or drops something nothing creates any more (synchronize made it once).
      return /\((42703|42704|42P01)\)/.test(finding.message)
        ? "it changes or drops something that no migration creates and the entities no longer declare (only synchronize ever made it), so no migration written from the code can bring it back: make that statement tolerate its absence (IF EXISTS) or create the object as it was, in a migration before it (fix never edits an existing migration)"
        : "the migration itself fails: fix it (fix never edits an existing migration)";
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

/** `public.posts(a, b)` → `public.posts(a,b)` with sorted columns; other objects as they are. */
function objectKey(ruleId: string, object: string): string {
  const m = /^(.*)\((.*)\)$/.exec(object);
  if (!m || !["missing-foreign-key", "missing-index", "missing-unique"].includes(ruleId)) return object;
  return `${m[1]}(${m[2]!.split(",").map((c) => c.trim()).sort().join(",")})`;
}

/** The table (`schema.table`) an object names: `public.t`, `public.t.c`, `public.t(a, b)`. */
export function tableOfObject(object: string): string {
  const base = object.replace(/\(.*\)$/, "");
  const parts = base.split(".");
  return parts.length > 2 ? parts.slice(0, 2).join(".") : base;
}
