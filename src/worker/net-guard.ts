import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BlockedConnection } from "./protocol.js";
import { isUserSource } from "./module-scope.js";
import { AsyncOrigins } from "./async-origins.js";
import { stackFrames } from "./stack-frames.js";

export interface AllowedEndpoint {
  host: string;
  port: number;
  database: string;
}

export interface NetGuardOptions {
  onBlocked: (blocked: BlockedConnection) => void;
}

export interface NetGuard {
  /** The throwaway server and database: the only endpoint user code may reach. Until set, none is. */
  allow(endpoint: AllowedEndpoint): void;
  /** The project has loaded: stop recording where asynchronous chains begin. */
  loaded(): void;
}

/** Our own bundle's folder: its frames are never the user's call site. */
const OWN_DIR = path.dirname(fileURLToPath(import.meta.url)) + path.sep;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "::ffff:127.0.0.1", ""]);

/**
 * The last line of defence for "never touch a database we did not create": every socket the
 * user's code opens (a data source that connects at import time, a pool built from
 * DATABASE_URL, a Redis cache...) goes through Socket#connect, and any target other than
 * our throwaway server fails as if refused. Option overrides are the first line; this one
 * holds even when user code builds its own connections.
 */
export function installNetGuard(options: NetGuardOptions): NetGuard {
  let allowed: AllowedEndpoint | undefined;
  const origins = new AsyncOrigins();
  origins.start();
  const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = describeTarget(args);
    if (target && (!allowed || !isAllowed(target, allowed))) {
      const label = target.path ?? `${target.host}:${target.port}`;
      options.onBlocked({ target: label, origin: userCallSite(new Error().stack) ?? userCallSite(origins.currentStack()) });
      const error = Object.assign(
        new Error(`migration-gate blocked a connection to ${label}: only the throwaway Postgres may be reached while your project is checked.`),
        { code: "ECONNREFUSED" },
      );
      process.nextTick(() => this.destroy(error));
      return this;
    }
    const socket = connect.apply(this, args);
    // After connect(): Node's connect() resets socket.write to the prototype's.
    if (target) guardStartupPacket(this, { endpoint: `${target.host}:${target.port}`, database: allowed!.database, origin: userCallSite(new Error().stack) ?? userCallSite(origins.currentStack()) }, options);
    return socket;
  } as typeof net.Socket.prototype.connect;
  return {
    allow(endpoint) {
      allowed = endpoint;
    },
    loaded() {
      origins.stop();
    },
  };
}

const PROTOCOL_V3 = 196608;

/**
 * With database-url, the throwaway database shares its server with databases that matter, so
 * the endpoint check is not enough: the first packet a Postgres client sends names the
 * database, and any other name than ours closes the socket before the server reads it.
 * (After an SSLRequest the startup packet is encrypted; pg's own Client is checked through
 * the TypeORM options we override, which fix the database.)
 */
function guardStartupPacket(socket: net.Socket, { endpoint, database: allowedDatabase, origin }: { endpoint: string; database: string; origin?: string }, options: NetGuardOptions): void {
  const write = socket.write;
  socket.write = function firstWrite(this: net.Socket, chunk: unknown, ...rest: unknown[]) {
    socket.write = write;
    const database = Buffer.isBuffer(chunk) ? startupDatabase(chunk) : undefined;
    if (database !== undefined && database !== allowedDatabase) {
      const label = `${endpoint}/${database}`;
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
  if (target.path !== undefined) return false;
  if (target.port !== allowed.port) return false;
  const host = (target.host ?? "").toLowerCase();
  const allowedHost = allowed.host.toLowerCase();
  return host === allowedHost || (LOOPBACK.has(host) && LOOPBACK.has(allowedHost));
}

/** First stack frame in the user's own code: where the blocked connection came from. */
export function userCallSite(stack: string | undefined): string | undefined {
  const frame = stackFrames(stack).find(({ file }) => isUserSource(file) && !file.startsWith(OWN_DIR));
  return frame && `${frame.file}:${frame.line}`;
}
