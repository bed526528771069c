import { createRequire } from "node:module";

/** The part of oxc-transform's native (or WASM) binding we call. */
export interface OxcBinding {
  transformSync(filename: string, source: string, options: Record<string, unknown>): OxcResult;
  moduleRunnerTransformSync(filename: string, source: string, options: Record<string, unknown>): OxcResult;
}

export interface OxcResult {
  code: string;
  map?: { mappings: string; sources: string[]; names?: string[]; version: number };
  helpersUsed?: Record<string, string>;
  errors: Array<{ severity: string; message: string; labels?: Array<{ start: number; end: number }>; codeframe?: string | null }>;
}

const loaded = new Map<string, OxcBinding>();

/** The binding at `file` (a .node file), loaded once per thread. Synchronous: require hooks are. */
export function loadOxcBinding(file: string): OxcBinding {
  let binding = loaded.get(file);
  if (!binding) {
    binding = createRequire(import.meta.url)(file) as OxcBinding;
    loaded.set(file, binding);
  }
  return binding;
}
