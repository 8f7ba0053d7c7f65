// Certificate Management Service (cas 2020-04-07): every certificate, issued or uploaded, of each CAS site that
// serves a scanned region. ListUserCertificateOrder with OrderType CERT answers the valid ones (ISSUED and
// WILLEXPIRED) when Status is empty, so the expired ones are a second listing with Status EXPIRED (the Status
// parameter of ListUserCertificateOrderRequest, node_modules/@alicloud/cas20200407/dist/client.d.ts, and
// https://help.aliyun.com/document_detail/455804.html).
import type * as CasSdk from '@alicloud/cas20200407';
import { optional, sdkListing, type CollectorContext } from '../context.js';
import { withEndpointRegion } from '../endpoint-region.js';
import { listUnlessNotActivated } from '../not-activated.js';
import type { CasCertificate } from './records.js';
import { $Cas } from './sdk.js';

type Item = CasSdk.ListUserCertificateOrderResponseBodyCertificateOrderList;

// cas_2020-04-07.api-docs.json `endpoints`: the regions with an endpoint of their own; cn-hangzhou's is
// cas.aliyuncs.com, which the SDK's endpointMap also gives the mainland regions that have none
const OWN_ENDPOINT = new Set(['cn-hangzhou', 'cn-hongkong', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-5', 'eu-central-1', 'ap-south-1', 'me-east-1']);
const CENTRAL_SITE = 'cn-hangzhou';
// ShowSize: "Default value: 50" and no maximum documented (ListUserCertificateOrderRequest): pages of 50
const PAGE_SIZE = 50;
/** the two listings that together give every certificate: the valid ones (Status empty) and the expired ones */
const STATUSES = [undefined, 'EXPIRED'] as const;

/** The CAS site (endpoint region) that holds the certificates of `region`. */
export const casSiteOf = (region: string): string => (OWN_ENDPOINT.has(region) ? region : CENTRAL_SITE);

export async function collectCas(ctx: CollectorContext): Promise<void> {
  const sites = [...new Set(ctx.regions.map(casSiteOf))].sort();
  await Promise.all(
    sites.map(async (site) => {
      const client = ctx.clients.sdk('cas', site, (config) => new $Cas.default(withEndpointRegion(config, site)));
      const lists = await Promise.all(
        STATUSES.map((status) =>
          listUnlessNotActivated<Item>(ctx, {
            site: { service: 'cas', region: site, action: 'ListUserCertificateOrder' },
            affects: ['cas.certificate'],
            ...sdkListing({
              paging: { style: 'pageNumber', cap: PAGE_SIZE },
              page: ({ pageNumber, pageSize }) =>
                client.listUserCertificateOrderWithOptions(
                  new $Cas.ListUserCertificateOrderRequest({ orderType: 'CERT', status, currentPage: pageNumber, showSize: pageSize }),
                  ctx.runtime,
                ),
              items: (body: CasSdk.ListUserCertificateOrderResponseBody) => body.certificateOrderList,
            }),
          }),
        ),
      );
      if (lists.some((list) => list === undefined)) return;
      ctx.inventory.add('cas.certificate', lists.flatMap((list) => list!.map((item) => normalize(item, site))));
    }),
  );
}

/** StartDate / EndDate are days (2022-11-17): the start of the day, the earliest moment they can mean. */
const dayStart = (day: string | undefined): string | null => {
  const value = optional(day);
  return value === null ? null : new Date(`${value.slice(0, 10)}T00:00:00Z`).toISOString();
};

function normalize(item: Item, site: string): CasCertificate {
  return {
    id: String(item.certificateId ?? ''),
    region: site,
    name: item.name ?? '',
    commonName: item.commonName ?? '',
    domains: (item.sans ?? '').split(',').map((name) => name.trim()).filter((name) => name !== ''),
    issuer: item.issuer ?? '',
    uploaded: item.upload === true,
    fingerprint: item.fingerprint ?? '',
    validFrom: dayStart(item.startDate),
    expiresAt: dayStart(item.endDate),
    expired: item.expired === true,
  };
}
