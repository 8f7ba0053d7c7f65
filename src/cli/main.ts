#!/usr/bin/env node
// The alicloud-audit command line.
import { main } from './program.js';

process.exitCode = await main(process.argv);
