/**
 * Gating the change, not the repository's past, on plain values: which findings count on a
 * pull request, what the base branch has too, what waivers take out, and which findings are
 * annotated within GitHub's per-level limit.
 */
import { describe, expect, test } from '@jest/globals'
import { pickAnnotations } from '../src/annotations.ts'
import { compare } from '../src/comparison.ts'
import { parseCheckRules } from '../src/config.ts'
import { checkVerdict, decide, failsPolicy, findingScope, type GateContext } from '../src/decision.ts'
import { parseScans, type Scan } from '../src/scans.ts'
import { waiverNotes, type Waived } from '../src/waiver-outcome.ts'
import { applyWaivers } from '../src/waivers.ts'
import { policy } from '../test-support/policy.ts'
import { exampleScan, semgrepFinding, semgrepScan } from '../test-support/ssd-simulator.ts'
import { waiverOf } from '../test-support/waivers.ts'

const finding = semgrepFinding
const semgrep = semgrepScan
const openssf = (score: number, checks: Array<[string, number]>) =>
  exampleScan({ metadata: { score }, data: checks.map(([name, value]) => ({ name, score: value, reason: '' })) })

const old = finding('js.md5', 'src/hash.js', 4)
const head = parseScans([semgrep([finding('js.md5', 'src/hash.js', 9), finding('js.eval', 'src/run.js', 21)])])
const comparison = compare(head, { branch: 'main', commit: 'abcdef0', scans: parseScans([semgrep([old])]) })
const onPullRequest = (more: GateContext = {}): GateContext => ({
  comparison,
  scope: findingScope(true, 'main', { comparison }),
  ...more
})
const high = policy(0, { failOnSeverity: 'high' })

const waiver = waiverOf

describe('which findings count', () => {
  test('on a pull request with a base result, only the new ones: an old one (moved down) does not fail', () => {
    const decision = decide(head, high, onPullRequest())
    expect(decision.severeFindings).toBe(1)
    expect(decision.severeBaseFindings).toBe(1)
    expect(decision.summary).toBe('1 new finding at or above high (failOnSeverity). 1 already on main does not count.')
    expect([...decision.baseFindings].map((f) => f.rule)).toEqual(['js.md5'])
  })

  test('no new finding: the pull request passes, saying what it left out', () => {
    const same = parseScans([semgrep([finding('js.md5', 'src/hash.js', 4)])])
    const against = compare(same, { branch: 'main', commit: '', scans: parseScans([semgrep([old])]) })
    const decision = decide(same, high, {
      comparison: against,
      scope: findingScope(true, 'main', { comparison: against })
    })
    expect(decision.passed).toBe(true)
    expect(decision.summary).toContain('1 already on main does not count.')
  })

  test('every finding counts on push, with newFindingsOnly off, or without a base result; each says why', () => {
    const cases: Array<[ReturnType<typeof findingScope>, string]> = [
      [findingScope(true, undefined, { comparison }), 'Not a pull request: every finding counts.'],
      [findingScope(false, 'main', { comparison }), 'newFindingsOnly is off: every finding counts.'],
      [
        findingScope(true, 'main', { unavailable: 'SSD has no scan of the base branch' }),
        'No result of main to compare with: every finding counts.'
      ],
      [
        findingScope(true, 'main', {}),
        'compareWithBase is off, so nothing tells new findings from old: every finding counts.'
      ]
    ]
    for (const [scope, why] of cases) {
      expect(scope).toEqual({ kind: 'all', why })
      const decision = decide(head, high, { comparison, scope })
      expect(decision.severeFindings).toBe(2)
      expect(decision.summary).toBe('2 findings at or above high (failOnSeverity).')
    }
  })
})

describe('what predates the pull request', () => {
  test('a score below the threshold on the base branch too is said to predate the pull request', () => {
    const scans = parseScans([openssf(2.4, [])])
    const low = compare(scans, { branch: 'main', commit: '', scans: parseScans([openssf(3.4, [])]) })
    const decision = decide(scans, policy(5), { comparison: low })
    expect(decision.baseBelowThreshold).toBe('main scores 3.4, below the threshold too: this predates the pull request')
    expect(decision.summary).toBe(
      'SSD score 2.4 is below the threshold 5 (main scores 3.4, below the threshold too: this predates the pull request).'
    )
    const fine = compare(scans, { branch: 'main', commit: '', scans: parseScans([openssf(5, [])]) })
    expect(decide(scans, policy(5), { comparison: fine }).baseBelowThreshold).toBeUndefined()
  })

  test('a check rule the base branch breaks too is marked; one only the pull request breaks is not', () => {
    const scans = parseScans([
      openssf(9, [
        ['Dangerous-Workflow', 0],
        ['Code-Review', 3]
      ])
    ])
    const base = parseScans([
      openssf(9, [
        ['Dangerous-Workflow', 0],
        ['Code-Review', 10]
      ])
    ])
    const rules = parseCheckRules('*=5')
    const decision = decide(scans, policy(5, { rules }), {
      comparison: compare(scans, { branch: 'main', commit: '', scans: base })
    })
    expect(decision.ruleBreaks).toEqual([
      { check: 'Dangerous-Workflow', score: 0, rule: '*=5', onBase: true },
      { check: 'Code-Review', score: 3, rule: '*=5' }
    ])
    expect(decision.summary).toContain('(*=5) (on main too: this predates the pull request).')
  })
})

