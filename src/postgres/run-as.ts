import fs from "node:fs";

export interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

/**
 * Postgres refuses to run as root. As root (CI containers, some runners) we run initdb and
 * postgres as an existing unprivileged account, `postgres` if there is one, else `nobody`,
 * instead of creating users on the machine.
 */
export function unprivilegedUser(): RunAs | undefined {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  let passwd = "";
  try {
    passwd = fs.readFileSync("/etc/passwd", "utf8");
  } catch {
    return undefined;
  }
  const accounts = new Map<string, RunAs>();
  for (const line of passwd.split("\n")) {
    const [name, , uid, gid] = line.split(":");
    if (name && uid && gid) accounts.set(name, { name, uid: Number(uid), gid: Number(gid) });
  }
  return accounts.get("postgres") ?? accounts.get("nobody");
}
