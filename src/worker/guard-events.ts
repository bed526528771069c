import fs from "node:fs";

/**
 * What the guard saw, in every process and thread below the worker, appended as JSON lines to
 * one file the engine reads when the run is over: appends of one short line are atomic, so
 * processes need no coordination, and a child that crashes or outlives the worker still leaves
 * its record.
 */
export type GuardEvent =
  | {
      type: "blocked";
      at: number;
      /** host:port, a socket path, or `$VARIABLE (host:port/db)` for a trap. */
      target: string;
      /** The user's file:line that tried. */
      origin?: string;
      /** Where it ran: the worker itself, a worker thread, a subprocess, a native driver. */
      via: "worker" | "thread" | "subprocess" | "native";
      /** For a subprocess: its command line; and the user's line that started it. */
      command?: string;
      spawnedAt?: string;
    }
  | {
      type: "spawn";
      at: number;
      /** Date.now() when it ended, for sync calls (async ones: "exit" below). */
      endedAt?: number;
      id: string;
      command: string;
      /** Started by node itself (fork, process.execPath, `node ...`): the guard goes along. */
      node: boolean;
      origin?: string;
    }
  | { type: "exit"; at: number; id: string };

export function appendGuardEvent(file: string | undefined, event: GuardEvent): void {
  if (!file) return;
  try {
    fs.appendFileSync(file, JSON.stringify(event) + "\n");
  } catch {
    // The engine removed the folder: the run is over and nobody reads this any more.
  }
}

export function readGuardEvents(file: string): GuardEvent[] {
  let text = "";
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as GuardEvent];
      } catch {
        return [];
      }
    });
}
