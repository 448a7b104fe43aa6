#!/usr/bin/env node
// Runs the compiled command line (out/cli, built by `npm install` through scripts/build-cli.mjs) with plain node.
// Written for any Node.js, so an old one gets one line saying which version is needed instead of a stack trace.
'use strict'

var path = require('path')
var root = path.join(__dirname, '..')
var minimum = /(\d+)\.(\d+)\.(\d+)/.exec(require('../package.json').engines.node)

function olderThanMinimum(version) {
  var have = version.split('.').map(Number)
  for (var i = 0; i < 3; i++) {
    if (have[i] !== Number(minimum[i + 1])) return have[i] < Number(minimum[i + 1])
  }
  return false
}

if (olderThanMinimum(process.versions.node)) {
  process.stderr.write(
    'dialpad-sso needs Node.js ' + minimum[0] + ' or newer; this is Node.js ' + process.versions.node +
      '. Install a current Node.js LTS (https://nodejs.org, or `nvm install` in ' + root + ').\n',
  )
  process.exitCode = 1
} else {
  var main = path.join(root, 'out', 'cli', 'main.mjs')
  if (!require('fs').existsSync(main)) {
    process.stderr.write('dialpad-sso is not built yet: run `npm install` (or `npm run build:cli`) in ' + root + '.\n')
    process.exitCode = 1
  } else {
    import(require('url').pathToFileURL(main).href)
  }
}
