/**
 * The values that must never be shown. The runner masks its own log, but nothing masks
 * what the action writes through an API (a PR comment), so every text that leaves the
 * action passes through `redact`. Which call does what:
 * - The guarantee is at the exits, each redacting all it writes, whatever the text's
 *   origin (an input, an SSD answer, a GitHub reply): `log.ts` (log lines, annotations,
 *   the failure), `outputs.ts` (step outputs), `files.ts` (result file, SARIF file),
 *   `publish.ts` (job summary, PR comment). A new way out must redact there too.
 * - Before a step that would hide a secret from the exits: an SSD answer is redacted with
 *   `redactJson` as it arrives (`ssd-client.ts`), since its JSON escapes survive into the
 *   result file and parsing would undo them; `escapeText` (`markdown.ts`) redacts before
 *   it escapes or cuts; `safeUrl` links no URL that carries a secret.
 * - Belts and braces: `excerpt` (`ssd-client.ts`) redacts a server's message, already
 *   redacted on arrival, again before cutting it.
 */
import * as core from '@actions/core'

const secrets = new Set<string>()
/** Each secret as JSON may write it, a character at a time escaped (`\u005f`, `\/`). */
const jsonForms: RegExp[] = []

/** Masks `value` in the runner's log and removes it from every text `redact` sees. */
export function addSecret(value: string): void {
  if (!value || secrets.has(value)) return
  core.setSecret(value)
  for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) {
    secrets.add(form)
  }
  jsonForms.push(jsonEscapedPattern(value))
}

export function redact(text: string): string {
  let result = text
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.split(secret).join(mask(secret))
  }
  return result
}

/**
 * `***`, or shorter for a shorter secret: redaction never lengthens a text, so a text
 * sized to fit a limit (the PR comment) still fits once redacted.
 */
function mask(secret: string): string {
  return '*'.repeat(Math.min(3, secret.length))
}

/**
 * Redacts raw JSON text, where a server echoing the secret may have escaped any of its
 * characters: the text is kept as it came, so decoding it later cannot bring the secret back.
 */
export function redactJson(text: string): string {
  let result = redact(text)
  if (!result.includes('\\')) return result
  for (const pattern of jsonForms) result = result.replace(pattern, mask)
  return result
}

function jsonEscapedPattern(secret: string): RegExp {
  const characters = [...secret].map((char) => {
    const hex = [...char.charCodeAt(0).toString(16).padStart(4, '0')]
      .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
      .join('')
    const literal = char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    return `(?:${literal}|\\\\u${hex}${char === '/' ? '|\\\\/' : ''})`
  })
  return new RegExp(characters.join(''), 'g')
}
