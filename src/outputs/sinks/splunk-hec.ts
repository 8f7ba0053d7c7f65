// Splunk HTTP Event Collector: OCSF events in HEC's JSON envelope, several per request, to
// /services/collector/event with `Authorization: Splunk <token>`. The envelope `time` is epoch seconds;
// the OCSF `time` inside the event stays in milliseconds.
import { UsageError } from '../../errors.js';
import { lifecycleFor, toOcsfEvent } from '../ocsf.js';
import { createHttpBatchSink } from './http-batch-sink.js';
import type { Sink, SinkOptions } from './sink.js';

/** The HEC token is read from this variable only, so it never sits in shell history or a config file. */
export const SPLUNK_HEC_TOKEN_ENV = 'ALICLOUD_AUDIT_SPLUNK_HEC_TOKEN';
export const SPLUNK_SOURCETYPE = 'alicloud-audit:ocsf:compliance_finding';
const EVENT_PATH = '/services/collector/event';

/** `https://splunk:8088` means the event endpoint; an explicit path is used as given. */
function eventEndpoint(url: URL): URL {
  if (url.pathname !== '/' && url.pathname !== '') return url;
  const endpoint = new URL(url.href);
  endpoint.pathname = EVENT_PATH;
  return endpoint;
}

export function createSplunkHecSink(url: URL, options: SinkOptions = {}): Sink {
  const token = (options.env ?? process.env)[SPLUNK_HEC_TOKEN_ENV];
  if (!token) throw new UsageError(`--sink splunk-hec needs a HEC token: set ${SPLUNK_HEC_TOKEN_ENV}.`);
  return createHttpBatchSink(
    {
      name: 'splunk-hec',
      url: eventEndpoint(url),
      headers: { authorization: `Splunk ${token}`, 'content-type': 'application/json' },
      encode: (finding, report) => {
        const event = toOcsfEvent(finding, report.scan, lifecycleFor(report, finding.id));
        return JSON.stringify({ time: event.time / 1000, source: 'alicloud-audit', sourcetype: SPLUNK_SOURCETYPE, event });
      },
    },
    options,
  );
}
