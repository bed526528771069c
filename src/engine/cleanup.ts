/**
 * Everything the run started (Postgres, a database, the worker) registers its disposer here,
 * so SIGINT/SIGTERM (a cancelled workflow, Ctrl-C) still stops and deletes it before exit.
 */
type Disposer = () => Promise<void> | void;

const disposers = new Set<Disposer>();
let handlersInstalled = false;

export function onCleanup(disposer: Disposer): () => void {
  installSignalHandlers();
  disposers.add(disposer);
  return () => disposers.delete(disposer);
}

export async function runCleanups(): Promise<void> {
  const pending = [...disposers].reverse();
  disposers.clear();
  for (const dispose of pending) {
    try {
      await dispose();
    } catch {
      // Keep going: one failed disposer must not leave the others' resources behind.
    }
  }
}

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nmigration-gate: ${signal} received, stopping Postgres and removing temporary files...\n`);
      void runCleanups().finally(() => process.exit(status));
    });
  }
}
