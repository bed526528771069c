import type { Finding, MigrationRecord, Severity } from "../engine/result.js";
import type { ActualSchema, ExpectedSchema } from "../schema/model.js";
import type { BlockedConnection } from "../worker/protocol.js";

/** Everything a rule may look at. Rules are pure: same context, same findings. */
export interface RuleContext {
  expected: ExpectedSchema;
  actual: ActualSchema;
  migrations: MigrationRecord[];
  migrationsOption: string[];
  blockedConnections: BlockedConnection[];
}

export type RuleFinding = Omit<Finding, "ruleId" | "severity" | "fingerprint"> & {
  /** What makes this finding unique within its rule; hashed into the fingerprint. */
  key: string;
};

export interface Rule {
  /** Stable kebab-case id: used in config, annotations titles, SARIF and docs anchors. */
  id: string;
  defaultSeverity: Severity;
  /** One line for docs and SARIF. */
  description: string;
  check(context: RuleContext): RuleFinding[];
}

export const RULES_DOCS = "https://github.com/org/migration-gate/blob/main/docs/rules.md";
