import { spawn } from "node:child_process";

export interface WatchdogOptions {
  /** The gate's own process: when it is gone, the server must go too. */
  parentPid: number;
  /** The server to stop; absent: only the folders are watched over (the door's sandbox). */
  serverPid?: number;
  /** Folder to delete once the server has stopped. */
  dir: string;
}

/**
 * A tiny detached process that stops our Postgres and deletes its folder if the gate dies
 * without running its cleanup (SIGKILL, a crash, a closed pipe). Node cannot ask the kernel to
 * kill a child with its parent, so something outside the gate has to notice. Where there is a
 * POSIX shell it is a shell loop (about 2 MB of memory, where a Node process takes about 40 MB
 * and a run has two of them); on Windows, the same loop in Node.
 */
const SHELL_SCRIPT = `
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

const NODE_SCRIPT = `
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

export function startWatchdog({ parentPid, serverPid, dir }: WatchdogOptions): { stop(): void } {
  const args = [String(parentPid), String(serverPid ?? 0), dir];
  const [command, argv] = process.platform === "win32" ? [process.execPath, ["-e", NODE_SCRIPT, ...args]] : ["/bin/sh", ["-c", SHELL_SCRIPT, "migration-gate-watchdog", ...args]];
  const child = spawn(command, argv, { detached: true, stdio: "ignore" });
  child.unref();
  return {
    stop() {
      try {
        if (child.pid) process.kill(child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    },
  };
}
