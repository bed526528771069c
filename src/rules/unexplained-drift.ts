import { verifiedKey } from "../schema/diff.js";
import { columnSetName, qualifiedName } from "../schema/model.js";
import { ddlTarget, type DdlTarget } from "./ddl-target.js";
import type { EarlierFinding, Rule, RuleContext } from "./rule.js";

/**
 * The cross-check. TypeORM's schema builder says what SQL synchronize would still run on the
 * database the migrations built. Each statement must be explained, either by a finding of
 * another rule about the same object, or by a known no-op: a statement about an object the
 * diff compared and found equal (TypeORM matches indexes and constraints by name and repeats
 * some default and enum changes forever). What is left is drift the gate does not model:
 * reported with its SQL, never passed over.
 */
export const unexplainedDrift: Rule = {
  id: "unexplained-drift",
  defaultSeverity: "warning",
  description: "TypeORM's own schema builder would still change something that no other finding explains.",
  check(context, earlier) {
    const { oracle } = context;
    if (!oracle) return [];
    if ("error" in oracle) {
      return [
        {
          key: "oracle-failed",
          message: `TypeORM's schema builder could not run as a cross-check: ${oracle.error}`,
          hint: "The structured comparison above still ran. If this persists, please report it with the message.",
        },
      ];
    }
    const explains = explainers(context, earlier);
    const bySubject = new Map<string, string[]>();
    for (const statement of oracle.statements) {
      const target = ddlTarget(statement);
      if (explained(target, context, explains)) continue;
      const subject = subjectOf(target, context);
      bySubject.set(subject, [...(bySubject.get(subject) ?? []), statement]);
    }
    return [...bySubject].map(([subject, statements]) => {
      const table = context.expected.tables.find((t) => qualifiedName(t) === subject);
      return {
        key: `${subject}\n${statements.join("\n")}`,
        object: subject === "?" ? undefined : subject,
        location: table?.location,
        message: `TypeORM would still change ${subject === "?" ? "the schema" : subject} after the migrations, and no other finding explains it.`,
        detail: statements.join(";\n") + ";",
        hint: "This is a difference the gate does not compare itself (a comment, a view's definition, an index the entity does not declare...). If it matters, add a migration with this SQL; if it does not, ignore this finding in migration-gate.config.json with the reason.",
      };
    });
  },
};

interface Explainers {
  /** A finding (or a failed migration that created it) is about exactly this object. */
  about(object: string): boolean;
  /** A finding is about this table or anything in it. */
  aboutTable(table: string): boolean;
  verified(key: string): boolean;
}

