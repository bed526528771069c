import { GateError } from "../engine/errors.js";
import { VERSION } from "../version.js";

/** What a report says when the gate could not run: the same message and next step as the console. */
interface ErrorReport {
  code: string;
  message: string;
  hint?: string;
}

function describe(error: unknown): ErrorReport {
  if (error instanceof GateError) return { code: error.code, message: error.message, ...(error.hint && { hint: error.hint }) };
  return { code: "unexpected", message: error instanceof Error ? error.message : String(error), hint: "Please report this with the log." };
}

/**
 * `--format json` when the gate could not run: a CI step parsing the report gets
 * `{"status": "error", ...}` (the action's `status` output says the same), never empty stdout.
 */
export function formatErrorJson(error: unknown): string {
  return JSON.stringify({ status: "error", error: describe(error) }, null, 2);
}

/** SARIF for a run that could not finish: no results, the invocation marked as failed with the message. */
export function formatErrorSarif(error: unknown): string {
  const { message, hint } = describe(error);
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "migration-gate", version: VERSION, informationUri: "https://github.com/org/migration-gate" } },
          invocations: [
            {
              executionSuccessful: false,
              toolExecutionNotifications: [{ level: "error", message: { text: hint ? `${message}\nNext step: ${hint}` : message } }],
            },
          ],
          results: [],
        },
      ],
    },
    null,
    2,
  );
}
