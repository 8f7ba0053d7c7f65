// Security Center (sas 2018-12-03). Each site answers for the whole account (none of these actions takes a
// RegionId: sas_2018-12-03.api-docs.json lists none for DescribeVersionConfig and DescribeVulList, and
// DescribeCloudCenterInstances' is deprecated), so the emulator, which ignores the Host, needs no site.
// Envelopes: the SDK models named in ./shapes.ts (PageInfo, VulRecords, Instances).
import type { SecurityCenterIndex } from './account-index.js';
import { ApiError, invalidParameter } from '../../api-error.js';
import { paginate } from '../../paging.js';
import type { ApiObject } from '../../fill.js';
import { global, type ActionContext, type ActionTable } from '../../rpc/action.js';

const PAGING = { style: 'current-page-or-next-token', max: 100 } as const;
/** DescribeVulList Status codes that count as handled (Dealed=y): fixed, ignored */
const HANDLED_STATUSES = new Set([7, 10]);

/**
 * What Security Center answers for a feature the edition does not include: FreeVersionNotPermit (the code
 * aliyun's sas agent skills document for the Free edition; the HTTP status is not documented: 400 assumed).
 */
const notInEdition = () => new ApiError(400, 'FreeVersionNotPermit', 'The current edition of Security Center does not support this feature.');
const orNotInEdition = <T>(answer: T | null): T => {
  if (answer === null) throw notInEdition();
  return answer;
};
/** the Type values of DescribeSuspiciousOverallConfig (DescribeSuspiciousOverallConfigResponseBody.ts OverallConfig.Type) */
const SUSPICIOUS_TYPES = ['auto_breaking', 'ransomware_breaking', 'webshell_cloud_breaking', 'alinet', 'k8s_log_analysis', 'alisecguard'];

const securityCenter = (handle: (context: ActionContext, securityCenter: SecurityCenterIndex) => ApiObject) =>
  global((context) => handle(context, context.account.securityCenter));

export const sasActions: ActionTable = {
  DescribeVersionConfig: securityCenter((_context, { versionConfig }) => versionConfig),

  DescribeCloudCenterInstances: securityCenter(({ params }, { assets }) => {
    const machineTypes = params.get('MachineTypes');
    if (machineTypes !== undefined && !['ecs', 'cloud_product', 'eci', 'rund', 'runc'].includes(machineTypes)) {
      throw invalidParameter('MachineTypes', machineTypes);
    }
    // every emulated asset is an ECS instance
    const items = machineTypes === undefined || machineTypes === 'ecs' ? assets : [];
    const { items: instances, fields } = paginate(items, params, { ...PAGING, default: 20 });
    return { Success: true, Instances: instances, PageInfo: fields };
  }),

  DescribeVulList: securityCenter(({ params }, { vulnerabilities }) => {
    const type = params.required('Type');
    const dealed = params.get('Dealed');
    if (dealed !== undefined && dealed !== 'y' && dealed !== 'n') throw invalidParameter('Dealed', dealed);
    const uuids = params.get('Uuids')?.split(',').map((uuid) => uuid.trim());
    const items = vulnerabilities.filter(
      (record) =>
        record.Type === type &&
        (uuids === undefined || uuids.includes(record.Uuid as string)) &&
        (dealed === undefined || HANDLED_STATUSES.has(record.Status as number) === (dealed === 'y')),
    );
    const { items: records, fields } = paginate(items, params, { ...PAGING, default: 10 });
    return { ...fields, VulRecords: records };
  }),

  // Envelopes: the SDK models named in ./shapes.ts (OverallConfig, TargetConfig, NoticeConfigList,
  // UserBaselineAuthorization, TargetConfigs, Config, LogMetaList); none of these actions pages.
  DescribeSuspiciousOverallConfig: securityCenter(({ params }, { settings }) => {
    const type = params.required('Type');
    if (!SUSPICIOUS_TYPES.includes(type)) throw invalidParameter('Type', type);
    // only the anti-virus switch is modelled; the other proactive defences answer off
    return { OverallConfig: type === 'auto_breaking' ? orNotInEdition(settings.virusBlocking) : { Type: type, Config: 'off' } };
  }),

  DescribeCommonTargetResultList: securityCenter(({ params }, { settings }) => {
    const type = params.required('Type');
    if (type !== 'webshell_timescan') throw invalidParameter('Type', type);
    return { TargetConfig: orNotInEdition(settings.webshellScan) };
  }),

  DescribeNoticeConfig: securityCenter((_context, { settings }) => ({ NoticeConfigList: settings.notices })),

  DescribeUserBaselineAuthorization: securityCenter((_context, { settings }) => ({ UserBaselineAuthorization: settings.baselineAuthorization })),

  DescribeVulConfig: securityCenter(({ params }, { settings }) => {
    const type = params.get('Type');
    const configs = settings.vulConfigs.filter((config) => type === undefined || config.Type === type);
    return { TargetConfigs: configs, TotalCount: configs.length };
  }),

  DescribePropertyScheduleConfig: securityCenter(({ params }, { settings }) => {
    const type = params.required('Type');
    const hours = orNotInEdition(settings.fingerprintHours);
    const config = hours[type];
    if (config === undefined) throw invalidParameter('Type', type);
    return { Config: config };
  }),

  DescribeLogMeta: securityCenter((_context, { settings }) => {
    const logMeta = orNotInEdition(settings.logMeta);
    return { LogMetaList: logMeta, TotalCount: logMeta.length };
  }),
};
