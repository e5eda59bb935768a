import { describe, expect, test } from '@jest/globals'
import { parseCheckRules } from '../src/config.ts'
import { decide } from '../src/decision.ts'
import { policy } from '../test-support/policy.ts'
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
      url: '',
      description: ''
    })),
    findings: [],
    others: []
  }
}

describe('decide', () => {
  test('passes at or above the threshold, fails below', () => {
    expect(decide([scan(5)], policy(5)).passed).toBe(true)
    expect(decide([scan(4.9)], policy(5)).passed).toBe(false)
    expect(decide([scan(2.4)], policy(5)).summary).toBe('SSD score 2.4 is below the threshold 5.')
  })

  test('gates on the lowest score among scans that have one', () => {
    const decision = decide([scan(8, [], 'a'), scan(undefined, [], 'b'), scan(3, [], 'c')], policy(5))
    expect(decision).toMatchObject({ score: 3, scoreText: '3', passed: false })
    expect(decision.summary).toContain('lowest of 2 scans: c')
  })

  test('no score at all fails: nothing to gate on', () => {
    const decision = decide([scan(undefined, [['License', 10]])], policy(5))
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
      policy(5)
    )
    expect(decision.failedChecks).toEqual(['A', 'B'])
    expect(decision.passed).toBe(true)
  })

  describe('checkThresholds', () => {
    const rules = parseCheckRules('Dangerous-Workflow=10\nbinary-artifacts = 8')
    const scans = [
      scan(7, [
        ['Dangerous-Workflow', 9],
        ['Binary-Artifacts', 8],
        ['License', 4],
        ['Fuzzing', null]
      ])
    ]

    test('a named check below its minimum fails the step even when the score passes', () => {
      const decision = decide(scans, policy(5, { rules }))
      expect(decision.passed).toBe(false)
      expect(decision.ruleBreaks).toEqual([{ check: 'Dangerous-Workflow', score: 9, rule: 'Dangerous-Workflow=10' }])
      expect(decision.failedChecks).toEqual(['Dangerous-Workflow', 'License'])
      expect(decision.summary).toBe('Check Dangerous-Workflow scored 9, below its minimum (Dangerous-Workflow=10).')
    })

    test('*=N is a floor for every check; a named rule wins over it', () => {
      const decision = decide(scans, policy(5, { rules: parseCheckRules('*=5\nLicense=3') }))
      expect(decision.ruleBreaks).toEqual([])
      expect(decide(scans, policy(5, { rules: parseCheckRules('*=9') })).ruleBreaks.map((b) => b.check)).toEqual([
        'Binary-Artifacts',
        'License'
      ])
    })

    test('inconclusive on a named check passes, unless failOnInconclusive', () => {
      const named = parseCheckRules('Fuzzing=5')
      expect(decide(scans, policy(1, { rules: named })).passed).toBe(true)
      const strict = decide(scans, policy(1, { rules: named, failOnInconclusive: true }))
      expect(strict.ruleBreaks).toEqual([{ check: 'Fuzzing', score: null, rule: 'failOnInconclusive' }])
      expect(strict.passed).toBe(false)
    })

    test('a rule naming no check is reported, not silently ignored', () => {
      const decision = decide(scans, policy(1, { rules: parseCheckRules('Dangerus-Workflow=10') }))
      expect(decision.unmatchedRules.map((rule) => rule.text)).toEqual(['Dangerus-Workflow=10'])
    })
  })

  test('failOnSeverity fails on a finding at or above the severity', () => {
    const withFindings: Scan = {
      ...scan(9),
      findings: [
        {
          severity: 'medium',
          severityText: 'WARNING',
          rule: 'r1',
          message: '',
          file: 'a.js',
          inRepository: true,
          line: 1
        },
        { severity: 'high', severityText: 'ERROR', rule: 'r2', message: '', file: 'b.js', inRepository: true, line: 2 }
      ]
    }
    expect(decide([withFindings], policy(5, { failOnSeverity: 'critical' })).passed).toBe(true)
    const high = decide([withFindings], policy(5, { failOnSeverity: 'high' }))
    expect(high).toMatchObject({ passed: false, severeFindings: 1 })
    expect(decide([withFindings], policy(5, { failOnSeverity: 'medium' })).severeFindings).toBe(2)
  })
})

test('the summary names ten broken rules and counts the rest, however many checks break them', () => {
  const checks = Array.from({ length: 2_000 }, (_, i): [string, number] => [`C-${i}`, i % 10])
  const decision = decide([scan(9, checks)], policy(5, { rules: parseCheckRules('*=10') }))
  expect(decision.ruleBreaks).toHaveLength(2_000)
  expect(decision.summary.match(/below its minimum/g)).toHaveLength(10)
  expect(decision.summary).toMatch(/1,990 more check\(s\) broke their checkThresholds rule/)
  expect(decision.summary.length).toBeLessThan(1_000)
})
