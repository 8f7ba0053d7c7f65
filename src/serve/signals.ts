// SIGTERM / SIGINT: the first one shuts the scheduler down gracefully; a second one while that is under way
// exits at once (a scan cut off that way is aborted by the store the next time it opens).
import type { Scheduler, SchedulerLogger, ShutdownOutcome } from './scheduler.js';

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
export type ShutdownSignal = (typeof SHUTDOWN_SIGNALS)[number];

export interface SignalTarget {
  on(signal: ShutdownSignal, listener: () => void): unknown;
  off(signal: ShutdownSignal, listener: () => void): unknown;
}

export interface ShutdownHandlers {
  /** after the scheduler stopped: close the HTTP server and the store, then exit 0 */
  onStopped(outcome: ShutdownOutcome): Promise<void> | void;
  /** on a second signal */
  onForced(signal: ShutdownSignal): void;
}

/** Installs the handlers; returns a function that removes them. */
export function handleShutdownSignals(
  scheduler: Pick<Scheduler, 'shutdown'>,
  logger: SchedulerLogger,
  handlers: ShutdownHandlers,
  target: SignalTarget = process,
): () => void {
  let shuttingDown = false;
  const listeners = SHUTDOWN_SIGNALS.map((signal) => {
    const listener = () => {
      if (shuttingDown) {
        logger.warn({ signal }, 'second signal: exiting without waiting for the scan');
        handlers.onForced(signal);
        return;
      }
      shuttingDown = true;
      logger.info({ signal }, 'shutting down: no new scans');
      void scheduler
        .shutdown()
        .then((outcome) => {
          logger.info({ outcome }, 'scheduler stopped');
          return handlers.onStopped(outcome);
        })
        .catch((err: unknown) => logger.error({ err }, 'shutdown failed'));
    };
    target.on(signal, listener);
    return [signal, listener] as const;
  });
  return () => listeners.forEach(([signal, listener]) => target.off(signal, listener));
}
