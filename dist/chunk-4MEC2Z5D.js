import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);

// src/version.ts
var VERSION = "0.1.0";

// src/engine/fix/overlay-folder.ts
import os from "node:os";
import path from "node:path";
var FIX_OVERLAY_PREFIX = "mg-fix-";
function isFixOverlayFile(file) {
  const folder = path.dirname(file);
  return path.dirname(folder) === os.tmpdir() && path.basename(folder).startsWith(FIX_OVERLAY_PREFIX);
}

export {
  VERSION,
  FIX_OVERLAY_PREFIX,
  isFixOverlayFile
};
