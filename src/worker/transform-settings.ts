import type { TsconfigInfo } from "./tsconfig-info.js";

/** What the loaders (CommonJS hooks, ESM hooks thread) transform with. Plain data: it crosses to the hooks thread. */
export interface TransformSettings {
  tsconfig: TsconfigInfo;
  cacheDir?: string | undefined;
  /** oxc-transform's binding; without it, TypeScript transpiles. */
  oxcBinding?: string;
}
