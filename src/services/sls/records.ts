// Log Service records: the zod schema is the only definition; the TypeScript type is inferred from it.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

/** GetSlsService (ServiceStatus.ts): whether the account has activated Log Service; one record for the account. */
export const slsService = z.strictObject({
  id: text,
  /** the endpoint asked: GetSlsService answers only in cn-shanghai and ap-southeast-1 */
  region: text,
  enabled: z.boolean(),
  /** Opened | NotExist | Opening | Closed (ServiceStatus.ts status) */
  status: text,
});
export type SlsService = z.infer<typeof slsService>;

/** ListProject projects[] (Project.ts). */
export const slsProject = z.strictObject({
  /** the project name, unique across Alibaba Cloud */
  id: text,
  region: text,
  description: text,
  /** Normal | Disable */
  status: text,
});
export type SlsProject = z.infer<typeof slsProject>;

/** ListLogStores names, each read with GetLogStore (Logstore.ts). */
export const slsLogstore = z.strictObject({
  /** `<project>/<logstore>` */
  id: text,
  region: text,
  project: text,
  name: text,
  /** days the data is kept, 1-3650; 3650 keeps it permanently (Logstore.ts ttl; CreateLogStore: "If you set this parameter to 3650, data is permanently stored") */
  ttl: z.number().int().optional(),
  /** days in hot storage before the infrequent-access tier (Logstore.ts hotTtl); null when not set */
  hotTtl: z.number().int().nullable().optional(),
});
export type SlsLogstore = z.infer<typeof slsLogstore>;

/** One query of an alert rule (AlertQuery.ts): what it searches and where. */
export const slsAlertQuery = z.strictObject({
  query: text,
  /** the logstore (or metricstore) read */
  store: text,
  /** log | metric | meta */
  storeType: text,
  /** the project and region of the store: the alert's own when the query names none */
  project: text,
  region: text,
});
export type SlsAlertQuery = z.infer<typeof slsAlertQuery>;

/** ListAlerts results[] (Alert.ts, AlertConfiguration.ts queryList, Schedule.ts). */
export const slsAlert = z.strictObject({
  /** `<project>/<alert name>` */
  id: text,
  region: text,
  project: text,
  name: text,
  displayName: text,
  /** ENABLED | DISABLED (Alert.ts status) */
  status: text,
  enabled: z.boolean(),
  queries: z.array(slsAlertQuery),
  /** FixedRate (interval) | Cron (cronExpression) | ... (Schedule.ts type) */
  schedule: z.strictObject({ type: text, interval: nullableText, cronExpression: nullableText }).nullable(),
});
export type SlsAlert = z.infer<typeof slsAlert>;
