import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import {
  postPrComment
} from "./chunk-B4HIHZEW.js";
import "./chunk-7ZKEQRGQ.js";
import "./chunk-4EXQY7HF.js";
export {
  postPrComment
};
