import { mapper } from "./relation-errors.js";
import { columnSetName, qualifiedName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { columnList, quoteTable } from "./sql-text.js";

/**
 * A relation's foreign key that no migration creates (orphans get in), or one whose ON DELETE /
 * ON UPDATE differs from the relation's (a cascade that does not happen, or one that does).
 * Matched by columns, referenced table and referenced columns, never by name.
 */
export const missingForeignKey: Rule = {
  id: "missing-foreign-key",
  defaultSeverity: "error",
  description: "A relation's foreign key is not created by any migration, or its ON DELETE / ON UPDATE differs.",
  check({ diff }) {
    return diff.missingForeignKeys.map(({ table, foreignKey, near }) => {
      const target = `${qualifiedName(foreignKey.referencedTable)}(${foreignKey.referencedColumns.join(", ")})`;
      const owner = foreignKey.relation ?? `${mapper(table)}`;
      const add = `ALTER TABLE ${quoteTable(table)} ADD FOREIGN KEY (${columnList(foreignKey.columns)}) REFERENCES ${quoteTable(foreignKey.referencedTable)}(${columnList(foreignKey.referencedColumns)}) ON DELETE ${foreignKey.onDelete} ON UPDATE ${foreignKey.onUpdate}`;
      const differences = near
        ? [near.onDelete !== foreignKey.onDelete && `ON DELETE ${near.onDelete} instead of ${foreignKey.onDelete}`, near.onUpdate !== foreignKey.onUpdate && `ON UPDATE ${near.onUpdate} instead of ${foreignKey.onUpdate}`].filter(Boolean)
        : [];
      return {
        key: `${columnSetName(table, foreignKey.columns)}->${target}`,
        object: columnSetName(table, foreignKey.columns),
        location: foreignKey.location,
        message: near
          ? `Foreign key ${near.name} from ${columnSetName(table, foreignKey.columns)} to ${target} has ${differences.join(" and ")} (${owner}).`
          : `No migration creates the foreign key from ${columnSetName(table, foreignKey.columns)} to ${target} that ${owner} declares: rows can point at nothing.`,
        hint: near
          ? `Add a migration: ALTER TABLE ${quoteTable(table)} DROP CONSTRAINT "${near.name}", then ${add}; or change the relation's onDelete/onUpdate.`
          : `Add a migration: ${add} (remove orphan rows first).`,
      };
    });
  },
};
