import { pathToFileURL } from "node:url";
import { moduleFormat } from "./module-scope.js";

/** Loads a user module the way TypeORM's CLI does: import() for ESM scope, require() otherwise. */
export async function importUserModule(file: string, projectRequire: NodeJS.Require): Promise<Record<string, unknown>> {
  if (moduleFormat(file) === "module") {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  }
  return projectRequire(file) as Record<string, unknown>;
}
