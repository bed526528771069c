import fs from "node:fs";

/**
 * The statement's line in the migration file, when its text is there as written (its first line,
 * 60 characters): for the worker's failed TypeORM statements and deploy-check's pending ones.
 */
export function statementLine(file: string, statement: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const head = statement.trim().split("\n")[0]!.trim().slice(0, 60);
  // TypeScript migrations hold it in a string literal, where its quotes may be escaped.
  const spellings = head ? [head, JSON.stringify(head).slice(1, -1)] : [];
  const index = spellings.map((spelling) => text.indexOf(spelling)).find((i) => i !== -1) ?? -1;
  return index === -1 ? undefined : text.slice(0, index).split("\n").length;
}
