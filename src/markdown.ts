/**
 * Turning untrusted text into inert GitHub markdown: it cannot break a table, open an HTML
 * element, hide a comment marker, link where it likes, or notify a person or an issue.
 */

import { shortSha } from './scan-summary.ts'
import { redact } from './secrets.ts'
import { cutText } from './text.ts'

const ZERO_WIDTH_SPACE = '\u200b'
const MAX_URL_LENGTH = 2000

/**
 * What would be markdown, HTML, a mention or a link in untrusted text, in one pattern, so
 * a long report is escaped in one pass per text:
 * - `&`, `<`, `>` become entities (no HTML, no hidden-marker look-alike);
 * - emphasis, code, link and image, strikethrough and table-cell characters get a backslash;
 * - @user, #123 and GH-123 would notify or cross-link, and a bare URL or e-mail address
 *   would be autolinked (a link to an issue cross-references it): a zero-width space breaks
 *   each, wherever it stands (GFM autolinks after `_`, `*`, `~` or `(` too, where a word
 *   boundary is not; and `a@.b` is an e-mail address to GFM).
 */
const UNSAFE = /[&<>\\`*_[\]|~!]|#(\d)?|@(?=[\w.-])|(GH)(?=-\d)|(https?|ftp):(?=\/\/)|(www)\./gi

/**
 * What would open a block when the text starts a line (a caveat under `> `, a list item's
 * text): a list marker (`-`, `+`, `1.`, `1)`), or a line of `=` or `-` that would turn the
 * line above into a heading. `*`, `#`, `>` and fences are escaped anywhere already.
 */
const BLOCK_START = /^(?:[-+](?= |$)|=+$|-+$|\d{1,9}(?=[.)](?: |$)))/
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

function escapeMatch(match: string, digit?: string, gh?: string, scheme?: string, www?: string): string {
  if (match[0] === '#') return `\\#${digit ? ZERO_WIDTH_SPACE + digit : ''}`
  if (match === '@') return `@${ZERO_WIDTH_SPACE}`
  if (gh) return gh + ZERO_WIDTH_SPACE
  if (scheme) return `${scheme}:${ZERO_WIDTH_SPACE}`
  if (www) return `${www}${ZERO_WIDTH_SPACE}.`
  return ENTITIES[match] ?? `\\${match}`
}

/**
 * One line of literal text, safe inside a table cell or a heading, cut to `maxLength`
 * (before escaping) on a character boundary.
 */
export function escapeText(value: string, maxLength = 300): string {
  // Redacted first: escaping would hide a secret from the exits' redaction, cutting would leave
  // part of it (see secrets.ts).
  const flat = redact(value)
    .toWellFormed()
    .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim()
  return cutText(flat, maxLength)
    .replace(UNSAFE, escapeMatch)
    .replace(BLOCK_START, (start) => (/\d/.test(start) ? `${start}\\` : `\\${start}`))
}

/**
 * A markdown link destination for an http(s) URL, or undefined for any other URL, so data
 * can never produce a `javascript:` or relative link, nor cross-reference an issue. The characters that would end the
 * destination or split a table cell are percent-encoded.
 */
export function safeUrl(value: string): string | undefined {
  // A URL that carries a secret is not linked (its text is shown redacted).
  if (carriesSecret(value)) return undefined
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  if (url.username || url.password || url.href.length > MAX_URL_LENGTH) return undefined
  // Linking an issue, pull request or discussion would add a "mentioned this" event to it.
  if (/^\/[^/]+\/[^/]+\/(issues|pull|discussions)\/\d/i.test(url.pathname)) return undefined
  // Each of these characters is above U+001F: two hex digits.
  return url.href.replace(/[()|\\<>"`[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** `[text](url)` when the URL is http(s), else the escaped text alone. */
export function linkOrText(text: string, url: string, maxLength?: number): string {
  const label = escapeText(text, maxLength)
  const href = safeUrl(url)
  return href ? `[${label}](${href})` : label
}

function carriesSecret(value: string): boolean {
  let decoded = value
  try {
    decoded = decodeURIComponent(value)
  } catch {
    // not percent-encoded text: the value as it is
  }
  return redact(value) !== value || redact(decoded) !== decoded
}

/** A commit's short SHA, linked to its page on GitHub when the repository is known. */
export function commitLink(sha: string, repositoryUrl: string | undefined): string {
  // Stryker disable next-line StringLiteral: without a repository any non-http text is no link either
  return linkOrText(shortSha(sha), repositoryUrl ? `${repositoryUrl}/commit/${sha}` : '')
}

/**
 * A score as SSD wrote it (`2.4`), or rounded when that is too long to show: never cut,
 * since `3.3333333333333334e…` would read as 3.3.
 */
export function shownScore(text: string, score: number): string {
  if (text.length <= MAX_SCORE_LENGTH) return escapeText(text, MAX_SCORE_LENGTH)
  // Six digits are enough; a huge number rounded still prints in full (1e20 has 21 digits).
  const rounded = String(Number(score.toPrecision(6)))
  return escapeText(rounded.length <= MAX_SCORE_LENGTH ? rounded : score.toExponential(4), MAX_SCORE_LENGTH)
}

const MAX_SCORE_LENGTH = 20

/** A block folded away under a one-line summary; blank lines keep a table inside it a table. */
export function folded(summary: string, block: string): string {
  return `<details><summary>${summary}</summary>\n\n${block}\n\n</details>`
}
