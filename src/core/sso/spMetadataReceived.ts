import { looksLikeHtml, mediaType } from '../checks/netDiagnosis'
import type { HttpResponse } from '../net/sendRequest'
import { redactThenShorten } from '../secrets/redact'

const MAX_QUOTE_CHARS = 80
/** Only the start of a body is looked at: enough for a title or a first sentence, bounded work on any answer. */
const HEAD_CHARS = 16 * 1024

/** Text from an answer, made safe to show: redacted, whitespace runs as one space, printable, on one line, short. */
export function quoted(text: string, max = MAX_QUOTE_CHARS): string {
  return redactThenShorten(text.replace(/\s+/g, ' ').trim(), max)
}

/**
 * What came back, in one short line for the admin and support: status, content type and the first meaningful bit
 * (where a redirect points, a page's title, or the start of the text). Never the whole body.
 */
export function describeAnswer(response: HttpResponse, requested: URL): string {
  const parts = [`HTTP ${response.status}`, mediaType(response) || 'no content type']
  const gist = firstMeaningfulBit(response, requested)
  if (gist) parts.push(gist)
  return parts.join(', ')
}

function firstMeaningfulBit(response: HttpResponse, requested: URL): string {
  if (response.status >= 300 && response.status < 400) {
    const target = response.headers.location ? URL.parse(response.headers.location, requested.href) : null
    return target ? `redirecting to ${quoted(`${target.origin}${target.pathname}`)}` : 'a redirect that does not say where to'
  }
  const head = response.body.slice(0, HEAD_CHARS)
  if (head.trim() === '') return 'with an empty body'
  if (looksLikeHtml(response)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(head)?.[1]
    if (title && quoted(title)) return `a web page titled "${quoted(title)}"`
    const text = quoted(head.replace(/<[^>]*>/g, ' '))
    return text ? `a web page starting "${text}"` : 'a web page with no text'
  }
  const withoutProlog = head.replace(/^\uFEFF?\s*<\?xml[^>]*\?>/, '')
  return `starting "${quoted(withoutProlog)}"`
}
