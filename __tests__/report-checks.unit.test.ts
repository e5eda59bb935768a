/**
 * The checkers the properties rely on (test-support/report-checks.ts) say what GitHub's
 * renderer makes of a report: a checker that misreads markdown fails sound reports at
 * random, or passes broken ones.
 */
import { describe, expect, test } from '@jest/globals'
import { decide } from '../src/decision.ts'
import { renderReport, type ReportContext } from '../src/report.ts'
import { parseScans } from '../src/scans.ts'
import { policy } from '../test-support/policy.ts'
import { reportProblems } from '../test-support/report-checks.ts'

const context: ReportContext = {
  projectId: 'p',
  scanId: 's',
  scanType: 'sourceScan',
  repository: 'r',
  branch: 'b',
  scannedCommit: '',
  warnOnly: false,
  fullListAt: 'the result file'
}
const sound = { marker: '', links: new Set<string>(), secrets: [] }

describe('tables', () => {
  // FC_SEED=20261204 found it: a generic field named `-` makes a head row `| - |`, which the
  // checker took for a delimiter row, and so counted one row fewer than GitHub renders.
  test('cells that look like a delimiter row (`-`, `---`, `:-:`) are cells: only the line after the head is the delimiter', () => {
    const data = [
      { '-': '---', ':-:': ':-:' },
      { '-': '-', ':-:': '---' }
    ]
    const scans = parseScans([{ status: 'Completed', scanName: 'tool', data }])
    const markdown = renderReport(scans, decide(scans, policy(0)), context, { maxBytes: 65_000, fullResultsAt: 'SSD' })
    expect(markdown).toContain('| - | :-: |\n| --- | --- |\n| --- | :-: |\n| - | --- |')
    expect(reportProblems(markdown, sound)).toEqual([])
  })

  test('a row with a cell too many, or a line of text swallowed by the table above, is a problem', () => {
    const table = '| a | b |\n| --- | --- |\n| 1 | 2 |'
    expect(reportProblems(`${table}\n`, sound)).toEqual([])
    expect(reportProblems(`${table}\n| 1 | 2 | 3 |\n`, sound)).toEqual(['a table row of 3 cells under a head of 2'])
    expect(reportProblems(`${table}\ntext\n`, sound)).toEqual(['2 table lines rendered as 3 rows'])
  })

  test('a head whose next line is not a delimiter row is a problem', () => {
    expect(reportProblems('| a | b |\n| - | 1 |\n', sound)).toEqual([
      'a table head without its delimiter row: "| a | b |"',
      '1 table lines rendered as 0 rows'
    ])
  })
})
