// Runs Doyensec Electronegativity's JS API in a process of its own, for scripts/security/runElectronegativity.ts.
//
// Why a separate process and the JS API rather than the CLI:
// - With `--output`, the CLI drops the list of files it failed to parse, so unparseable code would be skipped
//   silently. The JS API returns that list; we hand it back in the meta file and the gate fails on it.
// - The scanner calls process.exit() on some errors (e.g. a misspelt check name) and registers globals
//   (`__` from i18n); a child process keeps that away from vitest and the gate.
// - Its i18n module fetches translations from S3 on start-up (with retries, ~3.5 s offline). The scan must be
//   offline and reproducible, so that one HTTP client is replaced with a stub that always fails; the bundled
//   en-US texts are used. AvailableSecurityFixesGlobalCheck, the only check that needs the network, is excluded
//   by the caller.
//
// Input: one JSON argument { input, csvPath, metaPath, excludeChecks, electronVersion }.
// Output: the scanner's own CSV report at csvPath, and at metaPath a JSON summary the caller cross-checks it with.
// The caller sets UV_THREADPOOL_SIZE=1: the scanner writes the CSV header and the rows with two concurrent
// fs.writeFile calls, and a single libuv worker thread makes their order deterministic (header, then rows).
import { writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'

const request = JSON.parse(process.argv[2] ?? '{}')
for (const key of ['input', 'csvPath', 'metaPath', 'electronVersion']) {
  if (typeof request[key] !== 'string' || request[key] === '') {
    console.error(`electronegativityWorker: missing "${key}" in the request`)
    process.exit(2)
  }
}

const require = createRequire(import.meta.url)
const runnerPath = require.resolve('@doyensec/electronegativity')

/** Pre-loads a stub for the scanner's copy of `got`, so nothing in the scan can reach the network. */
function disableScannerNetwork() {
  const gotPath = createRequire(runnerPath).resolve('got')
  const stub = new Module(gotPath)
  stub.filename = gotPath
  stub.loaded = true
  stub.exports = () => Promise.reject(new Error('network access is disabled for the offline security scan'))
  require.cache[gotPath] = stub
}

disableScannerNetwork()
const run = require(runnerPath)

const result = await run(
  {
    input: request.input,
    output: request.csvPath,
    isSarif: false,
    customScan: [],
    excludeFromScan: request.excludeChecks ?? [],
    isRelative: false,
    electronVersionOverride: request.electronVersion,
    parserPlugins: [],
  },
  false,
)

writeFileSync(
  request.metaPath,
  JSON.stringify({
    atomicChecks: result.atomicChecks,
    globalChecks: result.globalChecks,
    issueCount: result.issues.length,
    errors: result.errors.map((error) => ({
      file: String(error.file),
      message: String(error.message),
      tolerable: Boolean(error.tolerable),
    })),
  }),
)
