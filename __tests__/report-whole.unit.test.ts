/**
 * Whole reports, as the author reads them: every block, table, fold, link and word of two
 * reports (a pull request's, with a comparison, waivers, a rating and every kind of check and
 * finding; a push-like one with every finding counted, a fold, a caveat and warnOnly) and of
 * the no-result report. Each was read and checked by hand; a change to the wording or the
 * order of the report shows here as a diff to read again.
 */
import { describe, expect, test } from '@jest/globals'
import { compare } from '../src/comparison.ts'
import { parseCheckRules } from '../src/config.ts'
import { decide, failsPolicy, findingScope, type Policy } from '../src/decision.ts'
import { renderFailure, renderReport, type ReportContext } from '../src/report.ts'
import { parseScans } from '../src/scans.ts'
import type { Waiver } from '../src/waiver-outcome.ts'
import { applyWaivers } from '../src/waivers.ts'
import { reportProblems } from '../test-support/report-checks.ts'
import { EXAMPLE_CONTEXT } from '../test-support/report-context.ts'

const limits = { maxBytes: 65_000, fullResultsAt: 'the job summary' }
const REPO = 'https://github.com/octo-org/octo-repo'

const check = (name: string, score: number, reason = '', url = '') => ({
  name,
  score,
  reason,
  metadata: { url, short: '' }
})
const finding = (severity: string, rule: string, file?: string, line?: number) => ({
  severity,
  rule_name: rule,
  rule_message: `${rule} here`,
  ...(file !== undefined ? { metadata: { file_path: file, ...(line !== undefined ? { line } : {}) } } : {})
})
const scanOf = (name: string, tool: string, score: number | undefined, data: unknown[], error = '') => ({
  scanName: name,
  scanTool: tool,
  status: 'Completed',
  error,
  metadata: score === undefined ? {} : { score, ...(name === 'openssf' ? { version: 'v5.3.0' } : {}) },
  data
})

