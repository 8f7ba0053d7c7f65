// Typed errors of the rule engine. Each has a stable `code`; the CLI entry point maps codes to exit codes.

export type RuleLoadErrorCode =
  | 'RULE_YAML_SYNTAX'
  | 'RULE_SCHEMA'
  | 'RULE_NAMING'
  | 'RULE_DUPLICATE_ID'
  | 'RULE_DIR_MISSING';

/** A rule file that cannot be used. `message` reads `file:line: path: reason`. */
export class RuleLoadError extends Error {
  override readonly name = 'RuleLoadError';
  readonly code: RuleLoadErrorCode;
  readonly file: string;
  readonly line: number | null;
  readonly reason: string;

  constructor(code: RuleLoadErrorCode, file: string, line: number | null, reason: string, options?: ErrorOptions) {
    super(`${line === null ? file : `${file}:${line}`}: ${reason}`, options);
    this.code = code;
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** A `params` override from the configuration that the rule does not declare or whose type differs. */
export class RuleParamError extends Error {
  override readonly name = 'RuleParamError';
  readonly code = 'RULE_PARAM_INVALID';
  readonly ruleId: string;

  constructor(ruleId: string, message: string) {
    super(`rule ${ruleId}: ${message}`);
    this.ruleId = ruleId;
  }
}

/** `rules test` found examples whose outcome differs from what they declare. */
export class RuleExamplesFailedError extends Error {
  override readonly name = 'RuleExamplesFailedError';
  readonly code = 'RULE_EXAMPLES_FAILED';
  readonly failures: number;

  constructor(failures: number) {
    super(`${failures} rule example(s) failed`);
    this.failures = failures;
  }
}

/** `rules show ID` with an id no loaded rule has. */
export class RuleNotFoundError extends Error {
  override readonly name = 'RuleNotFoundError';
  readonly code = 'RULE_NOT_FOUND';

  constructor(id: string) {
    super(`no rule with id "${id}" (see: alicloud-audit rules list)`);
  }
}
