import fs from "node:fs";
import path from "node:path";
import type { GateResult } from "../engine/result.js";
import { formatErrorSarif } from "../report/error-report.js";
import { formatSarif } from "../report/sarif.js";

/** Writes the SARIF report, creating the folder; paths in it are relative to `baseDir`. */
export function writeSarifFile(result: GateResult, file: string, baseDir: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, formatSarif(result, { baseDir }) + "\n");
}

/**
 * When the gate could not run: a SARIF file holding the failed invocation, so a later
 * upload-sarif step (if: always()) gets the reason instead of a missing file. Never throws: the
 * console message is what matters, and an unwritable path is not a second error.
 */
export function writeErrorSarifFile(error: unknown, file: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, formatErrorSarif(error) + "\n");
  } catch {
    // See above.
  }
}
