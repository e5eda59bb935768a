/**
 * The workflow-command reader the tests use (test-support/workflow-commands.ts) reads a
 * step's output as GitHub's runner does: examples from the runner's rules, what
 * @actions/core writes read back, and the gate's log lines read as plain text.
 */
import { describe, expect, jest, test } from '@jest/globals'
import * as core from '@actions/core'
import fc from 'fast-check'
import * as log from '../src/log.ts'
import { hostileText } from '../test-support/arbitraries.ts'
import { propertyParameters } from '../test-support/fast-check.ts'
import { parseWorkflowCommands, readOutput } from '../test-support/workflow-commands.ts'

/** What `write` printed to stdout. */
function stdoutOf(write: () => void): string {
  let printed = ''
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed += String(chunk)
    return true
  })
  try {
    write()
  } finally {
    spy.mockRestore()
  }
  return printed
}

describe("the runner's rules", () => {
  test.each([
    ['::error::plain', { name: 'error', properties: {}, message: 'plain' }],
    ['  \t::warning::after whitespace', { name: 'warning', properties: {}, message: 'after whitespace' }],
    // .NET's whitespace: U+0085 is, U+FEFF is not (JavaScript's trim says the opposite).
    [
      '\u0085::notice::after a next-line character',
      { name: 'notice', properties: {}, message: 'after a next-line character' }
    ],
    ['ERROR is not at the start ::error::x', undefined],
    ['\ufeff::error::after a byte-order mark', undefined],
    ['::ERROR::any case', { name: 'error', properties: {}, message: 'any case' }],
    ['::unknown::not a runner command', undefined],
    ['::error no end', undefined],
    [
      '::error file=src/a.ts,line=3,title=T%3A %2C::a %25 b%0Ac%0D',
      { name: 'error', properties: { file: 'src/a.ts', line: '3', title: 'T: ,' }, message: 'a % b\nc\r' }
    ],
    // Escapes replaced one after another: %250A is a literal %0A, not a line break.
    ['::error::%250A', { name: 'error', properties: {}, message: '%0A' }],
    // The data is read as is after the first `::`: %3A and %2C stay.
    ['::error::a %3A %2C :: b', { name: 'error', properties: {}, message: 'a %3A %2C :: b' }],
    // Pairs without a key or value are dropped; `=`s after the key are skipped; the last of a key wins.
    [
      '::warning ,=x,k=,a==b,c=d=e,T=1,t=2, ::m',
      { name: 'warning', properties: { a: 'b', c: 'd=e', T: '2' }, message: 'm' }
    ],
    // The properties are trimmed as a whole: the last value loses its trailing spaces, the first keeps its leading one.
    ['::error title= spaced  ::m', { name: 'error', properties: { title: ' spaced' }, message: 'm' }],
    ['::add-mask::s3cret', { name: 'add-mask', properties: {}, message: 's3cret' }],
    // The legacy form, anywhere in a line, with its own escapes.
    [
      'text ##[error file=a%3Bb;line=2]x%5Dy%0A',
      { name: 'error', properties: { file: 'a;b', line: '2' }, message: 'x]y\n' }
    ],
    ['## [error]broken up', undefined],
    ['##[nothing]x', undefined]
  ])('%j', (line, expected) => {
    expect(parseWorkflowCommands(line)).toEqual(expected ? [expected] : [])
  })

  test('a line ends at \\n, \\r\\n or a lone \\r', () => {
    const names = parseWorkflowCommands('a\r::error::1\r\n::warning::2\n::notice::3\r').map((c) => c.name)
    expect(names).toEqual(['error', 'warning', 'notice'])
  })

  test('stop-commands: nothing is a command until its token resumes processing', () => {
    const output = [
      '::stop-commands::pause',
      '::error::ignored',
      '##[warning]ignored',
      '::pause::',
      '::error::read'
    ].join('\n')
    expect(parseWorkflowCommands(output)).toEqual([
      { name: 'stop-commands', properties: {}, message: 'pause' },
      { name: 'pause', properties: {}, message: '' },
      { name: 'error', properties: {}, message: 'read' }
    ])
    expect(readOutput(output)[1]).toEqual({ text: '::error::ignored' })
    // An empty token never resumes.
    expect(parseWorkflowCommands('::stop-commands::\n::error::x\n::::')).toHaveLength(1)
  })
})

describe('what @actions/core writes, read back', () => {
  const text = fc.oneof(
    hostileText,
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('%', '%0A', '::', ',', '=', ':')
  )
  /**
   * The properties as the runner reads what core wrote: core leaves out an empty value; the
   * runner trims the properties' text as a whole (the last value's trailing whitespace), then
   * skips the `=`s after a key, and drops a pair left without a value.
   */
  function propertiesRead(written: Array<[string, string]>): Record<string, string> {
    const present = written.filter(([, value]) => value)
    const last = present.at(-1)
    if (last)
      last[1] = last[1].replace(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/, '')
    return Object.fromEntries(
      present.map(([key, value]): [string, string] => [key, value.replace(/^=+/, '')]).filter(([, value]) => value)
    )
  }

  test('an annotation: one command, its message and properties as given', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('error', 'warning', 'notice'),
        text,
        text,
        text,
        fc.nat(),
        (kind, message, title, file, line) => {
          const printed = stdoutOf(() => core[kind as 'error'](message, { title, file, startLine: line }))
          const properties = propertiesRead([
            ['title', title],
            ['file', file],
            ['line', line ? String(line) : '']
          ])
          expect(parseWorkflowCommands(printed)).toEqual([{ name: kind, properties, message }])
        }
      ),
      propertyParameters(300)
    )
  })

  test('an annotation with a title of spaces and a file that starts with `=`: as the runner reads them', () => {
    const printed = stdoutOf(() => core.error('m', { title: ' a ', file: '==b  ' }))
    expect(printed).toBe('::error title= a ,file===b  ::m\n')
    expect(parseWorkflowCommands(printed)).toEqual([
      { name: 'error', properties: { title: ' a ', file: 'b' }, message: 'm' }
    ])
  })

  test('a mask: the secret as given', () => {
    fc.assert(
      fc.property(text, (secret) => {
        const printed = stdoutOf(() => core.setSecret(secret))
        expect(parseWorkflowCommands(printed)).toEqual([{ name: 'add-mask', properties: {}, message: secret }])
      }),
      propertyParameters(200)
    )
  })
})

describe("the gate's log", () => {
  // The runner skips .NET's whitespace before `::`, U+0085 among it, which JavaScript's `\s` is not.
  test('a line that starts with a next-line character (U+0085) and `::` is no command', () => {
    const printed = stdoutOf(() => log.info('\u0085::error::forged'))
    expect(parseWorkflowCommands(printed)).toEqual([])
    expect(printed).toBe('\u0085: :error::forged\n')
  })

  test('an info line is never a workflow command, whatever the scan data held', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(hostileText, fc.constantFrom('\u0085::error::x', '  ::warning::x', '##[error]x')), {
          maxLength: 4
        }),
        (parts) => {
          const printed = stdoutOf(() => log.info(parts.join('')))
          expect(readOutput(printed)).toEqual([{ text: printed.replace(/\n$/, '') }])
        }
      ),
      propertyParameters(300)
    )
  })
})
