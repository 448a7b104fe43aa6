import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/core/dispatch'
import { createSecretStore } from '../../src/core/secrets/keychain'
import { createServices } from '../../src/core/services'
import type { Method, MethodInput, MethodOutput } from '../../src/shared/contract'
import { memoryKeytar } from '../support/memoryKeytar'
import { RecordingClipboard } from '../support/recordingClipboard'
import { SAMPLE_SETUP } from '../support/sampleSetup'
import { useTempDirs } from '../support/tempDir'

const API_KEY = 'dpk_profile_services_0123456789_ABCD'

describe('the profile the app works on', () => {
  const tempDir = useTempDirs()

  async function app() {
    const keytar = memoryKeytar()
    const handlers = createServices({
      dataDir: await tempDir(),
      clipboard: new RecordingClipboard(),
      secrets: createSecretStore({ serviceName: 'Dialpad SSO Assistant (services test)', keytar }),
    })
    const call = async <M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      const reply = await dispatch(handlers, method, input, { write: () => undefined })
      if (!reply.ok) throw new Error(reply.error.message)
      return reply.value as MethodOutput<M>
    }
    return { call, keychain: keytar.entries }
  }

  it('refuses to save or touch a key before a profile is opened, with what to do', async () => {
    const { call } = await app()
    await expect(call('setup.save', { state: SAMPLE_SETUP })).rejects.toThrow('No profile is open. Choose a profile from the list first.')
    await expect(call('apiKey.status', {})).rejects.toThrow('No profile is open')
  })

  it('keeps each profile’s setup and API key apart, and deleting a profile deletes its key', async () => {
    const { call, keychain } = await app()
    const acme = await call('profiles.create', { name: 'Acme' })
    const globex = await call('profiles.create', { name: 'Globex' })

    await call('profiles.open', { id: acme.id })
    await call('apiKey.store', { apiKey: API_KEY })
    await call('setup.save', { state: { ...SAMPLE_SETUP, domainInput: 'acme.com' } })

    const openedGlobex = await call('profiles.open', { id: globex.id })
    expect(openedGlobex.state.domainInput).toBe('')
    expect((await call('apiKey.status', {})).stored).toBe(false)

    const reopened = await call('profiles.open', { id: acme.id })
    expect(reopened.state.domainInput).toBe('acme.com')
    expect(await call('apiKey.status', {})).toMatchObject({ stored: true, last4: 'ABCD' })
    expect([...keychain.values()]).toEqual([API_KEY])

    await call('profiles.delete', { id: acme.id })
    expect([...keychain.values()]).toEqual([])
    await expect(call('apiKey.status', {})).rejects.toThrow('No profile is open')
    expect((await call('profiles.list', {})).profiles.map((p) => p.name)).toEqual(['Globex'])
  })

  it('exports a bundle without the key and imports it into a fresh data folder as the same profile', async () => {
    const source = await app()
    const acme = await source.call('profiles.create', { name: 'Acme' })
    await source.call('profiles.open', { id: acme.id })
    await source.call('apiKey.store', { apiKey: API_KEY })
    const setup = { ...SAMPLE_SETUP, domainInput: 'acme.com', checklist: { 'prerequisites.dialpad-admin': true } }
    await source.call('setup.save', { state: setup })
    const exported = await source.call('bundle.export', { id: acme.id, includeKeyHint: false })
    expect(exported.fileName).toBe('acme.com.dialpad-sso.json')
    expect(exported.text).not.toContain(API_KEY)
    expect(exported.text).not.toContain('ABCD')

    const target = await app()
    const base64 = Buffer.from(exported.text).toString('base64')
    const preview = await target.call('bundle.preview', { fileName: exported.fileName, base64 })
    expect(preview).toMatchObject({ kind: 'ready', matches: [] })
    const { profile } = await target.call('bundle.import', { base64, target: { kind: 'new' }, acceptDigestMismatch: false })
    expect(profile.name).toBe('Acme')
    expect((await target.call('profiles.open', { id: profile.id })).state).toEqual(setup)
    expect((await target.call('apiKey.status', {})).stored).toBe(false)
  })
})
