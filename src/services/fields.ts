// The building blocks of the record schemas. Objects are strict so a misspelt field is an error, not a
// silent `undefined` (which the engine would read as "unknown"). A field that is `undefined` means "not
// known" (its collection failed, see the inventory's gaps); `null` means "known to be absent".
import { z } from 'zod';

export const text = z.string();
export const nullableText = z.string().nullable();
export const tags = z.record(z.string(), z.string());

export type Tags = z.infer<typeof tags>;
