/**
 * Reading the form JumpCloud posts to Dialpad's ACS URL (SAML HTTP-POST binding): an
 * application/x-www-form-urlencoded body with SAMLResponse (base64) and, usually, RelayState.
 */

/** One piece of a request body as the browser hands it over (Electron's UploadData, without the import). */
export interface UploadPart {
  bytes?: Uint8Array | null
  file?: string
  blobUUID?: string
}

/**
 * A SAML response is a few KiB to a few tens of KiB; 1 MiB leaves room for very large attribute sets
 * while keeping a hostile page from making the app buffer anything it likes.
 */
export const MAX_ACS_POST_BYTES = 1024 * 1024
/** The bindings spec caps RelayState at 80 bytes; this is generous for IdPs that do not care. */
const MAX_RELAY_STATE_CHARS = 1024
/** Base64 as browsers post it: the alphabet, padding, and the line breaks some IdPs insert. */
const BASE64 = /^[A-Za-z0-9+/=\s]+$/

export type SamlPostProblem = 'no-body' | 'not-inline' | 'too-large' | 'no-saml-response' | 'several-saml-responses' | 'not-base64'

export type SamlPost =
  | { ok: true; samlResponse: string; relayState: string | null }
  | { ok: false; problem: SamlPostProblem; bytes?: number }

export function readSamlPost(parts: readonly UploadPart[] | null | undefined): SamlPost {
  if (!parts || parts.length === 0) return { ok: false, problem: 'no-body' }
  // A form body always comes as inline bytes; a file or blob part means this is not the SAML form.
  if (parts.some((part) => !part.bytes || part.file !== undefined || part.blobUUID !== undefined)) return { ok: false, problem: 'not-inline' }
  const size = parts.reduce((total, part) => total + (part.bytes?.byteLength ?? 0), 0)
  if (size > MAX_ACS_POST_BYTES) return { ok: false, problem: 'too-large', bytes: size }
  const body = Buffer.concat(parts.map((part) => part.bytes!)).toString('utf8')
  return parseSamlForm(body)
}

/** The SAML fields of a urlencoded form body ("+" is a space; base64's own "+" arrives as %2B). */
export function parseSamlForm(body: string): SamlPost {
  const form = new URLSearchParams(body)
  const responses = form.getAll('SAMLResponse')
  if (responses.length === 0 || responses[0].trim() === '') return { ok: false, problem: 'no-saml-response' }
  if (responses.length > 1) return { ok: false, problem: 'several-saml-responses' }
  const samlResponse = responses[0]
  if (!BASE64.test(samlResponse)) return { ok: false, problem: 'not-base64' }
  const relayState = form.get('RelayState')
  return { ok: true, samlResponse, relayState: relayState === null ? null : relayState.slice(0, MAX_RELAY_STATE_CHARS) }
}

/** What the admin reads when the response could not be taken from the ACS POST. */
export function describeSamlPostProblem(problem: SamlPostProblem, acsUrl: string, bytes?: number): string {
  const checkAcs = `In JumpCloud, open the Dialpad app's SSO tab and check that the ACS URL is exactly ${acsUrl}, then run the test again.`
  switch (problem) {
    case 'no-body':
    case 'not-inline':
      return `JumpCloud's login reached Dialpad's ACS URL, but without the form that carries the SAML response. ${checkAcs}`
    case 'no-saml-response':
      return `JumpCloud posted a form to Dialpad's ACS URL with no SAMLResponse field, so there is no SAML response to check. ${checkAcs}`
    case 'several-saml-responses':
      return `The form posted to Dialpad's ACS URL has more than one SAMLResponse field, which no identity provider sends. Run the test again; if it happens again, send the app's report to your JumpCloud administrator.`
    case 'not-base64':
      return `The SAMLResponse field posted to Dialpad's ACS URL is not base64 text, so it cannot be a SAML response. ${checkAcs}`
    case 'too-large':
      return `The form posted to Dialpad's ACS URL is ${formatMiB(bytes ?? 0)}, over the ${formatMiB(MAX_ACS_POST_BYTES)} the app reads. In JumpCloud, open the Dialpad app's SSO tab and remove attributes Dialpad does not need (its article maps only "email"), then run the test again.`
  }
}

function formatMiB(bytes: number): string {
  return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MiB`
}