describe("a pull request's report", () => {
  const head = parseScans([
    scanOf('openssf', 'Openssf', 4.5, [
      check('Code-Review', 2, 'found 2 unreviewed changesets', 'https://example.com/cr'),
      check('Fuzzing', 0, 'project is not fuzzed'),
      check('SAST', -1, 'internal error'),
      check('License', 10, 'license file detected'),
      check('Pinned-Dependencies', 6, 'some pinned')
    ]),
    scanOf('semgrep', 'Semgrep', undefined, [
      finding('ERROR', 'js.eval', 'src/run.js', 21),
      finding('WARNING', 'js.md5', 'src/hash.js', 9),
      finding('CRITICAL', 'js.secret', 'src/key.js', 1),
      finding('note', 'js.style', '../outside.js', 3),
      finding('INFO', 'js.info'),
      finding('ERROR', 'js.legacy', 'src/legacy/a.js', 5)
    ]),
    scanOf(
      'trivy',
      '',
      undefined,
      [
        { Target: 'package-lock.json', Class: 'lang-pkgs' },
        { Target: 'Dockerfile', Class: 'config', extra: { a: 1 } }
      ],
      'partial: DB stale'
    )
  ])
  const base = parseScans([
    scanOf('openssf', 'Openssf', 5.5, [check('Code-Review', 8), check('Fuzzing', 0), check('Pinned-Dependencies', 6)]),
    scanOf('semgrep', 'Semgrep', undefined, [finding('WARNING', 'js.md5', 'src/hash.js', 4)])
  ])
  const comparison = compare(head, { branch: 'main', commit: 'abcdef0123456789', scans: base })
  const policy: Policy = {
    threshold: 5,
    rules: parseCheckRules('Code-Review=5'),
    failOnInconclusive: false,
    failOnSeverity: 'high',
    maxScoreDrop: 0.5
  }
  const waiver = (fields: Partial<Waiver>, entry: number): Waiver => ({
    file: '.github/ssd-waivers.yml',
    entry,
    line: entry * 3 - 1,
    reason: 'accepted',
    expires: '2026-12-10',
    ...fields
  })
  const waivers = [
    waiver({ check: 'Fuzzing', reason: 'fuzzing lands later', approvedBy: '@acme/security' }, 1),
    waiver({ rule: 'js.legacy', path: 'src/legacy/**', reason: 'legacy code', expires: '2027-06-30' }, 2)
  ]
  const { waived } = applyWaivers(waivers, head, '2026-12-07', failsPolicy(policy))
  const decision = decide(head, policy, { comparison, scope: findingScope(true, 'main', { comparison }), waived })
  const context: ReportContext = {
    ...EXAMPLE_CONTEXT,
    rating: 'highrisk',
    comparison,
    addedWaivers: [waivers[1]!],
    waiversFile: '.github/ssd-waivers.yml',
    today: '2026-12-07',
    fullListAt: 'the result file (the `resultFile` output)',
    header: 'Source gate',
    commit: 'a1b2c3d',
    runUrl: `${REPO}/actions/runs/42`,
    time: '2026-12-07 10:00 UTC'
  }

  test('every part, in order', () => {
    const markdown = renderReport(head, decision, context, limits)
    expect(markdown).toBe(
      [
        '## ❌ OpsMx SSD gate failed · Source gate',
        '',
        'Score **4.5** out of 10 is below the threshold **5**. 1 of 5 checks fails; 1 is waived; 1 is inconclusive. SSD rates this scan high risk.',
        '',
        '> [!IMPORTANT]',
        '> This pull request adds or changes 1 waiver in .github/ssd-waivers.yml; a reviewer should agree to each:',
        '> - js.legacy in src/legacy/\\*\\*: legacy code; until 2027-06-30 (entry 2, line 5)',
        '',
        '- ❌ Code-Review scored 2, below its minimum (Code-Review=5)',
        '- ❌ 2 new findings at or above high (failOnSeverity)',
        "- ❌ The SSD score dropped by 1 from main's 5.5, more than maxScoreDrop 0.5 allows.",
        '',
        '**6 findings** (1 critical, 2 high, 1 medium, 2 info): 4 new in this pull request, 1 already on main, 1 waived. Most severe first. Every finding is in the result file (the `resultFile` output).',
        '',
        "**Against main** (commit [abcdef0](https://github.com/octo-org/octo-repo/commit/abcdef0123456789)): 4.5, down 1 from main's 5.5.",
        '',
        '**1 check scored lower than on main**: Code-Review 8 → 2',
        '',
        '**5 findings new in this pull request**:',
        '',
        '| Severity | Rule | Location | Message |',
        '| --- | --- | --- | --- |',
        '| 🟥 critical | js.secret | [src/key.js:1](https://github.com/octo-org/octo-repo/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/src/key.js#L1) | js.secret here |',
        '| 🟧 high (ERROR) | js.eval | [src/run.js:21](https://github.com/octo-org/octo-repo/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/src/run.js#L21) | js.eval here |',
        '| 🟧 high (ERROR) | js.legacy | [src/legacy/a.js:5](https://github.com/octo-org/octo-repo/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/src/legacy/a.js#L5) | js.legacy here |',
        '| ▫️ info (note) | js.style | ../outside.js:3 | js.style here |',
        '| ▫️ info | js.info |  | js.info here |',
        '',
        '<details><summary>🏳️ 1 finding and 1 check waived: they do not fail the step until their end date</summary>',
        '',
        '| Waived | What | Reason | Until | Approved by |',
        '| --- | --- | --- | --- | --- |',
        '| 🏳️ check | Openssf · Fuzzing (score 0) | fuzzing lands later | 2026-12-10 (3 days left) | @​acme/security |',
        '| 🏳️ finding | Semgrep · js.legacy · [src/legacy/a.js:5](https://github.com/octo-org/octo-repo/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/src/legacy/a.js#L5) | legacy code | 2027-06-30 |  |',
        '',
        '</details>',
        '',
        "ℹ️ Fuzzing is waived but still scores below the threshold 5 in SSD's aggregate score: the score is SSD's, and is gated as it is.",
        '',
        'Project 0x29ab7 · octo-repo · branch feature · scan 0x29ab8 · sourceScan · commit [a1b2c3d](https://github.com/octo-org/octo-repo/commit/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678)',
        '',
        '### Openssf v5.3.0 · score 4.5',
        '',
        '| | Check | Score | Reason |',
        '| --- | --- | ---: | --- |',
        '| ❌ | [Code-Review](https://example.com/cr) | 2 | **rule Code-Review=5** · found 2 unreviewed changesets |',
        '',
        '**Waived**: these would fail; a waiver takes them out of the gate until its end date.',
        '',
        '| | Check | Score | Reason |',
        '| --- | --- | ---: | --- |',
        '| 🏳️ | Fuzzing | 0 | waived until 2026-12-10 · project is not fuzzed |',
        '',
        '**Inconclusive**: the tool could not score these; they do not count as failing.',
        '',
        '| | Check | Score | Reason |',
        '| --- | --- | ---: | --- |',
        '| ❔ | SAST | ? | internal error |',
        '',
        '<details><summary>2 checks pass (threshold 5)</summary>',
        '',
        '| | Check | Score | Reason |',
        '| --- | --- | ---: | --- |',
        '| ✅ | Pinned-Dependencies | 6 | some pinned |',
        '| ✅ | License | 10 | license file detected |',
        '',
        '</details>',
        '',
        '### Semgrep',
        '',
        '6 findings: 1 critical, 2 high, 1 medium, 2 info',
        '',
        '| Severity | Rule | Location | Message |',
        '| --- | --- | --- | --- |',
        '| 🟥 critical | js.secret | [src/key.js:1](https://github.com/octo-org/octo-repo/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/src/key.js#L1) | js.secret here |',
        '| 🟧 high (ERROR) | js.eval | [src/run.js:21](https://github.com/octo-org/octo-repo/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/src/run.js#L21) | js.eval here |',
        '| ▫️ info (note) | js.style | ../outside.js:3 | js.style here |',
        '| ▫️ info | js.info |  | js.info here |',
        '',
        '<details><summary>1 finding already on main: it does not fail this pull request</summary>',
        '',
        '| Severity | Rule | Location | Message |',
        '| --- | --- | --- | --- |',
        '| 🟨 medium (WARNING) | js.md5 | [src/hash.js:9](https://github.com/octo-org/octo-repo/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/src/hash.js#L9) | js.md5 here |',
        '',
        '</details>',
        '',
        '### trivy',
        '',
        '> partial: DB stale',
        '',
        '| Target | Class | extra.a |',
        '| --- | --- | --- |',
        '| package-lock.json | lang-pkgs |  |',
        '| Dockerfile | config | 1 |',
        '',
        '<sub>Updated for commit a1b2c3d · [workflow run](https://github.com/octo-org/octo-repo/actions/runs/42) · 2026-12-07 10:00 UTC</sub>',
        ''
      ].join('\n')
    )
    expect(
      reportProblems(markdown, {
        marker: '',
        links: new Set([`${REPO}/actions/runs/42`, 'https://example.com/cr']),
        linkPrefixes: [`${REPO}/`],
        secrets: []
      })
    ).toEqual([])
  })

  test("the step's failure message", () => {
    expect(decision.summary).toBe(
      "SSD score 4.5 is below the threshold 5. Check Code-Review scored 2, below its minimum (Code-Review=5). 2 new findings at or above high (failOnSeverity). 1 waived does not count. The SSD score dropped by 1 from main's 5.5, more than maxScoreDrop 0.5 allows."
    )
  })
})

