import { pathToFileURL } from "node:url";
import { loadErrorCause } from "./user-code-errors.js";
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
  // A cause we can name exactly (a native module, an unbuilt workspace package, a missing import) wins.
  const known = loadErrorCause(error);
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  // t3-env / envalid / zod schemas validate process.env when the module loads.
  const envCheck = /invalid environment variables|missing required environment|environment variable/i.test(message);
  return new GateError(code, `Loading ${what} failed: ${message}`, {
    hint: envCheck
      ? "The project validates its environment variables when it loads: set the ones it names for the gate's step (harmless values: the gate never connects to them), or SKIP_ENV_VALIDATION=1 if the project uses t3-env. No database was contacted."
      : "No database was contacted. Fix the error (stack trace below); if a module is missing, install the project's dependencies first.",
    cause: error,
  });
}

/** Code files the ORMs load from globs and folders; declaration files are not code. */
export function isCodeFile(file: string): boolean {
  return /\.[cm]?[jt]s$/.test(file) && !/\.d\.[cm]?ts$/.test(file);
}
