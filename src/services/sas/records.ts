// Security Center records: the zod schemas are the only definition; the TypeScript types are inferred from them.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

/** Security Center editions, from the lowest: what DescribeVersionConfig's codes mean. */
export const securityCenterEdition = z.enum(['free', 'anti-virus', 'advanced', 'enterprise', 'ultimate', 'value-added', 'unknown']);
export type SecurityCenterEdition = z.infer<typeof securityCenterEdition>;

/**
 * The Security Center edition of the account: one record, whose id is the account id. It is read on each
 * site that serves a scanned region (cn-shanghai: every cn-* region; ap-southeast-1: the others).
 * The fields added with pay-as-you-go default, so that inventories written before them still read.
 */
export const securityCenterConfig = z.strictObject({
  /** the account id */
  id: text,
  /** the sites read: cn-shanghai | ap-southeast-1 */
  sites: z.array(text).default([]),
  /** the scanned regions these sites serve */
  regions: z.array(text),
  /**
   * the best edition in force over subscription and pay-as-you-go: Version (HighestVersion when Version is 8,
   * several editions bought), MergedVersion, and PostPayHostVersion while pay-as-you-go is on and not suspended
   */
  edition: securityCenterEdition,
  /** DescribeVersionConfig Version: 1 Free, 3 Enterprise, 5 Advanced, 6 Anti-virus, 7 Ultimate, 8 multi-version, 10 value-added only */
  version: z.number(),
  highestVersion: z.number().nullable(),
  /** the higher edition when subscription and pay-as-you-go host protection are both on */
  mergedVersion: z.number().nullable().default(null),
  /** the highest edition bound to assets under pay-as-you-go host protection */
  postPayHostVersion: z.number().nullable().default(null),
  isTrial: z.boolean(),
  isPostpay: z.boolean(),
  /** PostPayStatus: 1 normal, 2 suspended for an overdue payment; null when not reported */
  postPayStatus: z.number().nullable().default(null),
  instanceId: nullableText,
  postPayInstanceId: nullableText.default(null),
  /** when the subscription ends; null when there is none */
  expiresAt: nullableText,
});
export type SecurityCenterConfig = z.infer<typeof securityCenterConfig>;

export const vulnerability = z.strictObject({
  name: text,
  aliasName: text,
  /** cve (Linux software) | sys (Windows) | emg (urgent) */
  type: text,
  /** asap | later | nntf */
  necessity: text,
  /** 1 unfixed, 2 fix failed, 4 being fixed, 8 fixed pending restart, ...; null when not reported */
  status: z.number().nullable(),
  cves: z.array(text),
});
export type Vulnerability = z.infer<typeof vulnerability>;

/** An ECS instance as Security Center sees it (DescribeCloudCenterInstances, MachineTypes=ecs). */
export const securityCenterAsset = z.strictObject({
  /** the ECS instance id */
  id: text,
  region: text,
  uuid: text,
  name: text,
  /** the agent: online | offline | pause */
  clientStatus: text,
  /** online | offline | pause | uninstalled | stopped; null when not reported */
  clientSubStatus: nullableText,
  /** when the agent was last online */
  lastOnlineAt: nullableText,
  /** the licence edition bound to the asset (AuthVersion, same codes as Version); null when none */
  authVersion: z.number().nullable(),
  /** bound to a paid licence */
  bound: z.boolean(),
  /** unfixed vulnerabilities (DescribeVulList Dealed=n, types cve, sys, emg); undefined when unknown */
  unfixedVulnerabilities: z.array(vulnerability).optional(),
});
export type SecurityCenterAsset = z.infer<typeof securityCenterAsset>;
