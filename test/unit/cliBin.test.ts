import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

// The compiled CLI (out/cli) is built from the current sources by test/support/buildCli.ts before any test runs.
const ROOT = join(__dirname, '../..')
const BIN = join(ROOT, 'bin/dialpad-sso.cjs')
const exec = promisify(execFile)
const MINIMUM_NODE = /(\d+\.\d+\.\d+)/.exec(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node)![1]

const scratch = mkdtempSync(join(tmpdir(), 'cli-bin-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A Node --import hook that writes, on exit, every module the process resolved (ES modules, CommonJS and builtins). */
const RECORD_MODULES = join(scratch, 'record-modules.mjs')
writeFileSync(
  RECORD_MODULES,
  `import { registerHooks } from 'node:module'
import { writeFileSync } from 'node:fs'
const seen = new Set()
registerHooks({ resolve(specifier, context, next) { const resolved = next(specifier, context); seen.add(resolved.url); return resolved } })
process.on('exit', () => writeFileSync(process.env.RECORD_MODULES_TO, JSON.stringify([...seen])))
`,
)

/** Runs the bin with the recording hook; resolves (never rejects) with its exit code, stderr and resolved modules. */
async function runRecorded(args: string[]): Promise<{ code: number; stderr: string; modules: string[] }> {
  const listFile = join(scratch, `modules-${args[0]}.json`)
  const run = await exec(process.execPath, ['--import', pathToFileURL(RECORD_MODULES).href, BIN, ...args], { env: { ...process.env, RECORD_MODULES_TO: listFile } }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  )
  return { ...run, modules: JSON.parse(readFileSync(listFile, 'utf8')) as string[] }
}

async function modulesLoadedBy(args: string[]): Promise<string[]> {
  const run = await runRecorded(args)
  expect(run).toMatchObject({ code: 0 })
  return run.modules
}

function olderThan(version: string, minimum: string): boolean {
  const [a, b] = [version, minimum].map((v) => v.split('.').map(Number))
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i]
  return false
}

describe('the dialpad-sso bin (compiled, plain node)', () => {
  it('runs the compiled JavaScript, with no TypeScript loader', async () => {
    expect(existsSync(join(ROOT, 'out/cli/main.mjs'))).toBe(true)
    const loaded = await modulesLoadedBy(['sp', '--domain', 'example.com'])
    expect(loaded.some((url) => url.endsWith('/out/cli/main.mjs'))).toBe(true)
    expect(loaded.filter((url) => /\/(tsx|esbuild|typescript)\//.test(url) || url.endsWith('.ts'))).toEqual([])
  })

  it('prints the SP values without loading undici, node-saml, the XML stack, zod or keytar', async () => {
    const loaded = await modulesLoadedBy(['sp', '--domain', 'example.com'])
    const packages = loaded.filter((url) => url.includes('/node_modules/'))
    expect(packages).toEqual([])
  })

  it('loads every command for help, so every package each command imports resolves as an ES module', async () => {
    const { stdout } = await exec(process.execPath, [BIN, 'help'])
    for (const command of ['sp --domain', 'cert <file|->', 'metadata <file|->', 'scim test', 'scim lifecycle', 'bundle validate', 'bundle export', 'bundle import', 'report (--bundle', 'sso validate', 'sso metadata']) {
      expect(stdout).toContain(command)
    }
    const loaded = await modulesLoadedBy(['help'])
    // keytar is not among them: it is required only when a command reads the keychain.
    for (const name of ['undici', '@node-saml/node-saml', '@xmldom/xmldom', 'zod']) {
      expect(loaded.some((url) => url.includes(`/node_modules/${name}/`))).toBe(true)
    }
  })

  it('reaches the keychain through keytar, required by the compiled CLI, and answers in words whatever the keychain says', async () => {
    const dataDir = join(scratch, 'data')
    await exec(process.execPath, [BIN, 'bundle', 'import', join(ROOT, 'examples/example.dialpad-sso.json'), '--data-dir', dataDir])
    const run = await runRecorded(['scim', 'test', '--profile', 'Example Inc.', '--data-dir', dataDir, '--base-url', 'https://127.0.0.1:9/scim'])
    expect(run.modules.some((url) => url.includes('/node_modules/keytar/'))).toBe(true)
    // No API key is saved for the profile (or there is no keychain here): a sentence saying so, never a stack trace.
    expect([1, 2]).toContain(run.code)
    const { stderr } = run
    expect(stderr).toMatch(/keychain|API key/)
    expect(stderr).not.toMatch(/\n\s+at |Dynamic require|is not defined/)
  })

  it('exits 2 with the usage for an unknown command, even one named like an Object property', async () => {
    for (const command of ['frobnicate', 'constructor', '__proto__']) {
      const failed = await exec(process.execPath, [BIN, command]).catch((error: { code: number; stderr: string }) => error)
      expect(failed).toMatchObject({ code: 2 })
      expect((failed as { stderr: string }).stderr).toContain(`Unknown command "${command}"`)
    }
  })

  // /usr/bin/node is Debian's Node (20 on this project's machines); elsewhere it may be missing or recent enough.
  const systemNode = '/usr/bin/node'
  const systemVersion = existsSync(systemNode) ? execFileSync(systemNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim() : null
  it.runIf(systemVersion !== null && olderThan(systemVersion, MINIMUM_NODE))(
    `says in one line which Node.js it needs when run by an older one (${systemNode} ${systemVersion})`,
    async () => {
      const failed = await exec(systemNode, [BIN, 'sp', '--domain', 'example.com']).catch((error: { code: number; stdout: string; stderr: string }) => error)
      expect(failed).toMatchObject({ code: 1, stdout: '' })
      const stderr = (failed as { stderr: string }).stderr
      expect(stderr).toBe(`dialpad-sso needs Node.js ${MINIMUM_NODE} or newer; this is Node.js ${systemVersion}. Install a current Node.js LTS (https://nodejs.org, or \`nvm install\` in ${ROOT}).\n`)
    },
  )
})
