import Module from "node:module";
import path from "node:path";
import { libpqTarget, type LibpqTarget } from "./libpq-target.js";
import { trapLabel, type GuardConfig } from "./guard-config.js";

export interface NativeDriverGuardOptions {
  door: { path?: string; host: string; port: number };
  database: string;
  /** The traps the environment was given, for naming them in messages. */
  traps: GuardConfig["traps"];
  callSite: (stack: string | undefined) => string | undefined;
  /** A refused connection: where it tried, as `host:port/database`, and the user's line. */
  onBlocked: (target: string, origin: string | undefined) => void;
}

/**
 * pg-native (pg's `native` client) talks through libpq, in C, so its sockets never pass the
 * Node guard. Its one entry point is the `libpq` package's connect/connectSync with a libpq
 * connection string: read that string the way libpq would (keywords, else the PG* variables,
 * which the scrubbed environment points at the door) and refuse anything but the door.
 */
export function guardNativeDriver(options: NativeDriverGuardOptions): void {
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const load = loader._load;
  const patched = new WeakSet<object>();
  loader._load = function guardedLoad(request, parent, isMain) {
    const exported = load.call(this, request, parent, isMain);
    if ((request === "libpq" || /[\\/]libpq[\\/]index\.js$/.test(request)) && typeof exported === "function" && !patched.has(exported)) {
      patched.add(exported);
      patchLibpq(exported as unknown as { prototype: Record<string, (...args: unknown[]) => unknown> }, options);
    }
    return exported;
  };
}

function patchLibpq(Libpq: { prototype: Record<string, (...args: unknown[]) => unknown> }, options: NativeDriverGuardOptions): void {
  const { connect, connectSync } = Libpq.prototype;
  const refusal = (conninfo: unknown): Error | undefined => {
    const target = libpqTarget(String(conninfo ?? ""), process.env);
    if (isDoor(target, options)) return undefined;
    const label = trapLabel(target.database, options.traps) ?? `${target.host}:${target.port}/${target.database}`;
    options.onBlocked(label, options.callSite(new Error().stack));
    return new Error(`migration-gate blocked a native (libpq) connection to ${label}: only the throwaway database may be used while your project is checked.`);
  };
  Libpq.prototype["connect"] = function (this: unknown, conninfo: unknown, callback: unknown) {
    const error = refusal(typeof conninfo === "function" ? "" : conninfo);
    const done = (typeof conninfo === "function" ? conninfo : callback) as (error?: Error) => void;
    if (error) return void setImmediate(() => done(error));
    return connect!.call(this, conninfo, callback);
  };
  Libpq.prototype["connectSync"] = function (this: unknown, conninfo: unknown) {
    const error = refusal(conninfo);
    if (error) throw error;
    return connectSync!.call(this, conninfo);
  };
}

function isDoor(target: LibpqTarget, { door, database }: NativeDriverGuardOptions): boolean {
  if (target.database !== database || Number(target.port) !== door.port) return false;
  if (door.path) return path.resolve(target.host) === path.dirname(door.path);
  return target.host === door.host;
}
