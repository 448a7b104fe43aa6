/**
 * The contract's method names, kept free of zod so the sandboxed preload bundle stays tiny.
 * contract.ts checks at compile time that its keys are exactly these.
 */
export const METHOD_NAMES = ['sp.derive', 'setup.load', 'setup.save', 'clipboard.copy'] as const
export type MethodName = (typeof METHOD_NAMES)[number]

export function ipcChannel(method: MethodName): string {
  return `api:${method}`
}
