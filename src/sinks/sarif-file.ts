import fs from "node:fs";
import path from "node:path";
import type { GateResult } from "../engine/result.js";
import { formatSarif } from "../report/sarif.js";

/** Writes the SARIF report, creating the folder; paths in it are relative to `baseDir`. */
export function writeSarifFile(result: GateResult, file: string, baseDir: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, formatSarif(result, { baseDir }) + "\n");
}
