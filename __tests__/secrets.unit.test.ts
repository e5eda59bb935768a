import { expect, test } from '@jest/globals'
import { safeUrl } from '../src/markdown.ts'
import { addSecret, redact, redactJson } from '../src/secrets.ts'

const SECRET = 'tok_en/with(parts'
addSecret(SECRET)

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
