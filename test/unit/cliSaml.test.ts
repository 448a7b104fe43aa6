import { execFile } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { jumpCloudMetadataXml } from '../support/idpMetadataXml'
import { useTempDirs } from '../support/tempDir'
import { type TestCertificate, makeTestCertificate } from '../support/testCertificates'
import { runCliCaptured, stdinOf } from './support/cliRun'

const DAY_MS = 24 * 3600_000

const run = (argv: string[], stdin?: Buffer) => runCliCaptured(argv, { readStdin: stdin ? stdinOf(stdin) : undefined })

describe('cli cert and metadata', () => {
  const tempDir = useTempDirs()
  let current: TestCertificate
  let older: TestCertificate
  let dir: string
  const file = (name: string) => join(dir, name)

  beforeAll(async () => {
    current = await makeTestCertificate({ commonName: 'JumpCloud', notAfter: new Date(Date.now() + 1800 * DAY_MS) })
    older = await makeTestCertificate({ commonName: 'JumpCloud old', notAfter: new Date(Date.now() + 20 * DAY_MS) })
  })

  beforeEach(async () => {
    dir = await tempDir()
    await writeFile(file('idp.pem'), `Bag Attributes\r\n    localKeyID: 01\r\n${current.pem.replace(/\n/g, '\r\n')}`)
    await writeFile(file('idp.der'), current.der)
    await writeFile(file('key.pem'), current.privateKeyPem)
    await writeFile(file('chain.pem'), `${current.pem}\n${older.pem}`)
    await writeFile(file('metadata.xml'), jumpCloudMetadataXml({ certificates: [older.bodySingleLine, current.bodySingleLine] }))
    await writeFile(file('sp.xml'), '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><md:SPSSODescriptor/></md:EntityDescriptor>')
  })

  it('cert prints only the Dialpad-ready body on stdout, details on stderr', async () => {
    const { code, stdout, stderr } = await run(['cert', file('idp.pem')])
    expect(code).toBe(0)
    expect(stdout).toBe(`${current.body}\n`)
    expect(stdout).not.toContain('BEGIN')
    expect(stderr).toContain('Subject       CN=JumpCloud')
    expect(stderr).toContain(new X509Certificate(current.der).fingerprint256)
  })

  it('cert --json gives the fields scripts rely on, from binary DER too', async () => {
    const { code, stdout } = await run(['cert', file('idp.der'), '--json'])
    expect(code).toBe(0)
    const json = JSON.parse(stdout)
    expect(json).toMatchObject({
      body: current.body,
      bodySingleLine: current.bodySingleLine,
      sha256: new X509Certificate(current.der).fingerprint256,
      subject: expect.stringContaining('CN=JumpCloud'),
      issuer: expect.stringContaining('CN=JumpCloud'),
      warnings: [],
    })
    expect(Date.parse(json.notBefore)).not.toBeNaN()
    expect(Date.parse(json.notAfter)).toBeGreaterThan(Date.now())
  })

  it('cert - reads standard input', async () => {
    const { code, stdout } = await run(['cert', '-', '--json'], Buffer.from(current.pem))
    expect(code).toBe(0)
    expect(JSON.parse(stdout).bodySingleLine).toBe(current.bodySingleLine)
  })

  it('cert lists the warnings of a certificate close to expiry', async () => {
    const { stdout } = await run(['cert', '-', '--json'], Buffer.from(older.pem))
    expect(JSON.parse(stdout).warnings).toEqual([expect.objectContaining({ code: 'expires-soon' })])
  })

  it('cert refuses a private key with exit 1, a specific message and nothing of the key', async () => {
    const { code, stdout, stderr } = await run(['cert', file('key.pem')])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('This is a private key, not a certificate.')
    const keyBody = current.privateKeyPem.split('\n')[1]
    expect(stderr).not.toContain(keyBody.slice(0, 16))
  })

  it('cert asks which certificate when a file holds several', async () => {
    const { code, stderr } = await run(['cert', file('chain.pem')])
    expect(code).toBe(1)
    expect(stderr).toContain('holds 2 different certificates')
    expect(stderr).toContain('CN=JumpCloud old')
  })

  it('cert reports a missing file with exit 1', async () => {
    const { code, stderr } = await run(['cert', file('nope.pem')])
    expect(code).toBe(1)
    expect(stderr).toMatch(/Cannot read .*nope\.pem: there is no such file\./)
  })

  it.each([[['cert']], [['cert', 'a.pem', 'b.pem']], [['cert', 'a.pem', '--pem']], [['metadata']]])('exits 2 with usage for %j', async (argv) => {
    const { code, stderr } = await run(argv)
    expect(code).toBe(2)
    expect(stderr).toContain('Usage: dialpad-sso')
  })

  it('metadata prints the three Dialpad values, with the certificate valid longest', async () => {
    const { code, stdout } = await run(['metadata', file('metadata.xml')])
    expect(code).toBe(0)
    expect(stdout).toContain('IdP Entity ID (Issuer)  JumpCloud')
    expect(stdout).toContain('IdP SSO URL             https://sso.jumpcloud.com/saml2/dialpad')
    expect(stdout).toContain(`Certificate:\n${current.body}\n`)
    expect(stdout).toContain('The file lists 2 signing certificates')
  })

  it('metadata --json gives idpEntityId, ssoUrl and each certificate as cert --json does', async () => {
    const { code, stdout } = await run(['metadata', file('metadata.xml'), '--json'])
    expect(code).toBe(0)
    const json = JSON.parse(stdout)
    expect(json).toMatchObject({ idpEntityId: 'JumpCloud', ssoUrl: 'https://sso.jumpcloud.com/saml2/dialpad', suggestedCertificateIndex: 1 })
    expect(json.certificates.map((c: { bodySingleLine: string }) => c.bodySingleLine)).toEqual([older.bodySingleLine, current.bodySingleLine])
    expect(json.certificates[1]).toEqual(JSON.parse((await run(['cert', file('idp.pem'), '--json'])).stdout))
  })

  it('metadata refuses SP metadata with exit 1 and says where to get the right file', async () => {
    const { code, stderr } = await run(['metadata', file('sp.xml')])
    expect(code).toBe(1)
    expect(stderr).toContain('This is Service Provider metadata')
    expect(stderr).toContain('Export Metadata')
  })

  it('cert works through the dialpad-sso bin', async () => {
    const exec = promisify(execFile)
    const { stdout } = await exec(process.execPath, [join(__dirname, '../../bin/dialpad-sso.cjs'), 'cert', file('idp.der')])
    expect(stdout).toBe(`${current.body}\n`)
  })
})
