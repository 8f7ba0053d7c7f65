// The SDKs' HTTP layer (httpx, under @darabonba/typescript) arms a read timer on the socket for every request
// and clears it only in its own body reader; the SDKs read bodies with @darabonba's reader instead, so each
// timer stays armed for the whole read timeout (30 s) after its answer, holding the request, the response and
// their buffers: at a few hundred calls a second that is every call of a scan, tens of megabytes. Once a
// response's body is fully read (or it fails) its timer has nothing left to guard: clear it then.
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { finished } from 'node:stream';

/** httpx's key on the socket: `Symbol('TIMER::READ_TIMER')` (httpx lib/index.js), not exported */
const READ_TIMER = 'TIMER::READ_TIMER';

function readTimerOf(request: ClientRequest): NodeJS.Timeout | undefined {
  const socket = request.socket as unknown as Record<symbol, unknown> | null;
  if (!socket) return undefined;
  const key = Object.getOwnPropertySymbols(socket).find((symbol) => symbol.description === READ_TIMER);
  const timer = key === undefined ? undefined : socket[key];
  return timer && typeof timer === 'object' ? (timer as NodeJS.Timeout) : undefined;
}

let installed = false;

/** Clear each SDK request's read timer once its response ends; installed once per process. */
export function releaseReadTimers(): void {
  if (installed) return;
  installed = true;
  // published when a response's head arrives, after httpx armed the timer of this request on its socket
  subscribe('http.client.response.finish', (message) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    const timer = readTimerOf(request);
    if (timer) finished(response, () => clearTimeout(timer));
  });
}
