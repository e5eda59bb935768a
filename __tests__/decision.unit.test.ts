import { describe, expect, test } from '@jest/globals'
import { decide } from '../src/decision.ts'
import type { Check, Scan } from '../src/scans.ts'

function scan(score: number | undefined, checks: Array<[string, number | null]> = [], name = 'openssf'): Scan {
  return {
    name,
    tool: name,
    status: 'Completed',
    error: '',
    version: '',
    score,
    scoreText: score === undefined ? '' : String(score),
    checks: checks.map(([checkName, checkScore]): Check => ({
      name: checkName,
      score: checkScore,
      reason: '',
      url: ''
    })),
    itemCount: checks.length
  }
}

describe('decide', () => {
  test('passes at or above the threshold, fails below', () => {
    expect(decide([scan(5)], 5).passed).toBe(true)
    expect(decide([scan(4.9)], 5).passed).toBe(false)
    expect(decide([scan(2.4)], 5).summary).toBe('SSD score 2.4 is below the threshold 5.')
  })

  test('gates on the lowest score among scans that have one', () => {
    const decision = decide([scan(8, [], 'a'), scan(undefined, [], 'b'), scan(3, [], 'c')], 5)
    expect(decision).toMatchObject({ score: 3, scoreText: '3', passed: false })
    expect(decision.summary).toContain('lowest of 2 scans: c')
  })

  test('no score at all fails: nothing to gate on', () => {
    const decision = decide([scan(undefined, [['License', 10]])], 5)
    expect(decision.passed).toBe(false)
    expect(decision.score).toBeUndefined()
    expect(decision.summary).toMatch(/nothing to gate on/)
  })

  test('failedChecks: conclusive scores below the threshold; -1 is never failed', () => {
    const decision = decide(
      [
        scan(9, [
          ['A', 0],
          ['B', 4.9],
          ['C', 5],
          ['D', null],
          ['E', 10]
        ]),
        scan(9, [['A', 1]], 'other')
      ],
      5
    )
    expect(decision.failedChecks).toEqual(['A', 'B'])
    expect(decision.passed).toBe(true)
  })
})
