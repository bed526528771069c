import { createHook, executionAsyncId } from "node:async_hooks";

/**
 * Where an asynchronous chain began. A client library that connects on the next tick or in a
 * promise callback (`new Redis(...)` at a module's top level) opens its socket from Node's task
 * queue, with no user frame on the stack. While the project loads, each async resource created
 * outside any known chain records a stack; resources created inside a chain inherit it. The
 * net guard then names the user line that started the chain. Only during loading: promise
 * tracking has a cost the migration run should not pay.
 */
export class AsyncOrigins {
  private readonly origins = new Map<number, Error>();
  private readonly hook = createHook({
    init: (asyncId, _type, triggerAsyncId) => {
      this.origins.set(asyncId, this.origins.get(triggerAsyncId) ?? this.origins.get(executionAsyncId()) ?? new Error("async origin"));
    },
    destroy: (asyncId) => {
      this.origins.delete(asyncId);
    },
  });

  start(): void {
    this.hook.enable();
  }

  stop(): void {
    this.hook.disable();
    this.origins.clear();
  }

  /** The stack recorded where the running asynchronous chain began, if it began while tracing. */
  currentStack(): string | undefined {
    return this.origins.get(executionAsyncId())?.stack;
  }
}
