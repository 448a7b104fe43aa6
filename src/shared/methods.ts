import type { Api } from './contract'

/**
 * The contract's method names, kept free of zod so the sandboxed preload bundle stays tiny.
 * contract.ts checks at compile time that its keys are exactly these.
 */
export const METHOD_NAMES = [
  'sp.derive',
  'profiles.list',
  'profiles.create',
  'profiles.rename',
  'profiles.setNotes',
  'profiles.duplicate',
  'profiles.delete',
  'profiles.open',
  'setup.save',
  'bundle.export',
  'bundle.preview',
  'bundle.import',
  'bundle.takeOpened',
  'report.build',
  'report.html',
  'clipboard.copy',
  'certificate.import',
  'metadata.import',
  'apiKey.status',
  'apiKey.store',
  'apiKey.keepForSession',
  'apiKey.delete',
  'apiKey.copyToClipboard',
  'scim.start',
  'scim.findUser',
  'sso.checkServices',
  'sso.startLogin',
  'sso.validateResponse',
  'liveCheck.progress',
  'liveCheck.cancel',
] as const
export type MethodName = (typeof METHOD_NAMES)[number]

export function ipcChannel(method: MethodName): string {
  return `api:${method}`
}

/**
 * An Api (window.api's shape) whose every method forwards to `call`: one function per contract method,
 * taking only its input, frozen. The preload, the browser-preview transport and the renderer's
 * fallback all build theirs with this.
 */
export function apiFrom(call: (method: MethodName, input: unknown) => Promise<unknown>): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const method of METHOD_NAMES) api[method] = (input: unknown) => call(method, input)
  return Object.freeze(api) as unknown as Api
}
