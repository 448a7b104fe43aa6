import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The README's pictures are written by the e2e suite (saveScreenshot(…, { docs: true }) in test/e2e), so they show the
 * app as the tests last saw it and cannot go stale. This fails when a picture is shown, or kept in docs/, that no test
 * writes.
 */

const ROOT = join(__dirname, '../..')
const E2E = join(ROOT, 'test/e2e')

/** The names the e2e suite writes to docs/, as patterns: `wizard-${colorScheme}-${size.name}.png` is one per case. */
function writtenByTests(): RegExp[] {
  const patterns: RegExp[] = []
  for (const file of readdirSync(E2E).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(E2E, file), 'utf8')
    for (const match of source.matchAll(/saveScreenshot\([^,]+,\s*(['`])([^'`]+)\1,\s*\{[^}]*\bdocs: true/g)) {
      const name = match[2]
      const pattern = name
        .split(/\$\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[A-Za-z0-9-]+')
      patterns.push(new RegExp(`^${pattern}$`))
    }
  }
  return patterns
}

describe('the README screenshots', () => {
  const written = writtenByTests()
  const isWritten = (name: string) => written.some((pattern) => pattern.test(name))

  it('every picture the README shows is written by an e2e test', () => {
    const shown = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/docs\/([A-Za-z0-9-]+\.png)/g)].map((match) => match[1])
    expect(shown.length).toBeGreaterThanOrEqual(4)
    expect(shown.filter((name) => !isWritten(name))).toEqual([])
  })

  it('no picture in docs/ is left that no test writes', () => {
    const kept = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.png'))
    expect(kept.filter((name) => !isWritten(name))).toEqual([])
  })
})
