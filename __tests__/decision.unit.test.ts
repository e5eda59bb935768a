import { describe, expect, test } from '@jest/globals'
import { parseCheckRules } from '../src/config.ts'
import { compare } from '../src/comparison.ts'
import { checkVerdict, decide, describeRuleBreak, softenedByWarnOnly } from '../src/decision.ts'
import { policy } from '../test-support/policy.ts'
import type { Check, Finding, Scan } from '../src/scans.ts'
import type { Waived } from '../src/waiver-outcome.ts'

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

describe('what warnOnly softens', () => {
  const failing = decide([scan(2)], policy(5))
  const nothing = decide([scan(undefined)], policy(5))
  test('a failure of the gate, only with warnOnly', () => {
    expect(softenedByWarnOnly(failing, true)).toBe(true)
    expect(softenedByWarnOnly(failing, false)).toBe(false)
  })
  test('never a pass, nor an answer with nothing to gate on', () => {
    expect(softenedByWarnOnly(decide([scan(9)], policy(5)), true)).toBe(false)
    expect(nothing).toMatchObject({ passed: false, nothingToGateOn: true })
    expect(softenedByWarnOnly(nothing, true)).toBe(false)
  })
})

describe('the words of a verdict', () => {
  test('an inconclusive check under failOnInconclusive, and a check below its minimum', () => {
    expect(describeRuleBreak({ check: 'Fuzzing', score: null, rule: 'failOnInconclusive' })).toBe(
      'Fuzzing is inconclusive (-1), which fails with failOnInconclusive'
    )
    expect(describeRuleBreak({ check: 'A', score: 0, rule: 'A=1' }, (text) => `<${text}>`)).toBe(
      '<A> scored 0, below its minimum (<A=1>)'
    )
  })

  test('no score: scoreText is empty; findings alone gate, and the pass says there was no score', () => {
    const finding = {
      severity: 'low' as const,
      severityText: 'INFO',
      rule: 'r',
      message: '',
      file: '',
      inRepository: false,
      line: undefined
    }
    const findingsOnly: Scan = { ...scan(undefined), findings: [finding] }
    const decision = decide([findingsOnly], policy(5, { failOnSeverity: 'high' }))
    expect(decision).toMatchObject({ passed: true, scoreText: '', score: undefined, nothingToGateOn: false })
    expect(decision.summary).toBe('No finding at or above severity high; no score to gate on.')
    const onPullRequest = decide([findingsOnly], policy(5, { failOnSeverity: 'high' }), {
      scope: { kind: 'new', baseBranch: 'main' }
    })
    expect(onPullRequest.summary).toBe('No new finding at or above severity high; no score to gate on.')
  })

  test('a pass with failOnSeverity names it; without, only the score', () => {
    expect(decide([scan(7)], policy(5, { failOnSeverity: 'medium' })).summary).toBe(
      'SSD score 7 meets the threshold 5. No finding at or above severity medium.'
    )
    expect(decide([scan(7)], policy(5)).summary).toBe('SSD score 7 meets the threshold 5.')
  })

  test('ten broken rules are all named; the eleventh is counted', () => {
    const checks = (count: number) => Array.from({ length: count }, (_, i): [string, number] => [`C-${i}`, 0])
    const ten = decide([scan(9, checks(10))], policy(5, { rules: parseCheckRules('*=1') }))
    expect(ten.summary.match(/below its minimum/g)).toHaveLength(10)
    expect(ten.summary).not.toMatch(/more check/)
    const eleven = decide([scan(9, checks(11))], policy(5, { rules: parseCheckRules('*=1') }))
    expect(eleven.summary).toMatch(/ 1 more check\(s\) broke their checkThresholds rule/)
  })
})

describe('rules that name no check', () => {
  const scans = [
    scan(7, [
      ['Dangerous-Workflow', 9],
      ['License', 10]
    ])
  ]
  test('matched without regard to case; * is never unmatched; no rules, none unmatched', () => {
    const rules = parseCheckRules('dangerous-workflow=10\nLICENSE=3\n*=2\nFuzing=1')
    expect(decide(scans, policy(1, { rules })).unmatchedRules.map((rule) => rule.text)).toEqual(['Fuzing=1'])
    expect(decide(scans, policy(1)).unmatchedRules).toEqual([])
    expect(decide([scan(7)], policy(1, { rules: parseCheckRules('*=2') })).unmatchedRules).toEqual([])
  })
})

