import childProcess from "node:child_process";
import crypto from "node:crypto";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { SPAWNED_AT_VARIABLE } from "./guard-config.js";
import type { GuardEvent } from "./guard-events.js";

export interface SubprocessWatchOptions {
  /** The user's file:line on a stack. */
  callSite: (stack: string | undefined) => string | undefined;
  /** The environment a child gets when the caller passes one of its own: scrubbed again. */
  scrub: (env: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  record: (event: GuardEvent) => void;
}

type AnyFunction = (...args: unknown[]) => unknown;

/** Which argument holds the options object, per child_process function. */
const SHAPES: Record<string, { args: boolean; sync: boolean }> = {
  spawn: { args: true, sync: false },
  spawnSync: { args: true, sync: true },
  execFile: { args: true, sync: false },
  execFileSync: { args: true, sync: true },
  fork: { args: true, sync: false },
  exec: { args: false, sync: false },
  execSync: { args: false, sync: true },
};

/**
 * Every child_process function, wrapped: the child gets a scrubbed environment even when the
 * caller passes its own (`env: { DATABASE_URL: "postgres://prod..." }`), Node children get the
 * guard preloaded (NODE_OPTIONS comes with that environment), and each start is recorded with
 * the user's line, so that a refused connection at the door can be traced to the program that
 * made it. ESM named imports see the wrappers through syncBuiltinESMExports.
 */
export function watchSubprocesses(options: SubprocessWatchOptions): void {
  const module = childProcess as unknown as Record<string, AnyFunction>;
  for (const [name, shape] of Object.entries(SHAPES)) {
    const original = module[name]!;
    module[name] = function watched(this: unknown, ...args: unknown[]) {
      const origin = options.callSite(new Error().stack);
      const { command, node, index } = describeCall(name, args, shape.args);
      const given = args[index] && typeof args[index] === "object" ? (args[index] as { env?: NodeJS.ProcessEnv }) : undefined;
      const env = { ...(given?.env ? options.scrub(given.env) : process.env), ...(origin && { [SPAWNED_AT_VARIABLE]: origin }) };
      const patched = [...args];
      if (given) patched[index] = { ...given, env };
      else patched.splice(index, 0, { env });
      const id = crypto.randomBytes(4).toString("hex");
      const at = Date.now();
      if (shape.sync) {
        try {
          return original.apply(this, patched);
        } finally {
          options.record({ type: "spawn", at, endedAt: Date.now(), id, command, node, origin });
        }
      }
      options.record({ type: "spawn", at, id, command, node, origin });
      const child = original.apply(this, patched) as childProcess.ChildProcess;
      child.once("exit", () => options.record({ type: "exit", at: Date.now(), id }));
      return child;
    };
  }
  syncBuiltinESMExports();
}

/** The command line for messages, whether it runs Node, and where the options object goes. */
function describeCall(name: string, args: unknown[], hasArgs: boolean): { command: string; node: boolean; index: number } {
  const file = String(args[0] ?? "");
  if (!hasArgs) {
    // exec(command, options?, callback?): the options slot is 1 unless a callback sits there.
    return { command: file, node: runsNode(file.trim().split(/\s+/)[0] ?? ""), index: 1 };
  }
  const list = Array.isArray(args[1]) ? (args[1] as unknown[]).map(String) : [];
  const index = Array.isArray(args[1]) ? 2 : 1;
  if (name === "fork") return { command: ["node", file, ...list].join(" "), node: true, index };
  const given = args[index] as { shell?: unknown } | undefined;
  const command = [file, ...list].join(" ");
  return { command, node: !given?.shell && runsNode(file), index };
}

function runsNode(executable: string): boolean {
  const base = path.basename(executable.replace(/^["']|["']$/g, ""));
  return executable === process.execPath || base === "node" || base === "nodejs" || base === path.basename(process.execPath);
}
