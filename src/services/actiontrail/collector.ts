// ActionTrail: trails (home, shadow and organization trails) and their logging status. There is no SDK
// package for ActionTrail, so it goes through openapi-core's generic callApi (rpc-call.ts).
import { callOrGap, forEachRegion, listOrGap, optional, siteOf, type CollectorContext } from '../context.js';
import { callRpc } from '../rpc-call.js';
import type { Trail } from './records.js';

const VERSION = '2020-07-06';
const site = siteOf('actiontrail');

interface RawTrail {
  Name?: string;
  HomeRegion?: string;
  TrailRegion?: string;
  EventRW?: string;
  Status?: string;
  IsOrganizationTrail?: boolean | string;
  OssBucketName?: string;
  SlsProjectArn?: string;
  TrailArn?: string;
}

interface RawTrailStatus {
  IsLogging?: boolean | string;
  LatestDeliveryTime?: string;
  LatestDeliveryError?: string;
}

// actiontrail_2020-07-06.api-docs.json `endpoints`: actiontrail.<region>.aliyuncs.com for the regions scanned
const callActionTrail = <T>(ctx: CollectorContext, region: string, action: string, query: Record<string, string>) =>
  callRpc<T>(ctx, { host: `actiontrail.${region}.aliyuncs.com`, version: VERSION, region, regionId: region, action, query });

const bool = (value: boolean | string | undefined) => value === true || value === 'true';

export async function collectActionTrail(ctx: CollectorContext): Promise<void> {
  // every region's listing, shadows included, so a multi-region trail is seen whichever regions are scanned
  const byKey = new Map<string, Omit<Trail, 'logging'>>();
  await forEachRegion(ctx, 'actiontrail', async (region) => {
    const trails = await listOrGap(ctx, {
      site: site(region, 'DescribeTrails'),
      affects: ['actiontrail.trail'],
      paging: { style: 'none' },
      fetch: async () => {
        const body = await callActionTrail<{ TrailList?: RawTrail[] }>(ctx, region, 'DescribeTrails', {
          IncludeShadowTrails: 'true',
          IncludeOrganizationTrail: 'true',
        });
        return { items: body.TrailList ?? [] };
      },
    });
    for (const raw of trails ?? []) {
      const homeRegion = raw.HomeRegion ?? region;
      const trail: Omit<Trail, 'logging'> = {
        id: raw.Name ?? '',
        region: homeRegion,
        homeRegion,
        trailRegion: raw.TrailRegion ?? '',
        eventRW: raw.EventRW ?? '',
        status: raw.Status ?? '',
        isOrganizationTrail: bool(raw.IsOrganizationTrail),
        isShadowTrail: homeRegion !== region,
        ossBucketName: optional(raw.OssBucketName),
        slsProjectArn: optional(raw.SlsProjectArn),
        arn: optional(raw.TrailArn),
      };
      const key = `${homeRegion}/${trail.id}`;
      const known = byKey.get(key);
      if (!known || (known.isShadowTrail && !trail.isShadowTrail)) byKey.set(key, trail);
    }
  });
  const trails = await Promise.all(
    [...byKey.values()].map(async (trail): Promise<Trail> => {
      const status = await callOrGap(
        ctx,
        {
          site: site(trail.homeRegion, 'GetTrailStatus'),
          affects: ['actiontrail.trail'],
          resourceId: trail.id,
          fields: ['logging'],
          absentWhen: ['TrailNotFoundException'],
        },
        () =>
          callActionTrail<RawTrailStatus>(ctx, trail.homeRegion, 'GetTrailStatus', {
            Name: trail.id,
            ...(trail.isOrganizationTrail ? { IsOrganizationTrail: 'true' } : {}),
          }),
      );
      return {
        ...trail,
        ...(status === undefined
          ? {}
          : {
              logging:
                status === null
                  ? null
                  : {
                      isLogging: bool(status.IsLogging),
                      latestDeliveryTime: optional(status.LatestDeliveryTime),
                      latestDeliveryError: optional(status.LatestDeliveryError),
                    },
            }),
      };
    }),
  );
  ctx.inventory.add('actiontrail.trail', trails);
}
