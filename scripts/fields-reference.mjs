#!/usr/bin/env node
// Regenerates rules/FIELDS.md (the fields of each resource type) from the record schemas. Run after
// `npm run build`:
//   node scripts/fields-reference.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { fieldReference } from '../dist/engine/field-reference.js';

const file = fileURLToPath(new URL('../rules/FIELDS.md', import.meta.url));
const current = await readFile(file, 'utf8').catch(() => '');
const updated = fieldReference();
if (updated === current) {
  process.stdout.write('rules/FIELDS.md is up to date\n');
} else {
  await writeFile(file, updated);
  process.stdout.write('rules/FIELDS.md updated\n');
}
