import type { SourceLocation } from "../engine/result.js";

/** `file:line` as the guard records it, as a location. */
export function parseOrigin(origin: string | undefined): SourceLocation | undefined {
  const match = origin ? /^(.*):(\d+)$/.exec(origin) : null;
  return match ? { file: match[1]!, line: Number(match[2]) } : undefined;
}
