import { fileURLToPath } from "node:url";

export interface StackFrame {
  file: string;
  line: number;
}

/** file:line of each frame of an Error stack, file URLs (ESM) turned into paths. */
export function stackFrames(stack: string | undefined): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const text of (stack ?? "").split("\n").slice(1)) {
    // `at f (/p/x.ts:3:9)` or `at /p/x.ts:3:9`; never `node:internal/...`, whose tail looks like a path.
    const match = /(?:^at |\()((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/.exec(text.trim());
    if (match) frames.push({ file: match[1]!.startsWith("file:") ? fileURLToPath(match[1]!) : match[1]!, line: Number(match[2]) });
  }
  return frames;
}
