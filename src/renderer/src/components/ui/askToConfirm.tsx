import type { ReactNode } from 'react'
import { create } from 'zustand'
import { ConfirmDialog } from '../ConfirmDialog'

export interface ConfirmRequest {
  title: string
  /** What will happen, in the admin's words. */
  body: ReactNode
  confirmLabel: string
  cancelLabel?: string
  tone?: 'danger' | 'primary'
}

interface Asking extends ConfirmRequest {
  answer(confirmed: boolean): void
}

/** The question on screen, if any: UI state only, never saved. */
const useAsking = create<{ asking: Asking | null }>(() => ({ asking: null }))

/**
 * Asks in the app's own confirmation dialog (never the browser's own confirmation box): resolves true when the admin confirms,
 * false when they cancel (or when another question replaces this one). Usable outside React (leaving a profile).
 * <ConfirmHost /> shows it.
 */
export function askToConfirm(request: ConfirmRequest): Promise<boolean> {
  return new Promise((resolve) => {
    useAsking.getState().asking?.answer(false)
    const answer = (confirmed: boolean) => {
      if (useAsking.getState().asking?.answer === answer) useAsking.setState({ asking: null })
      resolve(confirmed)
    }
    useAsking.setState({ asking: { ...request, answer } })
  })
}

/** Rendered once, at the top of the window. */
export function ConfirmHost() {
  const asking = useAsking((s) => s.asking)
  if (!asking) return null
  return (
    <ConfirmDialog
      key={asking.title}
      title={asking.title}
      confirmLabel={asking.confirmLabel}
      cancelLabel={asking.cancelLabel}
      tone={asking.tone}
      onConfirm={() => asking.answer(true)}
      onCancel={() => asking.answer(false)}
    >
      {typeof asking.body === 'string' ? <p>{asking.body}</p> : asking.body}
    </ConfirmDialog>
  )
}
