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

/** A Security Center switch: on, off, or not part of the edition bought (the API answers FreeVersionNotPermit). */
export const featureState = z.enum(['on', 'off', 'not-in-edition']);
export type FeatureState = z.infer<typeof featureState>;

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
  /** whether the periodic webshell scan (DescribeCommonTargetResultList webshell_timescan) covers the asset; undefined when unknown */
  webshellScan: featureState.optional(),
});
export type SecurityCenterAsset = z.infer<typeof securityCenterAsset>;

/** One notification item of DescribeNoticeConfig. */
export const noticeConfig = z.strictObject({
  /** the item, e.g. sas_vulnerability, sas_healthcheck, sas_suspicious, yundun_sas_ak_leakage */
  project: text,
  /** how it is sent: a bit set of 1 text message, 2 email, 4 internal message; 0 not sent */
  route: z.number().nullable(),
  /** 0 any time, 1 08:00 to 22:00 only */
  timeLimit: z.number().nullable(),
});

/** One vulnerability type's scan switch of DescribeVulConfig. */
export const vulnerabilityScanConfig = z.strictObject({
  /** cve | sys | cms | app | emg (the scan types; the other TargetConfigs entries are not scans) */
  type: text,
  /** on | off */
  config: text,
});

/** One asset fingerprint type's collection period of DescribePropertyScheduleConfig. */
export const fingerprintSchedule = z.strictObject({
  /** scheduler_port_period, scheduler_process_period, scheduler_software_period, ... */
  type: text,
  /** hours between collections; 0 is collection off; null when the answer gave no number */
  hours: z.number().nullable(),
});

/** One log type of Security Center's log analysis (DescribeLogMeta). */
export const logAnalysisItem = z.strictObject({
  /** the dedicated logstore, e.g. aegis-log-login, aegis-log-network */
  logStore: text,
  /** host | security */
  category: text,
  /** enabled | disabled */
  status: text,
});

/**
 * The account's Security Center settings as one site answers them; its id is the site (cn-shanghai |
 * ap-southeast-1). A field is undefined when its call failed (a field gap), and a feature the edition does
 * not include is `not-in-edition` (a list: null) with its name in `notInEdition`.
 */
export const securityCenterSettings = z.strictObject({
  /** the site: cn-shanghai | ap-southeast-1 */
  id: text,
  /** the scanned regions the site serves */
  regions: z.array(text),
  /** anti-virus with automatic blocking and quarantine (DescribeSuspiciousOverallConfig auto_breaking) */
  virusBlocking: featureState.optional(),
  notifications: z.array(noticeConfig).optional(),
  /** the cloud platform configuration assessment may read the other cloud services (DescribeUserBaselineAuthorization Status 1) */
  configAssessmentAuthorized: z.boolean().optional(),
  vulnerabilityScan: z.array(vulnerabilityScanConfig).optional(),
  /** null when the edition has no asset fingerprints */
  fingerprintSchedules: z.array(fingerprintSchedule).nullable().optional(),
  /** null when the edition (or the log analysis add-on) is not there */
  logAnalysis: z.array(logAnalysisItem).nullable().optional(),
  /** the features the site answered FreeVersionNotPermit for: virus-blocking, webshell-scan, asset-fingerprints, log-analysis */
  notInEdition: z.array(text),
});
export type SecurityCenterSettings = z.infer<typeof securityCenterSettings>;
