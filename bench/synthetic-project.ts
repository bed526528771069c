/**
 * Synthetic TypeORM projects of a given size, written the way people write them by hand:
 * entities with columns of many types, an enum, an array, jsonb, a relation and indexes;
 * migrations with their own constraint and index names, one CREATE and one ALTER per entity.
 * `missing` entities (the last ones, which nothing references) get no migration at all, and
 * filler migrations keep the migration count at 2 x entities. The gate must report exactly
 * those tables, and nothing else.
 */
import fs from "node:fs";
import path from "node:path";

export interface SyntheticOptions {
  dir: string;
  entities: number;
  /** Entities left without a CREATE TABLE migration. */
  missing: number;
  /** node_modules to link into the project (typeorm, pg, reflect-metadata, ts-node...). */
  modulesFrom: string;
  packages: string[];
}

export interface SyntheticProject {
  dir: string;
  migrations: number;
  missingTables: string[];
  /** Every migration's SQL, in order, as one script: the floor's plain-SQL run. */
  sql: string;
}

const BASE_TIMESTAMP = 1_700_000_000_000;
const pad = (n: number) => String(n).padStart(4, "0");

export function generateSyntheticProject(options: SyntheticOptions): SyntheticProject {
  const { dir, entities, missing } = options;
  fs.rmSync(dir, { recursive: true, force: true });
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write("package.json", JSON.stringify({ name: `synthetic-${entities}`, private: true }, null, 2) + "\n");
  write(
    "tsconfig.json",
    JSON.stringify({ compilerOptions: { target: "ES2021", module: "commonjs", strict: true, strictPropertyInitialization: false, experimentalDecorators: true, emitDecoratorMetadata: true, esModuleInterop: true } }, null, 2) + "\n",
  );
  write(
    "src/data-source.ts",
    `import "reflect-metadata";
import { DataSource } from "typeorm";

export const AppDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL ?? "postgres://app:app@db.internal:5432/app",
  entities: [__dirname + "/entity/*.ts"],
  migrations: [__dirname + "/migration/*.ts"],
});
`,
  );
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(modules, { recursive: true });
  for (const pkg of options.packages) {
    fs.mkdirSync(path.dirname(path.join(modules, pkg)), { recursive: true });
    fs.symlinkSync(path.join(options.modulesFrom, pkg), path.join(modules, pkg), "dir");
  }

  const present = entities - missing;
  const sql: string[] = [];
  const migrations: Array<{ name: string; statements: string[] }> = [];
  for (let i = 0; i < entities; i++) {
    write(`src/entity/${entityName(i)}.ts`, entitySource(i));
    if (i >= present) continue;
    migrations.push({ name: `Create${entityName(i)}`, statements: createStatements(i) });
    migrations.push({ name: `Alter${entityName(i)}`, statements: alterStatements(i) });
  }
  // Filler, so the migration count stays at 2 x entities whatever `missing` is: one cheap DDL
  // statement each, which leaves the schema as the entities declare it (no comment).
  for (let f = 0; migrations.length < 2 * entities; f++) {
    migrations.push({ name: `Comment${pad(f)}`, statements: [`COMMENT ON TABLE "${tableName(f % Math.max(present, 1))}" IS NULL`] });
  }
  migrations.forEach((migration, index) => {
    const className = `${migration.name}${BASE_TIMESTAMP + index * 1000}`;
    write(`src/migration/${BASE_TIMESTAMP + index * 1000}-${migration.name}.ts`, migrationSource(className, migration.statements));
    sql.push(...migration.statements.map((s) => `${s};`));
  });

  return {
    dir,
    migrations: migrations.length,
    missingTables: Array.from({ length: missing }, (_, k) => `public.${tableName(present + k)}`),
    sql: sql.join("\n") + "\n",
  };
}

function entityName(i: number): string {
  return `Item${pad(i)}`;
}

function tableName(i: number): string {
  return `item_${pad(i)}`;
}

function entitySource(i: number): string {
  const name = entityName(i);
  const parent = i > 0 ? entityName(i - 1) : undefined;
  return `import { Column, CreateDateColumn, Entity, Index, ${parent ? "JoinColumn, ManyToOne, " : ""}PrimaryGeneratedColumn } from "typeorm";
${parent ? `import { ${parent} } from "./${parent}";\n` : ""}
export enum ${name}Status {
  Draft = "draft",
  Live = "live",
  Archived = "archived",
}

@Entity("${tableName(i)}")
@Index("ix_${tableName(i)}_name", ["name"])
export class ${name} {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 120 })
  name: string;

  @Column({ type: "varchar", length: 32, unique: true })
  code: string;

  @Column({ type: "numeric", precision: 12, scale: 2, default: 0 })
  amount: string;

  @Column({ type: "boolean", default: true })
  active: boolean;

  @Column({ type: "enum", enum: ${name}Status, enumName: "${tableName(i)}_status", default: ${name}Status.Draft })
  status: ${name}Status;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: "jsonb", nullable: true${i === 0 ? `, comment: "free-form data"` : ""} })
  payload: Record<string, unknown> | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
${
  parent
    ? `
  @ManyToOne(() => ${parent}, { onDelete: "SET NULL", nullable: true })
  @JoinColumn({ name: "parent_id" })
  parent: ${parent} | null;
`
    : ""
}}
`;
}

function createStatements(i: number): string[] {
  const t = tableName(i);
  return [
    `CREATE TYPE "public"."${t}_status" AS ENUM('draft', 'live', 'archived')`,
    `CREATE TABLE "${t}" ("id" SERIAL NOT NULL, "name" character varying(120) NOT NULL, "code" character varying(32) NOT NULL, "amount" numeric(12,2) NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "status" "public"."${t}_status" NOT NULL DEFAULT 'draft', "tags" text array NOT NULL DEFAULT '{}', "payload" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_${t}_code" UNIQUE ("code"), CONSTRAINT "pk_${t}" PRIMARY KEY ("id"))`,
    `CREATE INDEX "ix_${t}_name" ON "${t}" ("name")`,
  ];
}

function alterStatements(i: number): string[] {
  const t = tableName(i);
  if (i === 0) return [`COMMENT ON COLUMN "${t}"."payload" IS 'free-form data'`];
  return [`ALTER TABLE "${t}" ADD "parent_id" integer`, `ALTER TABLE "${t}" ADD CONSTRAINT "fk_${t}_parent" FOREIGN KEY ("parent_id") REFERENCES "${tableName(i - 1)}"("id") ON DELETE SET NULL ON UPDATE NO ACTION`];
}

function migrationSource(className: string, statements: string[]): string {
  return `import { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  public async up(queryRunner: QueryRunner): Promise<void> {
${statements.map((s) => `    await queryRunner.query(\`${s}\`);`).join("\n")}
  }

  public async down(): Promise<void> {
    // Not needed for the benchmark.
  }
}
`;
}
