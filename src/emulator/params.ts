// Typed access to the flat string parameters of an RPC request (query string, or form body).
import { invalidParameter, missingParameter } from './api-error.js';

export class Params {
  readonly values: ReadonlyMap<string, string>;
  constructor(values: ReadonlyMap<string, string>) {
    this.values = values;
  }

  /** An absent or empty parameter is undefined, as the gateway treats it. */
  get(name: string): string | undefined {
    const value = this.values.get(name);
    return value === undefined || value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.get(name);
    if (value === undefined) throw missingParameter(name);
    return value;
  }

  int(name: string): number | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw invalidParameter(name, value);
    return Number(value);
  }

  bool(name: string): boolean | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw invalidParameter(name, value);
    return value === 'true';
  }

  /** A repeat-list parameter (`Name.1`, `Name.2`, ...), as the SDK flattens arrays. */
  repeatList(name: string): string[] {
    const found: string[] = [];
    for (let i = 1; this.values.has(`${name}.${i}`); i += 1) found.push(this.values.get(`${name}.${i}`)!);
    return found;
  }

  /** A list sent as a JSON array string (ECS `InstanceIds`, `DiskIds`, ...). */
  jsonList(name: string): string[] | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw invalidParameter(name, value);
    }
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) throw invalidParameter(name, value);
    return parsed;
  }
}
