var __mgImportMetaUrl = require("node:url").pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/worker/guard-preload.ts
var import_node_worker_threads2 = require("node:worker_threads");
var import_node_path5 = __toESM(require("node:path"), 1);

// src/worker/guard-config.ts
var GUARD_CONFIG_VARIABLE = "MIGRATION_GATE_GUARD";
var WORKER_MARK_VARIABLE = "MIGRATION_GATE_WORKER";
var SPAWNED_AT_VARIABLE = "MIGRATION_GATE_SPAWNED_AT";
function readGuardConfig(env = process.env) {
  const text = env[GUARD_CONFIG_VARIABLE];
  if (!text) return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
var TRAP_PREFIX = "migration-gate-blocked.";
var trapDatabase = (variable) => TRAP_PREFIX + variable;
function trapLabel(database, traps) {
  if (!database.startsWith(TRAP_PREFIX)) return void 0;
  const trap = traps[database];
  return trap ? `$${trap.variable} (${trap.target})` : `$${database.slice(TRAP_PREFIX.length)}`;
}

// src/worker/guard-events.ts
var import_node_fs = __toESM(require("node:fs"), 1);
function appendGuardEvent(file, event) {
  if (!file) return;
  try {
    import_node_fs.default.appendFileSync(file, JSON.stringify(event) + "\n");
  } catch {
  }
}

// src/worker/net-guard.ts
var import_node_net = __toESM(require("node:net"), 1);
var import_node_path2 = __toESM(require("node:path"), 1);

// src/worker/module-scope.ts
var import_node_path = __toESM(require("node:path"), 1);
var import_node_url = require("node:url");
function isUserSource(filename) {
  return !filename.includes(`${import_node_path.default.sep}node_modules${import_node_path.default.sep}`) && !filename.startsWith(OWN_FOLDER);
}
var OWN_FOLDER = import_node_path.default.dirname((0, import_node_url.fileURLToPath)(__mgImportMetaUrl)) + import_node_path.default.sep;

// src/worker/async-origins.ts
var import_node_async_hooks = require("node:async_hooks");
var AsyncOrigins = class {
  origins = /* @__PURE__ */ new Map();
  hook = (0, import_node_async_hooks.createHook)({
    init: (asyncId, _type, triggerAsyncId) => {
      this.origins.set(asyncId, this.origins.get(triggerAsyncId) ?? this.origins.get((0, import_node_async_hooks.executionAsyncId)()) ?? new Error("async origin"));
    },
    destroy: (asyncId) => {
      this.origins.delete(asyncId);
    }
  });
  start() {
    this.hook.enable();
  }
  stop() {
    this.hook.disable();
    this.origins.clear();
  }
  /** The stack recorded where the running asynchronous chain began, if it began while tracing. */
  currentStack() {
    return this.origins.get((0, import_node_async_hooks.executionAsyncId)())?.stack;
  }
};

// src/worker/stack-frames.ts
var import_node_url2 = require("node:url");
function stackFrames(stack) {
  const frames = [];
  for (const text of (stack ?? "").split("\n").slice(1)) {
    const match = /(?:^at |\()((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/.exec(text.trim());
    if (match) frames.push({ file: match[1].startsWith("file:") ? (0, import_node_url2.fileURLToPath)(match[1]) : match[1], line: Number(match[2]) });
  }
  return frames;
}

// src/worker/net-guard.ts
var LOOPBACK = /* @__PURE__ */ new Set(["localhost", "127.0.0.1", "::1", "::ffff:127.0.0.1", ""]);
function installNetGuard(options) {
  const { allowed } = options;
  const ownDir = options.ownDir + import_node_path2.default.sep;
  const origins = new AsyncOrigins();
  const callSite = (stack) => userCallSite(stack, ownDir) ?? userCallSite(origins.currentStack(), ownDir);
  const connect = import_node_net.default.Socket.prototype.connect;
  import_node_net.default.Socket.prototype.connect = function guardedConnect(...args) {
    const target = describeTarget(args);
    if (target && !isAllowed(target, allowed)) {
      const label = target.path ?? `${target.host}:${target.port}`;
      options.onBlocked({ target: label, origin: callSite(new Error().stack) });
      const error = Object.assign(
        new Error(`migration-gate blocked a connection to ${label}: only the throwaway Postgres may be reached while your project is checked.`),
        { code: "ECONNREFUSED" }
      );
      process.nextTick(() => this.destroy(error));
      return this;
    }
    const socket = connect.apply(this, args);
    if (target) guardStartupPacket(this, { database: allowed.database, origin: callSite(new Error().stack) }, options);
    return socket;
  };
  return {
    loading() {
      origins.start();
    },
    loaded() {
      origins.stop();
    },
    callSite
  };
}
var PROTOCOL_V3 = 196608;
function guardStartupPacket(socket, { database: allowedDatabase, origin }, options) {
  const write = socket.write;
  socket.write = function guardedWrite(chunk, ...rest) {
    const database = Buffer.isBuffer(chunk) ? startupDatabase(chunk) : void 0;
    if (!(Buffer.isBuffer(chunk) && isSslRequest(chunk))) socket.write = write;
    if (database !== void 0 && database !== allowedDatabase) {
      const label = trapLabel(database, options.traps) ?? `database "${database}"`;
      options.onBlocked({ target: label, origin });
      const error = Object.assign(new Error(`migration-gate blocked a connection to database "${database}": only the throwaway database may be used while your project is checked.`), {
        code: "ECONNREFUSED"
      });
      process.nextTick(() => socket.destroy(error));
      return false;
    }
    return write.call(this, chunk, ...rest);
  };
}
function isSslRequest(packet) {
  return packet.length === 8 && packet.readInt32BE(4) === 80877103;
}
function startupDatabase(packet) {
  if (packet.length < 8 || packet.readInt32BE(4) !== PROTOCOL_V3) return void 0;
  const fields = packet.subarray(8, packet.readInt32BE(0)).toString("utf8").split("\0");
  const params = {};
  for (let i = 0; i + 1 < fields.length; i += 2) params[fields[i]] = fields[i + 1];
  return params["database"] ?? params["user"];
}
function describeTarget(rawArgs) {
  const args = Array.isArray(rawArgs[0]) ? rawArgs[0] : rawArgs;
  const first = args[0];
  if (first && typeof first === "object") {
    const opts = first;
    if (opts.path) return { path: opts.path };
    return { host: opts.host ?? "localhost", port: Number(opts.port) };
  }
  if (typeof first === "number" || typeof first === "string" && /^\d+$/.test(first)) {
    return { host: typeof args[1] === "string" ? args[1] : "localhost", port: Number(first) };
  }
  if (typeof first === "string") return { path: first };
  return void 0;
}
function isAllowed(target, allowed) {
  if (target.path !== void 0) return allowed.path !== void 0 && import_node_path2.default.resolve(target.path) === import_node_path2.default.resolve(allowed.path);
  if (allowed.path !== void 0) return false;
  if (target.port !== allowed.port) return false;
  const host = (target.host ?? "").toLowerCase();
  const allowedHost = allowed.host.toLowerCase();
  return host === allowedHost || LOOPBACK.has(host) && LOOPBACK.has(allowedHost);
}
function userCallSite(stack, ownDir) {
  const frame = stackFrames(stack).find(({ file }) => isUserSource(file) && !file.startsWith(ownDir));
  return frame && `${frame.file}:${frame.line}`;
}

// src/worker/subprocess-watch.ts
var import_node_child_process = __toESM(require("node:child_process"), 1);
var import_node_crypto = __toESM(require("node:crypto"), 1);
var import_node_module = require("node:module");
var import_node_path3 = __toESM(require("node:path"), 1);
var SHAPES = {
  spawn: { args: true, sync: false },
  spawnSync: { args: true, sync: true },
  execFile: { args: true, sync: false },
  execFileSync: { args: true, sync: true },
  fork: { args: true, sync: false },
  exec: { args: false, sync: false },
  execSync: { args: false, sync: true }
};
function watchSubprocesses(options) {
  const module2 = import_node_child_process.default;
  for (const [name, shape] of Object.entries(SHAPES)) {
    const original = module2[name];
    module2[name] = function watched(...args) {
      const origin = options.callSite(new Error().stack);
      const { command, node, index } = describeCall(name, args, shape.args);
      const given = args[index] && typeof args[index] === "object" ? args[index] : void 0;
      const env = { ...given?.env ? options.scrub(given.env) : process.env, ...origin && { [SPAWNED_AT_VARIABLE]: origin } };
      const patched = [...args];
      if (given) patched[index] = { ...given, env };
      else patched.splice(index, 0, { env });
      const id = import_node_crypto.default.randomBytes(4).toString("hex");
      const at = Date.now();
      if (shape.sync) {
        try {
          return original.apply(this, patched);
        } finally {
          options.record({ type: "spawn", at, endedAt: Date.now(), id, command, node, origin });
        }
      }
      options.record({ type: "spawn", at, id, command, node, origin });
      const child = original.apply(this, patched);
      child.once("exit", () => options.record({ type: "exit", at: Date.now(), id }));
      return child;
    };
  }
  (0, import_node_module.syncBuiltinESMExports)();
}
function describeCall(name, args, hasArgs) {
  const file = String(args[0] ?? "");
  if (!hasArgs) {
    return { command: file, node: runsNode(file.trim().split(/\s+/)[0] ?? ""), index: 1 };
  }
  const list = Array.isArray(args[1]) ? args[1].map(String) : [];
  const index = Array.isArray(args[1]) ? 2 : 1;
  if (name === "fork") return { command: ["node", file, ...list].join(" "), node: true, index };
  const given = args[index];
  const command = [file, ...list].join(" ");
  return { command, node: !given?.shell && runsNode(file), index };
}
function runsNode(executable) {
  const base = import_node_path3.default.basename(executable.replace(/^["']|["']$/g, ""));
  return executable === process.execPath || base === "node" || base === "nodejs" || base === import_node_path3.default.basename(process.execPath);
}

// src/worker/thread-guard.ts
var import_node_module2 = require("node:module");
var import_node_worker_threads = __toESM(require("node:worker_threads"), 1);
function guardThreads(options) {
  const Original = import_node_worker_threads.default.Worker;
  class GuardedWorker extends Original {
    constructor(filename, workerOptions = {}) {
      const execArgv = [...workerOptions.execArgv ?? process.execArgv];
      if (!execArgv.some((arg, i) => arg === `--require=${options.preload}` || arg === "--require" && execArgv[i + 1] === options.preload)) execArgv.push(`--require=${options.preload}`);
      const env = workerOptions.env && typeof workerOptions.env === "object" ? { ...workerOptions.env, [options.configVariable]: process.env[options.configVariable] } : workerOptions.env;
      super(filename, { ...workerOptions, execArgv, ...env !== void 0 && { env } });
    }
  }
  import_node_worker_threads.default.Worker = GuardedWorker;
  (0, import_node_module2.syncBuiltinESMExports)();
}

// src/worker/native-driver-guard.ts
var import_node_module3 = __toESM(require("node:module"), 1);
var import_node_path4 = __toESM(require("node:path"), 1);

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

// src/worker/native-driver-guard.ts
function guardNativeDriver(options) {
  const loader = import_node_module3.default;
  const load = loader._load;
  const patched = /* @__PURE__ */ new WeakSet();
  loader._load = function guardedLoad(request, parent, isMain) {
    const exported = load.call(this, request, parent, isMain);
    if ((request === "libpq" || /[\\/]libpq[\\/]index\.js$/.test(request)) && typeof exported === "function" && !patched.has(exported)) {
      patched.add(exported);
      patchLibpq(exported, options);
    }
    return exported;
  };
}
function patchLibpq(Libpq, options) {
  const { connect, connectSync } = Libpq.prototype;
  const refusal = (conninfo) => {
    const target = libpqTarget(String(conninfo ?? ""), process.env);
    if (isDoor(target, options)) return void 0;
    const label = trapLabel(target.database, options.traps) ?? `${target.host}:${target.port}/${target.database}`;
    options.onBlocked(label, options.callSite(new Error().stack));
    return new Error(`migration-gate blocked a native (libpq) connection to ${label}: only the throwaway database may be used while your project is checked.`);
  };
  Libpq.prototype["connect"] = function(conninfo, callback) {
    const error = refusal(typeof conninfo === "function" ? "" : conninfo);
    const done = typeof conninfo === "function" ? conninfo : callback;
    if (error) return void setImmediate(() => done(error));
    return connect.call(this, conninfo, callback);
  };
  Libpq.prototype["connectSync"] = function(conninfo) {
    const error = refusal(conninfo);
    if (error) throw error;
    return connectSync.call(this, conninfo);
  };
}
function isDoor(target, { door, database }) {
  if (target.database !== database || Number(target.port) !== door.port) return false;
  if (door.path) return import_node_path4.default.resolve(target.host) === import_node_path4.default.dirname(door.path);
  return target.host === door.host;
}

// src/worker/scrub-env.ts
var import_node_os = __toESM(require("node:os"), 1);
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
      if (!value.includes(TRAP_PREFIX)) trapped.push({ name: key, target: describeTarget2(value) });
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
  clean["PGPASSFILE"] = import_node_os.default.devNull;
  clean["PGSERVICEFILE"] = import_node_os.default.devNull;
  clean["PGSYSCONFDIR"] = import_node_os.default.devNull;
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
function describeTarget2(value) {
  const target = libpqTarget(value.trim().replace(/^jdbc:/i, ""), {});
  return `${target.host}:${target.port}/${target.database}`;
}
function quoteForNodeOptions(file) {
  return /\s/.test(file) ? JSON.stringify(file) : file;
}

// src/worker/guard-preload.ts
var GUARD_HANDLE = /* @__PURE__ */ Symbol.for("migration-gate.guard");
function install() {
  const config = readGuardConfig();
  if (!config) return;
  const isWorker = import_node_worker_threads2.isMainThread && process.env[WORKER_MARK_VARIABLE] === "1";
  delete process.env[WORKER_MARK_VARIABLE];
  const via = !import_node_worker_threads2.isMainThread ? "thread" : isWorker ? "worker" : "subprocess";
  const command = via === "subprocess" ? [import_node_path5.default.basename(process.argv0 || "node"), ...process.argv.slice(1)].join(" ") : void 0;
  const spawnedAt = process.env[SPAWNED_AT_VARIABLE];
  const record = (target, origin, kind = via) => appendGuardEvent(config.eventLog, { type: "blocked", at: Date.now(), target, origin, via: kind, command, spawnedAt });
  const guard = installNetGuard({
    allowed: { ...config.door, database: config.database },
    traps: config.traps,
    ownDir: config.ownDir,
    onBlocked: ({ target, origin }) => record(target, origin)
  });
  const preload = __filename;
  const scrub = (env) => ({ ...scrubEnv(env, { door: config.door, preload }).env, [GUARD_CONFIG_VARIABLE]: process.env[GUARD_CONFIG_VARIABLE] });
  watchSubprocesses({ callSite: guard.callSite, scrub, record: (event) => appendGuardEvent(config.eventLog, event) });
  guardThreads({ preload, configVariable: GUARD_CONFIG_VARIABLE });
  guardNativeDriver({ door: config.door, database: config.database, traps: config.traps, callSite: guard.callSite, onBlocked: (target, origin) => record(target, origin, "native") });
  globalThis[GUARD_HANDLE] = guard;
}
install();
