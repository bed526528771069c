/** A command line for a message: long ones (a psql with inline SQL) cut at 120 characters. */
export function shortCommand(command: string): string {
  return command.length > 120 ? `${command.slice(0, 117)}...` : command;
}
