import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);

// src/worker/site-global.ts
var SITE_REGISTRY_GLOBAL = "__migrationGateSite";

export {
  SITE_REGISTRY_GLOBAL
};
