// A generic HTTP receiver: NDJSON batches (the `ndjson` format's lines) posted to the URL.
import { ndjsonLineWriter } from '../ndjson.js';
import { createHttpBatchSink } from './http-batch-sink.js';
import type { Sink, SinkOptions } from './sink.js';

/** Optional: sent as `Authorization: Bearer <token>` when set. */
export const WEBHOOK_TOKEN_ENV = 'ALICLOUD_AUDIT_WEBHOOK_TOKEN';

export function createWebhookSink(url: URL, options: SinkOptions = {}): Sink {
  const token = (options.env ?? process.env)[WEBHOOK_TOKEN_ENV];

  return createHttpBatchSink(
    {
      name: 'webhook',
      url,
      headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      encode: (finding, report) => ndjsonLineWriter(report.scan)(finding),
    },
    options,
  );
}
