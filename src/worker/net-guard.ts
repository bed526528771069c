import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BlockedConnection } from "./protocol.js";

export interface NetGuardOptions {
  /** The throwaway server: the only TCP endpoint user code may reach. */
  allowed: { host: string; port: number };
  onBlocked: (blocked: BlockedConnection) => void;
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
export function installNetGuard(options: NetGuardOptions): void {
  const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = describeTarget(args);
    if (target && !isAllowed(target, options.allowed)) {
      const label = target.path ?? `${target.host}:${target.port}`;
      options.onBlocked({ target: label, origin: userCallSite(new Error().stack) });
      const error = Object.assign(
        new Error(`migration-gate blocked a connection to ${label}: only the throwaway Postgres may be reached while your project is checked.`),
        { code: "ECONNREFUSED" },
      );
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return connect.apply(this, args);
  } as typeof net.Socket.prototype.connect;
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

function isAllowed(target: Target, allowed: { host: string; port: number }): boolean {
  if (target.path !== undefined) return false;
  if (target.port !== allowed.port) return false;
  const host = (target.host ?? "").toLowerCase();
  const allowedHost = allowed.host.toLowerCase();
  return host === allowedHost || (LOOPBACK.has(host) && LOOPBACK.has(allowedHost));
}

/** First stack frame in the user's own code: where the blocked connection came from. */
export function userCallSite(stack: string | undefined): string | undefined {
  for (const line of (stack ?? "").split("\n").slice(1)) {
    const match = /\(?((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/.exec(line.trim());
    if (!match) continue;
    const file = match[1]!.startsWith("file:") ? fileURLToPath(match[1]!) : match[1]!;
    if (file.includes(`${path.sep}node_modules${path.sep}`) || file.startsWith(OWN_DIR)) continue;
    return `${file}:${match[2]}`;
  }
  return undefined;
}
