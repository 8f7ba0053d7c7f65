// Templates for Security Center (sas 2018-12-03) response items. The reference has no response schema for
// sas: the fields are those of the official SDK models (aliyun/alibabacloud-typescript-sdk, sas-20181203
// src/models/DescribeVersionConfigResponseBody.ts, DescribeCloudCenterInstancesResponseBody.ts,
// DescribeVulListResponseBody.ts) and the public API reference. Defaults describe an Advanced edition
// subscription and an ECS instance whose agent is online.
import type { ApiObject, ShapeContext } from '../../fill.js';

/** DescribeVersionConfig (DescribeVersionConfigResponseBody.ts): edition codes 1 Free, 3 Enterprise, 5 Advanced, 6 Anti-virus, 7 Ultimate, 8 multi-version, 10 value-added only. */
export function versionConfigTemplate(): ApiObject {
  return {
    Version: 5,
    HighestVersion: 5,
    MergedVersion: 5,
    MultiVersion: '',
    IsNewMultiVersion: false,
    IsNewContainerVersion: false,
    InstanceBuyType: 0,
    AllowPartialBuy: 1,
    // pay-as-you-go: PostPayStatus 1 normal, 2 suspended for an overdue payment
    IsPostpay: false,
    PostPayHostVersion: 0,
    PostPayStatus: 0,
    PostPayInstanceId: '',
    PostPayOpenTime: 0,
    PostPayModuleSwitch: '',
    CanTryPostPaidPackage: 0,
    InstanceId: 'sas-emu0001',
    AssetLevel: 30,
    VmCores: 0,
    OpenTime: 1767600000000,
    ReleaseTime: 1830672000000,
    IsTrialVersion: 0,
    TrialVersion: 0,
    LastTrailEndTime: 0,
    IsOverBalance: false,
    MVAuthCount: 0,
    MVUnusedAuthCount: 0,
    SasLog: 0,
    SasScreen: 0,
    WebLock: 0,
    WebLockAuthCount: 0,
    AppWhiteList: 0,
    AppWhiteListAuthCount: 0,
    UserDefinedAlarms: 0,
    HoneypotCapacity: 0,
    ImageScanCapacity: 0,
    SlsCapacity: 0,
    RaspCapacity: 0,
    VulFixCapacity: 0,
  };
}

/** What an account that bought nothing answers: the Free edition (Version 1), no instance, nothing to expire. */
export function freeVersionConfig(): ApiObject {
  return {
    ...versionConfigTemplate(),
    Version: 1,
    HighestVersion: 1,
    MergedVersion: 1,
    InstanceId: '',
    AssetLevel: 0,
    OpenTime: 0,
    ReleaseTime: 0,
  };
}

/** Fields: DescribeCloudCenterInstancesResponseBody.ts DescribeCloudCenterInstancesResponseBodyInstances. */
export function cloudCenterInstanceTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    Uuid: '',
    InstanceId: '',
    InstanceName: '',
    RegionId: regionId,
    Region: regionId,
    RegionName: regionId,
    VpcInstanceId: '',
    InternetIp: '',
    IntranetIp: '',
    Ip: '',
    IpListString: '',
    MacListString: '',
    Os: 'linux',
    OsName: '',
    Kernel: '',
    ClientStatus: 'online',
    ClientSubStatus: 'online',
    LastLoginTimestamp: 1794697800000,
    AuthVersion: 5,
    AuthVersionName: 'Advanced edition',
    AuthModifyTime: 1767600000000,
    Bind: true,
    PostPaidFlag: 0,
    AssetType: '0',
    AssetTypeName: 'ECS',
    Status: 'Running',
    Vendor: 0,
    VendorName: 'ALIYUN',
    Flag: 0,
    FlagName: 'ALIYUN',
    VulCount: 0,
    VulStatus: 'NO',
    RiskStatus: 'NO',
    AlarmStatus: 'NO',
    HcStatus: 'NO',
    HealthCheckCount: 0,
    SafeEventCount: 0,
    RiskCount: '',
    Importance: 1,
    GroupId: 0,
    GroupTrace: '',
    Tag: '',
    TagId: '',
    Cores: 2,
    CpuInfo: '',
    Mem: 8192,
    ExposedStatus: 0,
    CreatedTime: 1767600000000,
    HasContainer: 'NO',
    ClusterId: '',
  };
}

