import type { Finding } from "../result.js";

/** A migration's name says what it does: CreateSharesAndShareKeys, AddColumnsToUsers, AddOrderStatusValues. */
export function groupTitle(roots: readonly Finding[]): string {
  const tableName = (object: string) => pascal(object.replace(/\(.*\)$/, "").split(".")[1] ?? object);
  const created = roots.filter((r) => r.ruleId === "missing-table").map((r) => tableName(r.object!));
  if (created.length) return `Create${list(created)}`;
  const kinds = new Set(roots.map((r) => r.ruleId));
  const tables = [...new Set(roots.map((r) => tableName(r.object!)))];
  const on = list(tables);
  if (kinds.size === 1) {
    const [kind] = kinds;
    const one = roots.length === 1;
    switch (kind) {
      case "missing-column":
        return one ? `Add${pascal(roots[0]!.object!.split(".")[2] ?? "")}To${on}` : `AddColumnsTo${on}`;
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
        return `Create${pascal(roots[0]!.object!)}Schema`;
      case "enum-values-mismatch":
        return `Add${on}Values`;
      case "nullability-mismatch":
      case "default-mismatch":
        return `Alter${on}Columns`;
    }
  }
  return `Fix${on}`;
}

function list(names: string[]): string {
  return names.length <= 2 ? names.join("And") : `${names[0]}And${names.length - 1}More`;
}

export function pascal(name: string): string {
  return name.replace(/(^|[_\-\s.]+)(\w)/g, (_, __, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "");
}
