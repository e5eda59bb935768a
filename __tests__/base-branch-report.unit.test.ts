/**
 * The report's part on the base branch (src/report-comparison.ts): the score against the
 * base branch's, the checks that scored lower and the findings new in the pull request,
 * listed up to a number and counted past it.
 */
import { describe, expect, test } from '@jest/globals'
import type { Comparison, WorseCheck } from '../src/comparison.ts'
import { renderComparison, type ComparisonView } from '../src/report-comparison.ts'
import type { Finding } from '../src/scans.ts'

const REPOSITORY = 'https://github.com/octo-org/octo-repo'
const BASE_SHA = 'b0a710adb0a710adb0a710adb0a710adb0a710ad'

const comparison = (more: Partial<Comparison> = {}): Comparison => ({
  baseBranch: 'main',
  baseCommit: '',
  baseScore: 6.8,
  baseScoreText: '6.8',
  scoreDelta: -0.7,
  worseChecks: [],
  newFindings: [],
  baseScans: [],
  ...more
})

const finding = (rule: string): Finding => ({
  severity: 'high',
  severityText: 'ERROR',
  rule,
  message: 'm',
  file: 'a.js',
  inRepository: true,
  line: 1
})

const view = (more: Partial<ComparisonView> = {}): ComparisonView => ({
  comparison: comparison(),
  unavailable: undefined,
  score: { value: 6.1, text: '6.1' },
  repositoryUrl: undefined,
  finding: { head: '| Rule |\n| --- |', row: (f) => `| ${f.rule} |` },
  listed: 10,
  ...more
})

const worse = (count: number): WorseCheck[] =>
  Array.from({ length: count }, (_, i) => ({ name: `Check-${i}`, score: 1, baseScore: 5 }))

describe('without a comparison', () => {
  test('why there is none, escaped; or nothing when none was asked for', () => {
    expect(renderComparison(view({ comparison: undefined, unavailable: 'SSD has no scan of *main*' }))).toBe(
      'ℹ️ SSD has no scan of \\*main\\*'
    )
    expect(renderComparison(view({ comparison: undefined, unavailable: '' }))).toBe('')
    expect(renderComparison(view({ comparison: undefined }))).toBe('')
  })
})

describe('the score against the base branch', () => {
  test.each([
    [-0.7, "**Against main**: 6.1, down 0.7 from main's 6.8."],
    [0.5, "**Against main**: 6.1, up 0.5 from main's 6.8."],
    [0, "**Against main**: 6.1, the same as main's 6.8."]
  ])('a change of %j', (scoreDelta, line) => {
    expect(renderComparison(view({ comparison: comparison({ scoreDelta }) })).split('\n\n')[0]).toBe(line)
  })

  test("the base commit, linked when the repository is known; the base branch's name escaped", () => {
    const text = renderComparison(
      view({ comparison: comparison({ baseCommit: BASE_SHA, baseBranch: 'rel_1' }), repositoryUrl: REPOSITORY })
    )
    expect(text.split('\n\n')[0]).toBe(
      `**Against rel\\_1** (commit [b0a710a](${REPOSITORY}/commit/${BASE_SHA})): 6.1, down 0.7 from rel\\_1's 6.8.`
    )
    expect(renderComparison(view({ comparison: comparison({ baseCommit: BASE_SHA }) }))).toContain(
      '**Against main** (commit b0a710a): '
    )
  })

  test('no score on either side: nothing to compare, and the base score when there is one', () => {
    const noDelta = comparison({ scoreDelta: undefined })
    expect(renderComparison(view({ comparison: noDelta })).split('\n\n')[0]).toBe(
      "**Against main**: no score to compare (main's is 6.8)."
    )
    expect(renderComparison(view({ comparison: comparison(), score: { value: undefined, text: '' } }))).toMatch(
      /^\*\*Against main\*\*: no score to compare \(main's is 6\.8\)\./
    )
    expect(
      renderComparison(view({ comparison: comparison({ baseScore: undefined, baseScoreText: '' }) })).split('\n\n')[0]
    ).toBe('**Against main**: no score to compare.')
  })
})

describe('what got worse and what is new', () => {
  test('nothing: said in one line', () => {
    expect(renderComparison(view()).split('\n\n')[1]).toBe('No check scored lower and no finding is new against main.')
  })

  test('checks that scored lower: listed up to the number, the rest counted', () => {
    const parts = (count: number, listed: number): string =>
      renderComparison(view({ comparison: comparison({ worseChecks: worse(count) }), listed })).split('\n\n')[1] ?? ''
    expect(parts(1, 10)).toBe('**1 check scored lower than on main**: Check-0 5 → 1')
    expect(parts(3, 2)).toBe('**3 checks scored lower than on main**: Check-0 5 → 1 · Check-1 5 → 1 · 1 more')
    expect(parts(1_203, 1)).toBe('**1,203 checks scored lower than on main**: Check-0 5 → 1 · 1,202 more')
    expect(parts(2, 0)).toBe('**2 checks scored lower than on main**.')
    // Worse checks alone: no "no finding is new" line.
    expect(renderComparison(view({ comparison: comparison({ worseChecks: worse(1) }) })).split('\n\n')).toHaveLength(2)
  })

  test('new findings: a table of the most severe up to the number, or their count alone', () => {
    const text = (count: number, listed: number): string =>
      renderComparison(
        view({ comparison: comparison({ newFindings: ['a', 'b', 'c'].slice(0, count).map(finding) }), listed })
      )
        .split('\n\n')
        .slice(1)
        .join('\n\n')
    expect(text(3, 10)).toBe('**3 findings new in this pull request**:\n\n| Rule |\n| --- |\n| a |\n| b |\n| c |')
    expect(text(3, 2)).toBe(
      '**3 findings new in this pull request** (the 2 most severe):\n\n| Rule |\n| --- |\n| a |\n| b |'
    )
    expect(text(1, 0)).toBe('**1 finding new in this pull request**.')
  })
})
