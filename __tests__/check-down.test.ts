/**
 * --check-down on a real TypeORM project: each migration chosen runs up, down and up again on
 * a throwaway database, and the schema after down() is compared with the one before up().
 * A correct down, one that forgets a column, one that drops too much, one that refuses on
 * purpose, one that leaves up() unable to run again; and `new` with a base (only the change's
 * migrations are checked).
 */
import { describe, expect, test } from "@jest/globals";
import { commitAll, git } from "./helpers/git.js";
import { runCliJson } from "./helpers/run-cli.js";
import { tempProject } from "./helpers/temp-project.js";

const ENTITY = `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity("notes")
export class Note {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "text" }) body!: string;
  @Column({ type: "text", nullable: true }) title!: string | null;
}
`;

function migration(className: string, up: string[], down: string[] | string): string {
  const body = (lines: string[]) => lines.map((s) => `    await queryRunner.query(\`${s}\`);`).join("\n");
  return `import { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  public async up(queryRunner: QueryRunner): Promise<void> {
${body(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${typeof down === "string" ? `    ${down}` : body(down)}
  }
}
`;
}

const INIT = migration("Init1700000000000", [`CREATE TABLE "notes" ("id" SERIAL NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_notes" PRIMARY KEY ("id"))`], [`DROP TABLE "notes"`]);
const ADD_TITLE = `ALTER TABLE "notes" ADD "title" text`;
const INDEX = `CREATE INDEX "IDX_notes_title" ON "notes" ("title")`;

const CASES = [
  { name: "a correct down", down: [`DROP INDEX "IDX_notes_title"`, `ALTER TABLE "notes" DROP COLUMN "title"`], expected: [] },
  {
    name: "a down that forgets a column",
    down: [`DROP INDEX "IDX_notes_title"`],
    expected: [
      ["error", "down-breaks-up", "AddTitle1700000100000", `After AddTitle1700000100000's down(), its up() fails when run again: column "title" of relation "notes" already exists (42701) at line 7.`],
      ["error", "irreversible-down", "public.notes.title", "AddTitle1700000100000's down() leaves column public.notes.title behind, which was not there before up()."],
    ],
  },
  {
    name: "a down that drops too much",
    down: [`DROP INDEX "IDX_notes_title"`, `ALTER TABLE "notes" DROP COLUMN "title"`, `ALTER TABLE "notes" DROP COLUMN "body"`],
    expected: [["error", "irreversible-down", "public.notes.body", "AddTitle1700000100000's down() removes column public.notes.body, which was there before up() ran."]],
  },
  {
    name: "a down that throws on purpose",
    down: `throw new Error("AddTitle cannot be reverted: the old column was dropped");`,
    expected: [["notice", "irreversible-down", "AddTitle1700000100000", `AddTitle1700000100000's down() refuses to run ("AddTitle cannot be reverted: the old column was dropped"): it cannot be rolled back, on purpose.`]],
  },
  {
    name: "a down that leaves up unable to run again",
    down: [`ALTER TABLE "notes" DROP COLUMN "title" CASCADE`, `CREATE INDEX "IDX_notes_title" ON "notes" ("body")`],
    expected: [
      ["error", "down-breaks-up", "AddTitle1700000100000", `After AddTitle1700000100000's down(), its up() fails when run again: relation "IDX_notes_title" already exists (42P07) at line 8.`],
      ["error", "irreversible-down", "public.notes(body)", `AddTitle1700000100000's down() leaves index public.notes(body) ("IDX_notes_title") behind, which was not there before up().`],
    ],
  },
];

const ARGS = ["check", "--entities", "src/entity/*.ts", "--migrations", "src/migration/*.ts"];
const downFindings = (findings: Array<{ severity: string; ruleId: string; object?: string; message: string; location?: { line: number } }>) =>
  findings
    .filter((f) => ["irreversible-down", "down-breaks-up"].includes(f.ruleId))
    .map((f) => [f.severity, f.ruleId, f.object, f.message])
    .sort((a, b) => a.join().localeCompare(b.join()));

describe("--check-down all", () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const p = tempProject({
        files: {
          "package.json": JSON.stringify({ name: "check-down", private: true }),
          "src/entity/note.ts": ENTITY,
          "src/migration/1700000000000-Init.ts": INIT,
          "src/migration/1700000100000-AddTitle.ts": migration("AddTitle1700000100000", [ADD_TITLE, INDEX], c.down),
        },
      });
      try {
        const { report, status } = await runCliJson([...ARGS, "--check-down", "all"], { cwd: p.dir });
        expect(downFindings(report.findings)).toEqual(c.expected);
        expect(status).toBe(c.expected.some(([severity]) => severity === "error") ? 1 : 0);
        // Findings point at the down() line.
        for (const f of report.findings.filter((f) => f.ruleId === "irreversible-down" && f.object !== "AddTitle1700000100000")) expect(f.location?.line).toBe(11);
        // Off by default without a base, and when asked.
        const off = await runCliJson([...ARGS, "--check-down", "off"], { cwd: p.dir });
        expect(downFindings(off.report.findings)).toEqual([]);
        const plain = await runCliJson(ARGS, { cwd: p.dir });
        expect(downFindings(plain.report.findings)).toEqual([]);
      } finally {
        p.cleanup();
      }
    });
  }
});

describe("--check-down new (the default) with a base", () => {
  test("checks only the migrations the change adds", async () => {
    // The merged Init's down() is wrong too; only the change's AddTitle is checked.
    const p = tempProject({
      files: {
        "package.json": JSON.stringify({ name: "check-down", private: true }),
        "src/entity/note.ts": ENTITY.replace(`  @Column({ type: "text", nullable: true }) title!: string | null;\n`, ""),
        "src/migration/1700000000000-Init.ts": migration("Init1700000000000", [`CREATE TABLE "notes" ("id" SERIAL NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_notes" PRIMARY KEY ("id"))`], []),
      },
    });
    try {
      git(p.dir, "init", "-q");
      commitAll(p.dir, "base");
      p.write("src/entity/note.ts", ENTITY);
      p.write("src/migration/1700000100000-AddTitle.ts", migration("AddTitle1700000100000", [ADD_TITLE, INDEX], [`DROP INDEX "IDX_notes_title"`]));
      commitAll(p.dir, "change");
      const { report } = await runCliJson([...ARGS, "--base-ref", "HEAD~1"], { cwd: p.dir });
      expect(downFindings(report.findings)).toEqual(CASES[1]!.expected);
    } finally {
      p.cleanup();
    }
  });
});
