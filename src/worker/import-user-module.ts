import { pathToFileURL } from "node:url";
import { GateError } from "../engine/errors.js";
import { moduleFormat } from "./module-scope.js";

/** Loads a user module the way TypeORM's CLI does: import() for ESM scope, require() otherwise. */
export async function importUserModule(file: string, projectRequire: NodeJS.Require): Promise<Record<string, unknown>> {
  if (moduleFormat(file) === "module") {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  }
  return projectRequire(file) as Record<string, unknown>;
}

/** What a user module that threw at load time becomes: its own error, and that nothing was contacted. */
export function userModuleThrew(code: string, what: string, error: unknown): GateError {
  return new GateError(code, `Loading ${what} failed: ${error instanceof Error ? error.message : String(error)}`, {
    hint: "No database was contacted. Fix the error (stack trace below); if a module is missing, install the project's dependencies first.",
    cause: error,
  });
}

/** Code files the ORMs load from globs and folders; declaration files are not code. */
export function isCodeFile(file: string): boolean {
  return /\.[cm]?[jt]s$/.test(file) && !/\.d\.[cm]?ts$/.test(file);
}
