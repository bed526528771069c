import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import {
  postPrComment
} from "./chunk-5W434KGV.js";
import "./chunk-M3WARFXB.js";
import "./chunk-4EXQY7HF.js";
export {
  postPrComment
};
