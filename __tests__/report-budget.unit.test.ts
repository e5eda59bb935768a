/**
 * The report's size budget: whatever the answer holds, the whole report fits the limit it
 * is given, and says what it left out.
 */
import { describe, expect, test } from '@jest/globals'
import { Budget } from '../src/budget.ts'
import { parseCheckRules } from '../src/config.ts'
import { compare } from '../src/comparison.ts'
import { decide } from '../src/decision.ts'
import { renderFailure, renderReport, type ReportContext } from '../src/report.ts'
import { parseScans } from '../src/scans.ts'
import { policy } from '../test-support/policy.ts'
import { exampleScan } from '../test-support/ssd-simulator.ts'

const context: ReportContext = {
  projectId: '0x29ab7',
  scanId: '0x29ab8',
  scanType: 'sourceScan',
  warnOnly: false,
  repository: 'octo-repo',
  branch: 'feature',
  scannedCommit: '',
  fullListAt: 'the result file',
  commit: 'a1b2c3d',
  runUrl: 'https://github.com/o/r/actions/runs/1',
  time: '2026-11-29T12:00:00Z'
}

describe('Budget', () => {
  test('take fits or takes nothing; give hands back; spend may overdraw', () => {
    const budget = new Budget(10)
    expect(budget.take('12345')).toBe(true)
    expect(budget.take('123456')).toBe(false)
    expect(budget.left).toBe(5)
    budget.give('12')
    expect(budget.left).toBe(7)
    budget.spend('é'.repeat(5)) // 10 bytes
    expect(budget.left).toBe(0)
    expect(budget.take('')).toBe(false)
  })
})

describe('renderReport within its limit', () => {
  // Broken rules, unmatched rules, findings and generic items with long escaped column names.
  const checks = Array.from({ length: 500 }, (_, i) => ({
    name: `Check-${i}`,
    score: i % 10,
    reason: '😀'.repeat(i % 50)
  }))
  const findings = Array.from({ length: 300 }, (_, i) => ({
    severity: 'high',
    rule_name: `r${i}`,
    rule_message: '<&>'.repeat(40)
  }))
  const others = Array.from({ length: 50 }, () => ({ ['&'.repeat(40)]: 'a', ['|'.repeat(40)]: 'b' }))
  const scans = parseScans([
    exampleScan({ data: checks }),
    exampleScan({ scanName: 'semgrep', scanTool: 'Semgrep', data: findings }),
    exampleScan({ scanName: 'odd', scanTool: 'Odd', data: others })
  ])
  const rules = parseCheckRules(['*=10', ...Array.from({ length: 40 }, (_, i) => `Missing-${i}=5`)].join('\n'))
  const decision = decide(scans, { ...policy(5), rules, failOnSeverity: 'high' })

  test.each([3_000, 5_000, 10_000, 30_000, 65_000, 200_000])('%i bytes', (maxBytes) => {
    const report = renderReport(scans, decision, context, { maxBytes, fullResultsAt: 'the job summary' })
    expect(Buffer.byteLength(report)).toBeLessThanOrEqual(maxBytes)
    expect(report).toContain('more checks broke their checkThresholds rule')
    expect(report).toContain('more checkThresholds rules name no check in the answer')
    if (maxBytes < 200_000) expect(report).toMatch(/more results?.* (is|are) not shown here/)
  })
})

