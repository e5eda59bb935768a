import { expect, jest, test } from '@jest/globals'
import { safeUrl } from '../src/markdown.ts'
import { addSecret, redact, redactJson } from '../src/secrets.ts'

const SECRET = 'tok_en/with(parts'

// addSecret writes the runner's `::add-mask::` command to stdout: capture it, so it is
// checked here instead of landing in the test run's output after jest's summary.
const maskCommands: string[] = []
function addSecretQuietly(value: string): void {
  const stdoutWrite = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    maskCommands.push(String(chunk))
    return true
  })
  addSecret(value)
  stdoutWrite.mockRestore()
}
addSecretQuietly(SECRET)
addSecretQuietly(SECRET)

test('addSecret asks the runner to mask the secret, once', () => {
  expect(maskCommands.join('')).toBe(`::add-mask::${SECRET}\n`)
})

test('redact removes the secret, its URL-encoded and JSON-escaped forms', () => {
  expect(redact(`a ${SECRET} b`)).toBe('a *** b')
  expect(redact(`?t=${encodeURIComponent(SECRET)}`)).toBe('?t=***')
})

test('redactJson removes the secret however JSON escaped its characters', () => {
  const escaped = '{"error":"bad tok\\u005Fen\\/with\\u0028parts here"}'
  expect(JSON.parse(escaped).error).toContain(SECRET)
  const redacted = redactJson(escaped)
  expect(JSON.parse(redacted).error).toBe('bad *** here')
  expect(redactJson('{"a":"\\u003cnothing secret\\u003e"}')).toBe('{"a":"\\u003cnothing secret\\u003e"}')
})

test('a URL that carries the secret is not linked', () => {
  expect(safeUrl(`https://example.com/?t=${SECRET}`)).toBeUndefined()
  expect(safeUrl(`https://example.com/?t=${encodeURIComponent(SECRET)}`)).toBeUndefined()
  expect(safeUrl('https://example.com/docs')).toBe('https://example.com/docs')
})

// Last: the one-letter secret it adds would be redacted in the tests above.
test('redaction never lengthens a text, even for a secret shorter than ***', () => {
  addSecretQuietly('Q')
  const text = `Q and Q again, \\u0051 in JSON, and ${SECRET}`
  expect(redact(text)).toBe(`* and * again, \\u0051 in JSON, and ***`)
  expect(redactJson(text)).toBe(`* and * again, *** in JSON, and ***`)
  expect(redactJson(text).length).toBeLessThanOrEqual(text.length)
})
