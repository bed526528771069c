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
 * kill a child with its parent, so something outside the gate has to notice.
 */
const SCRIPT = `
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
  const child = spawn(process.execPath, ["-e", SCRIPT, String(parentPid), String(serverPid ?? 0), dir], { detached: true, stdio: "ignore" });
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
