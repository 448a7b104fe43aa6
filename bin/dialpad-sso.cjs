#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step), so it works right after `npm install`.
require('tsx/cjs/api').register()
require('../src/cli/main.ts')
