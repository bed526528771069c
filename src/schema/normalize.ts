/**
 * Text rules applied after Postgres has canonicalized both sides (canonicalize.ts). Each one
 * is a known difference that means nothing, and each has a regression test naming the upstream
 * issue where an ORM diff repeats it forever (__tests__/noise.test.ts).
 */

/** Expressions Postgres prints differently for the same behaviour. */
const EQUIVALENT_DEFAULTS: Array<[RegExp, string]> = [
  // Both give a random (v4) uuid; TypeORM writes uuid_generate_v4() unless uuidExtension is
  // pgcrypto, and many hand-written migrations use the built-in (typeorm#11571, #5898).
  [/^uuid_generate_v4\(\)$/i, "gen_random_uuid()"],
  // Same function, two spellings: CURRENT_TIMESTAMP is now() (typeorm#6579).
  [/^current_timestamp$/i, "now()"],
  // A sequence default is a sequence default, whatever the sequence is called.
  [/^nextval\('.*'::regclass\)$/i, "nextval()"],
  // TypeORM rewrites CURRENT_TIMESTAMP(n) to ('now'::text)::timestamp(n) with time zone before
  // writing it; a hand-written migration keeps CURRENT_TIMESTAMP(n) (typeorm#6579, #10328).
  [/^\('now'::text\)::timestamp\((\d)\) with time zone$/i, "CURRENT_TIMESTAMP($1)"],
  [/^\('now'::text\)::timestamp with time zone$/i, "now()"],
  // `x AT TIME ZONE z` is timezone(z, x); Postgres prints whichever was written (typeorm#3076).
  [/^(.+) AT TIME ZONE (.+)$/i, "timezone($2, $1)"],
];

export function normalizeDefault(expression: string): string {
  let text = sameSpacing(stripOuterParens(expression.trim()));
  for (const [pattern, replacement] of EQUIVALENT_DEFAULTS) text = stripOuterParens(text.replace(pattern, replacement));
  return text;
}

/** Two SQL expressions that differ at most in spacing, redundant parentheses or needless identifier quotes. */
export function sameExpression(a: string, b: string): boolean {
  return looseForm(a) === looseForm(b);
}

function looseForm(expression: string): string {
  return sameSpacing(stripOuterParens(expression.trim().replace(/^CHECK\s*/i, "")))
    .replace(/"([a-z_][a-z0-9_]*)"/g, "$1")
    .replace(/\(\s*/g, "(")
    .replace(/\s*\)/g, ")");
}

function sameSpacing(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** `((x))` → `x`, but `(a) + (b)` stays as it is. */
function stripOuterParens(text: string): string {
  let current = text;
  while (current.startsWith("(") && current.endsWith(")") && enclosesAll(current)) current = current.slice(1, -1).trim();
  return current;
}

function enclosesAll(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "'") quoted = !quoted;
    if (quoted) continue;
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}
