/**
 * SSD's summary of a branch's latest scan (src/scan-summary.ts): what it takes from the
 * answer, what it refuses, and how two commits are matched.
 */
import { describe, expect, test } from '@jest/globals'
import { parseSummary, sameCommit, shortSha } from '../src/scan-summary.ts'
import { AnswerShapeError } from '../src/scans.ts'

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'

describe('parseSummary', () => {
  test.each([
    [null, 'expected a JSON object, got null'],
    [[{ scanId: 'x' }], 'expected a JSON object, got an array'],
    ['{"scanId":"x"}', 'expected a JSON object, got string'],
    [7, 'expected a JSON object, got number'],
    [undefined, 'expected a JSON object, got undefined']
  ])('%j is not a summary: %s', (answer, message) => {
    expect(() => parseSummary(answer)).toThrow(AnswerShapeError)
    expect(() => parseSummary(answer)).toThrow(message)
  })

  test.each([
    [{}],
    [{ scanId: '' }],
    [{ scanId: '   ' }],
    [{ scanId: true }],
    [{ scanId: { id: 'x' } }],
    [{ status: 'completed' }]
  ])('%j: no scan of the branch yet', (answer) => {
    expect(parseSummary(answer)).toBeUndefined()
  })

  test("a scanId inherited, not the answer's own, is no scanId", () => {
    expect(parseSummary(Object.create({ scanId: 'inherited' }))).toBeUndefined()
  })

  test('every field, trimmed; a number as its text; the state from the status', () => {
    expect(
      parseSummary({
        scanId: ' 0x29ab8 ',
        headCommit: ` ${SHA.toUpperCase()} `,
        status: ' Completed ',
        projectName: ' demo ',
        platform: ' github ',
        lastScannedAt: 1733300000,
        extra: 'ignored'
      })
    ).toEqual({
      scanId: '0x29ab8',
      headCommit: SHA,
      status: 'Completed',
      state: 'completed',
      projectName: 'demo',
      platform: 'github',
      lastScannedAt: '1733300000',
      files: []
    })
    expect(parseSummary({ scanId: 42 })).toEqual({
      scanId: '42',
      headCommit: '',
      status: '',
      state: 'running',
      projectName: '',
      platform: '',
      lastScannedAt: '',
      files: []
    })
    expect(parseSummary({ scanId: 'x', status: 'fail' })?.state).toBe('failed')
  })

  test.each([
    [SHA, SHA],
    [SHA.slice(0, 7), SHA.slice(0, 7)],
    [SHA.slice(0, 6), ''],
    [`${SHA}0`, ''],
    [`g${SHA.slice(1)}`, ''],
    [`${SHA.slice(0, 10)} x`, ''],
    [`x${SHA.slice(0, 10)}`, ''],
    ['main', ''],
    [12345678, '12345678']
  ])('headCommit %j is %j: only a SHA of 7 to 40 hex digits counts', (headCommit, expected) => {
    expect(parseSummary({ scanId: 'x', headCommit })?.headCommit).toBe(expected)
  })
})

describe('sameCommit', () => {
  test.each([
    [SHA, SHA, true],
    [SHA.slice(0, 7), SHA, true],
    [SHA, SHA.slice(0, 12), true],
    [SHA.toUpperCase(), SHA.slice(0, 7), true],
    [SHA.slice(0, 7), SHA.toUpperCase(), true],
    [SHA.slice(0, 6), SHA, false],
    [SHA, SHA.slice(0, 6), false],
    [SHA.slice(0, 6), SHA.slice(0, 6), false],
    ['', '', false],
    [SHA.slice(1, 9), SHA, false],
    [`${SHA.slice(0, 7)}f`, SHA, false]
  ])('%j and %j: %j', (a, b, same) => {
    expect(sameCommit(a, b)).toBe(same)
  })
})

test('shortSha is the first seven characters', () => {
  expect(shortSha(SHA)).toBe('a1b2c3d')
  expect(shortSha('abc')).toBe('abc')
})
