import { pathToFileURL } from "node:url";
import { readable } from "./readable.js";
import type { GateResult, Severity } from "../engine/result.js";
import { RULES } from "../rules/index.js";
import { RULES_DOCS } from "../rules/rule.js";
import { VERSION } from "../version.js";
import { displayPath } from "./paths.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", notice: "note" };

/**
 * SARIF 2.1.0 for github/codeql-action/upload-sarif and other code-scanning tools. Rule ids
 * are the gate's stable ids; partialFingerprints carry the finding fingerprint so code
 * scanning tracks a finding across pushes. Paths are relative to `baseDir` (the repository root).
 */
export function formatSarif(given: GateResult, { baseDir }: { baseDir: string }): string {
  const result = readable(given, baseDir);
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "migration-gate",
            version: VERSION,
            informationUri: "https://github.com/org/migration-gate",
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              helpUri: `${RULES_DOCS}#${rule.id}`,
              defaultConfiguration: { level: rule.defaultSeverity === "off" ? "none" : LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        // URIs are relative to the repository root; %SRCROOT% says where that is.
        originalUriBaseIds: { "%SRCROOT%": { uri: `${pathToFileURL(baseDir).href.replace(/\/?$/, "/")}` } },
        results: result.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: ruleIndex.get(finding.ruleId),
          level: LEVEL[finding.severity],
          message: { text: [finding.message, finding.detail && `Statement: ${finding.detail}`, finding.hint && `Fix: ${finding.hint}`].filter(Boolean).join("\n") },
          ...(finding.location && {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: displayPath(finding.location.file, baseDir), uriBaseId: "%SRCROOT%" },
                  region: { startLine: finding.location.line },
                },
              },
            ],
          }),
          partialFingerprints: { "migrationGate/v1": finding.fingerprint },
          // Change-scoped runs: SARIF's own word for "on the base too" or not.
          ...(finding.introduced !== undefined && { baselineState: finding.introduced ? "new" : "unchanged" }),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
