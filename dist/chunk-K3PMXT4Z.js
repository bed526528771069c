import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);
import {
  require_build
} from "./chunk-XAXBFMMW.js";
import "./chunk-BS5Q2Z3L.js";
import "./chunk-GTCHOZW6.js";
export default require_build();
