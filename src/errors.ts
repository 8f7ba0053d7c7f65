// Error classes with stable codes. Only the CLI entry point maps them to exit codes.

export type AuditErrorCode =
  | 'AUDIT_USAGE'
  | 'AUDIT_CONFIG'
  | 'AUDIT_CREDENTIALS'
  | 'AUDIT_ENDPOINT'
  | 'AUDIT_SNAPSHOT'
  | 'AUDIT_API'
  | 'AUDIT_OUTPUT'
  | 'AUDIT_INTERNAL';

export class AuditError extends Error {
  readonly code: AuditErrorCode;

  constructor(code: AuditErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A flag, argument or option value that cannot be used. */
export class UsageError extends AuditError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('AUDIT_USAGE', message, options);
  }
}

/** A file the user gave us (config, snapshot, mutelist) that is malformed; rule files fail with RuleLoadError. */
export class InputFileError extends AuditError {
  readonly file: string;
  readonly line: number | undefined;

  constructor(
    code: 'AUDIT_CONFIG' | 'AUDIT_SNAPSHOT',
    file: string,
    line: number | undefined,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(code, `${file}${line === undefined ? '' : `:${line}`}: ${reason}`, options);
    this.file = file;
    this.line = line;
  }
}

export class CredentialsError extends AuditError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('AUDIT_CREDENTIALS', message, options);
  }
}

export class EndpointError extends AuditError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('AUDIT_ENDPOINT', message, options);
  }
}

export class OutputError extends AuditError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('AUDIT_OUTPUT', message, options);
  }
}
