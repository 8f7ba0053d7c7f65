// The one place errors become exit codes and messages (commander's own usage errors aside: src/cli/program.ts). Usage and input problems exit 2; a scan that could
// not run exits 4; anything unexpected is a bug and says so.
import { ApiError } from '../cloud/api-error.js';
import { RuleExamplesFailedError, RuleLoadError, RuleNotFoundError, RuleParamError } from '../engine/errors.js';
import { AuditError } from '../errors.js';
import { EXIT_CODES } from '../findings/exit-status.js';

export const EXIT_SCAN_FAILED = 4;

/** Errors that are the user's input: a rule file, a rule parameter, an id. */
const INPUT_ERRORS = [RuleLoadError, RuleParamError, RuleNotFoundError] as const;

export function exitCodeForError(error: unknown): number {
  if (error instanceof RuleExamplesFailedError) return EXIT_CODES.failing;
  if (INPUT_ERRORS.some((type) => error instanceof type)) return EXIT_CODES.badInput;
  if (error instanceof ApiError) return EXIT_SCAN_FAILED;
  if (error instanceof AuditError) return error.code === 'AUDIT_INTERNAL' ? EXIT_SCAN_FAILED : EXIT_CODES.badInput;
  return EXIT_SCAN_FAILED;
}

export function messageForError(error: unknown): string {
  // the calls a scan makes before any collector (STS's credential check, ECS's region listing) are authorized
  // under their product's own RAM namespace
  if (error instanceof ApiError) {
    return `alicloud-audit: the scan could not run: ${error.message} (the caller needs ${error.site.service}:${error.site.action})`;
  }
  if (error instanceof AuditError || error instanceof RuleExamplesFailedError || INPUT_ERRORS.some((type) => error instanceof type)) {
    return `alicloud-audit: ${(error as Error).message}`;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `alicloud-audit: internal error, please report it with this text:\n${detail}`;
}
