import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runCliCaptured } from './support/cliRun'

const run = (argv: string[]) => runCliCaptured(argv)

describe('cli sp', () => {
  it('prints the SP values as JSON for a normalized domain', async () => {
    const { code, stdout, stderr } = await run(['sp', '--domain', 'Example.COM', '--json'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(JSON.parse(stdout)).toMatchObject({
      domain: 'example.com',
      spEntityId: 'https://dialpad.com/api/saml/metadata/custom/example.com',
      acsUrl: 'https://dialpad.com/saml/sso/custom/example.com',
    })
  })

  it('prints readable values with their JumpCloud destinations', async () => {
    const { code, stdout } = await run(['sp', '--domain', 'example.com', '--env', 'sandbox'])
    expect(code).toBe(0)
    expect(stdout).toContain('https://sandbox.dialpad.com/api/saml/metadata/custom/example.com')
    expect(stdout).toContain('SSO tab > ACS URL')
    expect(stdout).toContain('SP SSO Url (ACS)')
  })

  it('exits 1 with the reason for a bad domain', async () => {
    const { code, stdout, stderr } = await run(['sp', '--domain', 'https://example.com/'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('without "https://"')
  })

  it.each([
    [[]],
    [['sp']],
    [['sp', '--domain', 'example.com', '--env', 'staging']],
    [['sp', '--domain', 'example.com', '--bogus']],
    [['sp', '--domain']],
    [['frobnicate']],
  ])('exits 2 with usage for %j', async (argv) => {
    const { code, stderr } = await run(argv)
    expect(code).toBe(2)
    expect(stderr).toContain('Usage: dialpad-sso')
  })

  it('works as `npm run cli` and as the dialpad-sso bin from a fresh checkout', async () => {
    const root = join(__dirname, '../..')
    const exec = promisify(execFile)
    const viaBin = await exec(process.execPath, [join(root, 'bin/dialpad-sso.cjs'), 'sp', '--domain', 'Example.COM', '--json'])
    expect(JSON.parse(viaBin.stdout).domain).toBe('example.com')
    const failed = await exec(process.execPath, [join(root, 'bin/dialpad-sso.cjs'), 'sp', '--domain', 'nodot']).catch((e) => e)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('at least one dot')
  })
})
