#!/usr/bin/env node
// The alicloud-audit command line.
import './heap-growth.js';
import { main } from './program.js';

// A reader that stops early (`scan ... | head`) closes the pipe: that ends the command quietly, as for any
// Unix filter, instead of with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

process.exitCode = await main(process.argv);
