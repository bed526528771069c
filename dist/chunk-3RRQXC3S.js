import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);
import {
  postPrComment
} from "./chunk-OJ3C5D3A.js";
import "./chunk-BV4NIQ6M.js";
import "./chunk-GTCHOZW6.js";
export {
  postPrComment
};
