import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startService } from '../src/serve/service.js';
import { report } from './store-fixtures.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('startService', () => {
  it('runs now, serves the result on /metrics and /healthz, and exits 0 on SIGTERM', async () => {
    const signals = new EventEmitter();
    const exits: number[] = [];
    const service = await startService({
      job: async () => report({ id: 'now', findings: [] }),
      schedule: '0 0 1 1 *',
      timezone: 'UTC',
      runNow: true,
      graceMs: 1000,
      http: { port: 0 },
      logger: silent,
      signals,
      exit: (code) => void exits.push(code),
    });
    await service.scheduler.idle();
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('alicloud_audit_scans_total{outcome="completed"} 1');
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', nextRunAt: expect.stringMatching(/-01-01T00:00:00.000Z$/) });

    signals.emit('SIGTERM');
    await expect.poll(() => exits).toEqual([0]);
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
    expect(service.scheduler.runNow()).toBe('stopped');
  });
});
