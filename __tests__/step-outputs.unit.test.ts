/**
 * GITHUB_OUTPUT read back as the runner reads it (test-support/runner.ts parseOutputs):
 * examples from the runner's rules, and whatever @actions/core writes there, read back as
 * it was set.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as core from '@actions/core'
import fc from 'fast-check'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hostileText } from '../test-support/arbitraries.ts'
import { propertyParameters } from '../test-support/fast-check.ts'
import { parseOutputs } from '../test-support/runner.ts'

describe("the runner's rules", () => {
  test.each([
    ['name=value\n', { name: 'value' }],
    ['a=b=c\nempty=\n', { a: 'b=c', empty: '' }],
    // `=` before `<<`: a plain value that holds `<<`.
    ['a=x<<y\n', { a: 'x<<y' }],
    ['a<<EOF\nline 1\nline 2\nEOF\n', { a: 'line 1\nline 2' }],
    ['a<<EOF\nEOF\n', { a: '' }],
    ['a<<EOF\n\nEOF\n', { a: '' }],
    ['a<<EOF\n\n\nEOF\n', { a: '\n' }],
    // Only a line that is exactly the delimiter ends the value; a `\r` is the line's own.
    ['a<<EOF\n EOF\nEOF \nEOF\r\nEOF\n', { a: ' EOF\nEOF \nEOF\r' }],
    ['a<<EOF\r\nx\nEOF\r\n', { a: 'x' }],
    ['\n\na=1\n\na=2', { a: '2' }]
  ])('%j', (text, expected) => {
    expect(parseOutputs(text)).toEqual(expected)
  })

  test.each([['just text\n'], ['<<EOF\nx\nEOF\n'], ['a<<\nx\n\n'], ['a<<EOF\nx\n']])('%j fails the step', (text) => {
    expect(() => parseOutputs(text)).toThrow(/GITHUB_OUTPUT/)
  })
})

describe('what @actions/core writes, read back', () => {
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ssd-gate-outputs-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('any values: each output as it was set, the last of a name', () => {
    const name = fc.stringMatching(/^[A-Za-z_][\w-]{0,20}$/)
    const value = fc.oneof(
      hostileText,
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('', '\n', '\r\n', 'EOF', '<<', 'a=b')
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 6 }), (outputs) => {
        const file = join(dir, 'output')
        writeFileSync(file, '')
        const previous = process.env.GITHUB_OUTPUT
        process.env.GITHUB_OUTPUT = file
        try {
          for (const [key, text] of outputs) core.setOutput(key, text)
        } finally {
          process.env.GITHUB_OUTPUT = previous
        }
        expect(parseOutputs(readFileSync(file, 'utf8'))).toEqual(Object.fromEntries(outputs))
      }),
      propertyParameters(200)
    )
  })
})
