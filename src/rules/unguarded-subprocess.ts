import type { Rule } from "./rule.js";
import { parseOrigin } from "./origin.js";
import { shortCommand } from "./command-text.js";

/**
 * Where the worker runs without a network namespace (macOS, a runner that forbids user
 * namespaces), a program that is not Node is beyond the socket guard: its database settings
 * lead to the gate's door, but a URL written into the command itself would not. The gate
 * cannot prove it stayed away, so it says so at the line that started it.
 */
export const unguardedSubprocess: Rule = {
  id: "unguarded-subprocess",
  defaultSeverity: "warning",
  description: "Without a network namespace, the project started a program that is not Node (psql, a shell script); the gate could not watch where it connected.",
  check({ unguardedSubprocesses = [] }) {
    return unguardedSubprocesses.map((s) => {
      const program = s.command.split(/\s+/)[0];
      return {
        key: `${parseOrigin(s.origin)?.file ?? s.origin} ${program}`,
        object: program,
        location: parseOrigin(s.origin),
        message: `The project started \`${shortCommand(s.command)}\`; without a network namespace the gate cannot see where a program that is not Node connects.`,
        hint: "Its database variables (DATABASE_URL, PG*, ...) pointed at the gate's door, so it could only have reached another database through an address written into the command. Run the gate where a network namespace can be made (Linux as root, or with user namespaces allowed) to have it contained, or do the work in the migration itself.",
      };
    });
  },
};
