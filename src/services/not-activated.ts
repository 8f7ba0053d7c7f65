// A listing of a product the account may never have activated (ALB, Certificate Management Service): "not
// activated" is the fact that the account has none, not a gap. Denied, throttled or malformed answers are gaps.
import { ApiError, type GapKind } from '../cloud/api-error.js';
import { paginate } from '../cloud/paginate.js';
import { toGap, type CollectorContext, type ListSpec } from './context.js';

const NOT_ACTIVATED: GapKind = 'not-activated';

/** Every item; [] when the product is not activated (api-error.ts kind `not-activated`); undefined on a gap. */
export async function listUnlessNotActivated<T>(ctx: CollectorContext, spec: ListSpec<T>): Promise<T[] | undefined> {
  try {
    return await paginate(ctx.caller, spec.site, spec.paging, spec.fetch);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.kind === NOT_ACTIVATED) {
      ctx.logger.info({ action: spec.site.action, region: spec.site.region, code: error.apiCode }, 'not activated: none');
      return [];
    }
    ctx.inventory.addGap(toGap(error, spec));
    ctx.logger.warn({ action: spec.site.action, region: spec.site.region, code: error.apiCode, kind: error.kind }, error.message);
    return undefined;
  }
}
