import os from 'node:os';

/**
 * Loads a module, then removes every signal listener its loading added. conf writes through
 * atomically, whose when-exit listens, as soon as it is loaded, for SIGINT, SIGTERM, SIGHUP and a
 * dozen more, to remove atomically's temporary files before the process ends. A listener replaces
 * the signal's default action of ending the process at once; and the store's work is synchronous
 * (waiting for the lock, saving), so no listener can run until that work is over, and one still
 * pending when the command then ends is never run: Ctrl-C and SIGTERM were ignored for as long as
 * a lock wait lasts, and the command went on to save or delete and exit 0. Our writer makes no use
 * of atomically's temporary files (store-writer.ts), so with its listeners gone each signal ends
 * the process as before. That is safe at any moment: a save is atomic (a temporary file renamed
 * over the store), so the store is as it was or as saved, and the lock left behind is broken as
 * stale by the next command (docs/reliability.md, "Signals").
 */
export async function loadWithoutSignalListeners<T>(load: () => Promise<T>): Promise<T> {
  const signals = Object.keys(os.constants.signals) as NodeJS.Signals[];
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await load();
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener as (...args: unknown[]) => void);
    }
  }
  return loaded;
}
