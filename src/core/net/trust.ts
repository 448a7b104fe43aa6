import { X509Certificate } from 'node:crypto'
import { basename } from 'node:path'
import * as tls from 'node:tls'
import { oneLine } from '../../shared/displayText'
import { readRegularFile } from '../files/boundedRead'
import { UserFacingError } from '../userFacingError'

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g
/** A CA bundle is a few hundred KiB at most; anything bigger is not what the admin meant to pick. */
const MAX_CA_FILE_BYTES = 1024 * 1024

type CaKind = 'bundled' | 'system'
type GetCaCertificates = (kind: CaKind) => string[]

/**
 * Node's bundled roots plus the operating system's store. `tls.getCACertificates` exists from Node 22.15 / 23.5;
 * on older runtimes only the bundled roots are available.
 */
export function platformCaCertificates(): string[] {
  const getCaCertificates = (tls as unknown as { getCACertificates?: GetCaCertificates }).getCACertificates
  if (typeof getCaCertificates !== 'function') return [...tls.rootCertificates]
  const system = safely(() => getCaCertificates('system'))
  return [...new Set([...safely(() => getCaCertificates('bundled'), [...tls.rootCertificates]), ...system])]
}

function safely(read: () => string[], fallback: string[] = []): string[] {
  try {
    return read()
  } catch {
    return fallback
  }
}

/**
 * Splits a PEM text into certificates, refusing anything that is not one (a private key, a DER file, an expired
 * root). `source` names the file for the message.
 */
export function parseCaPem(pem: string, source = 'The corporate CA file', now = new Date()): string[] {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new UserFacingError(`${source} contains a private key. Choose the CA certificate (.pem or .crt) only, and keep the key secret.`, { code: 'invalid-input' })
  }
  const blocks = pem.match(PEM_BLOCK) ?? []
  if (blocks.length === 0) {
    throw new UserFacingError(
      `${source} has no certificate in PEM form (text starting with "-----BEGIN CERTIFICATE-----"). Ask IT for the root CA certificate as a PEM (Base-64) file.`,
      { code: 'invalid-input' },
    )
  }
  return blocks.map((block, index) => {
    let certificate: X509Certificate
    try {
      certificate = new X509Certificate(block)
    } catch {
      throw new UserFacingError(`${source}: certificate ${index + 1} is damaged and cannot be read. Ask IT for a fresh copy of the root CA certificate.`, { code: 'invalid-input' })
    }
    if (new Date(certificate.validTo) < now) {
      throw new UserFacingError(`${source}: the certificate "${oneLine(certificate.subject.replace(/\n/g, ', '), 200)}" expired on ${certificate.validTo}. Ask IT for the current root CA certificate.`, { code: 'invalid-input' })
    }
    return block
  })
}

/**
 * Reads and validates the CA file the admin chose, with a message naming the file when it is unusable. Only a
 * regular file is opened, and never more than the limit is read (see readRegularFile).
 */
export async function readCaFile(path: string): Promise<string> {
  const bytes = await readRegularFile(path, {
    maxBytes: MAX_CA_FILE_BYTES,
    what: 'a CA certificate file',
    hint: 'A CA certificate is a few KiB: choose the CA certificate file (.pem or .crt).',
  })
  const text = bytes.toString('utf8')
  parseCaPem(text, `The file ${oneLine(basename(path), 200)}`)
  return text
}

/** Every root a live check trusts: the platform's, plus the admin's corporate CA when one was chosen. */
export function trustedCaCertificates(extraCaPem?: string): string[] {
  const extra = extraCaPem ? parseCaPem(extraCaPem) : []
  return [...platformCaCertificates(), ...extra]
}
