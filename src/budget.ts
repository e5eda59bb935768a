/**
 * A size allowance that every part of a document draws from before it is added, so the
 * whole provably stays within a limit however many parts there are.
 *
 * Sizes are UTF-8 bytes: a text never has more characters (code points) nor UTF-16 units
 * than bytes, so a byte budget holds for GitHub's character limits whichever way they count.
 */
export class Budget {
  #left: number

  constructor(bytes: number) {
    this.#left = bytes
  }

  /** Bytes still free. */
  get left(): number {
    return Math.max(0, this.#left)
  }

  /** Takes room for `text` and returns true, or takes nothing and returns false. */
  take(text: string): boolean {
    const size = byteLength(text)
    if (size > this.#left) return false
    this.#left -= size
    return true
  }

  /**
   * Takes room for text that must be added whether it fits or not (a headline); once the
   * budget is overdrawn nothing else fits.
   */
  spend(text: string): void {
    this.#left -= byteLength(text)
  }

  /** Hands back room taken for `text` (a reservation that turned out larger than needed). */
  give(text: string): void {
    this.#left += byteLength(text)
  }
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text) // UTF-8, its default
}

/**
 * As many of `items` (at most `max`) as fit, one line each, then `more(n)` for the rest. Room
 * for `more` at its longest is taken first, so it always fits after the lines shown; nothing
 * at all when even that does not fit. Each line costs its text and a line break. `shown`:
 * how many items are listed.
 */
export function takeLines<T>(
  budget: Budget,
  items: readonly T[],
  render: (item: T) => string,
  more: (count: number) => string,
  max = Infinity
): { lines: string[]; shown: number } {
  // Stryker disable next-line ConditionalExpression: with no items the room taken is handed back and nothing listed; this skips the work
  if (items.length === 0) return { lines: [], shown: 0 }
  const longestMore = more(items.length) + '\n'
  if (!budget.take(longestMore)) return { lines: [], shown: 0 }
  const lines: string[] = []
  for (const item of items.slice(0, max)) {
    const line = render(item)
    if (!budget.take(line + '\n')) break
    lines.push(line)
  }
  budget.give(longestMore)
  const shown = lines.length
  if (shown < items.length) {
    const line = more(items.length - shown)
    budget.spend(line + '\n') // no longer than the room handed back
    lines.push(line)
  }
  return { lines, shown }
}
