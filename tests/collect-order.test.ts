// The collector marked `first` (RAM) reaches the API first: its user listing gates every per-user call, the
// scan's floor at scale, so it must not queue behind the regional collectors' first pages because its
// module took longer to load.
import { describe, expect, it } from 'vitest';
import { loadAccountModel } from '../src/emulator/index.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

describe('collection order', () => {
  it("sends RAM's user listing before any regional listing", async () => {
    const arrived: string[] = [];
    await scanThroughEmulator(await loadAccountModel(DEMO_ACCOUNT_FILE), {
      hooks: {
        intercept: ({ product, action }) => {
          arrived.push(`${product}:${action}`);
          return undefined;
        },
      },
    });
    const listUsers = arrived.indexOf('ims:ListUsers');
    expect(listUsers).toBeGreaterThan(-1);
    expect(arrived.slice(0, listUsers).filter((call) => call.startsWith('ecs:') && call !== 'ecs:DescribeRegions')).toEqual([]);
  });
});
