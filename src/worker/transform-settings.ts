import type { TsconfigInfo } from "./tsconfig-info.js";

/** What the loaders (CommonJS hooks, ESM hooks thread) transform with. Plain data: it crosses to the hooks thread. */
export interface TransformSettings {
  tsconfig: TsconfigInfo;
  cacheDir?: string | undefined;
  /** oxc-transform's binding; without it, TypeScript transpiles. */
  oxcBinding?: string;
}

/** What the ESM hooks thread is started with: the settings, and a port on which the worker asks it to flush its cache writes. */
export interface EsmHooksData extends TransformSettings {
  flushPort: import("node:worker_threads").MessagePort;
}
