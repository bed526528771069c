import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import {
  githubClient,
  postPrComment,
  readGithubTarget,
  require_tunnel,
  require_undici,
  statusOf
} from "./chunk-B4HIHZEW.js";
import {
  describeRegistration,
  formatFixText,
  formatGateError,
  formatJson,
  git,
  runDeployCheck,
  runGate,
  suggestFix,
  writeErrorSarifFile,
  writeSarifFile
} from "./chunk-KBAFI2RH.js";
import {
  COMMENT_MAX_BYTES,
  SUMMARY_MAX_BYTES,
  countBySeverity,
  displayPath,
  failingFindings,
  formatMarkdown,
  formatText,
  readable,
  splitByChange
} from "./chunk-7ZKEQRGQ.js";
import {
  GateError,
  OPTION_SPECS,
  parseOptions
} from "./chunk-GXBNIZEK.js";
import "./chunk-442JWKER.js";
import "./chunk-YDLDOLXO.js";
import "./chunk-A7TTDEVP.js";
import {
  __toESM
} from "./chunk-4EXQY7HF.js";

// src/action/main.ts
import fs4 from "node:fs";
import os5 from "node:os";
import path2 from "node:path";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// src/github/base-commit.ts
import fs3 from "node:fs";
function baseFromEvent(env = process.env) {
  const file = env["GITHUB_EVENT_PATH"];
  if (!file || !fs3.existsSync(file)) return void 0;
  let payload;
  try {
    payload = JSON.parse(fs3.readFileSync(file, "utf8"));
  } catch {
    return void 0;
  }
  const event = env["GITHUB_EVENT_NAME"] ?? "";
  const prBase = payload.pull_request?.base?.sha;
  if (/^pull_request/.test(event) && prBase) return { sha: prBase, source: "the pull request's base" };
  if (event === "push" && payload.before && !/^0+$/.test(payload.before)) return { sha: payload.before, source: "the push's previous commit" };
  return void 0;
}
async function ensureCommit(sha, cwd) {
  if (await hasCommit(sha, cwd)) return { ok: true, fetched: false };
  try {
    await git(cwd, ["rev-parse", "--git-dir"]);
  } catch {
    return { ok: false, reason: `${cwd} is not a git checkout (no actions/checkout step before the gate?)` };
  }
  try {
    await git(cwd, ["fetch", "--quiet", "--no-tags", "--depth=1", "origin", sha], { timeoutMs: 12e4 });
  } catch (error2) {
    const output = (error2.stderr || error2.message).trim().split("\n");
    const said = output.find((line) => /^(fatal|error):/.test(line)) ?? output[0];
    return { ok: false, reason: `git fetch --depth=1 origin ${sha} failed: ${said}` };
  }
  return await hasCommit(sha, cwd) ? { ok: true, fetched: true } : { ok: false, reason: `git fetch origin ${sha} brought no such commit` };
}
async function hasCommit(sha, cwd) {
  try {
    await git(cwd, ["cat-file", "-e", `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}
async function checkedOutCommit(cwd) {
  try {
    return (await git(cwd, ["rev-parse", "HEAD"])).trim() || void 0;
  } catch {
    return void 0;
  }
}

// src/report/fix-markdown.ts
function formatFixMarkdown(fix, { baseDir, maxBytes }) {
  if (fix.files.length === 0) return "";
  const counts = fix.recheck ? countBySeverity(fix.recheck.findings) : void 0;
  const verified = counts ? counts.error + counts.warning === 0 ? "re-checked with them in place: 0 findings left" : `re-checked with them in place: ${counts.error} error(s), ${counts.warning} warning(s) left` : "not re-checked";
  const head = [`<details><summary>Suggested fix: ${fix.files.length} new migration(s), ${verified}</summary>`, "", "Written by `migration-gate fix` (run it locally to write them; `--dry-run` to print them). The step's `fix-patch` output is a patch of them for `git apply`.", ""];
  const tail = ["</details>", ""];
  const parts = [];
  let used = Buffer.byteLength([...head, ...tail].join("\n"));
  const left = [];
  for (const file of fix.files) {
    const name = displayPath(file.path, baseDir);
    const why = file.group?.before ? ` (sorts before ${file.group.before.name}, which needs it)` : "";
    const block = [`**${name}**${why}`, "", "```" + (/\.[cm]?ts$/.test(file.path) ? "ts" : /\.sql$/.test(file.path) ? "sql" : "js"), file.content.trimEnd(), "```", ""].join("\n");
    if (used + Buffer.byteLength(block) > maxBytes) {
      left.push(name);
      continue;
    }
    used += Buffer.byteLength(block);
    parts.push(block);
  }
  if (left.length) parts.push(`Not shown (too long here; in the patch): ${left.join(", ")}`, "");
  if (fix.register?.length) parts.push(`The data source lists its migration classes: register each new one (${fix.register.map((r) => describeRegistration(r, baseDir)).join("; ")}).`, "");
  if (fix.unfixed.length) parts.push(`No migration closes ${fix.unfixed.length} finding(s): ${fix.unfixed.map((u) => `${u.finding.ruleId} (${u.why})`).join("; ")}.`, "");
  return [...head, ...parts, ...tail].join("\n");
}

// src/report/fix-patch.ts
import path from "node:path";
function formatFixPatch(files, rootDir) {
  return files.map((file) => {
    const name = path.relative(rootDir, file.path).split(path.sep).join("/");
    const lines = split(file.content);
    const added = [...lines.map((line) => `+${line}`), ...file.content.endsWith("\n") ? [] : ["\\ No newline at end of file"]];
    if (file.before !== void 0) {
      const old = split(file.before);
      const removed = [...old.map((line) => `-${line}`), ...file.before.endsWith("\n") ? [] : ["\\ No newline at end of file"]];
      return [`diff --git a/${name} b/${name}`, `--- a/${name}`, `+++ b/${name}`, `@@ -1,${old.length} +1,${lines.length} @@`, ...removed, ...added].join("\n");
    }
    return [`diff --git a/${name} b/${name}`, "new file mode 100644", "--- /dev/null", `+++ b/${name}`, `@@ -0,0 +1,${lines.length} @@`, ...added].join("\n");
  }).join("\n").concat(files.length ? "\n" : "");
}
function split(content) {
  return (content.endsWith("\n") ? content.slice(0, -1) : content).split("\n");
}

// src/github/changed-files.ts
async function changedFiles(octokit, target, log) {
  if (!target.pullRequest) return /* @__PURE__ */ new Set();
  try {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: target.owner, repo: target.repo, pull_number: target.pullRequest, per_page: 100 });
    return new Set(files.map((f) => f.filename));
  } catch (error2) {
    log(`Could not list the pull request's files (${error2.message}); annotations keep report order.`);
    return /* @__PURE__ */ new Set();
  }
}

// src/github/check-run.ts
var BATCH = 50;
var LEVEL = { error: "failure", warning: "warning", notice: "notice" };
async function publishCheckRun(options) {
  const { octokit, target, result } = options;
  if (!target.headSha) return { published: false, reason: "no commit to attach a check run to" };
  const counts = countBySeverity(result.findings);
  const output = {
    title: result.status === "passed" ? "Migrations build every entity table" : `${counts.error} error(s), ${counts.warning} warning(s)`,
    summary: options.summary
  };
  let id;
  let url;
  try {
    const created = await octokit.rest.checks.create({
      owner: target.owner,
      repo: target.repo,
      name: options.name,
      head_sha: target.headSha,
      status: "completed",
      conclusion: result.status === "passed" ? "success" : "failure",
      output
    });
    id = created.data.id;
    url = created.data.html_url ?? void 0;
  } catch (error2) {
    const status = statusOf(error2);
    if (status === 403 || status === 404) return { published: false, reason: `the token may not create check runs (HTTP ${status}; it needs checks: write)` };
    throw error2;
  }
  const located = options.annotations.filter((a) => a.file && a.line);
  for (let start = 0; start < located.length; start += BATCH) {
    await octokit.rest.checks.update({
      owner: target.owner,
      repo: target.repo,
      check_run_id: id,
      output: {
        ...output,
        annotations: located.slice(start, start + BATCH).map((a) => ({
          path: a.file,
          start_line: a.line,
          end_line: a.line,
          annotation_level: LEVEL[a.level],
          title: a.title,
          message: a.message
        }))
      }
    });
  }
  return { published: true, url };
}

// src/report/annotations.ts
var STEP_ANNOTATION_LIMITS = { error: 10, warning: 10, notice: 10 };
function toAnnotations(given, { baseDir }) {
  const result = readable(given, baseDir);
  const { existing, where } = splitByChange(result);
  const old = new Set(existing);
  return result.findings.map((f) => ({
    level: old.has(f) ? "notice" : f.severity,
    title: old.has(f) ? `migration-gate: ${f.ruleId} (already ${where})` : `migration-gate: ${f.ruleId}`,
    message: [f.message, f.detail && `Statement: ${f.detail}`, f.hint && `Fix: ${f.hint}`].filter(Boolean).join("\n"),
    file: f.location && displayPath(f.location.file, baseDir),
    line: f.location?.line
  }));
}
function planAnnotations(result, options) {
  const limits = options.limits ?? STEP_ANNOTATION_LIMITS;
  const changed = options.changedFiles ?? /* @__PURE__ */ new Set();
  const all = toAnnotations(result, options);
  const consequence = new Set(result.findings.flatMap((f, i) => f.causedBy ? [all[i]] : []));
  const existing = new Set(splitByChange(result).existing.map((f) => all[result.findings.indexOf(f)]));
  const rank = (a) => (existing.has(a) ? 4 : 0) + (consequence.has(a) ? 2 : 0) + (a.file && changed.has(a.file) ? 0 : 1);
  const ordered = [...all].sort((a, b) => rank(a) - rank(b));
  const countOf = (level) => all.filter((a) => a.level === level).length;
  const overflows = ["error", "warning", "notice"].some((level) => countOf(level) > limits[level]);
  const reserved = options.reservedErrors ?? 0;
  const overflowsAfterReserve = overflows || countOf("error") > limits.error - reserved;
  const room = { ...limits, error: limits.error - reserved, notice: overflowsAfterReserve ? limits.notice - 1 : limits.notice };
  const shown = [];
  const hidden = { error: 0, warning: 0, notice: 0 };
  for (const annotation of ordered) {
    if (room[annotation.level] > 0) {
      room[annotation.level]--;
      shown.push(annotation);
    } else {
      hidden[annotation.level]++;
    }
  }
  const hiddenTotal = hidden.error + hidden.warning + hidden.notice;
  if (hiddenTotal === 0) return { shown, hidden };
  const parts = ["error", "warning", "notice"].filter((l) => hidden[l]).map((l) => `${hidden[l]} ${l}${hidden[l] === 1 ? "" : "s"}`);
  return {
    shown,
    hidden,
    overflowNotice: {
      level: "notice",
      title: "migration-gate: more findings",
      message: `${hiddenTotal} more finding${hiddenTotal === 1 ? "" : "s"} (${parts.join(", ")}) could not be annotated: GitHub shows at most ${limits.error} error${reserved ? ` (one of them the step's failure)` : ""} and ${limits.warning} warning annotations per step. Every finding is listed in the job summary.`
    }
  };
}

// src/action/main.ts
var CHECK_NAME = "migration-gate";
async function run() {
  const raw = {};
  for (const spec of OPTION_SPECS.filter((s) => s.actionInput)) {
    raw[spec.name] = getInput(spec.name);
    if (spec.secret && raw[spec.name]) maskSecret(raw[spec.name]);
  }
  const workspace = process.env["GITHUB_WORKSPACE"] ?? process.cwd();
  try {
    if (raw["command"] === "baseline") throw new GateError("invalid-command", "command: baseline is not run from the action: it writes to the target database.", { hint: "Run it once, deliberately, where you can read its plan first: npx migration-gate baseline --target-url <url>, then again with --yes. In the workflow, use command: deploy-check." });
    if (raw["command"] === "fix") throw new GateError("invalid-command", "command: fix is not run from the action: it writes migration files into the checkout.", { hint: "Keep command: check; suggest-fix (on by default on pull requests) puts the same migrations in the summary, the comment and the fix-patch output. Locally: npx migration-gate fix." });
    const deploy = raw["command"] === "deploy-check";
    if (!raw["base-ref"] && !deploy) await useEventBase(raw, workspace);
    const options = parseOptions(raw, { cwd: workspace });
    let checked;
    const hooks = { log: (line) => info(line), onContext: (context, findings) => checked = { context, findings } };
    const result = deploy ? await runDeployCheck(options, hooks) : await runGate(options, hooks);
    const fix = !deploy && options.suggestFix && result.status === "failed" && checked ? await suggestFix(options, { result, ...checked }, info) : void 0;
    if (fix && "error" in fix) warning(`suggest-fix could not plan a fix: ${fix.error}. The check's verdict stands.`);
    const suggested = fix && !("error" in fix) && fix.files.length ? fix : void 0;
    const counts = countBySeverity(result.findings);
    const failing = failingFindings(result).length;
    const blobUrl = await blobUrlFor(workspace);
    await annotate(result, { workspace, token: options.github.token, blobUrl });
    info(`
${formatText(result, { baseDir: workspace })}`);
    const appendix = (maxBytes) => suggested ? { appendix: formatFixMarkdown(suggested, { baseDir: workspace, maxBytes: Math.floor(maxBytes / 2) }) } : {};
    if (suggested) info(`
${formatFixText(suggested, { baseDir: workspace })}`);
    if (process.env["GITHUB_STEP_SUMMARY"]) await summary.addRaw(formatMarkdown(result, { baseDir: workspace, maxBytes: SUMMARY_MAX_BYTES, blobUrl, ...appendix(SUMMARY_MAX_BYTES) })).write();
    if (options.github.comment) {
      await postPrComment({ result, token: options.github.token, baseDir: workspace, blobUrl, info, warn: (line) => warning(line), ...appendix(COMMENT_MAX_BYTES) });
    }
    let patchFile = "";
    if (suggested) {
      patchFile = path2.join(process.env["RUNNER_TEMP"] ?? os5.tmpdir(), "migration-gate-fix.patch");
      fs4.writeFileSync(patchFile, formatFixPatch(suggested.files, result.rootDir ?? workspace));
      info(`Suggested fix written as a patch: ${patchFile} (git apply it from the repository root)`);
    }
    if (options.sarifFile) {
      writeSarifFile(result, options.sarifFile, workspace);
      info(`SARIF written to ${options.sarifFile}`);
    }
    const reportFile = path2.join(process.env["RUNNER_TEMP"] ?? os5.tmpdir(), "migration-gate-report.json");
    fs4.writeFileSync(reportFile, formatJson(result, { baseDir: workspace }) + "\n");
    setOutput("status", result.status);
    setOutput("findings", String(result.findings.length));
    setOutput("errors", String(failing));
    setOutput("warnings", String(counts.warning));
    setOutput("fixed", String(result.fixed?.length ?? 0));
    setOutput("report-json", reportFile);
    setOutput("fix-patch", patchFile);
    setOutput("pending", result.target?.pending === void 0 ? "" : String(result.target.pending));
    if (result.status === "failed" && result.target) {
      setFailed(`migration-gate deploy-check found ${failing} error(s) on ${result.target.label}: deploying now would fail or leave it wrong. See the annotations and the job summary; nothing was written to it.`);
    } else if (result.status === "failed") {
      const what = result.change?.failOn === "new" ? `${failing} new error(s) this change introduces` : `${failing} error(s)`;
      setFailed(`migration-gate found ${what}: the migrations do not build the schema the ${result.orm.name === "drizzle" ? "pgTable definitions declare" : "entities expect"}. See the annotations and the job summary.`);
    }
  } catch (error2) {
    setOutput("status", "error");
    if (raw["sarif-file"]) writeErrorSarifFile(error2, path2.resolve(workspace, raw["sarif-file"]));
    if (error2 instanceof GateError) {
      setFailed(formatGateError(error2, { withDetail: false }));
      const detail = error2.detail;
      if (detail) info(detail);
    } else {
      setFailed(`migration-gate failed unexpectedly; please report this: ${error2.stack ?? String(error2)}`);
    }
  }
}
async function useEventBase(raw, workspace) {
  const base = baseFromEvent();
  if (!base) return;
  const cwd = path2.resolve(workspace, raw["working-directory"] || ".");
  const present = await ensureCommit(base.sha, fs4.existsSync(cwd) ? cwd : workspace);
  if (!present.ok) {
    warning(`The verdict covers every finding, not only this change's: ${base.source} (${base.sha.slice(0, 12)}) is not in the clone and could not be fetched (${present.reason}). Give actions/checkout fetch-depth: 0, or set base-ref.`);
    return;
  }
  info(`base-ref: ${base.sha} (${base.source}${present.fetched ? ", fetched: the checkout was shallow" : ""})`);
  raw["base-ref"] = base.sha;
}
async function blobUrlFor(workspace) {
  const repository = process.env["GITHUB_REPOSITORY"];
  const sha = await checkedOutCommit(workspace) ?? process.env["GITHUB_SHA"];
  if (!repository || !sha) return void 0;
  return `${process.env["GITHUB_SERVER_URL"] ?? "https://github.com"}/${repository}/blob/${sha}`;
}
async function annotate(result, { workspace, token, blobUrl }) {
  const target = readGithubTarget();
  const octokit = token && target ? githubClient(token) : void 0;
  let fallbackReason = !octokit ? "no GitHub token" : target.fromFork ? "pull requests from forks get a read-only token" : void 0;
  if (octokit && !fallbackReason) {
    try {
      const outcome = await publishCheckRun({
        octokit,
        target,
        result,
        annotations: toAnnotations(result, { baseDir: workspace }),
        summary: formatMarkdown(result, { baseDir: workspace, maxBytes: COMMENT_MAX_BYTES, blobUrl }),
        name: CHECK_NAME
      });
      if (outcome.published) {
        info(`Check run "${CHECK_NAME}" holds every finding as an annotation${outcome.url ? `: ${outcome.url}` : ""}`);
        return;
      }
      fallbackReason = outcome.reason;
    } catch (error2) {
      fallbackReason = `creating the check run failed (${error2.message})`;
    }
  }
  info(`No check run (${fallbackReason}): annotating with workflow commands, which GitHub caps per step.`);
  const changed = octokit && target ? await changedFiles(octokit, target, info) : /* @__PURE__ */ new Set();
  const plan = planAnnotations(result, { baseDir: workspace, changedFiles: changed, reservedErrors: result.status === "failed" ? 1 : 0 });
  for (const annotation of [...plan.shown, ...plan.overflowNotice ? [plan.overflowNotice] : []]) emit(annotation);
}
function emit(annotation) {
  const properties = { title: annotation.title, file: annotation.file, startLine: annotation.line };
  if (annotation.level === "error") error(annotation.message, properties);
  else if (annotation.level === "warning") warning(annotation.message, properties);
  else notice(annotation.message, properties);
}
function maskSecret(value) {
  setSecret(value);
  try {
    const password = decodeURIComponent(new URL(value).password);
    if (password) setSecret(password);
  } catch {
  }
}
await run();
export {
  run
};
