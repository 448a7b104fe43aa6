// Compiles the dialpad-sso command line (src/cli) into plain JavaScript in out/cli, which bin/dialpad-sso.cjs runs
// with plain `node`. Runs on `npm install` (the `prepare` script), so the command works right after installing, and
// again before the tests that run the bin, so they never run stale code.
//
// ES modules with code splitting: each command that runCli imports lazily becomes its own chunk, and modules used by
// several (the redaction helper's process-wide secret list, the error classes runCli tests with instanceof) exist
// once. Packages stay external: they are required from node_modules at run time, as before.
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_OUT_DIR = join(root, 'out/cli')

export async function buildCli({ outdir = CLI_OUT_DIR } = {}) {
  rmSync(outdir, { recursive: true, force: true })
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    // No "type": "module" in package.json, so ES-module files need the .mjs extension.
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // Readable stack traces in bug reports matter more than the few kilobytes minifying would save.
    minify: false,
    legalComments: 'none',
    // Core is written for CommonJS too (main bundle, tsx, Playwright); in these ES modules Node provides the same.
    define: { __filename: 'import.meta.filename', __dirname: 'import.meta.dirname' },
    logLevel: 'warning',
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli()
}
