// The event classes of CIS Alibaba Cloud Foundations 2.0.0 controls 2.10-2.22 ("log monitoring and alerts are set
// up for ..."), each with the terms an alert query over the ActionTrail logstore must name to watch it, and the one
// evaluator that judges the enabled alert rules' queries (never their names) against a class.
//
// The terms are the benchmark's audit queries: ActionTrail event fields (event.serviceName, event.eventName,
// event.eventType, event.errorCode, event.userIdentity.type, addionalEventData.MFAUsed, spelt as the benchmark and
// ActionTrail spell it) and the event names each control lists, as Prowler's implementation of the same controls
// reads them (prowler-cloud/prowler prowler/providers/alibabacloud/services/sls/sls_*_alert_enabled/*.py, e.g.
// sls_ram_role_changes_alert_enabled.py, sls_cloud_firewall_changes_alert_enabled.py,
// sls_rds_instance_configuration_changes_alert_enabled.py, sls_unauthorized_api_calls_alert_enabled.py).
// A query matches a class when, for every group of terms, it names at least one of them as a whole word.
import { queryReads, type TrailLogstore } from './derived.js';
import type { SlsAlert } from './records.js';

export interface AlertEventClass {
  title: string;
  /** every group must be matched by one of its terms */
  require: readonly (readonly string[])[];
}

const VPC_SERVICE = ['Vpc', 'Ecs'];

