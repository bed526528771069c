import path from "node:path";
import type { FixFile } from "../engine/fix/fix-plan.js";

/**
 * The generated files as one patch `git apply` accepts from the repository root: each a new
 * file (`--- /dev/null`), all of its lines added.
 */
export function formatFixPatch(files: readonly FixFile[], rootDir: string): string {
  return files
    .map((file) => {
      const name = path.relative(rootDir, file.path).split(path.sep).join("/");
      const lines = file.content.endsWith("\n") ? file.content.slice(0, -1).split("\n") : file.content.split("\n");
      return [
        `diff --git a/${name} b/${name}`,
        "new file mode 100644",
        "--- /dev/null",
        `+++ b/${name}`,
        `@@ -0,0 +1,${lines.length} @@`,
        ...lines.map((line) => `+${line}`),
        ...(file.content.endsWith("\n") ? [] : ["\\ No newline at end of file"]),
      ].join("\n");
    })
    .join("\n")
    .concat(files.length ? "\n" : "");
}
