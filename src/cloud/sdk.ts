// The official SDK packages, each required the first time it is used, and each product SDK with its models
// required one file at a time. A product SDK's index (dist/models/model.js) requires every model file at once,
// 1,150 files and 2,083 classes for ECS, for the dozen a scan uses: with VPC, RAM, IMS and STS about 75 MB of
// a scan's memory and a second of its start. Before the package is first required, its index is replaced in
// the require cache by one with the same exports, each a getter that requires its file when first read: the
// same files through the same cache, so the same classes whoever reads them.
// Import the SDKs through this module only: Node's ESM loader reads every export of a CommonJS module it
// imports (`import * as $Ecs from '@alicloud/ecs20140526'`), which loads every model again.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import type * as EcsSdk from '@alicloud/ecs20140526';
import type * as ImsSdk from '@alicloud/ims20190815';
import type * as OpenApiSdk from '@alicloud/openapi-core';
import type * as RamSdk from '@alicloud/ram20150501';
import type * as StsSdk from '@alicloud/sts20150401';
import type * as VpcSdk from '@alicloud/vpc20160428';
import type * as DaraSdk from '@darabonba/typescript';

const require = createRequire(import.meta.url);

// the index's two line shapes (tsc's CommonJS output of `export { X } from './X'`)
const REQUIRE_LINE = /^var (\w+) = require\("(\.\/[\w.-]+)"\);$/gm;
const EXPORT_LINE = /^Object\.defineProperty\(exports, "(\w+)", \{ enumerable: true, get: function \(\) \{ return (\w+)\.(\w+); \} \}\);$/gm;
const ANY_EXPORT = /Object\.defineProperty\(exports, "/g;

/**
 * The model index of `pkg`, or undefined when it is in the require cache already or the package has none (CAS
 * 3.x is one client.js with its models inside).
 */
function modelIndexOf(pkg: string): string | undefined {
  const index = join(dirname(require.resolve(pkg)), 'models', 'model.js');
  return require.cache[index] || require.cache[require.resolve(pkg)] || !existsSync(index) ? undefined : index;
}

/**
 * Put a lazy index of `pkg`'s models in the require cache. Returns false, changing nothing, when the package is
 * loaded already or its index has another shape (then it loads as published, all at once).
 */
function installLazyModels(pkg: string): boolean {
  const index = modelIndexOf(pkg);
  if (index === undefined) return false;
  const source = readFileSync(index, 'utf8');
  const files = new Map<string, string>();
  for (const [, variable, file] of source.matchAll(REQUIRE_LINE)) files.set(variable!, join(dirname(index), file!));
  const exports: Record<string, unknown> = {};
  Object.defineProperty(exports, '__esModule', { value: true });
  let count = 0;
  for (const [, name, variable, member] of source.matchAll(EXPORT_LINE)) {
    const file = files.get(variable!);
    if (file === undefined) return false;
    let value: unknown;
    Object.defineProperty(exports, name!, { enumerable: true, get: () => (value ??= (require(file) as Record<string, unknown>)[member!]) });
    count++;
  }
  // every export but __esModule is one of the lines understood
  if (count === 0 || count !== (source.match(ANY_EXPORT)?.length ?? 0) - 1) return false;
  const module = new Module(index);
  module.filename = index;
  module.loaded = true;
  module.exports = exports;
  require.cache[index] = module;
  return true;
}

/**
 * The package's exports as `require` gives them (the client class on `.default`; the type of a CommonJS
 * package's `default` under nodenext), required on first use (a property read). A service folder declares
 * its own product SDK with it (`lazily<typeof CasSdk.default>('@alicloud/cas20200407')`, a type-only import
 * beside it); `models` is false only for packages that are not product SDKs.
 */
export function lazily<T extends object>(pkg: string, models = true): T {
  let loaded: T | undefined;
  const load = (): T => {
    if (loaded === undefined) {
      if (models) installLazyModels(pkg);
      loaded = require(pkg) as T;
    }
    return loaded;
  };
  return new Proxy({} as T, { get: (_target, key) => Reflect.get(load(), key) });
}

export const $Ecs = lazily<typeof EcsSdk.default>('@alicloud/ecs20140526');
export const $Vpc = lazily<typeof VpcSdk.default>('@alicloud/vpc20160428');
export const $Ram = lazily<typeof RamSdk.default>('@alicloud/ram20150501');
export const $Ims = lazily<typeof ImsSdk.default>('@alicloud/ims20190815');
export const $Sts = lazily<typeof StsSdk.default>('@alicloud/sts20150401');
export const $OpenApi = lazily<typeof OpenApiSdk.default>('@alicloud/openapi-core', false);
export const $dara = lazily<typeof DaraSdk>('@darabonba/typescript', false);