test('a report where every finding counts: the reason, a fold past 20, a caveat, warnOnly, no links without a repository', () => {
  const severities = ['ERROR', 'WARNING', 'INFO']
  const head = parseScans([
    scanOf('openssf', 'Openssf', 3, [{ name: 'A', score: 1, reason: 'r' }]),
    scanOf(
      'semgrep',
      'Semgrep',
      undefined,
      Array.from({ length: 22 }, (_, i) => finding(severities[i % 3]!, `rule.${i}`, `src/f${i}.js`, i + 1))
    ),
    scanOf('empty', 'Empty', 7, [])
  ])
  const base = parseScans([scanOf('openssf', 'Openssf', 2, [{ name: 'A', score: 1, reason: 'r' }])])
  const comparison = compare(head, { branch: 'main', commit: 'abcdef0', scans: base })
  const decision = decide(
    head,
    { threshold: 5, rules: [], failOnInconclusive: false, failOnSeverity: 'medium' },
    { comparison, scope: findingScope(false, 'main', { comparison }) }
  )
  const context: ReportContext = {
    projectId: '0x1',
    scanId: '0x2',
    scanType: 'sourceScan',
    repository: 'r',
    branch: 'b',
    scannedCommit: '',
    caveat: 'This result is of commit 0ddd123, not of a1b2c3d under review (waitForCommit is off).',
    fullListAt: 'the result file',
    warnOnly: true
  }
  expect(renderReport(head, decision, context, limits)).toBe(
    [
      '## ⚠️ OpsMx SSD gate failed (warning only)',
      '',
      'Score **3** out of 10 is below the threshold **5** (the lowest of 2 scans); main scores 2, below the threshold too: this predates the pull request. 1 of 1 check fails.',
      '',
      '> [!WARNING]',
      '> This result is of commit 0ddd123, not of a1b2c3d under review (waitForCommit is off).',
      '',
      '- ❌ 15 findings at or above medium (failOnSeverity)',
      '',
      '**22 findings** (8 high, 7 medium, 7 info), most severe first; past the first 20 of a scan they are folded away. Every finding is in the result file.',
      '',
      'ℹ️ newFindingsOnly is off: every finding counts.',
      '',
      'Project 0x1 · r · branch b · scan 0x2 · sourceScan',
      '',
      '### Openssf v5.3.0 · score 3',
      '',
      '| | Check | Score | Reason |',
      '| --- | --- | ---: | --- |',
      '| ❌ | A | 1 | r |',
      '',
      '### Semgrep',
      '',
      '22 findings: 8 high, 7 medium, 7 info',
      '',
      '| Severity | Rule | Location | Message |',
      '| --- | --- | --- | --- |',
      '| 🟧 high (ERROR) | rule.0 | src/f0.js:1 | rule.0 here |',
      '| 🟧 high (ERROR) | rule.3 | src/f3.js:4 | rule.3 here |',
      '| 🟧 high (ERROR) | rule.6 | src/f6.js:7 | rule.6 here |',
      '| 🟧 high (ERROR) | rule.9 | src/f9.js:10 | rule.9 here |',
      '| 🟧 high (ERROR) | rule.12 | src/f12.js:13 | rule.12 here |',
      '| 🟧 high (ERROR) | rule.15 | src/f15.js:16 | rule.15 here |',
      '| 🟧 high (ERROR) | rule.18 | src/f18.js:19 | rule.18 here |',
      '| 🟧 high (ERROR) | rule.21 | src/f21.js:22 | rule.21 here |',
      '| 🟨 medium (WARNING) | rule.1 | src/f1.js:2 | rule.1 here |',
      '| 🟨 medium (WARNING) | rule.4 | src/f4.js:5 | rule.4 here |',
      '| 🟨 medium (WARNING) | rule.7 | src/f7.js:8 | rule.7 here |',
      '| 🟨 medium (WARNING) | rule.10 | src/f10.js:11 | rule.10 here |',
      '| 🟨 medium (WARNING) | rule.13 | src/f13.js:14 | rule.13 here |',
      '| 🟨 medium (WARNING) | rule.16 | src/f16.js:17 | rule.16 here |',
      '| 🟨 medium (WARNING) | rule.19 | src/f19.js:20 | rule.19 here |',
      '| ▫️ info | rule.2 | src/f2.js:3 | rule.2 here |',
      '| ▫️ info | rule.5 | src/f5.js:6 | rule.5 here |',
      '| ▫️ info | rule.8 | src/f8.js:9 | rule.8 here |',
      '| ▫️ info | rule.11 | src/f11.js:12 | rule.11 here |',
      '| ▫️ info | rule.14 | src/f14.js:15 | rule.14 here |',
      '',
      '<details><summary>2 more findings, less severe</summary>',
      '',
      '| Severity | Rule | Location | Message |',
      '| --- | --- | --- | --- |',
      '| ▫️ info | rule.17 | src/f17.js:18 | rule.17 here |',
      '| ▫️ info | rule.20 | src/f20.js:21 | rule.20 here |',
      '',
      '</details>',
      '',
      '### Empty · score 7',
      '',
      '_No results in this scan._',
      ''
    ].join('\n')
  )
})

describe('the report of a run without a result', () => {
  test('the title with the header, each line of the message escaped, the footer', () => {
    expect(
      renderFailure('Timed out after 10m.\nLast problem: HTTP 503.\nThird <line>', 65_000, {
        header: 'Gate',
        commit: 'a1b2c3d'
      })
    ).toBe(
      [
        '## ❌ OpsMx SSD gate: no result · Gate',
        '',
        'Timed out after 10m.<br>',
        'Last problem: HTTP 503.<br>',
        'Third &lt;line&gt;',
        '',
        '<sub>Updated for commit a1b2c3d</sub>',
        ''
      ].join('\n')
    )
  })

  test('the lines that fit, and how many more are in the log', () => {
    const message = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n')
    expect(renderFailure(message, 170, { commit: 'a1b2c3d' })).toBe(
      "## ❌ OpsMx SSD gate: no result\n\nline 1<br>\nline 2<br>\nline 3<br>\nline 4<br>\n… and 6 more lines, in the step's log\n\n<sub>Updated for commit a1b2c3d</sub>\n"
    )
    expect(renderFailure(message, 200, { commit: 'a1b2c3d' })).toContain('line 7<br>\n… and 3 more lines, in the step')
  })
})
