import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);

// src/engine/errors.ts
var GateError = class extends Error {
  code;
  hint;
  constructor(code, message, options = {}) {
    super(message, { cause: options.cause });
    this.name = "GateError";
    this.code = code;
    this.hint = options.hint;
  }
};
function serializeError(error) {
  if (error instanceof GateError) {
    return { code: error.code, message: error.message, hint: error.hint, detail: describeCause(error.cause) };
  }
  const err = error instanceof Error ? error : new Error(String(error));
  return { code: "internal-error", message: err.message, detail: err.stack };
}
function deserializeError(data) {
  const error = new GateError(data.code, data.message, { hint: data.hint });
  if (data.detail) Object.assign(error, { detail: data.detail });
  return error;
}
function describeCause(cause) {
  if (cause instanceof Error) return cause.stack ?? cause.message;
  return cause === void 0 ? void 0 : String(cause);
}

// src/engine/options-spec.ts
var OPTION_SPECS = [
  {
    name: "working-directory",
    description: "Project directory: where package.json and node_modules of the project live. Other paths are relative to it.",
    default: ".",
    actionInput: true,
    placeholder: "dir"
  },
  {
    name: "data-source",
    description: "File that exports the TypeORM DataSource (.ts or .js), as given to `typeorm -d`. Use this, or `entities` + `migrations`.",
    actionInput: true,
    placeholder: "file"
  },
  {
    name: "data-source-export",
    description: "Name of the export to use when the data source file exports several DataSources.",
    actionInput: true,
    placeholder: "name"
  },
  {
    name: "entities",
    description: "For projects without a data source file (NestJS): entity file globs, comma or newline separated.",
    actionInput: true,
    placeholder: "globs"
  },
  {
    name: "migrations",
    description: "With `entities`: migration file globs, comma or newline separated.",
    actionInput: true,
    placeholder: "globs"
  },
  {
    name: "naming-strategy",
    description: "With `entities`: module exporting the naming strategy class or instance, as `file` or `file#ExportName`.",
    actionInput: true,
    placeholder: "file[#export]"
  },
  {
    name: "database-url",
    description: "Postgres server on which to create a throwaway database for the run (dropped afterwards), e.g. a `services: postgres` container. Its own database is never touched. Empty: start an embedded Postgres.",
    actionInput: true,
    secret: true,
    placeholder: "url"
  },
  {
    name: "postgres",
    description: "Where the throwaway Postgres comes from: auto (fastest available: url if database-url is set, a local installation of postgres-version, the embedded binaries, Docker), url, binaries, embedded or docker.",
    default: "auto",
    actionInput: true,
    placeholder: "provider"
  },
  {
    name: "postgres-version",
    description: "Postgres major version to check against: use the one production runs. The embedded provider offers 14 to 18.",
    default: "17",
    actionInput: true,
    placeholder: "major"
  },
  {
    name: "postgres-image",
    description: "Docker image to run instead of postgres:<postgres-version>, e.g. postgis/postgis:17-3.5. Needs Docker.",
    actionInput: true,
    placeholder: "image"
  },
  {
    name: "timeout",
    description: "Seconds the whole run may take; a hanging migration is stopped and named.",
    default: "600",
    actionInput: true,
    placeholder: "seconds"
  },
  {
    name: "sarif-file",
    description: "Also write the findings as SARIF 2.1.0 to this file, for github/codeql-action/upload-sarif.",
    actionInput: true,
    placeholder: "file"
  },
  {
    name: "comment",
    description: "true: keep one pull request comment with the report, updated in place on every run. Needs pull-requests: write; skipped with a warning on fork PRs.",
    default: "false",
    actionInput: true,
    placeholder: "true|false"
  },
  {
    name: "github-token",
    description: "Token for the check run and the PR comment. In the CLI, defaults to GITHUB_TOKEN from the environment.",
    actionDefault: "${{ github.token }}",
    actionInput: true,
    secret: true,
    placeholder: "token"
  },
  {
    name: "format",
    description: "Report format on stdout: text, json, markdown or sarif.",
    default: "text",
    actionInput: false,
    placeholder: "format"
  }
];

