import { MAX_CERTIFICATE_INPUT_BYTES } from '../../shared/certificate'
import { UserFacingError } from '../userFacingError'

export type CertificateRefusalReason =
  | 'empty'
  | 'too-large'
  | 'private-key'
  | 'certificate-request'
  | 'public-key'
  | 'pkcs7'
  | 'pkcs12'
  | 'damaged-certificate'
  | 'not-a-certificate'

const WHERE_TO_GET_IT =
  "Download the IdP Certificate from JumpCloud: SSO Applications → the Dialpad app → SSO tab → IDP Certificate → Download certificate. It starts with -----BEGIN CERTIFICATE-----."

const MESSAGES: Record<CertificateRefusalReason, string> = {
  empty: `Nothing to import. Paste the IdP Certificate or choose its file. ${WHERE_TO_GET_IT}`,
  'too-large':
    `This is too large to be a certificate (over ${MAX_CERTIFICATE_INPUT_BYTES / 1024} KiB; an IdP certificate is 1–3 KiB). ` +
    `Check you picked the right file. ${WHERE_TO_GET_IT}`,
  'private-key':
    'This is a private key, not a certificate. Never share it or paste it into Dialpad or this app: anyone who has it ' +
    'can sign in as your users. If it was sent to you by email or chat, have it replaced. ' +
    `The IdP Certificate JumpCloud gives you is public and safe to share. ${WHERE_TO_GET_IT}`,
  'certificate-request':
    'This is a certificate signing request (CSR), not a certificate. Dialpad needs the certificate JumpCloud signs ' +
    `logins with. ${WHERE_TO_GET_IT}`,
  'public-key':
    'This is a bare public key, not a certificate. Dialpad needs the whole certificate that contains it. ' + WHERE_TO_GET_IT,
  pkcs7:
    'This is a PKCS#7 bundle (.p7b/.p7c), not a single certificate. Download the IdP Certificate from JumpCloud again ' +
    '(SSO Applications → the Dialpad app → SSO tab → IDP Certificate → Download certificate), or convert this file ' +
    'with: openssl pkcs7 -print_certs -in file.p7b -out cert.pem, then import cert.pem.',
  pkcs12:
    'This is a PKCS#12 file (.pfx/.p12). It normally contains a private key, so do not share it or upload it anywhere. ' +
    'Extract only the certificate with: openssl pkcs12 -in file.p12 -clcerts -nokeys -out cert.pem, then import cert.pem. ' +
    'Or download the IdP Certificate from JumpCloud: SSO Applications → the Dialpad app → SSO tab → IDP Certificate → Download certificate.',
  'damaged-certificate':
    'This looks like a certificate but it is damaged or incomplete (often a few characters are lost when copying). ' +
    'Copy it again including the -----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines, or import the downloaded file instead.',
  'not-a-certificate':
    'This is not a certificate. Paste the IdP Certificate as text (starting with -----BEGIN CERTIFICATE-----, or just the ' +
    'base64 between those lines), or choose a .pem, .crt, .cer or .der certificate file. ' +
    WHERE_TO_GET_IT.replace('Download', 'You can download'),
}

/** Variants that say more about what was found; the reason code stays the same. */
export const REFUSAL_DETAILS = {
  keyWithCertificate:
    'This contains a private key as well as a certificate. The private key must never be pasted anywhere: anyone who ' +
    'has it can sign in as your users. Import the certificate on its own. ' +
    WHERE_TO_GET_IT,
  base64NotCertificate:
    'This is base64 text, but it does not decode to a certificate. Paste the IdP Certificate (starting with ' +
    `-----BEGIN CERTIFICATE-----) or choose its .pem, .crt or .cer file. ${WHERE_TO_GET_IT}`,
} as const

/** The admin gave something we do not accept; the message says what it is and what to do. */
export class CertificateRefusedError extends UserFacingError {
  override name = 'CertificateRefusedError'

  constructor(
    readonly reason: CertificateRefusalReason,
    message: string = MESSAGES[reason],
  ) {
    super(message, { code: 'invalid-input' })
  }
}
