import net from "node:net";
import path from "node:path";
import { isUserSource } from "./module-scope.js";
import { AsyncOrigins } from "./async-origins.js";
import { stackFrames } from "./stack-frames.js";
import { trapLabel, type GuardConfig } from "./guard-config.js";

export interface AllowedEndpoint {
  /** The door's socket file; or host and port (the door on Windows). */
  path?: string;
  host: string;
  port: number;
  /** The one database name the startup message may carry. */
  database: string;
}

export interface BlockedAttempt {
  target: string;
  origin?: string;
}

export interface NetGuardOptions {
  /** The door: the only endpoint user code may reach. */
  allowed: AllowedEndpoint;
  /** The traps the environment was given, for naming them in messages. */
  traps: GuardConfig["traps"];
  /** migration-gate's own folder: its frames are never the user's call site. */
  ownDir: string;
  onBlocked: (blocked: BlockedAttempt) => void;
}

export interface NetGuard {
  /**
   * The worker starts loading the project: record where asynchronous chains begin. Not
   * earlier: resources made before (the IPC channel) would hand their origin, which has no
   * user frame, to everything the project's code starts inside the message handler.
   */
  loading(): void;
  /** The project has loaded: stop recording where asynchronous chains begin. */
  loaded(): void;
  /** The user's line on the current stack (or where its asynchronous chain began). */
  callSite(stack: string | undefined): string | undefined;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "::ffff:127.0.0.1", ""]);

/**
 * The last line of defence for "never touch a database we did not create": every socket the
 * user's code opens (a data source that connects at import time, a pool built from
 * DATABASE_URL, a Redis cache...) goes through Socket#connect, and any target other than
 * our throwaway server fails as if refused. Option overrides are the first line; this one
 * holds even when user code builds its own connections.
 */
export function installNetGuard(options: NetGuardOptions): NetGuard {
  const { allowed } = options;
  const ownDir = options.ownDir + path.sep;
  const origins = new AsyncOrigins();
  const callSite = (stack: string | undefined) => userCallSite(stack, ownDir) ?? userCallSite(origins.currentStack(), ownDir);
  const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = describeTarget(args);
    if (target && !isAllowed(target, allowed)) {
      const label = target.path ?? `${target.host}:${target.port}`;
      options.onBlocked({ target: label, origin: callSite(new Error().stack) });
      const error = Object.assign(
        new Error(`migration-gate blocked a connection to ${label}: only the throwaway Postgres may be reached while your project is checked.`),
        { code: "ECONNREFUSED" },
      );
      process.nextTick(() => this.destroy(error));
      return this;
    }
    const socket = connect.apply(this, args);
    // After connect(): Node's connect() resets socket.write to the prototype's.
    if (target) guardStartupPacket(this, { database: allowed.database, origin: callSite(new Error().stack) }, options);
    return socket;
  } as typeof net.Socket.prototype.connect;
  return {
    loading() {
      origins.start();
    },
    loaded() {
      origins.stop();
    },
    callSite,
  };
}

const PROTOCOL_V3 = 196608;

/**
 * The door refuses any database but ours too, but only here is the user's line on the stack:
 * the first packet a Postgres client sends names the database, and any other name than ours
 * closes the socket before the door reads it, with the line that tried. (The door answers an
 * SSLRequest with "no", so the startup packet that follows is always plain.)
 */
function guardStartupPacket(socket: net.Socket, { database: allowedDatabase, origin }: { database: string; origin?: string }, options: NetGuardOptions): void {
  const write = socket.write;
  socket.write = function guardedWrite(this: net.Socket, chunk: unknown, ...rest: unknown[]) {
    const database = Buffer.isBuffer(chunk) ? startupDatabase(chunk) : undefined;
    // An SSLRequest comes first; the startup packet is the next write.
    if (!(Buffer.isBuffer(chunk) && isSslRequest(chunk))) socket.write = write;
    if (database !== undefined && database !== allowedDatabase) {
      const label = trapLabel(database, options.traps) ?? `database "${database}"`;
      options.onBlocked({ target: label, origin });
      const error = Object.assign(new Error(`migration-gate blocked a connection to database "${database}": only the throwaway database may be used while your project is checked.`), {
        code: "ECONNREFUSED",
      });
      process.nextTick(() => socket.destroy(error));
      return false;
    }
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof socket.write;
}

function isSslRequest(packet: Buffer): boolean {
  return packet.length === 8 && packet.readInt32BE(4) === 80877103;
}

/** The `database` parameter of a protocol-3 startup packet; undefined for anything else. */
export function startupDatabase(packet: Buffer): string | undefined {
  if (packet.length < 8 || packet.readInt32BE(4) !== PROTOCOL_V3) return undefined;
  const fields = packet.subarray(8, packet.readInt32BE(0)).toString("utf8").split("\0");
  const params: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) params[fields[i]!] = fields[i + 1]!;
  return params["database"] ?? params["user"];
}

interface Target {
  host?: string;
  port?: number;
  path?: string;
}

function describeTarget(rawArgs: unknown[]): Target | undefined {
  // net.connect() hands Socket#connect an already normalized [options, callback] array.
  const args = Array.isArray(rawArgs[0]) ? (rawArgs[0] as unknown[]) : rawArgs;
  const first = args[0];
  if (first && typeof first === "object") {
    const opts = first as { host?: string; port?: number | string; path?: string };
    if (opts.path) return { path: opts.path };
    return { host: opts.host ?? "localhost", port: Number(opts.port) };
  }
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    return { host: typeof args[1] === "string" ? args[1] : "localhost", port: Number(first) };
  }
  if (typeof first === "string") return { path: first };
  return undefined;
}

function isAllowed(target: Target, allowed: AllowedEndpoint): boolean {
  if (target.path !== undefined) return allowed.path !== undefined && path.resolve(target.path) === path.resolve(allowed.path);
  if (allowed.path !== undefined) return false;
  if (target.port !== allowed.port) return false;
  const host = (target.host ?? "").toLowerCase();
  const allowedHost = allowed.host.toLowerCase();
  return host === allowedHost || (LOOPBACK.has(host) && LOOPBACK.has(allowedHost));
}

/** First stack frame in the user's own code: where the blocked connection came from. */
export function userCallSite(stack: string | undefined, ownDir: string): string | undefined {
  const frame = stackFrames(stack).find(({ file }) => isUserSource(file) && !file.startsWith(ownDir));
  return frame && `${frame.file}:${frame.line}`;
}
