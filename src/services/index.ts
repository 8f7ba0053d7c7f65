// The one list of services. Everything that varies by service is derived from it: the service names, the
// resource types and their record schemas, which of them are regional, the least-privilege RAM policy and
// the collector registry. Adding a service is a folder beside these and one line in SERVICES.
import type { z } from 'zod';
import type { LazySdk } from '../cloud/clients.js';
import actiontrail from './actiontrail/index.js';
import alb from './alb/index.js';
import antiddos from './antiddos/index.js';
import cas from './cas/index.js';
import cloudfw from './cloudfw/index.js';
import cloudsso from './cloudsso/index.js';
import ecs from './ecs/index.js';
import eiam from './eiam/index.js';
import ims from './ims/index.js';
import kms from './kms/index.js';
import ram from './ram/index.js';
import sas from './sas/index.js';
import slb from './slb/index.js';
import sls from './sls/index.js';
import type { Collect, ServiceDefinition } from './service.js';
import sts from './sts/index.js';
import vpc from './vpc/index.js';
import vpn from './vpn/index.js';
import waf from './waf/index.js';

// in the order of the inventory's collections (its JSON keys)
const SERVICES = [ecs, vpc, ram, actiontrail, sas, kms, ims, sts, waf, vpn, cloudsso, eiam, cas, slb, alb, cloudfw, antiddos, sls] as const satisfies readonly ServiceDefinition[];

type Services = typeof SERVICES;
type Flat<T> = { [K in keyof T]: T[K] };
type MergedRecords<T extends readonly ServiceDefinition[]> = T extends readonly [
  infer Head extends ServiceDefinition,
  ...infer Rest extends readonly ServiceDefinition[],
]
  ? Head['records'] & MergedRecords<Rest>
  : unknown;

export type Service = Services[number]['name'];

export const SERVICE_NAMES: readonly Service[] = SERVICES.map((service) => service.name);

export type RecordSchemas = Flat<MergedRecords<Services>>;

/** One schema per resource type. */
export const recordSchemas: RecordSchemas = Object.assign({}, ...SERVICES.map((service) => service.records)) as RecordSchemas;

export type ResourceType = keyof RecordSchemas;

export type ResourceMap = { [K in ResourceType]: z.infer<RecordSchemas[K]> };

export const RESOURCE_TYPES = Object.keys(recordSchemas) as ResourceType[];

/** Resource types whose records belong to a region (the rest are account-global). */
export const REGIONAL_TYPES: ReadonlySet<ResourceType> = new Set(
  SERVICES.filter((service) => service.regional).flatMap((service) => Object.keys(service.records) as ResourceType[]),
);

const RAM_NAMESPACES: ReadonlyMap<string, NonNullable<ServiceDefinition['ramNamespace']>> = new Map(
  SERVICES.map((service: ServiceDefinition) => [service.name, service.ramNamespace ?? service.name]),
);

/** The RAM action a caller needs for `action` of `service` (a service's own namespace, its action's, or its name). */
export function ramActionOf(site: { service: string; action: string }): string {
  const namespace = RAM_NAMESPACES.get(site.service) ?? site.service;
  return `${typeof namespace === 'string' ? namespace : (namespace[site.action] ?? site.service)}:${site.action}`;
}

/** Every RAM action the collectors call: the least-privilege policy `alicloud-audit policy` prints. */
export const REQUIRED_RAM_ACTIONS: readonly string[] = [
  ...new Set(SERVICES.flatMap((service) => service.actions.map((action) => ramActionOf({ service: service.name, action })))),
].sort();

export function readOnlyPolicyDocument(): { Version: '1'; Statement: Array<{ Effect: 'Allow'; Action: string[]; Resource: '*' }> } {
  return { Version: '1', Statement: [{ Effect: 'Allow', Action: [...REQUIRED_RAM_ACTIONS], Resource: '*' }] };
}

type WithCollector = Extract<Services[number], { collector: object }>;

/** The collector that fills a record type: its own service's, or the one its service names (`collectedBy`). */
export function collectorOfType(type: ResourceType): CollectorName {
  const service: ServiceDefinition = SERVICES.find((candidate) => type in candidate.records)!;
  return (service.collectedBy ?? service.name) as CollectorName;
}

export type CollectorName = WithCollector['name'];

const withCollectors = SERVICES.filter((service): service is WithCollector => 'collector' in service);
// read through the definition's own type: the literal types do not all name `first` and `global`
const collected = (service: WithCollector): NonNullable<ServiceDefinition['collector']> => service.collector;

/** The collectors by name, those marked `first` ahead of the rest. */
export const collectors = Object.fromEntries(
  [...withCollectors.filter((service) => collected(service).first), ...withCollectors.filter((service) => !collected(service).first)].map(
    (service): [CollectorName, Collect] => [service.name, async (ctx) => (await service.collector.load())(ctx)],
  ),
) as Record<CollectorName, Collect>;

export const COLLECTOR_NAMES = Object.keys(collectors) as CollectorName[];

/**
 * Import these collectors' modules. A scan does so before it starts any: modules load in different times,
 * and a collector started first but loaded last would queue its first calls behind the others' (RAM's user
 * listing behind hundreds of regional first pages, when every per-user call, the scan's floor, waits on it).
 */
export async function loadCollectors(names: readonly CollectorName[]): Promise<void> {
  await Promise.all(withCollectors.filter((service) => names.includes(service.name)).map((service) => service.collector.load()));
}

/** The SDK packages each collector calls through. */
export const COLLECTOR_SDKS: Readonly<Record<CollectorName, readonly LazySdk[]>> = Object.fromEntries(
  withCollectors.map((service) => [service.name, collected(service).sdks ?? []]),
) as Record<CollectorName, readonly LazySdk[]>;

/** Collectors that call no regional API: with only these in scope, the regions are never looked up. */
export const GLOBAL_COLLECTORS: ReadonlySet<CollectorName> = new Set(
  withCollectors.filter((service) => collected(service).global).map((service) => service.name),
);
