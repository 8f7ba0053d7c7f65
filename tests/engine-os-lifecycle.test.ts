import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOs, isEndOfLife, loadOsLifecycle, OsLifecycleTableError } from '../src/services/ecs/os-lifecycle.js';

const table = loadOsLifecycle();
const now = new Date('2026-11-15T00:00:00Z');

describe('OS lifecycle table', () => {
  it.each([
    { osName: 'CentOS  7.4 64 bit', name: 'CentOS 7', eol: true },
    { osName: 'CentOS 7.9 64位', name: 'CentOS 7', eol: true },
    { osName: 'CentOS Stream 9 64 bit', name: 'CentOS Stream 9', eol: false },
    { osName: 'Ubuntu  16.04 64位', name: 'Ubuntu 16.04', eol: true },
    { osName: 'Ubuntu 22.04 64 bit', name: 'Ubuntu 22.04', eol: false },
    { osName: 'Debian 12.6 64 bit', name: 'Debian 12', eol: false },
    { osName: 'Debian 11.9 64 bit', name: 'Debian 11', eol: true },
    { osName: 'Windows Server  2012 R2 数据中心版 64位中文版', name: 'Windows Server 2012', eol: true },
    { osName: 'Windows Server 2022 Datacenter 64-bit (Chinese)', name: 'Windows Server 2022', eol: false },
    { osName: 'Alibaba Cloud Linux  3.2104 LTS 64 bit ARM Edition', name: 'Alibaba Cloud Linux 3', eol: false },
    { osName: 'Aliyun Linux 2.1903 LTS 64 bit', name: 'Alibaba Cloud Linux 2', eol: true },
    { osName: 'Rocky Linux 9.4 64 bit', name: 'Rocky Linux 9', eol: false },
  ])('$osName is $name (end of life: $eol)', ({ osName, name, eol }) => {
    const entry = findOs(table, osName);
    expect(entry?.name).toBe(name);
    expect(isEndOfLife(entry!, now)).toBe(eol);
  });

  it.each(['Anolis OS 8.8 64 bit', 'CentOS 70', 'Ubuntu 16.10 64 bit', ''])('does not recognize %j', (osName) => {
    expect(findOs(table, osName)).toBeUndefined();
  });

  it('counts the last supported day as supported', () => {
    const entry = findOs(table, 'CentOS 7.9')!;
    expect(isEndOfLife(entry, new Date('2024-06-30T23:59:59Z'))).toBe(false);
    expect(isEndOfLife(entry, new Date('2024-07-01T00:00:00Z'))).toBe(true);
  });

  it('has a source and a parseable date for every entry', () => {
    for (const entry of table) {
      expect(entry.source).toMatch(/^https:\/\//);
      expect(Number.isNaN(Date.parse(entry.endOfLife))).toBe(false);
    }
  });

  it('refuses a malformed table with the file and the field', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'os-lifecycle-')), 'table.yaml');
    await writeFile(file, 'systems:\n  - { name: X, match: "^x", endOfLife: 2024/01/01, source: https://example.com }\n');
    expect(() => loadOsLifecycle(file)).toThrow(OsLifecycleTableError);
    expect(() => loadOsLifecycle(file)).toThrow(/systems\.0\.endOfLife: expected a date/);
  });
});
