// Logs are JSON lines on stderr (stdout carries data only). Every string argument passes the redactor.
import { pino, type Logger } from 'pino';
import type { Redactor } from './cloud/redact.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createLogger(level: LogLevel, redactor: Redactor, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { name: 'alicloud-audit' },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((arg: unknown) =>
            typeof arg === 'string' ? redactor.text(arg) : arg instanceof Error ? redactor.text(arg.message) : arg,
          );
          method.apply(this, redacted as Parameters<typeof method>);
        },
      },
      formatters: {
        log: (object) => JSON.parse(redactor.text(JSON.stringify(object))) as Record<string, unknown>,
      },
    },
    destination as pino.DestinationStream,
  );
}
