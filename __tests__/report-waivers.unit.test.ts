/**
 * What the report, SARIF and the `waived` output show of the change and its waivers: the
 * findings already on the base branch in their own fold, the Waived group, the waivers a pull
 * request adds, and SARIF's suppressions, all sound GFM within the budget.
 */
import { describe, expect, test } from '@jest/globals'
import MarkdownIt from 'markdown-it'
import { compare } from '../src/comparison.ts'
import { parseCheckRules } from '../src/config.ts'
import { decide, findingScope } from '../src/decision.ts'
import { waivedOutput } from '../src/outputs.ts'
import { renderReport, type ReportContext } from '../src/report.ts'
import { buildSarif } from '../src/sarif.ts'
import { parseScans, type Scan } from '../src/scans.ts'
import type { Waived, Waiver } from '../src/waiver-outcome.ts'
import { policy } from '../test-support/policy.ts'
import { reportProblems } from '../test-support/report-checks.ts'
import { EXAMPLE_CONTEXT } from '../test-support/report-context.ts'
import { sarifSchemaErrors } from '../test-support/sarif-schema.ts'
import { exampleScan, semgrepFinding, semgrepScan } from '../test-support/ssd-simulator.ts'
import { waiverOf } from '../test-support/waivers.ts'

const gfm = new MarkdownIt({ html: true, linkify: true })
const finding = semgrepFinding
const semgrep = semgrepScan
const openssf = (score: number, checks: Array<[string, number]>) =>
  exampleScan({ metadata: { score }, data: checks.map(([name, value]) => ({ name, score: value, reason: 'why' })) })

const context: ReportContext = { ...EXAMPLE_CONTEXT, today: '2026-12-04' }
const limits = { maxBytes: 65_000, fullResultsAt: 'the job summary' }
const waiver = (fields: Partial<Waiver>): Waiver => waiverOf({ expires: '2099-01-01', ...fields })
const expectSound = (markdown: string): void =>
  expect(
    reportProblems(markdown, { marker: '', links: new Set(), linkPrefixes: ['https://github.com/'], secrets: [] })
  ).toEqual([])

describe('the change against the base branch', () => {
  const head = parseScans([
    openssf(2.4, [['Code-Review', 3]]),
    semgrep([finding('js.md5', 'src/hash.js', 9, 'WARNING'), finding('js.eval', 'src/run.js', 21)])
  ])
  const base = parseScans([
    openssf(3.4, [['Code-Review', 3]]),
    semgrep([finding('js.md5', 'src/hash.js', 4, 'WARNING')])
  ])
  const comparison = compare(head, { branch: 'main', commit: 'abcdef0', scans: base })
  const scope = findingScope(true, 'main', { comparison })
  const decision = decide(head, policy(5, { failOnSeverity: 'medium' }), { comparison, scope })
  const markdown = renderReport(head, decision, { ...context, comparison }, limits)

  test('old findings are folded apart and never listed with the new; the headline says the low score predates the pull request', () => {
    expect(markdown).toContain(
      'Score **2.4** out of 10 is below the threshold **5**; main scores 3.4, below the threshold too: this predates the pull request.'
    )
    expect(markdown).toContain('**2 findings** (1 high, 1 medium): 1 new in this pull request, 1 already on main.')
    expect(markdown).toContain('- ❌ 1 new finding at or above medium (failOnSeverity)')
    const fold = markdown.slice(markdown.indexOf('<details><summary>1 finding already on main'))
    expect(fold).toMatch(/^<details><summary>1 finding already on main: it does not fail this pull request<\/summary>/)
    expect(fold).toContain('js.md5')
    // The scan's own table (before the fold) has the new finding only.
    const table = markdown.slice(
      markdown.indexOf('### Semgrep'),
      markdown.indexOf('<details><summary>1 finding already')
    )
    expect(table).toContain('js.eval')
    expect(table).not.toContain('js.md5')
    expectSound(markdown)
  })

  test('when every finding counts, the report says why in one line', () => {
    const all = findingScope(true, 'main', { unavailable: 'SSD has no scan of the base branch (octo-repo@main).' })
    const everything = decide(head, policy(5, { failOnSeverity: 'medium' }), { scope: all })
    const text = renderReport(head, everything, { ...context, baseUnavailable: 'x' }, limits)
    expect(text).toContain('\n\nℹ️ No result of main to compare with: every finding counts.\n\n')
    expect(text).toContain('- ❌ 2 findings at or above medium (failOnSeverity)')
    expect(text).not.toContain('already on main')
    // No findings, nothing to say about which count.
    const checksOnly = parseScans([openssf(7, [])])
    expect(renderReport(checksOnly, decide(checksOnly, policy(5), { scope: all }), context, limits)).not.toContain(
      'every finding counts'
    )
  })
})