/** Built once per run: the oracle can list a thousand statements on a large, broken project. */
function explainers({ diff, migrations }: RuleContext, earlier: readonly EarlierFinding[]): Explainers {
  // A table whose creating migration failed is migration-failed's finding, with everything in it.
  const objects = new Set([...migrations.filter((m) => m.status === "failed").flatMap((m) => m.createdTables), ...earlier.flatMap((f) => (f.object ? [f.object] : []))]);
  const tables = new Set([...objects].map((object) => object.replace(/[.(][^.(]*$/, "")));
  return {
    about: (object) => objects.has(object),
    aboutTable: (table) => objects.has(table) || tables.has(table),
    verified: (key) => diff.verified.has(key),
  };
}

function explained(target: DdlTarget, { actual, expected }: RuleContext, { about, aboutTable, verified }: Explainers): boolean {
  switch (target.kind) {
    case "bookkeeping":
      return true; // typeorm_metadata rows travel with a view or generated column statement
    case "table":
      return about(target.table);
    case "column": {
      const object = `${target.table}.${target.column}`;
      if (about(object) || about(target.table)) return true;
      return target.action !== "comment" && target.action !== "rename" && verified(verifiedKey.column(target.table, target.column));
    }
    case "add-constraint": {
      const set = columnSetName(split(target.table), target.columns);
      if (about(set) || about(target.table)) return true;
      if (target.type === "PRIMARY KEY") return verified(verifiedKey.primaryKey(target.table));
      if (target.type === "UNIQUE") return verified(verifiedKey.unique(target.table, target.columns));
      if (target.type === "CHECK") return verified(verifiedKey.checks(target.table));
      return target.referenced !== undefined && verified(verifiedKey.foreignKey(target.table, target.columns, target.referenced));
    }
    case "drop-constraint": {
      if (verified(verifiedKey.constraintName(target.table, target.name)) || about(`${target.table}.${target.name}`)) return true;
      // Uniques and checks the entity lacks are extra-unique / extra-check findings of their own:
      // another finding on the table does not explain them. Keys TypeORM drops to rebuild a
      // column or a foreign key travel with that finding.
      const table = actual.tables.find((t) => qualifiedName(t) === target.table);
      const blocksWrites = table?.uniques.some((u) => u.name === target.name) || table?.checks.some((c) => c.name === target.name);
      return !blocksWrites && aboutTable(target.table);
    }
    case "create-index": {
      if (about(columnSetName(split(target.table), target.columns)) || about(target.table)) return true;
      return verified(verifiedKey.index(target.table, target.columns)) || (target.unique && verified(verifiedKey.unique(target.table, target.columns)));
    }
    case "drop-index": {
      if (verified(verifiedKey.indexName(target.schema, target.name))) return true;
      const table = actual.tables.find((t) => t.schema === target.schema && t.indexes.some((i) => i.name === target.name));
      if (!table) return false;
      if (about(`${qualifiedName(table)}.${target.name}`)) return true;
      const unique = table.indexes.some((i) => i.name === target.name && i.unique);
      return !unique && aboutTable(qualifiedName(table));
    }
    case "sequence": {
      const owner = target.owner ?? sequenceOwner(target.schema, target.name, expected.tables);
      return owner !== undefined && (about(`${owner.table}.${owner.column}`) || about(owner.table));
    }
    case "enum": {
      // An enum of a missing table travels with that table's finding.
      const tables = expected.enums.find((e) => qualifiedName(e) === target.name)?.tables ?? [];
      // A type only a mismatching column uses (TypeORM would drop it once the column changes) travels with that column's finding.
      const users = actual.tables.flatMap((t) => t.columns.filter((c) => c.enum && qualifiedName(c.enum) === target.name).map((c) => `${qualifiedName(t)}.${c.name}`));
      return about(target.name) || verified(verifiedKey.enumType(target.name)) || tables.some((table) => about(table)) || users.some((column) => about(column));
    }
    case "view":
      return about(target.name);
    case "schema":
      return about(target.name);
    default:
      return false;
  }
}

function subjectOf(target: DdlTarget, context: RuleContext): string {
  const { actual } = context;
  switch (target.kind) {
    case "table":
    case "column":
    case "add-constraint":
    case "drop-constraint":
    case "create-index":
      return target.table;
    case "drop-index": {
      const table = actual.tables.find((t) => t.schema === target.schema && t.indexes.some((i) => i.name === target.name));
      return table ? qualifiedName(table) : `${target.schema}.${target.name}`;
    }
    case "enum":
    case "view":
    case "schema":
      return target.name;
    case "sequence":
      return (target.owner ?? sequenceOwner(target.schema, target.name, context.expected.tables))?.table ?? `${target.schema}.${target.name}`;
    default:
      return "?";
  }
}

/** The column a TypeORM-named sequence (`<table>_<column>_seq`) belongs to. */
function sequenceOwner(schema: string, name: string, tables: RuleContext["expected"]["tables"]): { table: string; column: string } | undefined {
  for (const table of tables) {
    if (table.schema !== schema) continue;
    const column = table.columns.find((c) => `${table.name}_${c.name}_seq` === name);
    if (column) return { table: qualifiedName(table), column: column.name };
  }
  return undefined;
}

function split(qualified: string): { schema: string; name: string } {
  const dot = qualified.indexOf(".");
  return { schema: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
}
