// Errors the emulator answers with, in Alibaba's wire shape. Handlers throw them; the server renders
// `{ RequestId, HostId, Code, Message, Recommend }` with the status, as the real gateway does.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** extra fields of the error body, e.g. AccessDeniedDetail */
  readonly detail: Record<string, unknown>;
  /** extra response headers, e.g. a throttling answer's retry-after */
  readonly headers: Record<string, string>;
  constructor(status: number, code: string, message: string, detail: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.headers = headers;
  }
}

export const missingParameter = (name: string) =>
  new ApiError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);

export const invalidParameter = (name: string, value: string) =>
  new ApiError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid: ${JSON.stringify(value)}.`);

export const regionNotFound = () => new ApiError(404, 'InvalidRegionId.NotFound', 'The specified RegionId does not exist');

export const actionNotFound = () =>
  new ApiError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');

export const versionNotFound = () => new ApiError(400, 'InvalidVersion', 'Specified parameter Version is not valid.');

export const signatureMismatch = () =>
  new ApiError(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');

export const incompleteSignature = (why: string) =>
  new ApiError(400, 'IncompleteSignature', `The request signature does not conform to Aliyun standards: ${why}.`);

export const accessKeyNotFound = () => new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');

export const accessKeyInactive = () => new ApiError(400, 'InvalidAccessKeyId.Inactive', 'Specified access key is disabled.');

export const tokenMalformed = () =>
  new ApiError(400, 'InvalidSecurityToken.Malformed', 'The security token you provided is malformed.');

export const tokenExpired = () => new ApiError(400, 'InvalidSecurityToken.Expired', 'The security token you provided has expired.');

export const entityNotExist = (code: string, message: string) => new ApiError(404, code, message);
