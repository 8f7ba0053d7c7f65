// Templates for ActionTrail 2020-07-06 response items, with every field of the official response examples.
import type { ApiObject } from '../../fill.js';

/** Fields: response-examples/actiontrail_2020-07-06/DescribeTrails.json TrailList[]. */
export function trailTemplate(): ApiObject {
  return {
    TrailRegion: 'All',
    Status: 'Enable',
    UpdateTime: '2026-01-05T08:00:00Z',
    HomeRegion: '',
    CreateTime: '2026-01-05T08:00:00Z',
    OssKeyPrefix: '',
    EventRW: 'Write',
    StartLoggingTime: '2026-01-05T08:00:00Z',
    OssWriteRoleArn: '',
    SlsProjectArn: '',
    IsOrganizationTrail: false,
    SlsWriteRoleArn: '',
    StopLoggingTime: '',
    Name: '',
    OssBucketName: '',
    Region: '',
    OrganizationId: '',
    OssBucketLocation: '',
    TrailArn: '',
    MaxComputeWriteRoleArn: '',
    MaxComputeProjectArn: '',
  };
}

/** Fields: response-examples/actiontrail_2020-07-06/GetTrailStatus.json. */
export function trailStatusTemplate(): ApiObject {
  return {
    StartLoggingTime: '2026-01-05T08:00:00Z',
    LatestDeliveryError: '',
    StopLoggingTime: '',
    IsLogging: true,
    LatestDeliveryTime: '2026-11-01T00:00:00Z',
    LatestDeliveryLogServiceError: '',
    LatestDeliveryLogServiceTime: '2026-11-01T00:00:00Z',
    OssBucketStatus: true,
    SlsLogStoreStatus: true,
  };
}

/** Fields: response-examples/actiontrail_2020-07-06/DescribeRegions.json Regions.Region[]. */
export function actionTrailRegionItem(regionId: string, localName: string): ApiObject {
  return { RegionId: regionId, RegionEndpoint: `actiontrail.${regionId}.aliyuncs.com`, LocalName: localName };
}
