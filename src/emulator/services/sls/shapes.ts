// Templates for Log Service (sls 2020-12-30) response items. The reference's metadata has request schemas only
// for SLS: the fields are those of the official SDK models (@alicloud/sls20201230 5.9.0 dist/models/, the
// same classes as aliyun/alibabacloud-typescript-sdk sls-20201230/src/models/). Defaults describe a standard
// project, a 30-day logstore and an enabled alert rule of the Alert 2.0 format.
import type { ApiObject, ShapeContext } from '../../fill.js';

/** Fields: Project.ts (all 12 of its fields; ListProjectResponseBody.projects[]). */
export function projectTemplate({ accountId, regionId }: ShapeContext): ApiObject {
  return {
    projectName: '',
    description: '',
    status: 'Normal',
    owner: accountId,
    region: regionId,
    location: '',
    createTime: '1735689600',
    lastModifyTime: '1735689600',
    resourceGroupId: 'rg-acfm-default',
    dataRedundancyType: 'LRS',
    recycleBinEnabled: false,
    quota: {},
  };
}

/** Fields: Logstore.ts (GetLogStoreResponse.body; ListLogStoresResponseBody.logstores[] holds only the names). */
export function logstoreTemplate(): ApiObject {
  return {
    logstoreName: '',
    ttl: 30,
    hotTtl: 30,
    infrequentAccessTTL: 0,
    shardCount: 2,
    autoSplit: true,
    maxSplitShard: 64,
    enableTracking: false,
    appendMeta: true,
    mode: 'standard',
    telemetryType: 'None',
    productType: '',
    processorId: '',
    createTime: 1735689600,
    lastModifyTime: 1735689600,
  };
}

/** Fields: AlertQuery.ts (AlertConfiguration.queryList[]). */
export function alertQueryTemplate(): ApiObject {
  return {
    chartTitle: '',
    dashboardId: '',
    query: '',
    region: '',
    project: '',
    store: '',
    storeType: 'log',
    roleArn: '',
    timeSpanType: 'Relative',
    start: '-15m',
    end: 'now',
    powerSqlMode: 'auto',
    ui: '',
  };
}

/**
 * Fields: Alert.ts (ListAlertsResponseBody.results[]), its configuration (AlertConfiguration.ts: the fields
 * an Alert 2.0 rule sets) and schedule (Schedule.ts).
 */
export function alertTemplate(): ApiObject {
  return {
    name: '',
    displayName: '',
    description: '',
    status: 'ENABLED',
    createTime: 1735689600,
    lastModifiedTime: 1735689600,
    configuration: {
      version: '2.0',
      type: 'default',
      queryList: [],
      threshold: 1,
      noDataFire: false,
      noDataSeverity: 6,
      sendResolved: false,
      autoAnnotation: false,
      dashboard: 'internal-alert-analysis',
      muteUntil: 0,
      annotations: [],
      labels: [],
      tags: [],
      joinConfigurations: [],
      severityConfigurations: [{ severity: 6, evalCondition: { condition: '', countCondition: '' } }],
      conditionConfiguration: { condition: '', countCondition: '' },
      groupConfiguration: { type: 'no_group', fields: [] },
      policyConfiguration: { alertPolicyId: 'sls.builtin.dynamic', actionPolicyId: '', repeatInterval: '1h', useDefault: false },
    },
    schedule: { type: 'FixedRate', interval: '15m', cronExpression: '', delay: 0, runImmediately: false, timeZone: '' },
  };
}
