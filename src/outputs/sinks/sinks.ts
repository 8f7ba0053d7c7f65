// Every sink, in one literal registry: `--sink NAME=URL` accepts exactly these names.
import { UsageError } from '../../errors.js';
import type { Sink, SinkOptions } from './sink.js';
import { createSplunkHecSink } from './splunk-hec.js';
import { createWebhookSink } from './webhook.js';

export const sinks = {
  'splunk-hec': createSplunkHecSink,
  webhook: createWebhookSink,
} as const satisfies Record<string, (url: URL, options?: SinkOptions) => Sink>;

export type SinkName = keyof typeof sinks;

export interface SinkSpec {
  name: SinkName;
  url: URL;
}

const EXAMPLE = 'e.g. --sink splunk-hec=https://splunk.example.com:8088';

function isSinkName(value: string): value is SinkName {
  return Object.hasOwn(sinks, value);
}

/** Parses `NAME=URL`. Errors never echo the URL: it may carry credentials. */
export function parseSinkSpec(spec: string): SinkSpec {
  const separator = spec.indexOf('=');
  if (separator <= 0) throw new UsageError(`--sink expects NAME=URL (${EXAMPLE}); known sinks: ${Object.keys(sinks).join(', ')}.`);
  const name = spec.slice(0, separator).trim();
  if (!isSinkName(name)) {
    throw new UsageError(`--sink: unknown sink "${name}"; known sinks: ${Object.keys(sinks).join(', ')}.`);
  }
  let url: URL;
  try {
    url = new URL(spec.slice(separator + 1).trim());
  } catch {
    throw new UsageError(`--sink ${name}: the URL is not valid (${EXAMPLE}).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--sink ${name}: the URL must be http or https, not ${url.protocol.replace(/:$/, '')}.`);
  }
  if (url.username || url.password) {
    throw new UsageError(`--sink ${name}: do not put credentials in the URL; the token is read from the environment.`);
  }
  return { name, url };
}

export function createSink(spec: SinkSpec, options?: SinkOptions): Sink {
  return sinks[spec.name](spec.url, options);
}
