// Certificate Management Service 2020-04-07: ListUserCertificateOrder for certificates (OrderType CERT or
// UPLOAD). The site is the endpoint (no RegionId: cas_2020-04-07.api-docs.json); a site the account has no
// region for holds nothing. Envelope: ListUserCertificateOrderResponseBody (CertificateOrderList, CurrentPage,
// ShowSize, TotalCount). Paging: CurrentPage / ShowSize, "Default value: 50" and no documented maximum.
import { ApiError, invalidParameter } from '../../api-error.js';
import { global, type ActionTable } from '../../rpc/action.js';

const DEFAULT_SHOW_SIZE = 50;
// WILLEXPIRED's window is not documented: a month is assumed (the collector does not read the status)
const WILL_EXPIRE_MS = 30 * 24 * 3600 * 1000;

/**
 * What an account that has not activated the service is told. Neither the reference nor the SDK lists the
 * code: this one is an assumption, in the family api-error.ts classifies as not-activated (which is what the
 * collector reads, not the code).
 */
const notActivated = () => new ApiError(403, 'NotOpenService', 'You have not activated the Certificate Management Service.');

export const casActions: ActionTable = {
  ListUserCertificateOrder: global(({ params, account, now }) => {
    if (!account.casActivated) throw notActivated();
    const orderType = params.get('OrderType') ?? 'CPACK';
    const status = params.get('Status');
    const site = account.regions.get(params.get('RegionId') ?? 'cn-hangzhou');
    // orders (CPACK, BUY) are not emulated: none
    const certificates = orderType === 'CERT' || orderType === 'UPLOAD' ? (site?.casCertificates ?? []) : [];
    const statusOf = (notAfter: Date) =>
      notAfter.getTime() <= now.getTime() ? 'EXPIRED' : notAfter.getTime() - now.getTime() <= WILL_EXPIRE_MS ? 'WILLEXPIRED' : 'ISSUED';
    const matching = certificates
      .filter(({ item }) => orderType === 'CERT' || item.Upload === true)
      // no Status: the valid ones, issued and about to expire; an order status (PAYED, CHECKING...) matches none
      .filter(({ notAfter }) => (status === undefined ? statusOf(notAfter) !== 'EXPIRED' : statusOf(notAfter) === status))
      .map(({ item, notAfter }) => ({ ...item, Expired: statusOf(notAfter) === 'EXPIRED' }));
    const current = params.int('CurrentPage') ?? 1;
    const size = params.int('ShowSize') ?? DEFAULT_SHOW_SIZE;
    if (current < 1) throw invalidParameter('CurrentPage', String(current));
    if (size < 1) throw invalidParameter('ShowSize', String(size));
    return {
      CertificateOrderList: matching.slice((current - 1) * size, current * size),
      CurrentPage: current,
      ShowSize: size,
      TotalCount: matching.length,
    };
  }),
};

