import type { GateError } from "../engine/errors.js";

/** A tool error for people: what failed, then the next step, then any supporting detail. */
export function formatGateError(error: GateError, options: { withDetail: boolean }): string {
  const lines = [`migration-gate could not check the project: ${error.message}`];
  if (error.hint) lines.push(`Next step: ${error.hint}`);
  const detail = (error as { detail?: string }).detail;
  if (options.withDetail && detail) lines.push("", detail);
  return lines.join("\n");
}
