// IDaaS EIAM (eiam 2021-12-01): the instances of each scanned region that has an EIAM endpoint. What the
// instances enforce at sign-in (MFA, conditional access) is not in ListInstances: not collected here.
import { collectList, forEachRegion, optional, siteOf, type CollectorContext } from '../context.js';
import { callRpc } from '../rpc-call.js';
import type { EiamInstance } from './records.js';

const VERSION = '2021-12-01';
/** eiam_2021-12-01.api-docs.json `endpoints`: eiam.<region>.aliyuncs.com in these regions only */
export const EIAM_REGIONS: ReadonlySet<string> = new Set(['cn-hangzhou', 'cn-hongkong', 'ap-southeast-1', 'eu-central-1']);
/**
 * ListInstances PageNumber / PageSize with TotalCount (SDK model eiam-20211201 ListInstancesResponseBody);
 * no maximum is documented, so the documented example size (API reference api-eiam-2021-12-01-listinstances,
 * PageSize example 20) is asked. A smaller server page costs pages, never items: TotalCount ends the listing.
 */
const PAGE_SIZE = 20;

interface RawInstance {
  InstanceId?: string;
  Status?: string;
  Description?: string;
  CreateTime?: number | string;
  DefaultEndpoint?: { Endpoint?: string };
  ServiceManaged?: boolean | string;
  ManagedServiceCode?: string;
}

const site = siteOf('eiam');

function isoFromMs(value: number | string | undefined): string | null {
  const ms = Number(value);
  return value === undefined || value === '' || !Number.isFinite(ms) || ms <= 0 ? null : new Date(ms).toISOString();
}

export async function collectEiam(ctx: CollectorContext): Promise<void> {
  await forEachRegion(ctx, 'eiam', async (region) => {
    // no EIAM endpoint in the region: IDaaS offers no instance there
    if (!EIAM_REGIONS.has(region)) return;
    await collectList(ctx, {
      type: 'eiam.instance',
      site: site(region, 'ListInstances'),
      paging: { style: 'pageNumber', cap: PAGE_SIZE },
      fetch: async ({ pageNumber, size }) => {
        // RegionId: the endpoint's region, sent as the common parameter (ListInstances lists none of its own)
        const body = await callRpc<{ Instances?: RawInstance[]; TotalCount?: number | string }>(ctx, {
          host: `eiam.${region}.aliyuncs.com`,
          version: VERSION,
          region,
          regionId: region,
          action: 'ListInstances',
          query: { PageNumber: String(pageNumber), PageSize: String(size) },
        });
        return { items: body.Instances ?? [], totalCount: body.TotalCount === undefined ? undefined : Number(body.TotalCount) };
      },
      normalize: (raw): EiamInstance => ({
        id: raw.InstanceId ?? '',
        region,
        status: raw.Status ?? '',
        description: raw.Description ?? '',
        createdAt: isoFromMs(raw.CreateTime),
        endpoint: optional(raw.DefaultEndpoint?.Endpoint),
        serviceManaged: raw.ServiceManaged === true || raw.ServiceManaged === 'true',
        managedServiceCode: optional(raw.ManagedServiceCode),
      }),
    });
  });
}
