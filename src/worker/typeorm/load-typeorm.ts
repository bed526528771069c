import { createRequire } from "node:module";
import path from "node:path";
import { GateError } from "../../engine/errors.js";
import { installedVersion } from "../installed-version.js";
import type { TypeormModule } from "./typeorm-types.js";

export interface UserTypeorm {
  module: TypeormModule;
  version: string;
  /** require() bound to the project, for the user's own modules. */
  projectRequire: NodeJS.Require;
}

/**
 * The project's own typeorm, resolved from its node_modules: entity metadata must come from
 * the same copy the entities' decorators register with.
 */
export function loadUserTypeorm(projectDir: string): UserTypeorm {
  const projectRequire = createRequire(path.join(projectDir, "package.json"));
  let entry: string;
  try {
    entry = projectRequire.resolve("typeorm");
  } catch (error) {
    throw new GateError("typeorm-not-installed", `typeorm is not installed in ${projectDir}.`, {
      hint: "Install the project's dependencies (npm ci) before running the gate, and set working-directory to the folder whose package.json lists typeorm.",
      cause: error,
    });
  }
  const version = installedVersion(entry, "typeorm");
  if (!/^(0\.3\.|1\.)/.test(version)) {
    throw new GateError("typeorm-unsupported", `typeorm ${version} is installed; migration-gate supports typeorm 0.3.x and 1.x.`, {
      hint: "typeorm 0.2 has no DataSource API. Upgrade to 0.3 or later.",
    });
  }
  return { module: projectRequire("typeorm") as TypeormModule, version, projectRequire };
}

