import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);

// src/worker/source-map-comment.ts
var SOURCE_MAP_COMMENT = "//# sourceMappingURL=";
function withoutSourceMapComment(code) {
  const at = code.lastIndexOf(SOURCE_MAP_COMMENT);
  return at !== -1 && code.slice(at).trimEnd().indexOf("\n") === -1 ? code.slice(0, at) : code;
}

export {
  withoutSourceMapComment
};
