import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The architecture rules ESLint enforces (eslint.config.mjs), tried on code as it would stand in the repository: a
 * rule that silently stopped matching (a glob or selector gone wrong) would let the shapes #15 removed come back.
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`)
}

describe('no check imports another check\'s folder', () => {
  it.each([
    ['src/core/sso/fromScim.ts', "import { scimTarget } from '../scim/diagnose'\nexport const x = scimTarget\n", 'src/core/sso may not import src/core/scim'],
    ['src/core/sso/response/checks/fromScim.ts', "import { scimTarget } from '../../../scim/diagnose'\nexport const x = scimTarget\n", 'src/core/sso may not import src/core/scim'],
    ['src/core/scim/fromSso.ts', "import { checkSpMetadata } from '../sso/spMetadataCheck'\nexport const x = checkSpMetadata\n", 'src/core/scim may not import src/core/sso'],
    ['src/core/checks/fromScim.ts', "import { scimTarget } from '../scim/diagnose'\nexport const x = scimTarget\n", 'src/core/checks may not import src/core/scim'],
  ])('%s is refused', async (filePath, code, expected) => {
    expect((await problems(filePath, code)).join('\n')).toContain(expected)
  }, 30_000)

  it('checks build on core/checks and the shared vocabulary', async () => {
    const code = "import { runStep } from '../checks/stepRunner'\nimport { pass } from '../../shared/checkOutcome'\nexport const x = [runStep, pass]\n"
    expect(await problems('src/core/sso/ok.ts', code)).toEqual([])
  }, 30_000)
})

describe('a check step is never written out as a literal', () => {
  it('refuses a CheckStep object literal outside the vocabulary, wherever it stands', async () => {
    const literal = "export const step = (detail: string) => ({ id: 'x', title: 'X', durationMs: null, status: 'pass' as const, detail, decisive: true })\n"
    for (const filePath of ['src/shared/crossChecks.ts', 'src/core/sso/someCheck.ts', 'src/renderer/src/components/Some.tsx']) {
      expect((await problems(filePath, literal)).join('\n')).toContain('Make a check step with stepFrom')
    }
  }, 30_000)

  it('accepts a step made by stepFrom, and the zod schemas that define a step', async () => {
    const made = "import { pass, stepFrom } from './checkOutcome'\nexport const step = stepFrom({ id: 'x', title: 'X' }, pass('fine'))\n"
    expect(await problems('src/shared/crossChecks.ts', made)).toEqual([])
    const schema = "import { z } from 'zod'\nexport const Step = z.object({ id: z.string(), title: z.string(), durationMs: z.number().nullable() })\n"
    expect(await problems('src/shared/stepSchema.ts', schema)).toEqual([])
  }, 30_000)
})
