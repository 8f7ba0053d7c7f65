// One live line on a terminal's stderr while collecting: services and regions done, API calls, elapsed time.
import type { CallStats } from '../cloud/api-caller.js';
import type { CollectionProgress } from '../services/context.js';

const REFRESH_MS = 250;

/** A status line shown until `clear()`: what the scan is doing before there is anything to count. */
export function statusLine(out: NodeJS.WriteStream, text: string): { clear(): void } {
  out.write(`\r\u001b[2K${text}`);
  return { clear: () => void out.write('\r\u001b[2K') };
}

export class TerminalProgress implements CollectionProgress {
  private readonly started = Date.now();
  private readonly regionsDone = new Map<string, number>();
  private readonly servicesDone = new Set<string>();
  private stats: CallStats | undefined;
  private regionCount = 0;
  private services: readonly string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly out: NodeJS.WriteStream;

  constructor(out: NodeJS.WriteStream) {
    this.out = out;
    // said at once: the credential check and the region listing come before there is anything to count
    statusLine(out, 'connecting: credentials, account, regions ...');
  }

  attach(stats: CallStats, regions: string[], services: readonly string[]): void {
    this.stats = stats;
    this.regionCount = regions.length;
    this.services = services;
    this.render();
    this.timer = setInterval(() => this.render(), REFRESH_MS);
    this.timer.unref();
  }

  regionDone(service: string): void {
    this.regionsDone.set(service, (this.regionsDone.get(service) ?? 0) + 1);
  }

  serviceDone(service: string): void {
    this.servicesDone.add(service);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.out.write('\r\u001b[2K');
  }

  private render(): void {
    const parts = this.services.map((service) =>
      this.servicesDone.has(service) ? `${service} done` : this.regionsDone.has(service) ? `${service} ${this.regionsDone.get(service)}/${this.regionCount}` : `${service} ...`,
    );
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    this.out.write(`\r\u001b[2K${parts.join(' | ')} | ${this.stats?.calls ?? 0} API calls | ${seconds}s`);
  }
}