// src/engine/parse-options.ts
import fs from "node:fs";
import path from "node:path";
var PROVIDER_CHOICES = ["auto", "url", "binaries", "embedded", "docker"];
var FORMATS = ["text", "json", "markdown", "sarif"];
function optionLabel(name) {
  const spec = OPTION_SPECS.find((s) => s.name === name);
  return spec?.actionInput === false ? `--${name}` : `${name} (--${name})`;
}
function parseOptions(raw, context) {
  const value = (name) => {
    const given = raw[name]?.trim();
    if (given) return given;
    return OPTION_SPECS.find((s) => s.name === name)?.default;
  };
  const projectDir = path.resolve(context.cwd, value("working-directory") ?? ".");
  if (!isDirectory(projectDir)) {
    throw new GateError("working-directory-not-found", `${optionLabel("working-directory")} "${value("working-directory")}" is not a directory (looked for ${projectDir}).`, {
      hint: "Set it to the folder that holds the project's package.json, relative to the repository root."
    });
  }
  return {
    projectDir,
    project: parseProjectSource(value, projectDir),
    postgres: parsePostgres(value),
    timeoutMs: parseTimeout(value("timeout")) * 1e3,
    format: parseFormat(value("format")),
    sarifFile: value("sarif-file") && path.resolve(context.cwd, value("sarif-file")),
    github: { comment: parseBoolean(value("comment"), "comment"), token: value("github-token") }
  };
}
function parseProjectSource(value, projectDir) {
  const dataSource = value("data-source");
  const entities = splitList(value("entities"));
  const migrations = splitList(value("migrations"));
  const namingStrategy = value("naming-strategy");
  if (dataSource && (entities.length || migrations.length || namingStrategy)) {
    throw new GateError("conflicting-options", `Give either ${optionLabel("data-source")} or ${optionLabel("entities")} with ${optionLabel("migrations")}, not both.`, {
      hint: "A data source file already names its entities and migrations: keep data-source and remove the globs."
    });
  }
  if (dataSource) {
    return { kind: "data-source", file: requireFile(projectDir, dataSource, "data-source"), exportName: value("data-source-export") };
  }
  if (entities.length && migrations.length) {
    return {
      kind: "globs",
      entities,
      migrations,
      namingStrategy: namingStrategy ? parseModuleRef(projectDir, namingStrategy, "naming-strategy") : void 0
    };
  }
  if (entities.length || migrations.length || namingStrategy) {
    throw new GateError("incomplete-options", `${optionLabel("entities")} and ${optionLabel("migrations")} go together: one of them is missing.`, {
      hint: 'Example: --entities "src/**/*.entity.ts" --migrations "src/migrations/*.ts"'
    });
  }
  const found = findDataSourceCandidates(projectDir);
  throw new GateError("no-project-source", `Nothing to check: give ${optionLabel("data-source")}, or ${optionLabel("entities")} with ${optionLabel("migrations")}.`, {
    hint: found.length ? `This project has ${found.map((f) => `"${f}"`).join(", ")}: try --data-source ${found[0]}` : 'Point data-source at the file you pass to `typeorm -d`, or for NestJS apps give --entities "src/**/*.entity.ts" --migrations "src/migrations/*.ts".'
  });
}
function parseModuleRef(projectDir, given, option) {
  const hash = given.lastIndexOf("#");
  const file = hash > 0 ? given.slice(0, hash) : given;
  const exportName = hash > 0 ? given.slice(hash + 1) : void 0;
  return { file: requireFile(projectDir, file, option), exportName };
}
function requireFile(projectDir, given, option) {
  const file = path.resolve(projectDir, given);
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  const candidates = option === "data-source" ? findDataSourceCandidates(projectDir) : [];
  throw new GateError(`${option}-not-found`, `${optionLabel(option)}: file "${given}" not found (looked for ${file}).`, {
    hint: candidates.length ? `Paths are relative to working-directory (${projectDir}). Did you mean ${candidates.map((c) => `"${c}"`).join(" or ")}?` : `Paths are relative to working-directory (${projectDir}); check the spelling and the extension (.ts or .js).`
  });
}
function parsePostgres(value) {
  const choice = value("postgres");
  if (!PROVIDER_CHOICES.includes(choice)) {
    throw new GateError("invalid-postgres", `${optionLabel("postgres")} must be one of ${PROVIDER_CHOICES.join(", ")} (got "${choice}").`);
  }
  const major = Number(value("postgres-version"));
  if (!Number.isInteger(major) || major < 12 || major > 99) {
    throw new GateError("invalid-postgres-version", `${optionLabel("postgres-version")} must be a Postgres major version such as 16 or 17 (got "${value("postgres-version")}").`, {
      hint: "Give the major only: 16, not 16.4."
    });
  }
  const databaseUrl = parseDatabaseUrl(value("database-url"));
  const image = value("postgres-image");
  if (databaseUrl && choice !== "auto" && choice !== "url") {
    throw new GateError("conflicting-options", `${optionLabel("database-url")} is set, but ${optionLabel("postgres")} is "${choice}".`, {
      hint: "Use postgres: url (or auto) with database-url, or remove database-url."
    });
  }
  if (choice === "url" && !databaseUrl) {
    throw new GateError("incomplete-options", `${optionLabel("postgres")} is "url", but no ${optionLabel("database-url")} is given.`, {
      hint: "Give the server's URL, e.g. postgres://postgres:postgres@localhost:5432/postgres"
    });
  }
  if (image && (databaseUrl || choice !== "auto" && choice !== "docker")) {
    throw new GateError("conflicting-options", `${optionLabel("postgres-image")} needs the docker provider, but ${databaseUrl ? "database-url is set" : `postgres is "${choice}"`}.`, {
      hint: "Remove postgres-image, or use postgres: docker (or auto) without database-url."
    });
  }
  return { choice, major, image, databaseUrl };
}
function parseDatabaseUrl(given) {
  if (!given) return void 0;
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new GateError("invalid-database-url", `${optionLabel("database-url")} is not a URL.`, {
      hint: "Use the form postgres://user:password@host:5432/postgres"
    });
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new GateError("invalid-database-url", `${optionLabel("database-url")} must start with postgres:// or postgresql:// (got ${url.protocol}//).`, {
      hint: "Use the form postgres://user:password@host:5432/postgres"
    });
  }
  return given;
}
function parseTimeout(given) {
  const seconds = Number(given);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86400) {
    throw new GateError("invalid-timeout", `${optionLabel("timeout")} must be a whole number of seconds from 1 to 86400 (got "${given}").`);
  }
  return seconds;
}
function parseBoolean(given, name) {
  if (/^(true|yes|1)$/i.test(given)) return true;
  if (/^(false|no|0)$/i.test(given)) return false;
  throw new GateError(`invalid-${name}`, `${optionLabel(name)} must be true or false (got "${given}").`);
}
function parseFormat(given) {
  if (FORMATS.includes(given)) return given;
  throw new GateError("invalid-format", `${optionLabel("format")} must be one of ${FORMATS.join(", ")} (got "${given}").`);
}
function splitList(given) {
  return (given ?? "").split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}
function isDirectory(dir) {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
function findDataSourceCandidates(projectDir) {
  const found = [];
  const walk = (dir, depth) => {
    if (depth > 4 || found.length >= 3) return;
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "dist") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (/^(data-?source|ormconfig|typeorm\.config)\.(ts|js|mts|cts|mjs|cjs)$/i.test(entry.name)) {
        found.push(path.relative(projectDir, full));
      }
    }
  };
  walk(projectDir, 0);
  return found;
}

export {
  GateError,
  serializeError,
  deserializeError,
  OPTION_SPECS,
  optionLabel,
  parseOptions
};
