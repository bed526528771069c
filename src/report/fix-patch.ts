import path from "node:path";
import type { FixFile } from "../engine/fix/fix-plan.js";

/**
 * The generated files as one patch `git apply` accepts from the repository root: each a new
 * file (`--- /dev/null`), all of its lines added; a changed file (drizzle's journal) as one
 * hunk replacing all of its lines.
 */
export function formatFixPatch(files: readonly FixFile[], rootDir: string): string {
  return files
    .map((file) => {
      const name = path.relative(rootDir, file.path).split(path.sep).join("/");
      const lines = split(file.content);
      const added = [...lines.map((line) => `+${line}`), ...(file.content.endsWith("\n") ? [] : ["\\ No newline at end of file"])];
      if (file.before !== undefined) {
        const old = split(file.before);
        const removed = [...old.map((line) => `-${line}`), ...(file.before.endsWith("\n") ? [] : ["\\ No newline at end of file"])];
        return [`diff --git a/${name} b/${name}`, `--- a/${name}`, `+++ b/${name}`, `@@ -1,${old.length} +1,${lines.length} @@`, ...removed, ...added].join("\n");
      }
      return [`diff --git a/${name} b/${name}`, "new file mode 100644", "--- /dev/null", `+++ b/${name}`, `@@ -0,0 +1,${lines.length} @@`, ...added].join("\n");
    })
    .join("\n")
    .concat(files.length ? "\n" : "");
}

function split(content: string): string[] {
  return (content.endsWith("\n") ? content.slice(0, -1) : content).split("\n");
}
