import type { OrmInfo } from "../engine/result.js";

/**
 * How hints name the code to change, per ORM: a Drizzle user edits a pgTable column with
 * `.notNull()` and `.default()`, a TypeORM user an entity property with `nullable` and `default`.
 * Drizzle output must never tell anyone to "save the entity".
 */
export interface Vocabulary {
  /** "the entity" / "the pgTable" */
  code: string;
  /** What fails when a NULL is written through the code. */
  writingNull: (column: string) => string;
  makeNotNull: string;
  makeNullable: string;
  changeDefault: string;
  declareDefault: string;
  /** What fails on insert when a column is unmapped and NOT NULL. */
  insertsFail: string;
  mapIt: string;
  /** Who decides which migrations run on a database. */
  migrator: string;
}

const TYPEORM: Vocabulary = {
  code: "the entity",
  writingNull: (column) => `saving the entity with ${column} = null fails`,
  makeNotNull: "make the property non-nullable",
  makeNullable: "mark the property nullable: true",
  changeDefault: "change the entity's default",
  declareDefault: "declare the default in the entity",
  insertsFail: "every insert through the entity fails",
  mapIt: "Map it in the entity",
  migrator: "TypeORM's migration:run",
};

const DRIZZLE: Vocabulary = {
  code: "the pgTable",
  writingNull: (column) => `inserting or updating ${column} = null through drizzle fails`,
  makeNotNull: "add .notNull() to the column",
  makeNullable: "remove .notNull() from the column",
  changeDefault: "change the column's .default()",
  declareDefault: "declare it with .default() on the column",
  insertsFail: "every insert through drizzle that leaves it out fails",
  mapIt: "Declare it in the pgTable",
  migrator: "drizzle-orm's migrator",
};

export function vocabulary(orm: OrmInfo["name"] | undefined): Vocabulary {
  return orm === "drizzle" ? DRIZZLE : TYPEORM;
}
