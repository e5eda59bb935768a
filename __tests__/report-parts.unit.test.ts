/**
 * The report's parts on their own, each at its edges: a finding's row and place, the
 * findings' overview and folds, the waivers a pull request adds, and the Waived group with
 * its note on SSD's score. Whole reports are in report-whole.unit.test.ts.
 */
import { describe, expect, test } from '@jest/globals'
import { Budget } from '../src/budget.ts'
import { decide } from '../src/decision.ts'
import {
  baseFindingsSummary,
  fileLinks,
  findingLocation,
  findingsOverview,
  moreFindingsSummary,
  renderFinding,
  severityBreakdown
} from '../src/report-findings.ts'
import { renderAddedWaivers, renderWaived } from '../src/report-waivers.ts'
import { parseScans, type Check, type Finding, type Scan } from '../src/scans.ts'
import type { Waived } from '../src/waiver-outcome.ts'
import { policy } from '../test-support/policy.ts'
import { waiverOf } from '../test-support/waivers.ts'

const COMMIT = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const links = { repositoryUrl: 'https://github.com/o/r', commit: COMMIT }
const finding = (fields: Partial<Finding>): Finding => ({
  severity: 'high',
  severityText: 'high',
  rule: 'r',
  message: 'm',
  file: 'src/a.js',
  inRepository: true,
  line: 3,
  ...fields
})
const big = new Budget(100_000)

describe("a finding's row", () => {
  test('file links need both the repository and the commit', () => {
    expect(fileLinks({ repositoryUrl: 'https://github.com/o/r', scannedCommit: COMMIT })).toEqual(links)
    expect(fileLinks({ repositoryUrl: 'https://github.com/o/r', scannedCommit: '' })).toBeUndefined()
    expect(fileLinks({ repositoryUrl: undefined, scannedCommit: COMMIT })).toBeUndefined()
  })

  test('the place: linked to the line when it is a whole number from 1, to the file otherwise; plain without links', () => {
    const blob = `https://github.com/o/r/blob/${COMMIT}/src/a.js`
    expect(findingLocation(finding({ line: 1 }), links)).toBe(`[src/a.js:1](${blob}#L1)`)
    expect(findingLocation(finding({ line: 0 }), links)).toBe(`[src/a.js:0](${blob})`)
    expect(findingLocation(finding({ line: 2.5 }), links)).toBe(`[src/a.js:2.5](${blob})`)
    expect(findingLocation(finding({ line: undefined }), links)).toBe(`[src/a.js](${blob})`)
    expect(findingLocation(finding({}), undefined)).toBe('src/a.js:3')
    expect(findingLocation(finding({ file: '../a.js' }), links)).toBe('../a.js:3')
    expect(findingLocation(finding({ file: '' }), links)).toBe('')
  })

  test("the severity: the tool's word beside it when it differs, in any case; unknown ones last", () => {
    expect(renderFinding(finding({ severityText: ' HIGH ' }), undefined)).toBe('| 🟧 high | r | src/a.js:3 | m |')
    expect(renderFinding(finding({ severityText: 'ERROR' }), undefined)).toBe(
      '| 🟧 high (ERROR) | r | src/a.js:3 | m |'
    )
    expect(renderFinding(finding({ severity: 'low', severityText: 'low' }), undefined)).toMatch(/^\| ⬜ low \|/)
    expect(renderFinding(finding({ severity: 'info', severityText: 'info' }), undefined)).toMatch(/^\| ▫️ info \|/)
    expect(renderFinding(finding({ severity: 'critical', severityText: 'critical' }), undefined)).toMatch(
      /^\| 🟥 critical \|/
    )
    expect(renderFinding(finding({ severity: 'medium', severityText: 'medium' }), undefined)).toMatch(
      /^\| 🟨 medium \|/
    )
    expect(renderFinding(finding({ severity: undefined, severityText: 'odd' }), undefined)).toMatch(
      /^\| ▫️ unknown \(odd\) \|/
    )
    const mixed = [finding({ severity: undefined }), finding({ severity: 'low' }), finding({}), finding({})]
    expect(severityBreakdown(mixed)).toBe('2 high, 1 low, 1 unknown')
  })
})

describe("the findings' overview and folds", () => {
  const scanWith = (count: number): Scan => ({
    ...parseScans([{ status: 'Completed' }])[0]!,
    findings: Array.from({ length: count }, (_, i) => finding({ rule: `r${i}` }))
  })

  test('none: nothing; 20 in a scan are all shown, 21 fold', () => {
    const decision = decide([], policy(5))
    expect(findingsOverview([scanWith(0)], decision, 'the file')).toBe('')
    expect(findingsOverview([scanWith(20)], decision, 'the file')).toBe(
      '**20 findings** (20 high), most severe first. Every finding is in the file.'
    )
    expect(findingsOverview([scanWith(21)], decision, 'the file')).toBe(
      '**21 findings** (21 high), most severe first; past the first 20 of a scan they are folded away. Every finding is in the file.'
    )
  })

  test('the folds say how many, and whether one or many', () => {
    expect(moreFindingsSummary(1)).toBe('1 more finding, less severe')
    expect(moreFindingsSummary(3)).toBe('3 more findings, less severe')
    expect(baseFindingsSummary(1, 'main')).toBe('1 finding already on main: it does not fail this pull request')
    expect(baseFindingsSummary(2, undefined)).toBe(
      '2 findings already on the base branch: they do not fail this pull request'
    )
  })
})