describe('the score against the base branch', () => {
  const base = (score: number | undefined, checks: Array<[string, number | null]> = [], tool = 'openssf') =>
    compare([scan(4, [['A', 1]])], { branch: 'main', commit: 'abcdef0', scans: [scan(score, checks, tool)] })

  test("the threshold broken on main too is said to predate the pull request; not when main's score passes", () => {
    expect(decide([scan(4, [['A', 1]])], policy(5), { comparison: base(3) }).baseBelowThreshold).toBe(
      'main scores 3, below the threshold too: this predates the pull request'
    )
    expect(decide([scan(4, [['A', 1]])], policy(5), { comparison: base(5) }).baseBelowThreshold).toBeUndefined()
    // The head meets the threshold: nothing to explain, whatever main scores.
    expect(decide([scan(5)], policy(5), { comparison: base(3) }).baseBelowThreshold).toBeUndefined()
    expect(decide([scan(4)], policy(5), { comparison: base(undefined) }).baseBelowThreshold).toBeUndefined()
  })

  test('a check rule main breaks too is marked so: same tool, same check, same rule, failing on main', () => {
    const rules = parseCheckRules('A=5')
    const onBase = (comparison: ReturnType<typeof base>) =>
      decide([scan(9, [['A', 1]])], policy(1, { rules }), { comparison }).ruleBreaks[0]?.onBase ?? false
    expect(onBase(base(9, [['a', 2]]))).toBe(true)
    expect(onBase(base(9, [['A', 6]]))).toBe(false)
    expect(onBase(base(9, [['A', 2]], 'semgrep'))).toBe(false)
    expect(onBase(base(9, [['B', 2]]))).toBe(false)
    // Main breaks a different rule for the check (a * floor the head meets... and a named rule it does not).
    const named = parseCheckRules('A=5\n*=3')
    expect(
      decide([scan(9, [['A', 4]])], policy(1, { rules: named }), { comparison: base(9, [['A', 2]]) }).ruleBreaks
    ).toEqual([{ check: 'A', score: 4, rule: 'A=5', onBase: true }])
    expect(decide([scan(9, [['A', 1]])], policy(1, { rules }), { comparison: base(9, [['A', 2]]) }).summary).toBe(
      'Check A scored 1, below its minimum (A=5) (on main too: this predates the pull request).'
    )
  })

  test('maxScoreDrop: a drop larger than it allows fails, saying by how much; an equal drop does not', () => {
    const comparison = compare([scan(6)], { branch: 'main', commit: '', scans: [scan(8)] })
    expect(decide([scan(6)], policy(5, { maxScoreDrop: 1 }), { comparison }).scoreDrop).toBe(
      "The SSD score dropped by 2 from main's 8, more than maxScoreDrop 1 allows."
    )
    expect(decide([scan(6)], policy(5, { maxScoreDrop: 2 }), { comparison }).scoreDrop).toBeUndefined()
    expect(decide([scan(6)], policy(5), { comparison }).scoreDrop).toBeUndefined()
  })
})

describe('the decision at its edges', () => {
  const finding = (severity: Finding['severity']): Finding => ({
    severity,
    severityText: String(severity),
    rule: 'r',
    message: '',
    file: '',
    inRepository: false,
    line: undefined
  })

  test('a waiver marks only a failing check waived: a passing one stays passing', () => {
    const [passing, failing] = scan(9, [
      ['A', 9],
      ['B', 1]
    ]).checks as [Check, Check]
    const waiver = { file: 'w.yml', entry: 1, line: 2, reason: 'r', expires: '2099-01-01' }
    const waived = new Map([
      [passing, waiver],
      [failing, waiver]
    ])
    expect(checkVerdict(passing, policy(5), waived)).toEqual({ status: 'passing' })
    expect(checkVerdict(failing, policy(5), waived)).toEqual({ status: 'waived' })
  })

  test('a finding of a severity the action does not know never counts for failOnSeverity', () => {
    const decision = decide(
      [{ ...scan(9), findings: [finding(undefined), finding('low')] }],
      policy(5, { failOnSeverity: 'info' })
    )
    expect(decision.severeFindings).toBe(1)
  })

  test('without a scope, every finding counts and no reason is given', () => {
    expect(decide([scan(9)], policy(5)).scope).toEqual({ kind: 'all', why: '' })
  })

  test('what does not count, in the singular and the plural', () => {
    const severe: Scan = { ...scan(9), findings: [finding('high'), finding('high')] }
    const [one, two] = severe.findings as [Finding, Finding]
    const waiver = { file: 'w.yml', entry: 1, line: 2, reason: 'r', expires: '2099-01-01' }
    const item = (f: Finding): Waived => ({ kind: 'finding', scan: severe, finding: f, waiver })
    const gate = policy(5, { failOnSeverity: 'high' })
    expect(decide([severe], gate, { waived: [item(one)] }).summary).toBe(
      '1 finding at or above high (failOnSeverity). 1 waived does not count.'
    )
    expect(decide([severe], gate, { waived: [item(one), item(two)] }).summary).toBe(
      'SSD score 9 meets the threshold 5. No finding at or above severity high. 2 waived do not count.'
    )
  })

  test("'on main too' needs main to break the same rule: not another one, and not in another of main's scans only", () => {
    const rules = parseCheckRules('A=5')
    const head = [scan(9, [['A', 1]])]
    const onBase = (baseScans: Scan[], failOnInconclusive = false) =>
      decide(head, policy(1, { rules, failOnInconclusive }), {
        comparison: compare(head, { branch: 'main', commit: '', scans: baseScans })
      }).ruleBreaks[0]?.onBase ?? false
    // Main's A is inconclusive: it breaks failOnInconclusive, not A=5.
    expect(onBase([scan(9, [['A', null]])], true)).toBe(false)
    // Main has the check in one of its two scans.
    expect(onBase([scan(9, [['A', 2]]), scan(9, [['B', 2]], 'semgrep')])).toBe(true)
  })

  test('maxScoreDrop without a comparison, or without a base score, fails nothing', () => {
    const gate = policy(5, { maxScoreDrop: 0 })
    expect(decide([scan(6)], gate).scoreDrop).toBeUndefined()
    const noBaseScore = compare([scan(6)], { branch: 'main', commit: '', scans: [scan(undefined)] })
    expect(decide([scan(6)], gate, { comparison: noBaseScore }).passed).toBe(true)
  })
})
