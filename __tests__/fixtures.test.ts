import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { runCliJson } from "./helpers/run-cli.js";
import { FIXTURES } from "./helpers/paths.js";
import { tempProject } from "./helpers/temp-project.js";

const NEST_ARGS = ["check", "--entities", "src/**/*.entity.ts", "--migrations", "src/migrations/*.ts", "--naming-strategy", "src/snake-naming.strategy.ts"];

describe("clean projects pass with zero findings", () => {
  test("CommonJS, typeorm 0.3: join table, other schema, tsconfig paths, default export", async () => {
    const { status, report } = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: path.join(FIXTURES, "typeorm03-cjs") });
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
    expect(report.orm.version).toBe("0.3.28");
    expect(report.entityCount).toBe(4);
    // author, book, tag, billing.invoices and the many-to-many join table book_tags_tag.
    expect(report.tableCount).toBe(5);
  });

  test('ESM ("type": "module"), typeorm 1.x: .js specifiers, import.meta.url, migration glob', async () => {
    const { status, report } = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: path.join(FIXTURES, "typeorm1-esm") });
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
    expect(report.orm.version).toMatch(/^1\./);
    expect(report.migrations.map((m) => m.name)).toEqual(["Blog1710000000000"]);
  });

  test("NestJS style: entity and migration globs with a naming strategy, TypeScript 7 installed", async () => {
    const { status, report } = await runCliJson(NEST_ARGS, { cwd: path.join(FIXTURES, "nest-globs") });
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
    expect(report.entityCount).toBe(2);
  });

  test("a project with no TypeScript installed at all", async () => {
    const project = tempProject({ from: path.join(FIXTURES, "nest-globs"), packages: ["typeorm", "pg", "reflect-metadata"] });
    try {
      const { status, report } = await runCliJson(NEST_ARGS, { cwd: project.dir });
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});

describe("missing tables are found and located in every project shape", () => {
  test("CommonJS: a dropped migration leaves the schema table and the join table missing, each at its line", async () => {
    const project = tempProject({ from: path.join(FIXTURES, "typeorm03-cjs") });
    try {
      project.write(
        "src/data-source.ts",
        `import "reflect-metadata";
import { DataSource } from "typeorm";
import { Author } from "@entities/author";
import { Book } from "@entities/book";
import { Tag } from "@entities/tag";
import { Invoice } from "@billing/invoice";

export default new DataSource({
  type: "postgres",
  url: "postgres://app:secret@prod-db.example.internal:5432/library",
  entities: [Author, Book, Tag, Invoice],
  migrations: [],
});
`,
      );
      const { status, report } = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: project.dir });
      expect(status).toBe(1);
      const located = report.findings.filter((f) => f.ruleId === "missing-table").map((f) => [f.object, f.location?.file, f.location?.line]);
      expect(located).toEqual(
        expect.arrayContaining([
          ["public.author", "src/entities/author.ts", 4],
          ["billing.invoices", "src/billing/invoice.ts", 3],
          // The join table is attributed to the owning relation's property.
          ["public.book_tags_tag", "src/entities/book.ts", 16],
        ]),
      );
      expect(located).toHaveLength(5);
      expect(report.findings.find((f) => f.object === "public.book_tags_tag")!.message).toBe("Join table public.book_tags_tag of Book.tags (many-to-many) has no CREATE TABLE migration.");
      expect(report.findings.find((f) => f.ruleId === "no-migrations")).toMatchObject({ severity: "warning" });
    } finally {
      project.cleanup();
    }
  });

  test("ESM on typeorm 1.x: a new entity without a migration fails at its .ts line", async () => {
    const project = tempProject({ from: path.join(FIXTURES, "typeorm1-esm") });
    try {
      project.write(
        "src/entity/like.ts",
        `import { Entity, PrimaryGeneratedColumn } from "typeorm";

// Added with synchronize on; no migration.
@Entity("likes")
export class Like {
  @PrimaryGeneratedColumn()
  id: number;
}
`,
      );
      project.write(
        "src/data-source.ts",
        `import "reflect-metadata";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DataSource } from "typeorm";

const here = path.dirname(fileURLToPath(import.meta.url));

export const dataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL ?? "postgres://blog:blog@127.0.0.1:5432/blog",
  entities: [path.join(here, "entity", "*.ts")],
  migrations: [path.join(here, "migration", "*.ts")],
});
`,
      );
      const { status, report } = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: project.dir });
      expect(status).toBe(1);
      expect(report.findings.map((f) => [f.ruleId, f.object, f.location])).toEqual([["missing-table", "public.likes", { file: "src/entity/like.ts", line: 4 }]]);
    } finally {
      project.cleanup();
    }
  });

  test("NestJS globs: an entity outside the migrations fails at its line, named by the naming strategy", async () => {
    const project = tempProject({ from: path.join(FIXTURES, "nest-globs") });
    try {
      project.write(
        "src/users/login-attempt.entity.ts",
        `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity()
export class LoginAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  succeeded: boolean;
}
`,
      );
      const { status, report } = await runCliJson(NEST_ARGS, { cwd: project.dir });
      expect(status).toBe(1);
      expect(report.findings.map((f) => [f.object, f.location])).toEqual([["public.login_attempt", { file: "src/users/login-attempt.entity.ts", line: 3 }]]);
    } finally {
      project.cleanup();
    }
  });
});

describe("plain JavaScript projects", () => {
  test("tsc output (CommonJS .js, decorators compiled to __decorate) is loaded and located", async () => {
    const project = tempProject({
      files: {
        "package.json": '{ "name": "compiled-app" }',
        // What tsc emits for a decorated entity: `let X = class X {}` plus __decorate calls.
        "dist/entity/order.js": `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.Order = void 0;
const typeorm_1 = require("typeorm");
let Order = class Order {
};
exports.Order = Order;
__decorate([(0, typeorm_1.PrimaryGeneratedColumn)()], Order.prototype, "id", void 0);
__decorate([(0, typeorm_1.Column)("text")], Order.prototype, "note", void 0);
exports.Order = Order = __decorate([(0, typeorm_1.Entity)("orders")], Order);
`,
        "dist/data-source.js": `"use strict";
const { DataSource } = require("typeorm");
module.exports.AppDataSource = new DataSource({ type: "postgres", entities: [__dirname + "/entity/*.js"], migrations: [] });
`,
      },
    });
    try {
      const { status, report } = await runCliJson(["check", "--data-source", "dist/data-source.js"], { cwd: project.dir });
      expect(status).toBe(1);
      expect(report.findings.filter((f) => f.ruleId === "missing-table").map((f) => [f.object, f.location])).toEqual([["public.orders", { file: "dist/entity/order.js", line: 10 }]]);
    } finally {
      project.cleanup();
    }
  });
});
