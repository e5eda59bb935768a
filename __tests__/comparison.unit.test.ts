/**
 * The comparison with the base branch, and the maxScoreDrop gate, on plain values.
 */
import { describe, expect, test } from '@jest/globals'
import { compare, type Baseline } from '../src/comparison.ts'
import { decide } from '../src/decision.ts'
import { parseScans } from '../src/scans.ts'
import { policy } from '../test-support/policy.ts'
import { exampleScan, semgrepFinding, semgrepScan } from '../test-support/ssd-simulator.ts'

const check = (name: string, score: number) => ({ name, score, reason: '' })
const finding = semgrepFinding
const semgrep = semgrepScan
const openssf = (score: number, data: unknown[]) => exampleScan({ metadata: { score }, data })

function base(answer: unknown[]): Baseline {
  return { branch: 'main', commit: 'abcdef0123', scans: parseScans(answer) }
}

describe('compare', () => {
  test('the score against the base branch, and the checks that dropped, most dropped first', () => {
    const head = parseScans([openssf(6.1, [check('A', 5), check('B', 10), check('C', 2), check('D', 7)])])
    const comparison = compare(
      head,
      base([openssf(6.8, [check('A', 6), check('B', 10), check('C', 9), check('E', 1)])])
    )
    expect(comparison).toMatchObject({ baseBranch: 'main', baseScore: 6.8, baseScoreText: '6.8', scoreDelta: -0.7 })
    expect(comparison.worseChecks).toEqual([
      { name: 'C', score: 2, baseScore: 9 },
      { name: 'A', score: 5, baseScore: 6 }
    ])
  })

  test('checks match by tool and name in any case, not by position; inconclusive is no drop', () => {
    const head = parseScans([semgrep([]), openssf(5, [check('pinned-dependencies', 3), check('Fuzzing', -1)])])
    const comparison = compare(
      head,
      base([openssf(5, [check('Fuzzing', 10), check('Pinned-Dependencies', 4)]), semgrep([])])
    )
    expect(comparison.worseChecks).toEqual([{ name: 'pinned-dependencies', score: 3, baseScore: 4 }])
  })

  test('new findings: matched by tool, rule, file and line, then by tool, rule and file when lines moved', () => {
    const head = parseScans([
      semgrep([
        finding('eval', 'src/a.js', 10), // same as on main
        finding('eval', 'src/a.js', 42), // main had it at 40: moved
        finding('eval', 'src/a.js', 99), // a second one in the file: new
        finding('md5', 'src/b.js', 3), // new rule
        finding('eval', 'src/c.js', 10) // same rule, another file: new
      ])
    ])
    const comparison = compare(
      head,
      base([semgrep([finding('eval', 'src/a.js', 10), finding('eval', 'src/a.js', 40)])])
    )
    expect(comparison.newFindings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'eval src/a.js:99',
      'md5 src/b.js:3',
      'eval src/c.js:10'
    ])
  })

  test('a finding of another tool is not the same finding', () => {
    const trivy = { ...semgrep([finding('eval', 'src/a.js', 10)]), scanName: 'trivy', scanTool: 'Trivy' }
    const comparison = compare(parseScans([semgrep([finding('eval', 'src/a.js', 10)])]), base([trivy]))
    expect(comparison.newFindings).toHaveLength(1)
  })

  test('no score on either side: no delta', () => {
    expect(compare(parseScans([semgrep([])]), base([openssf(6, [])])).scoreDelta).toBeUndefined()
    expect(compare(parseScans([openssf(6, [])]), base([semgrep([])]))).toMatchObject({
      scoreDelta: undefined,
      baseScore: undefined
    })
  })

  test('the delta is rounded to hundredths, never a float artefact', () => {
    expect(compare(parseScans([openssf(0.3, [])]), base([openssf(0.1, [])])).scoreDelta).toBe(0.2)
  })
})

describe('maxScoreDrop', () => {
  const head = parseScans([openssf(6.1, [])])
  const comparison = compare(head, base([openssf(6.8, [])]))

  test('fails when the score dropped by more than it allows; 0 means no worse than base', () => {
    const zero = decide(head, { ...policy(5), maxScoreDrop: 0 }, { comparison })
    expect(zero.passed).toBe(false)
    expect(zero.summary).toBe("The SSD score dropped by 0.7 from main's 6.8, more than maxScoreDrop 0 allows.")
    expect(decide(head, { ...policy(5), maxScoreDrop: 0.7 }, { comparison }).passed).toBe(true)
    expect(decide(head, { ...policy(5), maxScoreDrop: 0.69 }, { comparison }).passed).toBe(false)
  })

  test('off, or nothing to compare with: no effect', () => {
    expect(decide(head, policy(5), { comparison }).passed).toBe(true)
    expect(decide(head, { ...policy(5), maxScoreDrop: 0 }).passed).toBe(true)
    const better = compare(parseScans([openssf(7, [])]), base([openssf(6.8, [])]))
    expect(decide(parseScans([openssf(7, [])]), { ...policy(5), maxScoreDrop: 0 }, { comparison: better }).passed).toBe(
      true
    )
  })
})
