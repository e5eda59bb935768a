/**
 * Cutting text without breaking a character. JavaScript strings are UTF-16: a plain
 * `slice` can split an emoji's surrogate pair (written out as `�`), or part a letter from
 * its accents, so every cut of text that is shown goes through here.
 */

/** How far around a cut graphemes are looked for; a longer cluster is cut at a code point. */
const WINDOW = 64

let graphemes: Intl.Segmenter | undefined

/**
 * `text` in at most `maxLength` UTF-16 units; when it is longer, cut at a character
 * boundary with `ellipsis` appended (both within `maxLength`).
 */
export function cutText(text: string, maxLength: number, ellipsis = '…'): string {
  if (text.length <= maxLength) return text
  if (maxLength < ellipsis.length) return ''
  return text.slice(0, characterBoundary(text, maxLength - ellipsis.length)) + ellipsis
}

/**
 * The last boundary between user-perceived characters at or before `index`: never inside
 * a surrogate pair, between a letter and its combining marks, or inside a joined emoji.
 */
export function characterBoundary(text: string, index: number): number {
  // Stryker disable next-line EqualityOperator: at 0 the search below finds 0 too
  if (index <= 0) return 0
  // Stryker disable next-line EqualityOperator: at the end itself the search below finds the end too
  if (index >= text.length) return text.length
  const start = Math.max(0, index - WINDOW)
  // Stryker disable next-line ObjectLiteral: 'grapheme' is the default granularity, written out for the reader
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  const segment = graphemes.segment(text.slice(start, index + WINDOW)).containing(index - start)
  // Stryker disable next-line OptionalChaining,ArithmeticOperator: inside the text (checked above) a segment always contains the index
  const offset = segment?.index ?? index - start
  const boundary = start + offset
  // A cluster reaching back past the window (text heaped with combining marks): a code point will do.
  return boundary > start || start === 0 ? boundary : codePointBoundary(text, index)
}

/** The last code point boundary at or before `index`: not between a surrogate pair's halves. */
export function codePointBoundary(text: string, index: number): number {
  // Stryker disable next-line EqualityOperator: at 0 and at the end, the pair test below returns the index too
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length))
  const before = text.charCodeAt(index - 1)
  const at = text.charCodeAt(index)
  return isHighSurrogate(before) && isLowSurrogate(at) ? index - 1 : index
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * Untrusted text on one short line, for a log line, an annotation or a message: well-formed,
 * every run of white space and control characters (C0 and C1, U+0085 among them) one space,
 * trimmed, and cut at a character boundary.
 */
export function oneLine(text: string, maxLength: number): string {
  return cutText(
    text
      .toWellFormed()
      .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
      .trim(),
    maxLength
  )
}

/** `1 check`, `12 checks`, `1,204 findings`: a count and its noun, in the right number. */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * The '/'s that end a URL or path, for `.replace(TRAILING_SLASHES, '')`. A match starts only
 * at a run's first '/': tried from each '/' of a long run, `/\/+$/` is quadratic.
 */
export const TRAILING_SLASHES = /(?<!\/)\/+$/
