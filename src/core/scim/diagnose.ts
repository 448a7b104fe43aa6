import type { HttpResponse } from '../net/sendRequest'
import { diagnoseServiceTrouble, looksLikeHtml, mediaType, type NetTarget } from '../checks/netDiagnosis'
import { netTargets } from '../checks/netTargets'
import type { Diagnosis } from '../../shared/checkOutcome'
import { jsonNestedDeeperThan } from '../json/jsonDepth'
import { redactThenShorten } from '../secrets/redact'
import { SCIM_CONTENT_TYPE } from './schemas'
import { expectedScimBaseUrl } from './scimBaseUrl'

export interface DiagnoseContext {
  /** The request that went wrong. */
  url: URL
  baseUrl: string
  now: () => Date
  /** The API key sent with the request: a server may echo it, and it is redacted before anything is shortened. */
  secrets?: readonly string[]
}

const PROXY_HINT = 'a proxy or sign-in page is in the way'
/** SCIM data is a few levels deep (a ListResponse of users with their emails); a body nested deeper is not read. */
const MAX_SCIM_DEPTH = 64

/** Dialpad's SCIM service at the base URL the check was given, as every diagnosis of a SCIM request names it. */
export function scimTarget(ctx: DiagnoseContext): NetTarget {
  return netTargets.dialpadScim(ctx.url, expectedScimBaseUrl(ctx.baseUrl))
}

/** Maps an answer with an unexpected status (redirect, 4xx, 5xx) to words and a next step. */
export function diagnoseHttpStatus(response: HttpResponse, ctx: DiagnoseContext): Diagnosis {
  const { status } = response
  const expected = expectedScimBaseUrl(ctx.baseUrl)
  const said = serverMessage(response, ctx.secrets)
  const saying = said ? ` Dialpad said: "${said}".` : ''
  const page = looksLikeHtml(response) ? ` The answer was a web page, not SCIM data, so ${PROXY_HINT} rather than Dialpad answering.` : ''
  const where = `${ctx.url.origin}${ctx.url.pathname}`

  if (status >= 300 && status < 400) return diagnoseRedirect(response, ctx)
  if (status === 401) {
    return { detail: `Dialpad rejected the API key (401).${saying}${page}`, fix: 'Create a new key in Admin Settings > My Company > Authentication > API Keys.' }
  }
  if (status === 403) {
    return {
      detail: `Dialpad refused the request (403): the API key lacks the needed scope, or the account that created it is not a Company Admin.${saying}${page}`,
      fix: 'Sign in to Dialpad as a Company Admin and create a new key in Admin Settings > My Company > Authentication > API Keys, keeping the default scopes selected.',
    }
  }
  if (status === 404) {
    const fix =
      ctx.baseUrl === expected
        ? `The base URL is Dialpad's (${expected}) but nothing answered at ${where}: contact Dialpad Support, and mention that SCIM must be enabled for your company.`
        : `Set the base URL to ${expected}, here and in JumpCloud's Identity Management > Base URL field.`
    return { detail: `Nothing was found at ${where} (404): the base URL ${ctx.baseUrl} looks wrong.${page}`, fix }
  }
  const trouble = diagnoseServiceTrouble(response, scimTarget(ctx), ctx.now(), String(status), `${saying}${page}`)
  if (trouble) return trouble
  return {
    detail: `Dialpad did not accept the request (${status}).${saying}${page}`,
    fix: `Check the base URL is ${expected}; if it is, copy these details for Dialpad Support.`,
  }
}

function diagnoseRedirect(response: HttpResponse, ctx: DiagnoseContext): Diagnosis {
  const expected = expectedScimBaseUrl(ctx.baseUrl)
  const target = response.headers.location ? URL.parse(response.headers.location, ctx.url.href) : null
  if (target && target.origin === ctx.url.origin) {
    return {
      detail: `The server answered with a redirect (${response.status}) to another address on the same server (${target.pathname}); redirects are not followed.`,
      fix: `Check the base URL: it should be exactly ${expected}, with nothing added.`,
    }
  }
  const to = target ? `to ${target.origin}` : 'without saying where to'
  return {
    detail: `The server answered with a redirect (${response.status}) ${to}. Redirects are not followed, so the API key was not sent anywhere else.`,
    fix: `Check the base URL is ${expected}. If it is, ${PROXY_HINT}: ask your network team to let this computer reach ${ctx.url.hostname} directly.`,
  }
}

export type BodyReading =
  | { ok: true; json: unknown; warning?: Diagnosis }
  | { ok: false; diagnosis: Diagnosis }

/** Checks a successful answer is SCIM JSON: content type, no HTML page, parseable. */
export function readScimBody(response: HttpResponse, ctx: DiagnoseContext): BodyReading {
  const expected = expectedScimBaseUrl(ctx.baseUrl)
  const type = mediaType(response)
  const proxyFix = `Check the base URL is ${expected}; if it is, ${PROXY_HINT}: ask your network team to let this computer reach ${ctx.url.hostname} directly.`
  if (looksLikeHtml(response)) {
    return { ok: false, diagnosis: { detail: `An HTML page came back instead of SCIM data (${type || 'no content type'}): ${PROXY_HINT}.`, fix: proxyFix } }
  }
  if (type !== SCIM_CONTENT_TYPE && type !== 'application/json') {
    return {
      ok: false,
      diagnosis: { detail: `The answer is ${type || 'of no stated type'}, not SCIM data (${SCIM_CONTENT_TYPE}).`, fix: proxyFix },
    }
  }
  if (jsonNestedDeeperThan(response.body, MAX_SCIM_DEPTH)) {
    return { ok: false, diagnosis: { detail: `The answer is nested far deeper than any SCIM data (more than ${MAX_SCIM_DEPTH} levels), so it was not read.`, fix: proxyFix } }
  }
  let json: unknown
  try {
    json = JSON.parse(response.body)
  } catch {
    const what = response.body.trim() ? 'cannot be read as JSON' : 'is empty'
    return { ok: false, diagnosis: { detail: `The answer claims to be ${type} but ${what}.`, fix: proxyFix } }
  }
  if (type === SCIM_CONTENT_TYPE) return { ok: true, json }
  return {
    ok: true,
    json,
    warning: {
      detail: `The answer is labelled application/json instead of ${SCIM_CONTENT_TYPE}; the data itself is fine.`,
      fix: "Nothing to do if JumpCloud's Test Connection succeeds; if it fails, mention this to Dialpad Support.",
    },
  }
}

/**
 * The human-readable part of a SCIM error (RFC 7644 3.12) or of a generic JSON error: the key redacted first, then
 * shortened and made printable on one line (a server echoing the Authorization header in a long message must not
 * get the part before the cut printed).
 */
export function serverMessage(response: HttpResponse, secrets: readonly string[] = []): string | undefined {
  if (jsonNestedDeeperThan(response.body, MAX_SCIM_DEPTH)) return undefined
  let json: unknown
  try {
    json = JSON.parse(response.body)
  } catch {
    return undefined
  }
  if (!json || typeof json !== 'object') return undefined
  const fields = json as Record<string, unknown>
  const text = [fields.detail, fields.message, fields.error_description, fields.error].find((value) => typeof value === 'string' && value.trim())
  if (typeof text !== 'string') return undefined
  return redactThenShorten(text.replace(/\s+/g, ' ').trim(), 199, secrets)
}
