import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

/** Certificates for the local SCIM server, made at test time: a CA the client can be told to trust, and leaves. */
export interface TestCa {
  caPem: string
  issue(options?: ServerCertificateOptions): Promise<ServerTls>
}

export interface ServerCertificateOptions {
  /** Names the certificate is valid for: IP addresses or DNS names. Default 127.0.0.1, ::1 and localhost. */
  hosts?: string[]
  /** Make a certificate that expired yesterday. */
  expired?: boolean
}

/** What node:https needs, plus the CA PEM to hand to clients as extraCaPem. */
export interface ServerTls {
  certPem: string
  keyPem: string
  caPem: string
}

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
const DAY = 24 * 3600_000

function generateKeyPair() {
  return webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])
}

async function privateKeyPem(pair: KeyPair): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', pair.privateKey))
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`
}

export async function makeTestCa(name = 'SSO Assistant Test CA'): Promise<TestCa> {
  const caKeys = await generateKeyPair()
  const caName = `CN=${name}`
  const ca = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: caName,
      keys: caKeys,
      signingAlgorithm: ALGORITHM,
      notBefore: new Date(Date.now() - DAY),
      notAfter: new Date(Date.now() + 30 * DAY),
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
      ],
    },
  )
  const caPem = ca.toString('pem')

  return {
    caPem,
    async issue(options = {}) {
      const hosts = options.hosts ?? ['127.0.0.1', '::1', 'localhost']
      const keys = await generateKeyPair()
      const notAfter = options.expired ? new Date(Date.now() - DAY) : new Date(Date.now() + 7 * DAY)
      const leaf = await x509.X509CertificateGenerator.create(
        {
          subject: `CN=${hosts[0]}`,
          issuer: caName,
          publicKey: keys.publicKey,
          signingKey: caKeys.privateKey,
          signingAlgorithm: ALGORITHM,
          notBefore: new Date(notAfter.getTime() - 14 * DAY),
          notAfter,
          extensions: [
            new x509.BasicConstraintsExtension(false, undefined, true),
            new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
            new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
            new x509.SubjectAlternativeNameExtension(hosts.map((host) => ({ type: /^[\d.:]+$/.test(host) ? ('ip' as const) : ('dns' as const), value: host }))),
            await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
          ],
        },
      )
      return { certPem: leaf.toString('pem'), keyPem: await privateKeyPem(keys), caPem }
    },
  }
}
