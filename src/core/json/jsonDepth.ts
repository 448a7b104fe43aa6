/**
 * Whether JSON text nests arrays and objects deeper than `max`, counted on the text (strings stepped over) before
 * JSON.parse builds anything. JSON from outside (a bundle, a SCIM answer) is a few levels deep; a megabyte of "[[[[…"
 * within the size limit would cost JSON.parse over 100 MB.
 */
export function jsonNestedDeeperThan(text: string, max: number): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x22) {
      // A string: to its closing quote, stepping over escapes.
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i)
        if (inner === 0x5c) i++
        else if (inner === 0x22) break
      }
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > max) return true
    } else if (code === 0x5d || code === 0x7d) {
      depth--
    }
  }
  return false
}
