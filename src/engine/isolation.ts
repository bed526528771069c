import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { GateError } from "./errors.js";

export type IsolationChoice = "auto" | "namespace" | "guard";

/** How the worker is kept away from every database but the throwaway one. */
export type Isolation =
  | {
      kind: "namespace";
      /** The command the worker's node is started under (unshare and its flags). */
      prefix: string[];
      /** For the log. */
      detail: string;
    }
  | { kind: "guard"; detail: string };

const NAMESPACE_FLAGS = [
  // Own network (nothing but a loopback that is down) and own mounts (to hide local sockets).
  ["--net", "--mount"],
  // Without root: an unprivileged user namespace owns both.
  ["--net", "--mount", "--map-root-user"],
];

let probed: { prefix: string[]; detail: string } | { reason: string } | undefined;

/**
 * On Linux, a network namespace is the isolation that holds for everything the worker starts:
 * psql, shell scripts, native drivers, threads. The worker reaches Postgres only through the
 * door's Unix socket (sockets are files, and files cross network namespaces). Where no
 * namespace can be made (macOS, Windows, a kernel or AppArmor that forbids unprivileged user
 * namespaces, as on GitHub's ubuntu-24.04 images), the guard does what it can, and says so.
 */
export function chooseIsolation(choice: IsolationChoice): Isolation {
  const guard = (why: string): Isolation => ({ kind: "guard", detail: `guard: Node processes and threads guarded, database settings of subprocesses pointed at the gate (${why})` });
  if (choice === "guard") return guard("isolation: guard");
  probed ??= probeNamespace();
  if ("prefix" in probed) return { kind: "namespace", prefix: probed.prefix, detail: probed.detail };
  if (choice === "namespace") {
    throw new GateError("isolation-unavailable", `isolation (--isolation) is namespace, but no network namespace can be made here: ${probed.reason}.`, {
      hint: "Run as root or where unprivileged user namespaces are allowed (on Ubuntu 24.04: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0), or set isolation: auto to fall back to the guard.",
    });
  }
  return guard(probed.reason);
}

function probeNamespace(): { prefix: string[]; detail: string } | { reason: string } {
  if (process.platform !== "linux") return { reason: `no network namespaces on ${process.platform}` };
  const unshare = ["/usr/bin/unshare", "/bin/unshare"].find((file) => fs.existsSync(file));
  if (!unshare) return { reason: "unshare (util-linux) is not installed" };
  let last = "";
  for (const flags of NAMESPACE_FLAGS) {
    const probe = spawnSync(unshare, [...flags, "--", "true"], { encoding: "utf8", timeout: 5000 });
    if (probe.status === 0) {
      const how = flags.includes("--map-root-user") ? "an unprivileged user namespace" : "root";
      return { prefix: [unshare, ...flags, "--"], detail: `network namespace (${how}): the project's code can reach nothing but the throwaway Postgres` };
    }
    last = (probe.stderr || probe.error?.message || `exit code ${probe.status}`).trim().split("\n").pop()!;
  }
  return { reason: `unshare --net failed: ${last}` };
}

/**
 * The command that starts the worker's node in the namespace: a shell that first lays
 * /dev/null over each local Postgres socket (in the namespace's own mounts only), then execs
 * node, so the IPC channel and the process stay the same.
 */
export function namespaceCommand(isolation: Extract<Isolation, { kind: "namespace" }>, sockets: string[], node: string[]): string[] {
  const script = 'while [ "$1" != "--" ]; do [ -S "$1" ] && mount --bind /dev/null "$1" 2>/dev/null || { [ -S "$1" ] && echo "migration-gate: could not hide the local Postgres socket $1 from the project" >&2; }; shift; done; shift; exec "$@"';
  return [...isolation.prefix, "/bin/sh", "-c", script, "sh", ...sockets, "--", ...node];
}

/**
 * Postgres sockets bound on this machine (from /proc/net/unix), which the worker hides in its
 * mount namespace: a Unix socket is a file, so a network namespace alone leaves a local
 * server (/var/run/postgresql) reachable. The door's own socket stays.
 */
export function localPostgresSockets(door: string | undefined): string[] {
  let table = "";
  try {
    table = fs.readFileSync("/proc/net/unix", "utf8");
  } catch {
    return [];
  }
  const sockets = new Set<string>();
  for (const line of table.split("\n").slice(1)) {
    const file = line.trim().split(/\s+/)[7];
    if (file && file.startsWith("/") && file !== door && /\/\.s\.PGSQL\.\d+$/.test(file)) sockets.add(file);
  }
  return [...sockets];
}
