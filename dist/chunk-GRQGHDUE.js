import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);
import {
  serverVersion
} from "./chunk-PRFIUZBP.js";
import "./chunk-NB5M66S4.js";
import "./chunk-GTCHOZW6.js";
export {
  serverVersion
};
