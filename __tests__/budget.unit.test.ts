/**
 * The size allowance every part of the report draws from, and takeLines, which lists as many
 * items as fit and counts the rest: exact sizes, so a report's parts add up to its limit.
 */
import { describe, expect, test } from '@jest/globals'
import { Budget, byteLength, takeLines } from '../src/budget.ts'

const render = (item: string): string => `- ${item}`
const more = (count: number): string => `- and ${count} more`

describe('Budget', () => {
  test('takes what fits, exactly to the last byte, and nothing that does not', () => {
    const budget = new Budget(10)
    expect(budget.take('12345')).toBe(true)
    expect(budget.left).toBe(5)
    expect(budget.take('123456')).toBe(false)
    expect(budget.left).toBe(5)
    expect(budget.take('12345')).toBe(true)
    expect(budget.left).toBe(0)
    expect(budget.take('')).toBe(true)
    expect(budget.take('x')).toBe(false)
  })

  test('counts UTF-8 bytes; spend may overdraw it, after which nothing fits; give hands room back', () => {
    expect(byteLength('é😀')).toBe(6)
    const budget = new Budget(4)
    expect(budget.take('😀')).toBe(true)
    budget.spend('abc')
    expect(budget.left).toBe(0)
    expect(budget.take('')).toBe(false)
    budget.give('abcd')
    expect(budget.left).toBe(1)
    expect(budget.take('a')).toBe(true)
  })
})

describe('takeLines', () => {
  test('no items: no lines, and the budget untouched', () => {
    const budget = new Budget(100)
    expect(takeLines(budget, [], render, more)).toEqual({ lines: [], shown: 0 })
    expect(budget.left).toBe(100)
  })

  test('all fit: every line, no count, and the budget pays each line and its break', () => {
    const budget = new Budget(100)
    expect(takeLines(budget, ['a', 'bb'], render, more)).toEqual({ lines: ['- a', '- bb'], shown: 2 })
    expect(budget.left).toBe(100 - '- a\n- bb\n'.length)
  })

  test('at most max listed, the rest counted', () => {
    const budget = new Budget(100)
    expect(takeLines(budget, ['a', 'b', 'c'], render, more, 1)).toEqual({ lines: ['- a', '- and 2 more'], shown: 1 })
    expect(budget.left).toBe(100 - '- a\n- and 2 more\n'.length)
  })

  test('as many as fit after room for the count at its longest; the count always fits', () => {
    // Room for "- and 3 more\n" (13) and one line of 4, not two.
    const budget = new Budget(13 + 4 + 3)
    const taken = takeLines(budget, ['a', 'b', 'c'], render, more)
    expect(taken).toEqual({ lines: ['- a', '- and 2 more'], shown: 1 })
    expect(budget.left).toBe(20 - '- a\n- and 2 more\n'.length)
  })

  test('not even room for the count: nothing, and the budget untouched', () => {
    const budget = new Budget(12)
    expect(takeLines(budget, ['a'], render, more)).toEqual({ lines: [], shown: 0 })
    expect(budget.left).toBe(12)
  })

  test('room for the count alone: the count of all of them', () => {
    const budget = new Budget(13)
    expect(takeLines(budget, ['a', 'b', 'c'], render, more)).toEqual({ lines: ['- and 3 more'], shown: 0 })
    expect(budget.left).toBe(0)
  })
})
