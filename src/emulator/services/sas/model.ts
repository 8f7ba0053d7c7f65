// Security Center's slice of the account model: the edition bought (account level) and, on each ECS
// instance, the asset Security Center sees with its vulnerabilities.
import { z } from 'zod';
import { resource } from '../../model-fields.js';
import { cloudCenterInstanceTemplate, versionConfigTemplate, vulRecordTemplate } from './shapes.js';

const vulnerabilitySchema = resource(vulRecordTemplate, {
  Name: z.string().min(1),
  Type: z.enum(['cve', 'sys', 'emg', 'cms', 'app']).optional(),
  // 1 unfixed; 7 fixed and 10 ignored count as handled (Dealed=y)
  Status: z.number().int().optional(),
});

/** An instance's `SecurityCenter` field (ECS's instance schema carries it). */
export const securityCenterAssetSchema = resource(
  cloudCenterInstanceTemplate,
  {
    ClientStatus: z.enum(['online', 'offline', 'pause']).optional(),
    // Not a DescribeCloudCenterInstances field: what DescribeVulList reports for this asset.
    Vulnerabilities: z.array(vulnerabilitySchema).default([]),
  },
  ['Vulnerabilities'],
);

const onOff = z.enum(['on', 'off']);

/**
 * The settings Security Center answers for, whatever the edition; the edition decides which of them the API
 * refuses (FreeVersionNotPermit, see account-index.ts). Every field defaults to the console's default: off,
 * not sent, not authorized (the CIS 8.3-8.8 "Default Value" of each setting).
 */
const settingsSchema = z.strictObject({
  $comment: z.string().optional(),
  /** DescribeSuspiciousOverallConfig Type=auto_breaking: Config */
  virusBlocking: onOff.default('off'),
  /** DescribeNoticeConfig Route of each Project named (others answer 0) */
  noticeRoutes: z.record(z.string(), z.number().int().min(0).max(7)).default({}),
  /** DescribeUserBaselineAuthorization Status: 1 authorized */
  configAssessmentAuthorized: z.boolean().default(false),
  /** DescribeVulConfig Config of each scan Type named (others answer off) */
  vulScan: z.partialRecord(z.enum(['cve', 'sys', 'cms', 'app', 'emg']), onOff).default({}),
  /** DescribePropertyScheduleConfig Config (hours) of each Type named (others answer 0, off) */
  fingerprintHours: z.record(z.string(), z.number().int().min(0)).default({}),
  /** DescribeLogMeta Status enabled for the log stores named (others disabled) */
  enabledLogStores: z.array(z.string()).default([]),
  /** the instances the webshell scan (DescribeCommonTargetResultList webshell_timescan) is added to */
  webshellScanInstances: z.array(z.string()).default([]),
});
export type SecurityCenterSettingsModel = z.output<typeof settingsSchema>;

const sasAccount = z.strictObject({
  /** DescribeVersionConfig; null: nothing bought, the Free edition (Version 1) every account has */
  securityCenter: resource(versionConfigTemplate, { Version: z.number().int().optional() }).nullable().default(null),
  securityCenterSettings: settingsSchema.default(settingsSchema.parse({})),
});

/** top-level account model fields for Security Center */
export const sasAccountFields = sasAccount.shape;
export type SasAccountModel = z.output<typeof sasAccount>;
