import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(REPO, "dist");
export const FIXTURES = path.join(REPO, "__tests__", "fixtures");
export const EXAMPLE = path.join(REPO, "examples", "shares-incident");
