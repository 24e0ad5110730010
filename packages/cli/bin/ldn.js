#!/usr/bin/env node
// Entry point of the `ldn` command. The TypeScript sources are compiled to dist/ by `npm install`
// (the root package's `prepare` script); this file only forwards to them.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
