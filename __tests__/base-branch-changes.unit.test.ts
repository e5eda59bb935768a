/**
 * What changed against the base branch (src/comparison.ts), case by case: which checks got
 * worse and in what order, and which findings are new when the same finding appears more
 * than once or moves.
 */
import { describe, expect, test } from '@jest/globals'
import { compare, type Baseline } from '../src/comparison.ts'
import { parseScans } from '../src/scans.ts'
import { exampleScan } from '../test-support/ssd-simulator.ts'

const check = (name: string, score: number) => ({ name, score, reason: '' })
const finding = (rule: string, line: number | undefined, severity = 'ERROR') => ({
  severity,
  rule_name: rule,
  rule_message: `${rule} here`,
  metadata: { file_path: 'src/a.js', ...(line === undefined ? {} : { line }) }
})
const semgrep = (data: unknown[]) => ({
  ...exampleScan({ scanName: 'semgrep', scanTool: 'Semgrep', data }),
  metadata: {}
})
const openssf = (data: unknown[], score = 5) => exampleScan({ metadata: { score }, data })
const base = (answer: unknown[]): Baseline => ({ branch: 'main', commit: '', scans: parseScans(answer) })

describe('checks', () => {
  test('most dropped first, however high they were', () => {
    const head = parseScans([openssf([check('High', 9), check('Low', 0), check('Mid', 3)])])
    const worse = compare(head, base([openssf([check('High', 10), check('Low', 2), check('Mid', 6)])])).worseChecks
    expect(worse.map((c) => c.name)).toEqual(['Mid', 'Low', 'High'])
  })

  test('no base score, or no result for the check on the base branch: nothing to compare', () => {
    expect(compare(parseScans([openssf([])]), base([])).baseScoreText).toBe('')
    expect(compare(parseScans([openssf([])]), base([semgrep([])]))).toMatchObject({
      baseScore: undefined,
      baseScoreText: ''
    })
  })
})

describe('findings', () => {
  const rulesOf = (head: unknown[], baseData: unknown[]): Array<[string, number | undefined]> =>
    compare(parseScans([semgrep(head)]), base([semgrep(baseData)])).newFindings.map((f) => [f.rule, f.line])

  test('most severe first, whatever order the tool gave', () => {
    const head = [finding('low', 1, 'INFO'), finding('critical', 2, 'CRITICAL'), finding('medium', 3, 'WARNING')]
    expect(rulesOf(head, []).map(([rule]) => rule)).toEqual(['critical', 'medium', 'low'])
  })

  test('a finding twice on both branches is not new; a third time, one is', () => {
    expect(rulesOf([finding('r', 1), finding('r', 1)], [finding('r', 1), finding('r', 1)])).toEqual([])
    expect(rulesOf([finding('r', 1), finding('r', 1), finding('r', 1)], [finding('r', 1), finding('r', 1)])).toEqual([
      ['r', 1]
    ])
  })

  test('matched by line first: of three in a file, the one on a line the base branch lacks is new', () => {
    expect(
      rulesOf([finding('r', 3), finding('r', 10), finding('r', 20)], [finding('r', 10), finding('r', 20)])
    ).toEqual([['r', 3]])
  })

  test('findings without a line match each other', () => {
    expect(rulesOf([finding('r', undefined)], [finding('r', undefined)])).toEqual([])
    expect(rulesOf([finding('r', undefined), finding('r', 4)], [finding('r', undefined)])).toEqual([['r', 4]])
  })
})
