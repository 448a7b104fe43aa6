import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY, CSP_HEADER } from '../../src/shared/csp'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)

const INDEX_HTML = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8')

/** Every tag named `name` in html, with its attributes (names lowercased). */
function tags(html: string, name: string): Array<Record<string, string>> {
  const found: Array<Record<string, string>> = []
  for (const [, attributeText] of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attributes: Record<string, string> = {}
    for (const [, key, value] of attributeText.matchAll(/([^\s=/]+)\s*(?:=\s*"([^"]*)")?/g)) {
      attributes[key.toLowerCase()] = value ?? ''
    }
    found.push(attributes)
  }
  return found
}

/** "a b; c d" → { a: ['b'], c: ['d'] }, failing on a directive given twice (browsers ignore the second). */
function directives(policy: string): Record<string, string[]> {
  const parsed: Record<string, string[]> = {}
  for (const part of policy.split(';').map((text) => text.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/)
    if (name.toLowerCase() in parsed) throw new Error(`directive ${name} appears twice`)
    parsed[name.toLowerCase()] = sources
  }
  return parsed
}

function metaPolicy(): string {
  const metas = tags(INDEX_HTML, 'meta').filter((meta) => meta['http-equiv']?.toLowerCase() === 'content-security-policy')
  expect(metas).toHaveLength(1)
  return metas[0].content
}

describe('Content Security Policy', () => {
  it('index.html carries the shared policy, unchanged, as a meta tag', () => {
    expect(metaPolicy()).toBe(CONTENT_SECURITY_POLICY)
  })

  it('denies by default and allows scripts only from the app itself', () => {
    const policy = directives(CONTENT_SECURITY_POLICY)
    expect(policy['default-src']).toEqual(["'none'"])
    expect(policy['script-src']).toEqual(["'self'"])
    expect(policy['object-src']).toEqual(["'none'"])
    expect(policy['base-uri']).toEqual(["'none'"])
    expect(policy['form-action']).toEqual(["'none'"])
  })

  it('never allows eval, inline code or hashes-as-escape-hatch', () => {
    for (const text of [CONTENT_SECURITY_POLICY, CSP_HEADER]) {
      expect(text).not.toContain("'unsafe-eval'")
      expect(text).not.toContain("'unsafe-inline'")
      expect(text).not.toMatch(/unsafe/i)
      expect(text).not.toMatch(/'(nonce|sha256|sha384|sha512)-/i)
    }
  })

  it('names no remote source: only self, none, and data: for images', () => {
    for (const [name, sources] of Object.entries(directives(CSP_HEADER))) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/^(https?|wss?|ftp|file|blob):|\*|\/\//i)
        const allowed = name === 'img-src' ? ["'self'", "'none'", 'data:'] : ["'self'", "'none'"]
        expect(allowed, `${name} may not allow ${source}`).toContain(source)
      }
    }
  })

  it('sends frame-ancestors only in the header, where browsers enforce it', () => {
    expect(CSP_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`)
    expect(directives(CSP_HEADER)['frame-ancestors']).toEqual(["'none'"])
    expect(directives(CONTENT_SECURITY_POLICY)).not.toHaveProperty('frame-ancestors')
  })
})

describe('src/renderer/index.html', () => {
  it('loads scripts only from relative paths inside the bundle, with no inline code', () => {
    const scripts = [...INDEX_HTML.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes, body] of scripts) {
      const src = /\bsrc\s*=\s*"([^"]*)"/i.exec(attributes)?.[1]
      expect(src, 'every script has a src').toBeDefined()
      expect(src).toMatch(/^\.?\/(?!\/)/)
      expect(body.trim(), 'no inline script').toBe('')
    }
  })

  it('references nothing remote and embeds no frames, webviews or base URL', () => {
    expect(INDEX_HTML).not.toMatch(/\b(https?|wss?):\/\//i)
    expect(INDEX_HTML).not.toMatch(/src\s*=\s*"\/\//i)
    expect(INDEX_HTML).not.toMatch(/<(iframe|webview|object|embed|base)\b/i)
    expect(INDEX_HTML).not.toMatch(/\son[a-z]+\s*=/i)
  })
})
