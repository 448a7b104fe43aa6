/**
 * A list in a message, bounded: the first `max` items, shown with `show`, then how many more ("a, b, c, d, e and 3
 * more"). Outside input can hold thousands of entries; a message names a few and counts the rest.
 */
export function listSome(items: readonly string[], show: (item: string) => string = (item) => item, max = 5): string {
  const shown = items.slice(0, max).map(show).join(', ')
  return items.length > max ? `${shown} and ${items.length - max} more` : shown
}
