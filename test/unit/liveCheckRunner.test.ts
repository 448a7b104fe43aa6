import { describe, expect, it } from 'vitest'
import { LiveCheckRunner, type LiveCheck } from '../../src/core/checks/liveCheckRunner'
import { pass } from '../../src/shared/checkOutcome'
import { runStep } from '../../src/core/checks/stepRunner'
import { checkRunFrom } from '../../src/shared/checkRun'
import type { LiveCheckProgress } from '../../src/shared/liveCheck'

const STEP = { id: 'only', title: 'The only step' }

/** A check of one step that waits for `release` (or a cancel) before passing. */
function gatedCheck(): { check: LiveCheck; release: () => void } {
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  const check: LiveCheck = async (signal, onProgress) => {
    const step = await runStep({ token: '', onProgress }, STEP, async () => {
      await Promise.race([gate, new Promise((resolve) => signal.addEventListener('abort', resolve))])
      return pass('Done.')
    })
    return checkRunFrom([step], new Date())
  }
  return { check, release: () => release() }
}

const until = async (events: LiveCheckProgress[], done = true) => {
  for (let i = 0; i < 200 && !(events.at(-1)?.done === done); i++) await new Promise((resolve) => setTimeout(resolve, 5))
}

describe('LiveCheckRunner events', () => {
  it('tells the caller each step start and finish, then the result, each time with the run\'s whole state', async () => {
    const runner = new LiveCheckRunner()
    const events: LiveCheckProgress[] = []
    const { check, release } = gatedCheck()
    const { runId } = runner.start('sso-services', check, (progress) => events.push(progress))
    expect(events.map((e) => [e.runId, e.done, e.steps.map((s) => [s.id, s.running])])).toEqual([[runId, false, [['only', true]]]])
    release()
    await until(events)
    expect(events.map((e) => [e.done, e.steps.map((s) => s.running)])).toEqual([
      [false, [true]],
      [false, [false]],
      [true, [false]],
    ])
    expect(events.at(-1)?.run).toMatchObject({ ok: true, steps: [{ id: 'only', status: 'pass', detail: 'Done.' }] })
  })

  it('hands a test login\'s captured response over once, in the last event, and never again', async () => {
    const runner = new LiveCheckRunner()
    const events: LiveCheckProgress[] = []
    const { runId } = runner.start(
      'sso-login',
      async (_signal, _onProgress, attachLogin) => {
        attachLogin({ summary: null, hops: [], capturedResponse: 'PHNhbWxwOlJlc3BvbnNlLz4=' })
        return checkRunFrom([], new Date())
      },
      (progress) => events.push(progress),
    )
    await until(events)
    expect(events.at(-1)?.login?.capturedResponse).toBe('PHNhbWxwOlJlc3BvbnNlLz4=')
    expect(runner.progress(runId).login).toEqual({ summary: null, hops: [], capturedResponse: null })
  })

  it('a cancelled run ends not ok, and a listener that throws never stops the check', async () => {
    const runner = new LiveCheckRunner()
    const events: LiveCheckProgress[] = []
    const { check } = gatedCheck()
    const { runId } = runner.start('sso-services', check, (progress) => {
      events.push(progress)
      throw new Error('the window went away')
    })
    expect(runner.cancel(runId)).toEqual({ cancelled: true })
    await until(events)
    expect(events.at(-1)?.run?.ok).toBe(false)
    expect(runner.cancel(runId)).toEqual({ cancelled: false })
  })

  it('a check that throws ends with one failed step saying so', async () => {
    const runner = new LiveCheckRunner()
    const events: LiveCheckProgress[] = []
    runner.start('scim-connection', async () => Promise.reject(new Error('bug')), (progress) => events.push(progress))
    await until(events)
    expect(events.at(-1)?.run).toMatchObject({
      ok: false,
      steps: [{ id: 'unexpected', title: 'The check ran', status: 'fail', detail: 'The check stopped unexpectedly.', fix: 'Run it again.', decisive: true, durationMs: null }],
    })
  })
})
