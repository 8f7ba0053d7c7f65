import { pino } from 'pino';
import { it } from 'vitest';
import { ApiCaller } from '../src/cloud/api-caller.js';
import { Redactor } from '../src/cloud/redact.js';
import { DEFAULT_RATE_LIMITS } from '../src/cloud/rate-limit.js';
import { HiddenBudget, VirtualTime } from './helpers/virtual-time.js';
it('dbg', async () => {
    const time = new VirtualTime();
    const api = new HiddenBudget(time, 100);
    const caller = new ApiCaller({ redactor: new Redactor(), logger: pino({ level: 'silent' }), sleep: time.sleep, pacing: time, random: () => 0.5, limits: {...DEFAULT_RATE_LIMITS, maxShare: 0.5}, retry: { maxAttempts: 20, baseDelayMs: 250, maxDelayMs: 10000, maxElapsedMs: 1e9 } });
    const site = { service: 'ram' as const, region: null, action: 'GetLoginProfile' };
    await time.run(Promise.all(Array.from({ length: 1500 }, () => caller.call(site, api.call))));
    const t = api.arrivals.filter(a => a >= api.firstThrottledAt! + 1000);
    for (let s = 0, e = 0; e < t.length; e++) { while (t[s]! <= t[e]! - 1000) s++; if (e - s + 1 > 50) console.log('PEAK', t[s], t[e], e-s+1, t.slice(s, s+3), t.slice(e-2, e+1)); }
    console.log('LEARNED', JSON.stringify(caller.learnedBudgets()), api.firstThrottledAt, api.throttled);
});
