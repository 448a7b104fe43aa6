import type { CheckStep } from '../../shared/checkRun'

export const REDACTED_KEY = '[API key hidden]'

/** Removes every occurrence of the secret from text, also in the escaped forms a server might echo it in. */
export function redactSecret(text: string, secret: string): string {
  if (!secret) return text
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])
  let result = text
  for (const form of [...forms].sort((a, b) => b.length - a.length)) result = result.split(form).join(REDACTED_KEY)
  return result
}

export function redactStep(step: CheckStep, secret: string): CheckStep {
  return {
    ...step,
    title: redactSecret(step.title, secret),
    detail: redactSecret(step.detail, secret),
    ...(step.fix === undefined ? {} : { fix: redactSecret(step.fix, secret) }),
  }
}
