import type { ErrorCode } from '../../../shared/envelope'
import { errorMessage } from '../../../shared/errorMessage'
import type { WizardStepId } from '../../../shared/wizard/steps'
import { ApiError } from '../api/client'

/**
 * The one place the window decides what to do about a failed call, by its code (shared/envelope.ts), never by its
 * wording: screens show `message` and offer `action`; the store follows the actions that need no choice.
 */
export type FailureAction =
  /** The message says what happened and what to do next: show it where the admin acted. */
  | { kind: 'show' }
  /** The open profile is gone (deleted, or main no longer has it open): back to the profile list, refreshed, with the message there. */
  | { kind: 'leave-profile' }
  /** No keychain on this computer: offer to keep the API key in memory for this session only. */
  | { kind: 'offer-session-key' }
  /** Something has to be done on another step first: offer to go there. */
  | { kind: 'go-to-step'; stepId: WizardStepId; label: string }

export interface Failure {
  code: ErrorCode
  message: string
  action: FailureAction
}

const SHOW: FailureAction = { kind: 'show' }

const ACTIONS: Record<ErrorCode, FailureAction> = {
  'keychain-unavailable': { kind: 'offer-session-key' },
  // A locked keychain is unlocked, not worked around: the message says how.
  'keychain-locked': SHOW,
  'no-api-key': { kind: 'go-to-step', stepId: 'store-api-key', label: 'Go to “Store the API key”' },
  'profile-not-found': { kind: 'leave-profile' },
  'no-open-profile': { kind: 'leave-profile' },
  'invalid-input': SHOW,
  'untrusted-sender': SHOW,
  'unknown-method': SHOW,
  failed: SHOW,
}

export function failureAction(code: ErrorCode): FailureAction {
  return ACTIONS[code]
}

/** Any thrown value as a Failure: a failed call keeps its code; anything else (a bug in the window) is 'failed'. */
export function failureOf(error: unknown): Failure {
  const code: ErrorCode = error instanceof ApiError ? error.code : 'failed'
  return { code, message: errorMessage(error), action: failureAction(code) }
}
