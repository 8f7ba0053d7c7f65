// `node --import ./record-imports.mjs`: appends the URL of every module the process loads, one a line, to the
// file named by RECORD_IMPORTS_TO. Lets a test say what a command loads without timing it.
import { register } from 'node:module';

register(new URL('./record-imports-hooks.mjs', import.meta.url), { data: { file: process.env.RECORD_IMPORTS_TO } });
