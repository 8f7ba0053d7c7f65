#!/usr/bin/env node
// Writes the registry's names into the report contract (schema/report.schema.json): the resource types and the
// services a gap may name, in the registry's order. Run after `npm run build` when a service is added:
//   node scripts/report-schema.mjs
// (tests/outputs.test.ts fails while the schema and the registry disagree.)
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { RESOURCE_TYPES, SERVICE_NAMES } from '../dist/services/index.js';

const file = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url));
const text = await readFile(file, 'utf8');
const schema = JSON.parse(text);
schema.$defs.resourceType.enum = RESOURCE_TYPES;
schema.$defs.gap.properties.service.enum = SERVICE_NAMES;
const updated = `${JSON.stringify(schema, null, 2)}\n`;
if (updated !== text) await writeFile(file, updated);
process.stdout.write(`schema/report.schema.json: ${updated === text ? 'up to date' : 'updated'}\n`);
