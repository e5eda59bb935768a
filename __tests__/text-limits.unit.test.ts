/**
 * Cutting text between characters (src/text.ts) and the size allowance a report draws from
 * (src/budget.ts), at their edges: the ends of a text, surrogate pairs at the ends of their
 * ranges, clusters far into a long text, a budget taken to its last byte.
 */
import { describe, expect, test } from '@jest/globals'
import { Budget, byteLength } from '../src/budget.ts'
import { characterBoundary, codePointBoundary, cutText, plural } from '../src/text.ts'

const E_ACUTE = 'e\u0301'

describe('codePointBoundary', () => {
  test('before the start is the start; past the end is the end', () => {
    expect(codePointBoundary('abc', -2)).toBe(0)
    expect(codePointBoundary('abc', 0)).toBe(0)
    expect(codePointBoundary('abc', 3)).toBe(3)
    expect(codePointBoundary('abc', 9)).toBe(3)
  })

  test.each([
    ['\ud800\udc00', 0],
    ['\udbff\udfff', 0],
    ['\ud800\udfff', 0],
    ['\udbff\udc00', 0],
    // Not a pair: a lone half on either side, or a unit just outside a half's range.
    ['a\udc00', 1],
    ['\ud800a', 1],
    ['\ud7ff\udc00', 1],
    ['\udc00\udc00', 1],
    ['\ud800\ud800', 1],
    ['\ud800\ue000', 1],
    ['\ud800\udbff', 1]
  ])('between the units of %j: %j', (text, boundary) => {
    expect(codePointBoundary(text, 1)).toBe(boundary)
  })
})

describe('characterBoundary', () => {
  test('before the start is the start; past the end is the end', () => {
    expect(characterBoundary('abc', -1)).toBe(0)
    expect(characterBoundary('abc', 7)).toBe(3)
    expect(characterBoundary('abc', 3)).toBe(3)
  })

  test('a letter and its accent stay together at the start of a text and far into a long one', () => {
    expect(characterBoundary(`${E_ACUTE}x`, 1)).toBe(0)
    const long = `${'a'.repeat(100)}${E_ACUTE}😀${'b'.repeat(100)}`
    expect(characterBoundary(long, 101)).toBe(100)
    expect(characterBoundary(long, 103)).toBe(102)
    expect(characterBoundary(long, 104)).toBe(104)
  })
})

describe('cutText', () => {
  test('room for the ellipsis alone: the ellipsis; less: nothing', () => {
    expect(cutText('abcdef', 1)).toBe('…')
    expect(cutText('abcdef', 0)).toBe('')
    expect(cutText('abcdef', 3, '...')).toBe('...')
    expect(cutText('abcdef', 2, '...')).toBe('')
  })
})

test('plural: one, several, thousands', () => {
  expect(plural(1, 'check')).toBe('1 check')
  expect(plural(0, 'check')).toBe('0 checks')
  expect(plural(1_204, 'finding')).toBe('1,204 findings')
})

describe('Budget', () => {
  test('takes text to its last byte, then nothing more', () => {
    const budget = new Budget(5)
    expect(budget.take('abc')).toBe(true)
    expect(budget.take('de')).toBe(true)
    expect(budget.left).toBe(0)
    expect(budget.take('f')).toBe(false)
    expect(budget.take('')).toBe(true)
  })

  test('counts UTF-8 bytes', () => {
    expect(byteLength('é😀')).toBe(6)
    const budget = new Budget(5)
    expect(budget.take('😀😀')).toBe(false)
    expect(budget.left).toBe(5)
  })
})