test('renderFailure keeps a message of many lines within its limit, and counts what it left out', () => {
  const message = Array.from({ length: 5_000 }, (_, i) => `line ${i}: ${'<b>'.repeat(20)}`).join('\n')
  const report = renderFailure(message, 65_000, context)
  expect(Buffer.byteLength(report)).toBeLessThanOrEqual(65_000)
  expect(report).toMatch(/… and [\d,]+ more lines, in the step's log\n\n<sub>Updated for commit a1b2c3d · /)
})

test('a score too long to show whole is rounded, never cut: 3.3333333333333334e-8 does not read as 3.3', () => {
  const score = 1e-7 / 3 // written 3.3333333333333334e-8: 21 characters
  const scans = parseScans([exampleScan({ metadata: { score }, data: [] })])
  const report = renderReport(scans, decide(scans, policy(5)), context, { maxBytes: 65_000, fullResultsAt: 'x' })
  expect(report).toContain('Score **3.33333e-8** out of 10 is below the threshold **5**')
  expect(report).toContain('· score 3.33333e-8')
})

// Found by the property "any documented answer under any policy" (FC_SEED=-1582024046): a
// huge score rounded to six digits still printed 21 digits, and was cut with an ellipsis.
test('a huge score is rounded to an exponent, never cut: 1e20 does not read as 1000000000000000000…', () => {
  const scans = parseScans([exampleScan({ metadata: { score: 1e20 }, data: [] })])
  const report = renderReport(scans, decide(scans, policy(5)), context, { maxBytes: 65_000, fullResultsAt: 'x' })
  expect(report).toContain('Score **1.0000e+20** out of 10 meets the threshold **5**')
  expect(report).not.toContain('…')
})

describe('every part of the report is paid for', () => {
  const finding = (i: number) => ({
    severity: 'ERROR',
    rule_name: `rule.${i}`,
    rule_message: 'm'.repeat(200),
    metadata: { file_path: `src/f${i}.js`, line: i }
  })
  const semgrep = (count: number) => ({
    scanName: 'semgrep',
    scanTool: 'Semgrep',
    status: 'Completed',
    error: '',
    metadata: {},
    data: Array.from({ length: count }, (_, i) => finding(i))
  })
  const head = parseScans([exampleScan({ metadata: { score: 3.3333333333333334e-8 } }), semgrep(30)])
  const base = parseScans([exampleScan({ metadata: { score: 6.8 } }), semgrep(2)])
  const withComparison: ReportContext = {
    ...context,
    comparison: compare(head, { branch: 'release/a-rather-long-branch-name', commit: 'b0a710ad', scans: base })
  }

  test('with a comparison with the base branch, at any size the report without it fits', () => {
    const decision = decide(head, policy(5))
    for (let maxBytes = 300; maxBytes <= 12_000; maxBytes += 97) {
      const limits = { maxBytes, fullResultsAt: 'the job summary' }
      if (Buffer.byteLength(renderReport(head, decision, context, limits)) > maxBytes) continue
      expect(Buffer.byteLength(renderReport(head, decision, withComparison, limits))).toBeLessThanOrEqual(maxBytes)
    }
  })

  test("many small scans, each with its one passing check folded ('1 check passes' is longer than '3 checks pass')", () => {
    const scans = parseScans(
      Array.from({ length: 400 }, (_, i) =>
        exampleScan({
          scanName: `s${i}`,
          scanTool: `S${i}`,
          metadata: { score: 6 },
          data: [
            // Every table a scan can have: one failing, one inconclusive, one passing (folded).
            { name: 'Bad', score: 1 },
            { name: 'Unknown', score: -1 },
            { name: 'Good', score: 9 }
          ]
        })
      )
    )
    const decision = decide(scans, policy(5))
    // Tightest where every scan just fits: each section's fold must have been paid for in full.
    const whole = Buffer.byteLength(renderReport(scans, decision, context, { maxBytes: 1e9, fullResultsAt: 'x' }))
    for (let maxBytes = whole - 600; maxBytes <= whole + 10; maxBytes += 7) {
      const report = renderReport(scans, decision, context, { maxBytes, fullResultsAt: 'the job summary' })
      expect(Buffer.byteLength(report)).toBeLessThanOrEqual(maxBytes)
    }
  })

  test('the comparison shows a long score rounded, never cut', () => {
    const report = renderReport(head, decide(head, policy(5)), withComparison, { maxBytes: 65_000, fullResultsAt: 'x' })
    expect(report).toContain(": 3.33333e-8, down 6.8 from release/a-rather-long-branch-name's 6.8.")
  })
})
