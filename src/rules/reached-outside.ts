import type { Rule } from "./rule.js";
import { parseOrigin } from "./origin.js";
import { shortCommand } from "./command-text.js";

const VIA: Record<string, string> = {
  thread: "a worker thread",
  subprocess: "a subprocess",
  native: "a native driver (libpq)",
  unknown: "a program the gate could not identify",
};

/**
 * Code the project runs outside its own Node process (a psql or shell script from a migration,
 * a worker thread, pg-native) tried to reach a database other than the throwaway one. The gate
 * stopped it, but a migration that does this on staging writes to whatever its environment
 * names, so the check fails until the migration stops doing it or says where it connects.
 */
export const reachedOutside: Rule = {
  id: "reached-outside",
  defaultSeverity: "error",
  description: "Code the project started (a subprocess, a worker thread, a native driver) tried to reach a database other than the throwaway one; the gate stopped it.",
  check({ blockedConnections }) {
    const seen = new Set<string>();
    return blockedConnections
      .filter((b) => b.via)
      .filter((b) => {
        const key = `${b.via!.kind} ${b.target} ${b.origin ?? ""}`;
        return !seen.has(key) && seen.add(key);
      })
      .map((b) => {
        const via = b.via!;
        const started = via.spawnedAt && via.spawnedAt !== b.origin ? ` (started at ${via.spawnedAt})` : "";
        const program = via.kind === "subprocess" && via.command ? ` \`${shortCommand(via.command)}\`` : via.kind === "unknown" && via.command ? ` ${via.command}` : "";
        return {
          // No line numbers: the fingerprint stays put when the file above it changes.
          key: `${via.kind} ${b.target} ${parseOrigin(b.origin)?.file ?? ""}`,
          object: b.target,
          location: parseOrigin(b.origin),
          message: `${capitalize(VIA[via.kind]!)}${program}${started} tried to connect to ${b.target}; the gate refused it, but on a real deploy it would have connected.`,
          hint:
            via.kind === "subprocess"
              ? "A migration that shells out runs with the deploy job's environment, so it reaches whatever database that names. Do the work in the migration's own queryRunner (or db) instead, or pass the connection the migration was given."
              : via.kind === "thread"
                ? "A worker thread opens its own connections from the environment. Do the work on the migration's own connection (queryRunner / db) instead."
                : "Migrations should use the connection they are given: anything else reaches the database the environment names, which on a deploy job is a real one.",
        };
      });
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
