/**
 * A tool error: the gate could not reach a verdict (bad option, unloadable project,
 * unreachable database...). Exit status 2. `hint` is the next step, in plain words.
 * Findings about the user's migrations are never GateErrors: they are results.
 */
export class GateError extends Error {
  readonly code: string;
  readonly hint?: string;

  constructor(code: string, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "GateError";
    this.code = code;
    this.hint = options.hint;
  }
}

/** Plain data form, so an error can cross the worker's IPC channel and come back whole. */
export interface SerializedGateError {
  code: string;
  message: string;
  hint?: string;
  detail?: string;
}

export function serializeError(error: unknown): SerializedGateError {
  if (error instanceof GateError) {
    return { code: error.code, message: error.message, hint: error.hint, detail: describeCause(error.cause) };
  }
  const err = error instanceof Error ? error : new Error(String(error));
  return { code: "internal-error", message: err.message, detail: err.stack };
}

export function deserializeError(data: SerializedGateError): GateError {
  const error = new GateError(data.code, data.message, { hint: data.hint });
  if (data.detail) Object.assign(error, { detail: data.detail });
  return error;
}

function describeCause(cause: unknown): string | undefined {
  if (cause instanceof Error) return cause.stack ?? cause.message;
  return cause === undefined ? undefined : String(cause);
}