/** Fields: DescribeVulListResponseBody.ts DescribeVulListResponseBodyVulRecords. */
export function vulRecordTemplate(): ApiObject {
  return {
    Uuid: '',
    InstanceId: '',
    InstanceName: '',
    InternetIp: '',
    IntranetIp: '',
    RegionId: '',
    Name: '',
    AliasName: '',
    Type: 'cve',
    Necessity: 'asap',
    Status: 1,
    Related: '',
    FirstTs: 1767600000000,
    LastTs: 1794697800000,
    ModifyTs: 1794697800000,
    RepairTs: 0,
    Online: true,
    OsName: '',
    OsVersion: '',
    AuthVersion: '5',
    Bind: true,
    PrimaryId: 0,
    Tag: '',
    RealRisk: true,
    GroupId: 0,
    ResultCode: '',
    ResultMessage: '',
  };
}

/** Fields: DescribeNoticeConfigResponseBody.ts DescribeNoticeConfigResponseBodyNoticeConfigList (Route 0: not sent). */
export function noticeConfigTemplate({ accountId }: ShapeContext): ApiObject {
  return { AliUid: Number(accountId), Project: '', Route: 0, TimeLimit: 0, CurrentPage: 1, Category: '' };
}

/**
 * The notification items DescribeNoticeConfig lists (its Project values in DescribeNoticeConfigResponseBody.ts),
 * each with its Category where the model names one.
 */
export const NOTICE_PROJECTS: Readonly<Record<string, string>> = {
  yundun_security_Weekreport: 'Vul',
  sas_healthcheck: 'Hc',
  sas_suspicious: 'Suspicious',
  yundun_sas_ak_leakage: 'Suspicious',
  yundun_sas_config_alert: 'Cspm',
  yundun_sas_vul_Emergency: 'Vul',
  yundun_webguard_event: 'Suspicious',
  yundun_IP_Blocking: 'Suspicious',
  yundun_sas_anti_virus_config: 'Suspicious',
  sas_vulnerability: 'Vul',
  weeklyreport: '',
  agent: '',
  bruteforcesuccess: 'Suspicious',
  webshell: 'Suspicious',
  suspicious: 'Suspicious',
  remotelogin: 'Suspicious',
};

/** Fields: DescribeVulConfigResponseBody.ts DescribeVulConfigResponseBodyTargetConfigs; its Type values, the scan types first. */
export const VUL_CONFIG_TYPES = ['cve', 'sys', 'cms', 'app', 'emg', 'scanMode', 'imageVulClean', 'yum'] as const;
export function vulConfigTemplate(): ApiObject {
  return { Type: 'cve', Config: 'off', OverAllConfig: 'on' };
}

/** The Type values of DescribePropertyScheduleConfig (DescribePropertyScheduleConfigRequest.ts). */
export const FINGERPRINT_TYPES = [
  'scheduler_port_period',
  'scheduler_process_period',
  'scheduler_account_period',
  'scheduler_software_period',
  'scheduler_cron_period',
  'scheduler_sca_period',
  'scheduler_autorun_period',
  'scheduler_lkm_period',
  'scheduler_sca_proxy_period',
] as const;

/**
 * Fields: DescribeLogMetaResponseBody.ts DescribeLogMetaResponseBodyLogMetaList. The log stores are those the
 * alicloud_threat_detection_log_meta Terraform resource documents (help.aliyun.com/zh/terraform/
 * alicloud-threat-detection-log-meta, log_meta_name); Category host for the aegis-* host logs, security otherwise.
 */
export const LOG_STORES = [
  'aegis-log-client',
  'aegis-log-crack',
  'aegis-log-dns-query',
  'aegis-log-login',
  'aegis-log-network',
  'aegis-log-process',
  'aegis-snapshot-host',
  'aegis-snapshot-port',
  'aegis-snapshot-process',
  'local-dns',
  'sas-log-dns',
  'sas-log-http',
  'sas-log-session',
  'sas-security-log',
] as const;
export function logMetaTemplate(): ApiObject {
  return {
    LogStore: '',
    LogDesc: '',
    Category: 'host',
    Status: 'disabled',
    Project: 'aegis-log',
    Topic: '',
    Ttl: 180,
    HotTtl: -1,
    UserLogStore: '',
    UserProject: '',
    UserRegion: 'cn-shanghai',
  };
}