describe('waivers in the report', () => {
  const scans: Scan[] = parseScans([
    openssf(6, [
      ['Fuzzing', 0],
      ['License', 9]
    ]),
    semgrep([finding('js.eval', 'src/legacy/run.js', 21), finding('js.xss', 'src/ui.js', 3)])
  ])
  const [scorecard, sast] = scans as [Scan, Scan]
  const fuzzing = waiver({ check: 'Fuzzing', reason: 'fuzzing lands with the parser rewrite', expires: '2026-12-09' })
  const evalWaiver = waiver({
    entry: 2,
    line: 5,
    rule: 'js.eval',
    path: 'src/legacy/**',
    reason: 'only | trusted `input` <here>',
    approvedBy: '@acme/security'
  })
  const waived: Waived[] = [
    { kind: 'check', scan: scorecard, check: scorecard.checks[0]!, waiver: fuzzing },
    { kind: 'finding', scan: sast, finding: sast.findings[0]!, waiver: evalWaiver }
  ]
  const decision = decide(scans, policy(5, { rules: parseCheckRules('*=5'), failOnSeverity: 'high' }), { waived })
  const markdown = renderReport(
    scans,
    decision,
    { ...context, addedWaivers: [evalWaiver], waiversFile: '.github/ssd-waivers.yml' },
    limits
  )

  test('the Waived group lists each with reason, end date (days left when near) and approver, escaped', () => {
    expect(markdown).toContain(
      '<details><summary>🏳️ 1 finding and 1 check waived: they do not fail the step until their end date</summary>'
    )
    expect(markdown).toContain(
      '| 🏳️ check | Openssf · Fuzzing (score 0) | fuzzing lands with the parser rewrite | 2026-12-09 (5 days left) |  |'
    )
    expect(markdown).toMatch(
      /\| 🏳️ finding \| Semgrep · js.eval · \[src\/legacy\/run.js:21\]\(https:\/\/github.com\/octo-org\/octo-repo\/blob\/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678\/src\/legacy\/run.js#L21\) \| only \\\| trusted \\`input\\` &lt;here&gt; \| 2099-01-01 \| @\u200bacme\/security \|/
    )
    expectSound(markdown)
  })

  test('a waived check still shows in its table, marked; a waived finding is not listed with the others', () => {
    expect(markdown).toContain('**Waived**: these would fail; a waiver takes them out of the gate until its end date.')
    expect(markdown).toMatch(/\| 🏳️ \| Fuzzing \| 0 \| \*\*rule \\\*=5\*\* · waived until 2026-12-09 · why \|/)
    expect(markdown).toContain('No check fails; 1 is waived.')
    const semgrepTable = markdown.slice(markdown.indexOf('### Semgrep'))
    expect(semgrepTable).toContain('js.xss')
    expect(semgrepTable).not.toContain('js.eval')
    expect(markdown).toContain('**2 findings** (2 high): 1 waived.')
  })

  test("the aggregate note: a waived check below the threshold still counts in SSD's score", () => {
    expect(markdown).toContain(
      "ℹ️ Fuzzing is waived but still scores below the threshold 5 in SSD's aggregate score: the score is SSD's, and is gated as it is."
    )
  })

  test('the waivers the pull request adds come right under the verdict, with who approved them', () => {
    const verdictAt = markdown.indexOf('Score **6**')
    const addedAt = markdown.indexOf('> [!IMPORTANT]')
    expect(addedAt).toBeGreaterThan(verdictAt)
    expect(addedAt).toBeLessThan(markdown.indexOf('- ❌'))
    expect(markdown).toContain(
      '> This pull request adds or changes 1 waiver in .github/ssd-waivers.yml; a reviewer should agree to each:\n' +
        '> - js.eval in src/legacy/\\*\\*: only \\| trusted \\`input\\` &lt;here&gt;; until 2099-01-01; approved by @\u200bacme/security (entry 2, line 5)'
    )
    expect(gfm.render(markdown)).toContain('<blockquote>')
  })

  test('an added waiver near or past its end says so: the last day, or expired (a pull request may add one)', () => {
    const added = [
      waiver({ rule: 'a', expires: '2026-12-04' }),
      waiverOf({ rule: 'b', expires: '2026-12-01' }, 2),
      waiverOf({ rule: 'c', expires: '2026-12-05' }, 3)
    ]
    const text = renderReport(scans, decision, { ...context, addedWaivers: added, waiversFile: 'w.yml' }, limits)
    expect(text).toContain('until 2026-12-04 (last day)')
    expect(text).toContain('until 2026-12-01 (expired)')
    expect(text).toContain('until 2026-12-05 (1 day left)')
  })

  test('within a small budget the groups shrink, and the whole still fits and stays sound', () => {
    const many: Waived[] = Array.from({ length: 300 }, (_, i) => ({
      kind: 'finding',
      scan: sast,
      finding: { ...sast.findings[1]!, rule: `rule-${i}` },
      waiver: waiver({ rule: `rule-${i}`, reason: 'x'.repeat(200) })
    }))
    const big = decide(scans, policy(5), { waived: many })
    for (const maxBytes of [3_000, 8_000, 65_000]) {
      const text = renderReport(
        scans,
        big,
        { ...context, addedWaivers: many.map((item) => item.waiver) },
        { maxBytes, fullResultsAt: 'x' }
      )
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(maxBytes)
      expectSound(text)
    }
  })

  test('SARIF: a waived finding and a waived check carry an accepted suppression with the reason; valid SARIF', () => {
    const sarif = buildSarif(scans, decision, '/w', {
      projectId: 'p',
      scanType: 't',
      header: '',
      scanId: 's',
      repository: 'r',
      branch: 'b',
      commit: ''
    }) as { runs: Array<{ results: Array<{ ruleId: string; suppressions?: unknown }> }> }
    expect(sarifSchemaErrors(sarif)).toEqual([])
    const results = sarif.runs.flatMap((run) => run.results)
    const suppression = (reason: string) => [{ kind: 'external', status: 'accepted', justification: reason }]
    expect(results.find((result) => result.ruleId === 'Fuzzing')?.suppressions).toEqual(suppression(fuzzing.reason))
    expect(results.find((result) => result.ruleId === 'js.eval')?.suppressions).toEqual(suppression(evalWaiver.reason))
    expect(results.find((result) => result.ruleId === 'js.xss')?.suppressions).toBeUndefined()
  })

  test('the waived output: one object per item, with only the fields that apply', () => {
    expect(waivedOutput(waived)).toEqual([
      { kind: 'check', tool: 'Openssf', check: 'Fuzzing', reason: fuzzing.reason, expires: '2026-12-09' },
      {
        kind: 'finding',
        tool: 'Semgrep',
        rule: 'js.eval',
        file: 'src/legacy/run.js',
        line: 21,
        reason: evalWaiver.reason,
        expires: '2099-01-01'
      }
    ])
  })
})
