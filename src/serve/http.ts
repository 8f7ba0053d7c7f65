// The service's HTTP endpoints: GET /healthz (JSON; 200 healthy, 503 stale) and GET /metrics (Prometheus text).
// Binds loopback unless told otherwise: the metrics describe the account's security posture.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../errors.js';
import type { HealthReport } from './health.js';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus-text.js';

export const DEFAULT_HTTP_HOST = '127.0.0.1';
export const DEFAULT_HTTP_PORT = 9464;

export interface ServiceEndpoints {
  health(): HealthReport;
  metrics(): string;
}

export interface ServiceHttpOptions {
  host?: string;
  /** 0 picks a free port */
  port?: number;
}

export interface ServiceHttp {
  url: string;
  close(): Promise<void>;
}

function handler(endpoints: ServiceEndpoints) {
  return (request: { method?: string; url?: string }, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/healthz' && path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    if (path === '/healthz') {
      const health = endpoints.health();
      response
        .writeHead(health.healthy ? 200 : 503, { 'content-type': 'application/json' })
        .end(`${JSON.stringify(health.body)}\n`);
      return;
    }
    response.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE }).end(endpoints.metrics());
  };
}

export async function startServiceHttp(endpoints: ServiceEndpoints, options: ServiceHttpOptions = {}): Promise<ServiceHttp> {
  const host = options.host ?? DEFAULT_HTTP_HOST;
  const port = options.port ?? DEFAULT_HTTP_PORT;
  const server: Server = createServer(handler(endpoints));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause: Error) => reject(new UsageError(`cannot listen on ${host}:${port}: ${cause.message}`, { cause })));
    server.listen(port, host, () => resolve());
  });
  // port 0 binds a free one: the URL names the port bound
  const bound = server.address() as AddressInfo;
  return {
    url: `http://${bound.address.includes(':') ? `[${bound.address}]` : bound.address}:${bound.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