describe('the waivers a pull request adds', () => {
  test('none: nothing; each listed with its approver; past ten, counted', () => {
    expect(renderAddedWaivers([], 'w.yml', '2026-12-04', big)).toBe('')
    const added = Array.from({ length: 12 }, (_, i) => waiverOf({ rule: `r${i}` }, i + 1))
    const text = renderAddedWaivers(added, 'w.yml', '2026-12-04', new Budget(100_000))
    expect(text.split('\n')).toHaveLength(2 + 10 + 1)
    expect(text).toContain('> - r9: accepted; until 2027-01-01 (entry 10, line 29)')
    expect(text.endsWith('> - and 2 more waivers, in the file')).toBe(true)
  })

  test('the days left are shown from two weeks before the end, not earlier', () => {
    const until = (expires: string) =>
      renderAddedWaivers([waiverOf({ rule: 'r', expires })], 'w.yml', '2026-12-04', big)
    expect(until('2026-12-18')).toContain('until 2026-12-18 (14 days left) (entry')
    expect(until('2026-12-19')).toContain('until 2026-12-19 (entry')
  })

  test('no room even for its first line: nothing, and nothing taken', () => {
    const small = new Budget(50)
    expect(renderAddedWaivers([waiverOf({ rule: 'r' })], 'w.yml', undefined, small)).toBe('')
    expect(small.left).toBe(50)
  })
})

describe('the Waived group', () => {
  const [scan] = parseScans([
    {
      status: 'Completed',
      scanTool: 'Openssf',
      data: [
        { name: 'A', score: 1, reason: '' },
        { name: 'B', score: 2, reason: '' },
        { name: 'C', score: 3, reason: '' },
        { name: 'D', score: 4, reason: '' },
        { name: 'E', score: -1, reason: '' },
        { name: 'F', score: 7, reason: '' }
      ]
    }
  ]) as [Scan]
  const checkItem = (check: Check): Waived => ({ kind: 'check', scan, check, waiver: waiverOf({ check: check.name }) })
  const findingItem = (rule: string): Waived => ({
    kind: 'finding',
    scan,
    finding: finding({ rule }),
    waiver: waiverOf({ rule, approvedBy: '@sec' })
  })
  const view = (waived: Waived[], threshold = 5) => ({ waived, today: '2026-12-04', threshold, links: undefined })

  test("one check: its summary in the singular, its row, and SSD's score note", () => {
    const { text, shownFindings } = renderWaived(view([checkItem(scan.checks[0]!)]), new Budget(100_000))
    expect(shownFindings).toBe(0)
    expect(text).toBe(
      '<details><summary>🏳️ 1 check waived: it does not fail the step until its end date</summary>\n\n' +
        '| Waived | What | Reason | Until | Approved by |\n| --- | --- | --- | --- | --- |\n' +
        '| 🏳️ check | Openssf · A (score 1) | accepted | 2027-01-01 |  |\n\n</details>\n\n' +
        "ℹ️ A is waived but still scores below the threshold 5 in SSD's aggregate score: the score is SSD's, and is gated as it is."
    )
  })

  test('the note names three low checks and counts the rest; not one at the threshold, nor an inconclusive one', () => {
    const items = scan.checks.map(checkItem)
    const { text } = renderWaived(view(items, 4), new Budget(100_000))
    expect(text).toContain('| 🏳️ check | Openssf · E (score ?) |')
    expect(text).toContain("ℹ️ A, B, C are waived but still score below the threshold 4 in SSD's aggregate score")
    const four = renderWaived(view(items, 5), new Budget(100_000)).text
    expect(four).toContain('ℹ️ A, B, C and 1 more are waived but still score below the threshold 5')
    expect(renderWaived(view([checkItem(scan.checks[5]!)], 5), new Budget(100_000)).text).not.toContain('ℹ️')
  })

  test('findings and checks counted apart; the findings listed are counted for the report', () => {
    const { text, shownFindings } = renderWaived(
      view([findingItem('x'), checkItem(scan.checks[0]!), findingItem('y')]),
      new Budget(100_000)
    )
    expect(text).toContain('🏳️ 2 findings and 1 check waived: they do not fail the step until their end date')
    expect(text).toContain('| 🏳️ finding | Openssf · x · src/a.js:3 | accepted | 2027-01-01 | @​sec |')
    expect(shownFindings).toBe(2)
  })

  test('rows while they fit, then a count; shownFindings counts only the rows shown', () => {
    const items = Array.from({ length: 30 }, (_, i) => findingItem(`rule-${i}`))
    const budget = new Budget(1_000)
    const { text, shownFindings } = renderWaived(view(items), budget)
    expect(shownFindings).toBeGreaterThan(0)
    expect(shownFindings).toBeLessThan(30)
    expect(text).toContain(`| | ${30 - shownFindings} more waived items, not shown here | | | |`)
    expect(text.match(/\| 🏳️ finding \|/g)).toHaveLength(shownFindings)
  })

  test('no room for the group: nothing, and nothing taken', () => {
    const small = new Budget(40)
    expect(renderWaived(view([findingItem('x')]), small)).toEqual({ text: '', shownFindings: 0 })
    expect(small.left).toBe(40)
    expect(renderWaived(view([]), big)).toEqual({ text: '', shownFindings: 0 })
  })
})
