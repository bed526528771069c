import { qualifiedName } from "../schema/model.js";
import { failedAt, fixedWithFailed } from "./relation-errors.js";
import type { Rule, RuleFinding } from "./rule.js";

/** A @ViewEntity that no migration creates (or creates as the other kind of view). */
export const missingView: Rule = {
  id: "missing-view",
  defaultSeverity: "error",
  description: "A view entity's view is not created by any migration.",
  check({ diff, orm, migrations }) {
    return diff.missingViews.map(({ view, actual }): RuleFinding => {
      const kind = view.materialized ? "materialized view" : "view";
      // A failed migration that creates it: missing because that one fails.
      const creator = !actual ? migrations.find((m) => m.status === "failed" && m.touches?.names.includes(view.name)) : undefined;
      if (creator) {
        return {
          key: qualifiedName(view),
          object: qualifiedName(view),
          location: view.location,
          message: `The ${kind} ${qualifiedName(view)} is missing after the migrations: it is created by ${failedAt(creator)}.`,
          ...fixedWithFailed(creator, `this ${kind}`),
        };
      }
      const owner = orm === "drizzle" ? `${view.materialized ? "pgMaterializedView" : "pgView"} ${view.entityName}` : `view entity ${view.entityName}`;
      return {
        key: qualifiedName(view),
        object: qualifiedName(view),
        location: view.location,
        message: actual
          ? `${qualifiedName(view)} is a ${actual.kind.replace("-", " ")} after the migrations, but ${owner} is a ${kind}.`
          : `No migration creates the ${kind} ${qualifiedName(view)} of ${owner}.`,
        hint: orm === "drizzle" ? "Run npx drizzle-kit generate and commit the migration it writes for the view." : `Add a migration with CREATE ${view.materialized ? "MATERIALIZED " : ""}VIEW and the entity's expression (migration:generate writes it, with the typeorm_metadata row TypeORM keeps for views).`,
      };
    });
  },
};