export const ALERT_EVENT_CLASSES = {
  'ram-role-changes': {
    title: 'RAM role and policy changes',
    require: [
      ['Ram', 'ResourceManager'],
      ['CreatePolicy', 'CreatePolicyVersion', 'SetDefaultPolicyVersion', 'UpdatePolicyVersion', 'AttachPolicyToRole', 'CreateRole', 'UpdateRole'],
      ['DeletePolicy', 'DeletePolicyVersion', 'DetachPolicyFromRole', 'DeleteRole'],
    ],
  },
  'cloud-firewall-changes': {
    title: 'Cloud Firewall policy changes',
    require: [
      ['Cloudfw'],
      ['CreateVpcFirewallControlPolicy', 'DeleteVpcFirewallControlPolicy', 'ModifyVpcFirewallControlPolicy', 'AddControlPolicy', 'DeleteControlPolicy', 'ModifyControlPolicy'],
    ],
  },
  'vpc-route-changes': {
    title: 'VPC route changes',
    require: [VPC_SERVICE, ['CreateRouteEntry', 'DeleteRouteEntry', 'ModifyRouteEntry', 'AssociateRouteTable', 'UnassociateRouteTable']],
  },
  'vpc-changes': {
    title: 'VPC changes',
    require: [
      VPC_SERVICE,
      ['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'DisableVpcClassicLink', 'EnableVpcClassicLink', 'AssociateVpcCidrBlock', 'UnassociateVpcCidrBlock', 'CreateVSwitch', 'DeleteVSwitch'],
    ],
  },
  'oss-permission-changes': {
    title: 'OSS bucket and object ACL changes',
    require: [['PutBucketAcl', 'PutObjectAcl']],
  },
  'rds-config-changes': {
    title: 'RDS instance configuration changes',
    require: [
      ['Rds'],
      [
        'ModifyHASwitchConfig', 'ModifyDBInstanceHAConfig', 'SwitchDBInstanceHA', 'ModifyDBInstanceSpec', 'MigrateSecurityIPMode',
        'ModifySecurityIps', 'ModifyDBInstanceSSL', 'MigrateToOtherZone', 'UpgradeDBInstanceKernelVersion', 'UpgradeDBInstanceEngineVersion',
        'ModifyDBInstanceMaintainTime', 'ModifyDBInstanceAutoUpgradeMinorVersion', 'AllocateInstancePublicConnection',
        'ModifyDBInstanceConnectionString', 'ModifyDBInstanceNetworkExpireTime', 'ReleaseInstancePublicConnection', 'SwitchDBInstanceNetType',
        'ModifyDBInstanceNetworkType', 'ModifyDTCSecurityIpHostsForSQLServer', 'ModifySecurityGroupConfiguration', 'CreateBackup',
        'ModifyBackupPolicy', 'DeleteBackup', 'CreateDdrInstance', 'ModifyInstanceCrossBackupPolicy',
      ],
    ],
  },
  'unauthorized-api-calls': {
    title: 'unauthorized API calls',
    require: [
      ['ApiCall'],
      ['NoPermission', 'Forbidden', 'Forbbiden', 'InvalidAccessKeyId', 'InvalidSecurityToken', 'SignatureDoesNotMatch', 'InvalidAuthorization', 'AccessForbidden', 'NotAuthorized'],
    ],
  },
  'console-signin-without-mfa': {
    title: 'console sign-ins without MFA',
    require: [['ConsoleSignin'], ['addionalEventData.MFAUsed', 'additionalEventData.MFAUsed']],
  },
  'root-account-usage': {
    title: 'use of the root account',
    require: [['event.userIdentity.type'], ['root-account']],
  },
  'console-authentication-failures': {
    title: 'console authentication failures',
    require: [['ConsoleSignin'], ['event.errorCode', 'event.errorMessage']],
  },
  'cmk-disable-deletion': {
    title: 'disabling or scheduled deletion of customer CMKs',
    require: [['Kms'], ['DisableKey', 'ScheduleKeyDeletion', 'DeleteKeyMaterial']],
  },
  'oss-bucket-policy-changes': {
    title: 'OSS bucket policy changes',
    require: [['PutBucketPolicy'], ['DeleteBucketPolicy']],
  },
  'security-group-changes': {
    title: 'security group changes',
    require: [
      ['Ecs'],
      ['AuthorizeSecurityGroup', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroup', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup', 'ModifySecurityGroupRule', 'ModifySecurityGroupPolicy'],
    ],
  },
} as const satisfies Record<string, AlertEventClass>;

export type AlertEventClassId = keyof typeof ALERT_EVENT_CLASSES;
export const ALERT_EVENT_CLASS_IDS = Object.keys(ALERT_EVENT_CLASSES) as [AlertEventClassId, ...AlertEventClassId[]];

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const named = (query: string, term: string) => new RegExp(`(?<![\\w.-])${escape(term)}(?![\\w-])`, 'i').test(query);

/** The terms that make `query` match the class (one per group), or undefined when some group has none. */
export function matchedTerms(query: string, eventClass: AlertEventClass): string[] | undefined {
  const terms = eventClass.require.map((group) => group.find((term) => named(query, term)));
  return terms.every((term) => term !== undefined) ? (terms as string[]) : undefined;
}

export interface AlertCoverage {
  covered: boolean;
  evidence: string;
}

/** Does an enabled alert rule have a query over a trail's logstore that watches the class? */
export function alertCoverage(targets: readonly TrailLogstore[], id: AlertEventClassId): AlertCoverage {
  const eventClass = ALERT_EVENT_CLASSES[id];
  if (targets.length === 0) return { covered: false, evidence: 'no ActionTrail trail delivers to Log Service' };
  const matching = (alert: SlsAlert, target: TrailLogstore) =>
    alert.queries.filter((query) => queryReads(query, target)).map((query) => matchedTerms(query.query, eventClass)).find(Boolean);
  const notes: string[] = [];
  for (const target of targets) {
    const where = `${target.project}/${target.logstore} (${target.region}, trail ${target.trail})`;
    if (target.record === null) {
      notes.push(`the trail's logstore ${where} does not exist`);
      continue;
    }
    const found = target.alerts.filter((alert) => matching(alert, target));
    const enabled = found.find((alert) => alert.enabled);
    if (enabled) {
      return { covered: true, evidence: `alert ${enabled.id} watches ${eventClass.title} in ${where} (its query names ${matching(enabled, target)!.join(', ')})` };
    }
    const disabled = found.map((alert) => `${alert.id} (${alert.status})`);
    notes.push(
      `no enabled alert over ${where} has a query for ${eventClass.title}` +
        (disabled.length > 0 ? `; matching but not enabled: ${disabled.join(', ')}` : ''),
    );
  }
  return { covered: false, evidence: notes.join('; ') };
}
