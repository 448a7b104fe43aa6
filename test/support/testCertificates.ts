import 'reflect-metadata'
import { execFileSync } from 'node:child_process'
import { KeyObject, randomBytes, webcrypto } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as x509 from '@peculiar/x509'

x509.cryptoProvider.set(globalThis.crypto)

export type TestKeyType = 'rsa-2048' | 'rsa-1024' | 'ec-p256'
export type TestHash = 'SHA-256' | 'SHA-1'

export interface TestCertificateOptions {
  key?: TestKeyType
  hash?: TestHash
  notBefore?: Date
  notAfter?: Date
  /** Common name of the subject; a random one by default so every certificate differs. */
  commonName?: string
  /** Signed by a test CA (issuer differs from subject) instead of self-signed. */
  issuedByCa?: boolean
  /** The CA's name when issuedByCa (default "CN=Dialpad SSO Tests CA, ..."); pass the subject's to fake a self-signed look. */
  caName?: string
}

export interface TestCertificate {
  der: Uint8Array
  pem: string
  /** What importCertificate must return: base64 of the DER in 64-character lines. */
  body: string
  bodySingleLine: string
  /** PKCS#8 PEM of the certificate's private key (for refusal tests and for openssl). */
  privateKeyPem: string
  privateKey: KeyObject
}

type CryptoKeyPair = webcrypto.CryptoKeyPair

const keyCache = new Map<string, Promise<CryptoKeyPair>>()

/** Key generation is the slow part: one key pair per (type, hash, role) per test file. */
function keyPair(type: TestKeyType, hash: TestHash, role: 'subject' | 'ca'): Promise<CryptoKeyPair> {
  const cacheKey = `${type}/${hash}/${role}`
  let pair = keyCache.get(cacheKey)
  if (!pair) {
    const algorithm =
      type === 'ec-p256'
        ? { name: 'ECDSA', namedCurve: 'P-256' }
        : { name: 'RSASSA-PKCS1-v1_5', hash, publicExponent: new Uint8Array([1, 0, 1]), modulusLength: type === 'rsa-1024' ? 1024 : 2048 }
    pair = webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']) as Promise<CryptoKeyPair>
    keyCache.set(cacheKey, pair)
  }
  return pair
}

function signingAlgorithm(type: TestKeyType, hash: TestHash): webcrypto.Algorithm | webcrypto.EcdsaParams {
  return type === 'ec-p256' ? { name: 'ECDSA', hash } : { name: 'RSASSA-PKCS1-v1_5' }
}

export async function makeTestCertificate(options: TestCertificateOptions = {}): Promise<TestCertificate> {
  const { key = 'rsa-2048', hash = 'SHA-256', issuedByCa = false } = options
  const notBefore = options.notBefore ?? new Date(Date.now() - 24 * 3600_000)
  const notAfter = options.notAfter ?? new Date(Date.now() + 365 * 24 * 3600_000)
  const name = testSubjectName(options.commonName ?? `test-${randomBytes(4).toString('hex')}.example.com`)
  const serialNumber = `01${randomBytes(8).toString('hex')}`
  const keys = await keyPair(key, hash, 'subject')
  const common = { serialNumber, notBefore, notAfter, signingAlgorithm: signingAlgorithm(key, hash) }
  const certificate = issuedByCa
    ? await x509.X509CertificateGenerator.create({
        ...common,
        subject: name,
        issuer: options.caName ?? 'CN=Dialpad SSO Tests CA, O=Dialpad SSO Tests, C=US',
        publicKey: keys.publicKey,
        signingKey: (await keyPair(key, hash, 'ca')).privateKey,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name, keys })
  const der = new Uint8Array(certificate.rawData)
  const privateKey = KeyObject.from(keys.privateKey)
  return {
    der,
    pem: toPem('CERTIFICATE', der),
    body: base64Lines(der, 64).join('\n'),
    bodySingleLine: Buffer.from(der).toString('base64'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    privateKey,
  }
}

/** The subject name makeTestCertificate gives a certificate with this common name. */
export function testSubjectName(commonName: string): string {
  return `CN=${commonName}, O=Dialpad SSO Tests, C=US`
}

export async function makeCertificateRequest(key: TestKeyType = 'rsa-2048'): Promise<{ pem: string; der: Uint8Array }> {
  const keys = await keyPair(key, 'SHA-256', 'subject')
  const request = await x509.Pkcs10CertificateRequestGenerator.create({
    name: 'CN=request.example.com',
    keys,
    signingAlgorithm: signingAlgorithm(key, 'SHA-256'),
  })
  const der = new Uint8Array(request.rawData)
  return { pem: toPem('CERTIFICATE REQUEST', der), der }
}

/** A .p7b (PKCS#7 signedData holding the certificates), as `openssl crl2pkcs7` writes it. */
export function makePkcs7(certificates: TestCertificate[]): Uint8Array {
  const files = Object.fromEntries(certificates.map((cert, i) => [`cert${i}.pem`, cert.pem]))
  const certFiles = certificates.flatMap((_, i) => ['-certfile', `cert${i}.pem`])
  return openssl(['crl2pkcs7', '-nocrl', ...certFiles, '-outform', 'DER'], files)
}

/** A .p12/.pfx holding the certificate and its private key. */
export function makePkcs12(certificate: TestCertificate): Uint8Array {
  return openssl(['pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-passout', 'pass:test-only'], {
    'cert.pem': certificate.pem,
    'key.pem': certificate.privateKeyPem,
  })
}

/** Runs the openssl CLI in a scratch folder holding `files`; returns its stdout. */
export function openssl(args: string[], files: Record<string, string | Uint8Array> = {}): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'dpsso-cert-'))
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
    return new Uint8Array(execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function toPem(label: string, der: Uint8Array): string {
  return `-----BEGIN ${label}-----\n${base64Lines(der, 64).join('\n')}\n-----END ${label}-----\n`
}

export function base64Lines(der: Uint8Array, lineLength: number): string[] {
  return Buffer.from(der).toString('base64').match(new RegExp(`.{1,${lineLength}}`, 'g')) ?? []
}
