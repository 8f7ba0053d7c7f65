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

const sasAccount = z.strictObject({
  /** DescribeVersionConfig; null: nothing bought, the Free edition (Version 1) every account has */
  securityCenter: resource(versionConfigTemplate, { Version: z.number().int().optional() }).nullable().default(null),
});

/** top-level account model fields for Security Center */
export const sasAccountFields = sasAccount.shape;
export type SasAccountModel = z.output<typeof sasAccount>;
