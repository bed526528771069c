import type { GateResult } from "../result.js";

/**
 * A re-check of files checked from a temp folder (fix --dry-run, suggest-fix, the Drizzle copy)
 * speaks of them where they will be: each `from` path in locations, messages, hints and details
 * becomes its `to`.
 */
export function relocateResult(result: GateResult, moves: ReadonlyMap<string, string>): GateResult {
  if (moves.size === 0) return result;
  const text = (value: string) => [...moves].reduce((t, [from, to]) => t.split(from).join(to), value);
  const at = <T extends { location?: { file: string; line: number } }>(item: T): T => (item.location ? { ...item, location: { ...item.location, file: text(item.location.file) } } : item);
  return {
    ...result,
    migrations: result.migrations.map(at),
    findings: result.findings.map((f) => at({ ...f, message: text(f.message), ...(f.hint !== undefined && { hint: text(f.hint) }), ...(f.detail !== undefined && { detail: text(f.detail) }) })),
  };
}
