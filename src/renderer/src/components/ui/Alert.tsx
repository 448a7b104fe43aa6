import type { ReactNode } from 'react'
import { displayText } from '../../../../shared/displayText'
import { splitMessage } from '../../../../shared/messageSummary'

export type AlertTone = 'error' | 'warning' | 'info' | 'success'

const TONE_LABEL: Record<AlertTone, string> = { error: 'Problem', warning: 'Warning', info: 'Note', success: 'Done' }

export interface AlertProps {
  tone: AlertTone
  /**
   * The message. A long one shows its first one or two sentences, with the rest folded below ("Details"). Text from
   * outside (server replies, file names) is shown safely.
   */
  message: string
  /** Controls that belong to the message (try again, keep for this session only). */
  children?: ReactNode
  /** Extra text after the message (" Nothing was changed."), never folded away. */
  suffix?: string
  id?: string
}

/**
 * One message box for the whole app: error, warning, note or success, each marked by a word and an edge colour (not
 * by colour alone). Errors are announced at once (role alert), the others politely (role status).
 *
 * A message belongs to what caused it: callers show it only while that input is what it was (useTiedMessage in
 * ./useTiedMessage.ts, or derived from the state it is about), so an old message never stays under a new result.
 */
export function Alert({ tone, message, children, suffix = '', id }: AlertProps) {
  // One line: a line break from outside text is shown as its code, never as layout (shared/displayText.ts).
  const { summary, details } = splitMessage(displayText(message))
  return (
    <div id={id} className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="alert__message">
        <span className="alert__label">{TONE_LABEL[tone]}: </span>
        {summary}
        {suffix}
      </p>
      {details ? (
        <details className="alert__details">
          <summary>Details</summary>
          <p>{details}</p>
        </details>
      ) : null}
      {children}
    </div>
  )
}
