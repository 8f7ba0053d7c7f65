// RAM policy documents: parse once (a JSON string or an already-parsed object; one statement or a list;
// string or list Action/Resource; Effect in any case), then answer "does it allow every action on every
// resource?".
//
// Decisions (documented in rules/README.md):
// - An Allow grants every action when its Action has `*` or `*:*`, or when it uses NotAction and excludes
//   nothing meaningful. A meaningful exclusion is a whole service or more: `*`, `*:*`, `<service>:*`.
//   `NotAction: [ecs:DeleteInstance]` is still full admin; `NotAction: [ram:*]` is not (it cannot manage
//   identities), though it remains broad.
// - It covers every resource when Resource has `*`, or NotResource excludes less than everything.
// - A Condition does not narrow an Allow here: conditional admin is admin when the condition holds.
// - An unconditional Deny on every resource that withholds a whole service (or, with NotAction, everything
//   but some actions) means the policy does not grant everything.
// Anything unreadable throws PolicyDocumentError, which the engine reports as `error`.

export class PolicyDocumentError extends Error {
  override readonly name = 'PolicyDocumentError';
  readonly code = 'POLICY_DOCUMENT_INVALID';
}

export interface PolicyStatement {
  index: number;
  effect: 'allow' | 'deny';
  /** exactly one of actions / notActions is set */
  actions: string[] | null;
  notActions: string[] | null;
  /** exactly one of resources / notResources is set */
  resources: string[] | null;
  notResources: string[] | null;
  conditional: boolean;
}

export interface FullAccessVerdict {
  fullAccess: boolean;
  /** indexes of the statements that grant everything (when fullAccess) */
  grants: number[];
  detail: string;
}

export function parsePolicyDocument(input: unknown): PolicyStatement[] {
  const document = typeof input === 'string' ? parseJson(input) : input;
  if (!isObject(document)) throw new PolicyDocumentError('policy document is not a JSON object');
  const statement = document['Statement'];
  if (statement === undefined) throw new PolicyDocumentError('policy document has no Statement');
  const list = Array.isArray(statement) ? statement : [statement];
  return list.map(parseStatement);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolicyDocumentError('policy document is not valid JSON', { cause: error });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseStatement(raw: unknown, index: number): PolicyStatement {
  if (!isObject(raw)) throw new PolicyDocumentError(`Statement ${index} is not an object`);
  const effect = typeof raw['Effect'] === 'string' ? raw['Effect'].toLowerCase() : undefined;
  if (effect !== 'allow' && effect !== 'deny') {
    throw new PolicyDocumentError(`Statement ${index}: Effect must be Allow or Deny, found ${JSON.stringify(raw['Effect'])}`);
  }
  const [actions, notActions] = exactlyOne(raw, index, 'Action', 'NotAction');
  const [resources, notResources] = exactlyOne(raw, index, 'Resource', 'NotResource');
  return { index, effect, actions, notActions, resources, notResources, conditional: raw['Condition'] !== undefined };
}

function exactlyOne(raw: Record<string, unknown>, index: number, key: string, notKey: string): [string[] | null, string[] | null] {
  const value = stringList(raw[key], index, key);
  const notValue = stringList(raw[notKey], index, notKey);
  if ((value === null) === (notValue === null)) {
    throw new PolicyDocumentError(`Statement ${index}: needs exactly one of ${key} and ${notKey}`);
  }
  return [value, notValue];
}

function stringList(value: unknown, index: number, key: string): string[] | null {
  if (value === undefined) return null;
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((item) => typeof item === 'string')) {
    throw new PolicyDocumentError(`Statement ${index}: ${key} must be text or a list of text`);
  }
  return list.map((item) => item.trim().toLowerCase());
}

const EVERYTHING = new Set(['*', '*:*']);

/** `*`, `*:*` or `<service>:*`: an action pattern that takes away at least a whole service. */
function isWholeService(action: string): boolean {
  return EVERYTHING.has(action) || /^[a-z0-9-]+:\*$/.test(action);
}

function coversEveryAction(statement: PolicyStatement): boolean {
  if (statement.actions) return statement.actions.some((action) => EVERYTHING.has(action));
  return !statement.notActions!.some(isWholeService);
}

function coversEveryResource(statement: PolicyStatement): boolean {
  if (statement.resources) return statement.resources.includes('*');
  return !statement.notResources!.includes('*');
}

function withholdsAService(statement: PolicyStatement): boolean {
  if (statement.effect !== 'deny' || statement.conditional || !coversEveryResource(statement)) return false;
  if (statement.actions) return statement.actions.some(isWholeService);
  return !statement.notActions!.some((action) => EVERYTHING.has(action));
}

export function allowsFullAccess(input: unknown): FullAccessVerdict {
  const statements = parsePolicyDocument(input);
  const grants = statements
    .filter((statement) => statement.effect === 'allow' && coversEveryAction(statement) && coversEveryResource(statement))
    .map((statement) => statement.index);
  if (grants.length === 0) {
    return { fullAccess: false, grants, detail: 'no Allow statement grants every action on every resource' };
  }
  const deny = statements.find(withholdsAService);
  if (deny) {
    return {
      fullAccess: false,
      grants: [],
      detail: `statement ${grants.join(', ')} allows everything but Deny statement ${deny.index} withholds at least a whole service`,
    };
  }
  return { fullAccess: true, grants, detail: `statement ${grants.join(', ')} allows every action on every resource` };
}
