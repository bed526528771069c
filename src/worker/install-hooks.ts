/**
 * Installs the loaders that let the worker (and the metadata-parity probe, which must load code
 * exactly as the worker does) run a project's TypeScript: the CommonJS hooks on this thread, and
 * the ESM hooks, which Node runs on a thread of their own, when the project needs them.
 */
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";
import { flushCacheWrites } from "./cache-writes.js";
import { installCommonJsHooks } from "./register-cjs.js";
import type { EsmHooksData, TransformSettings } from "./transform-settings.js";

export interface InstalledHooks {
  /** Settles once the cache writes of both threads are on disk (bounded for the ESM thread). */
  flush(): Promise<void>;
}

export function installTransformHooks(settings: TransformSettings, options: { esm: boolean }): InstalledHooks {
  installCommonJsHooks(settings);
  const flushEsm = options.esm ? registerEsmHooks(settings) : async () => undefined;
  return { flush: async () => void (await Promise.all([flushCacheWrites(), flushEsm()])) };
}

const ESM_FLUSH_LIMIT_MS = 2000;
/**
 * The ESM hooks run on their own thread, with their own cache writes: the returned function
 * asks that thread to flush them and settles when it has.
 */
function registerEsmHooks(settings: TransformSettings): () => Promise<void> {
  const { port1, port2 } = new MessageChannel();
  register(new URL("./esm-hooks.js", import.meta.url), { data: { ...settings, flushPort: port2 } satisfies EsmHooksData, transferList: [port2] });
  port1.unref();
  return () =>
    new Promise<void>((resolve) => {
      // Bounded: a hooks thread that cannot answer must not keep the report from the engine.
      const timer = setTimeout(done, ESM_FLUSH_LIMIT_MS);
      function done() {
        clearTimeout(timer);
        port1.unref();
        resolve();
      }
      port1.once("message", done);
      port1.ref();
      port1.postMessage("flush");
    });
}
