import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

// The release workflow cannot run on this project's machines; this keeps it valid and in step with the repository.
const ROOT = join(__dirname, '../..')
const text = readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }

interface Step {
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, { 'runs-on': string; strategy?: { matrix: { include: Array<{ os: string }> } }; steps: Step[]; needs?: string }>
}

const workflow = load(text) as Workflow
const installers = workflow.jobs.installers
const steps = installers.steps
const runs = steps.map((step) => step.run ?? '').join('\n')

describe('the release workflow', () => {
  it('is valid YAML with a job on Ubuntu 24.04, macOS and Windows runners', () => {
    expect(installers.strategy?.matrix.include.map((entry) => entry.os)).toEqual(['ubuntu-24.04', 'macos-latest', 'windows-latest'])
    expect(installers['runs-on']).toBe('${{ matrix.os }}')
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'workflow_dispatch']))
  })

  it('installs, tests, builds the installers, smoke-tests the installed app and uploads the installers, in that order', () => {
    const index = (predicate: (step: Step) => boolean) => steps.findIndex(predicate)
    const order = [
      index((step) => step.run === 'npm ci'),
      index((step) => step.run === 'npm test'),
      index((step) => step.run === 'npm run dist'),
      index((step) => step.run?.includes('playwright test --config playwright.smoke.config.ts') ?? false),
      index((step) => step.uses?.startsWith('actions/upload-artifact') ?? false),
    ]
    expect(order.every((position) => position >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('runs every npm script it names, and the smoke test it names exists outside the local suite', () => {
    for (const [, script] of runs.matchAll(/npm run ([\w:-]+)/g)) expect(packageJson.scripts).toHaveProperty(script)
    expect(existsSync(join(ROOT, 'playwright.smoke.config.ts'))).toBe(true)
    expect(existsSync(join(ROOT, 'test/smoke/packagedApp.spec.ts'))).toBe(true)
    const localE2e = readFileSync(join(ROOT, 'playwright.config.ts'), 'utf8')
    expect(localE2e).toContain("testDir: 'test/e2e'")
  })

  it('launches the Linux app from its .deb under Xvfb, with D-Bus and GNOME Keyring for the keychain', () => {
    const linuxSmoke = steps.find((step) => step.if === "runner.os == 'Linux'" && step.run?.includes('playwright.smoke.config.ts'))
    expect(linuxSmoke?.run).toMatch(/xvfb-run .*dbus-run-session/)
    expect(linuxSmoke?.run).toContain('gnome-keyring-daemon --unlock')
    expect(runs).toContain('apt-get install -y ./dist/*.deb')
  })

  it('checks out the same bytes on the Windows runner: LF line endings for every text file, whatever core.autocrlf says', () => {
    // Fixtures, certificates and example bundles are compared byte for byte; git applies .gitattributes over autocrlf.
    const attributes = readFileSync(join(ROOT, '.gitattributes'), 'utf8')
    expect(attributes.split('\n').map((line) => line.trim())).toContain('* text=auto eol=lf')
  })

  it('keeps the Linux-only keychain setup away from macOS and Windows', () => {
    for (const step of steps.filter((candidate) => /apt-get|xvfb-run|npm test$/.test(candidate.run ?? ''))) {
      expect(step.if).toBe("runner.os == 'Linux'")
    }
  })

  it('signs and notarizes only from secrets, never from values in the file', () => {
    const build = steps.find((step) => step.run === 'npm run dist')
    for (const [name, value] of Object.entries(build?.env ?? {})) {
      if (/CSC_LINK|PASSWORD|APPLE_ID|APPLE_API|APPLE_TEAM/.test(name)) expect(value).toMatch(/secrets\./)
    }
  })

  it('uploads the installers of each OS and drafts a release from a version tag', () => {
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact') && step.with?.['if-no-files-found'] === 'error')
    expect(String(upload?.with?.path)).toEqual(expect.stringContaining('dist/*.deb'))
    for (const installer of ['dist/*.AppImage', 'dist/*.dmg', 'dist/*.zip', 'dist/*Setup*.exe']) expect(String(upload?.with?.path)).toContain(installer)
    expect(workflow.jobs.release.needs).toBe('installers')
  })
})
