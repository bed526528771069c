import { syncBuiltinESMExports } from "node:module";
import workerThreads from "node:worker_threads";

/**
 * Worker threads run their own copy of every module, so the worker's socket guard does not
 * reach them. The preload does, when the thread loads it: Node passes the process's --require
 * on to threads, but a thread created with `execArgv` or `env` of its own would lose it, so
 * both are completed here.
 */
export function guardThreads(options: { preload: string; configVariable: string }): void {
  const Original = workerThreads.Worker;
  class GuardedWorker extends Original {
    constructor(filename: string | URL, workerOptions: workerThreads.WorkerOptions = {}) {
      const execArgv = [...(workerOptions.execArgv ?? process.execArgv)];
      if (!execArgv.some((arg, i) => arg === `--require=${options.preload}` || (arg === "--require" && execArgv[i + 1] === options.preload))) execArgv.push(`--require=${options.preload}`);
      const env = workerOptions.env && typeof workerOptions.env === "object" ? { ...(workerOptions.env as NodeJS.ProcessEnv), [options.configVariable]: process.env[options.configVariable] } : workerOptions.env;
      super(filename, { ...workerOptions, execArgv, ...(env !== undefined && { env }) });
    }
  }
  (workerThreads as { Worker: typeof Original }).Worker = GuardedWorker;
  syncBuiltinESMExports();
}
