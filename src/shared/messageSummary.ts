/**
 * How a long message is shown: its first sentences as the summary, the rest folded below as details, so an error is
 * one or two sentences at first sight (the fix is usually the second) and the technical part is a click away.
 */
export interface SplitMessage {
  summary: string
  /** What follows the summary; '' when the message is short enough to show whole. */
  details: string
}

/** A sentence ends at ".", "!" or "?" (after a closing quote or bracket too) before a space and a capital or digit. */
const SENTENCE_END = /(?<=[.!?][”’")\]]?)\s+(?=[A-Z0-9“"(])/u

/** Up to `sentences` sentences (default two) stay in the summary; a message of three sentences or fewer stays whole. */
export function splitMessage(text: string, sentences = 2): SplitMessage {
  const trimmed = text.trim()
  const parts = trimmed.split(SENTENCE_END)
  if (parts.length <= sentences + 1) return { summary: trimmed, details: '' }
  return { summary: parts.slice(0, sentences).join(' '), details: parts.slice(sentences).join(' ') }
}
