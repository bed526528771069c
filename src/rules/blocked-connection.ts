import type { Rule } from "./rule.js";
import { parseOrigin } from "./origin.js";

/** Project code that tried to open a connection of its own: the gate refused it, and says so. */
export const blockedConnection: Rule = {
  id: "blocked-connection",
  defaultSeverity: "warning",
  description: "Project code tried to reach a server other than the throwaway Postgres; the gate blocked it.",
  check({ blockedConnections }) {
    const seen = new Set<string>();
    return blockedConnections
      // From threads, subprocesses and native drivers: reached-outside.
      .filter((b) => !b.via)
      .filter((b) => !seen.has(b.target) && seen.add(b.target))
      .map((b) => {
        return {
          key: b.target,
          object: b.target,
          location: parseOrigin(b.origin),
          message: `Project code tried to connect to ${b.target} while the gate loaded it; the connection was blocked.`,
          hint: "The gate only lets your code reach its throwaway Postgres. If a module connects at import time (an initialize() at top level, a cache or queue client), move that into your app's startup.",
        };
      });
  },
};
