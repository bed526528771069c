import type { Finding, GateResult } from "../engine/result.js";
import { displayText } from "./paths.js";

/**
 * The result with every file named in a finding's message, hint and detail shown relative to
 * `baseDir`, the same way the reporter shows locations: one rule, every reporter.
 */
export function readable(result: GateResult, baseDir: string): GateResult {
  const root = result.rootDir ?? result.projectDir;
  const text = (value: string | undefined) => (value === undefined ? undefined : displayText(value, baseDir, root));
  const finding = (f: Finding): Finding => ({
    ...f,
    message: text(f.message)!,
    ...(f.hint !== undefined && { hint: text(f.hint) }),
    ...(f.detail !== undefined && { detail: text(f.detail) }),
  });
  return { ...result, findings: result.findings.map(finding), ...(result.fixed && { fixed: result.fixed.map(finding) }) };
}