describe('waivers in the decision', () => {
  const scans: Scan[] = parseScans([
    openssf(6, [
      ['Fuzzing', 0],
      ['License', 2]
    ]),
    semgrep([finding('js.eval', 'src/run.js', 21)])
  ])
  const [scorecard, sast] = scans as [Scan, Scan]
  const waived: Waived[] = [
    { kind: 'check', scan: scorecard, check: scorecard.checks[0]!, waiver: waiver({ check: 'Fuzzing' }) },
    { kind: 'finding', scan: sast, finding: sast.findings[0]!, waiver: waiver({ rule: 'js.eval' }) }
  ]

  test('a waived check is out of failedChecks and checkThresholds; a waived finding out of failOnSeverity', () => {
    const strict = policy(5, { rules: parseCheckRules('*=5'), failOnSeverity: 'high' })
    const without = decide(scans, strict)
    expect(without.failedChecks).toEqual(['Fuzzing', 'License'])
    expect(without.severeFindings).toBe(1)
    const decision = decide(scans, strict, { waived })
    expect(decision.failedChecks).toEqual(['License'])
    expect(decision.ruleBreaks.map((broken) => broken.check)).toEqual(['License'])
    expect(decision.severeFindings).toBe(0)
    expect(decision.severeWaivedFindings).toBe(1)
    expect(decide(scans, policy(5, { failOnSeverity: 'high' }), { waived }).summary).toBe(
      'SSD score 6 meets the threshold 5. No finding at or above severity high. 1 waived does not count.'
    )
    expect(checkVerdict(scorecard.checks[0]!, strict, decision.waivedChecks)).toEqual({ status: 'waived', rule: '*=5' })
  })

  test("the aggregate score stays SSD's: a waiver never lifts it", () => {
    const decision = decide(scans, policy(7), { waived })
    expect(decision.passed).toBe(false)
    expect(decision.summary).toBe('SSD score 6 is below the threshold 7.')
  })

  test('a waiver naming a check the gate passes waives nothing, and can be removed', () => {
    const gate = policy(5)
    const fails = failsPolicy(gate)
    const result = parseScans([
      openssf(9, [
        ['Fuzzing', 10],
        ['License', 2]
      ])
    ])
    const fuzzing = waiver({ check: 'Fuzzing' })
    const outcome = applyWaivers([fuzzing, waiver({ check: 'license', entry: 2 })], result, '2026-12-04', fails)
    expect(outcome.waived.map((item) => (item.kind === 'check' ? item.check.name : item.finding.rule))).toEqual([
      'License'
    ])
    expect(outcome.unused).toEqual([fuzzing])
    expect(waiverNotes(outcome).map((note) => note.text)).toEqual([
      'Waiver for check Fuzzing matches nothing in this result that fails: it can be removed (entry 1 of .github/ssd-waivers.yml (line 2)).'
    ])
    const decision = decide(result, gate, { waived: outcome.waived })
    expect(decision.failedChecks).toEqual([])
    expect([...decision.waivedChecks.keys()].map((check) => check.name)).toEqual(['License'])
  })
})

describe('annotations', () => {
  const many = (count: number, severity: string) =>
    Array.from({ length: count }, (_, i) => finding(`rule.${severity}.${i}`, `src/f${i}.js`, i + 1, severity))
  const none = { waivedFindings: new Map(), baseFindings: new Set<never>() }
  const room = { error: 10, warning: 10, notice: 10 }

  test('most severe first, at most the room at each level, the rest counted', () => {
    const scans = parseScans([semgrep([...many(12, 'INFO'), ...many(12, 'ERROR'), ...many(6, 'WARNING')])])
    const { annotations, left } = pickAnnotations(scans, none, { error: 9, warning: 10, notice: 3 })
    const levels = annotations.map((annotation) => annotation.level)
    expect(levels.filter((level) => level === 'error')).toHaveLength(9)
    expect(levels.filter((level) => level === 'warning')).toHaveLength(6)
    expect(levels.filter((level) => level === 'notice')).toHaveLength(3)
    expect(levels.indexOf('notice')).toBeGreaterThan(levels.lastIndexOf('error'))
    expect(left).toBe(30 - 18)
    expect(annotations[0]).toEqual({
      level: 'error',
      title: 'Semgrep: rule.ERROR.0',
      message: 'rule.ERROR.0 here',
      file: 'src/f0.js',
      line: 1
    })
  })

  test('only a path inside the repository gets a file; waived and old findings are not annotated', () => {
    const scans = parseScans([
      semgrep([
        finding('a', '../outside.js', 1),
        finding('b', '/etc/passwd', 2),
        finding('c', 'https://evil.example/x', 3),
        finding('d', 'src\\win.js', 4),
        finding('e', './src/ok.js', 5),
        finding('f', 'src/old.js', 6),
        finding('g', 'src/waived.js', 7)
      ])
    ])
    const findings = scans[0]!.findings
    const decision = {
      waivedFindings: new Map([[findings[6]!, waiver({ rule: 'g' })]]),
      baseFindings: new Set([findings[5]!])
    }
    const { annotations } = pickAnnotations(scans, decision, room)
    expect(annotations.map((annotation) => [annotation.title, annotation.file, annotation.line])).toEqual([
      ['Semgrep: a', undefined, undefined],
      ['Semgrep: b', undefined, undefined],
      ['Semgrep: c', undefined, undefined],
      ['Semgrep: d', undefined, undefined],
      ['Semgrep: e', 'src/ok.js', 5]
    ])
  })

  test('a package name (not a path field) is never a file', () => {
    const trivy = parseScans([
      { ...semgrep([{ VulnerabilityID: 'CVE-1', PkgName: 'openssl', Severity: 'LOW' }]), scanName: 'trivy' }
    ])
    expect(pickAnnotations(trivy, none, room).annotations).toEqual([
      { level: 'notice', title: 'Semgrep: CVE-1', message: 'CVE-1' }
    ])
  })
})
