// The SDK clients' timeouts, in a module of their own: the config schema needs the defaults, not the SDKs.
export interface ClientTimeouts {
  connectMs: number;
  readMs: number;
}

export const DEFAULT_TIMEOUTS: ClientTimeouts = { connectMs: 10_000, readMs: 30_000 };
