import type { GateOptions } from "../parse-options.js";
import type { GateResult } from "../result.js";
import type { FixMode, FixResult } from "./run-fix.js";

export async function runDrizzleFix({ check, mode }: { options: GateOptions; check: GateResult; mode: FixMode; log: (line: string) => void }): Promise<FixResult> {
  return { check, files: [], unfixed: [], mode };
}
