/**
 * The report a PR author acts on (issue 10), through the shipped bundle: what changed
 * against the base branch, and SARIF categories that neither move nor collide.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import MarkdownIt from 'markdown-it'
import { runGate, useServers } from '../test-support/harness.ts'
import { reportProblems } from '../test-support/report-checks.ts'
import {
  makeTempDir,
  PR_HEAD_SHA,
  PUSH_SHA,
  pushEvent,
  type RunOptions,
  type RunResult
} from '../test-support/runner.ts'
import { exampleScan, type ScanTargetModel } from '../test-support/ssd-simulator.ts'

const servers = useServers()
const run = (inputs: RunOptions['inputs'] = {}, options: Partial<RunOptions> = {}): Promise<RunResult> =>
  runGate(servers, inputs, options)

const target = (branch: string): ScanTargetModel => servers.ssd.targetOf(branch)

const check = (name: string, score: number) => ({ name, score, reason: `${name} reason` })
const finding = (rule: string, file: string, line: number) => ({
  severity: 'ERROR',
  rule_name: rule,
  rule_message: `${rule} found`,
  metadata: { file_path: file, line }
})
const semgrep = (data: unknown[]) => ({
  scanName: 'semgrep',
  scanTool: 'Semgrep',
  status: 'Completed',
  error: '',
  metadata: { version: '1.90.0' },
  data
})
const scorecard = (score: number, data: unknown[]) => exampleScan({ metadata: { version: 'v5.3.0', score }, data })

/** main scored 6.8; the PR's head 6.1, with two checks lower and one finding new. */
function baseScoredHigher(): void {
  target('main').result = [
    scorecard(6.8, [check('Code-Review', 8), check('Pinned-Dependencies', 6), check('License', 10)]),
    semgrep([finding('js.eval', 'src/a.js', 10)])
  ]
  target('feature').result = [
    scorecard(6.1, [check('Code-Review', 5), check('Pinned-Dependencies', 4), check('License', 10)]),
    semgrep([finding('js.eval', 'src/a.js', 14), finding('js.sql-injection', 'src/db.js', 7)])
  ]
}

/** summarydata's answer for the PR's branch, as the model gives it. */
function summaryOfFeature() {
  const feature = target('feature')
  return {
    json: {
      scanId: feature.scanId,
      headCommit: feature.headCommit,
      status: feature.status,
      projectName: feature.projectName,
      platform: feature.platform
    }
  }
}

describe('the comparison with the base branch', () => {
  test('a PR whose base scored higher shows the drop, the worse checks and the new findings', async () => {
    baseScoredHigher()
    const result = await run()

    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ score: '6.1', baseScore: '6.8', scoreDelta: '-0.7', passed: 'true' })
    const comment = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(comment).toContain('**Against main** (commit [b0a710a](https://github.com/octo-org/octo-repo/commit/')
    expect(comment).toContain(": 6.1, down 0.7 from main's 6.8.")
    expect(comment).toContain('**2 checks scored lower than on main**: Code-Review 8 → 5 · Pinned-Dependencies 6 → 4')
    expect(comment).toContain('**1 finding new in this pull request**:')
    expect(comment).toMatch(/js\.sql-injection.*src\/db\.js/)
    // The finding whose line moved (10 → 14) is not new.
    const newSection = comment.slice(comment.indexOf('new in this pull request'), comment.indexOf('Project 0x29ab7'))
    expect(newSection).not.toContain('js.eval')
    expect(result.stdout).toContain("Comparing with SSD's latest scan of main (commit b0a710a)")
    expect(servers.ssd.summaryReads('main')).toHaveLength(1)
    expect(servers.ssd.resultReads('0x29ab9')).toHaveLength(1)
  })

  test('maxScoreDrop: 0 fails a PR that made the score worse', async () => {
    baseScoredHigher()
    const result = await run({ maxScoreDrop: '0' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      "::error::The SSD score dropped by 0.7 from main's 6.8, more than maxScoreDrop 0 allows."
    )
    expect(result.outputs.passed).toBe('false')
    expect(await run({ maxScoreDrop: '1' })).toMatchObject({ code: 0 })
  })

  test('no scan of the base branch: one line, and everything else as before', async () => {
    servers.ssd.targets.splice(servers.ssd.targets.indexOf(target('main')), 1)
    const result = await run({ threshold: '2', maxScoreDrop: '0' })

    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ baseScore: '', scoreDelta: '', passed: 'true' })
    const comment = servers.github.comments.get(7)?.[0]?.body ?? ''
    const lines = comment.split('\n').filter((line) => line.includes('main'))
    expect(lines).toEqual(['ℹ️ SSD has no scan of the base branch (octo-repo@\u200bmain) to compare with.'])
  })

  test('a base branch still scanning is no comparison, said in one line', async () => {
    target('main').status = 'scanning'
    const result = await run()
    expect(result.outputs.baseScore).toBe('')
    expect(servers.ssd.resultReads('0x29ab9')).toHaveLength(0)
    expect(result.summary).toContain(
      "ℹ️ SSD's latest scan of the base branch (octo-repo@\u200bmain) is scanning; no comparison."
    )
  })

  test('a fault reading the base branch is one line, asked once, never a failure', async () => {
    servers.ssd.respondSummary = (request) =>
      request.query.branch === 'main' ? { status: 503, json: { error: 'busy' } } : summaryOfFeature()
    const result = await run({ threshold: '2' })
    expect(result.code).toBe(0)
    expect(servers.ssd.summaryReads('main')).toHaveLength(1)
    expect(result.summary).toContain(
      "ℹ️ SSD's summary of the base branch (octo-repo@\u200bmain) could not be read: HTTP 503 (busy)."
    )
  })

  test('a refused token on the base branch costs the comparison, never the result', async () => {
    servers.ssd.respondSummary = (request) =>
      request.query.branch === 'main' ? { status: 401, json: { error: 'no access to main' } } : summaryOfFeature()
    const result = await run({ threshold: '2' })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'Completed', passed: 'true', baseScore: '' })
    expect(result.summary).toContain(
      "ℹ️ The base branch's result (octo-repo@\u200bmain) could not be read: SSD rejected the token"
    )
  })

  test('compareWithBase: false asks nothing about the base branch', async () => {
    const result = await run({ compareWithBase: 'false' })
    expect(servers.ssd.summaryReads('main')).toHaveLength(0)
    expect(servers.ssd.resultReads('0x29ab9')).toHaveLength(0)
    expect(result.outputs).toMatchObject({ baseScore: '', scoreDelta: '' })
    expect(result.summary).not.toContain('base branch')
  })

  test('a push has no base branch: its only reads are its own gate', async () => {
    const result = await run({}, { event: pushEvent })
    expect(servers.ssd.summaryRequests.map((r) => r.query.branch)).toEqual(['main'])
    expect(result.outputs).toMatchObject({ baseScore: '', scoreDelta: '' })
  })
})

describe('SARIF categories', () => {
  function categories(result: RunResult): string[] {
    const sarif = JSON.parse(readFileSync(result.outputs.sarifFile!, 'utf8')) as {
      runs: Array<{ automationDetails: { id: string } }>
    }
    return sarif.runs.map((run) => run.automationDetails.id)
  }

  test("two projects' files have different categories; SSD reordering tools moves none", async () => {
    servers.ssd.addTarget({ projectId: '0x1', repository: 'octo-repo', branch: 'feature', scanId: '0x1f' })
    target('feature').result = [scorecard(7, []), semgrep([])]
    const workspace = makeTempDir()
    const env = { GITHUB_WORKSPACE: workspace }

    const first = categories(await run({ sarifFile: 'a.sarif' }, { env }))
    const other = categories(await run({ projectId: '0x1', sarifFile: 'b.sarif' }, { env }))
    target('feature').result = [semgrep([]), scorecard(7, [])]
    const reordered = categories(await run({ sarifFile: 'c.sarif' }, { env }))

    expect(first).toEqual(['opsmx-ssd/0x29ab7/sourceScan/openssf/', 'opsmx-ssd/0x29ab7/sourceScan/semgrep/'])
    expect(other.some((category) => first.includes(category))).toBe(false)
    expect([...reordered].sort()).toEqual([...first].sort())
  })
})

describe('the comment an author acts on', () => {
  const many = (count: number, severity: string) =>
    Array.from({ length: count }, (_, i) => ({
      severity,
      rule_name: `rule.${severity.toLowerCase()}.${i}`,
      rule_message: `message ${i}`,
      metadata: { file_path: `src/file${i}.js`, line: i + 1 }
    }))

  test('checks in three groups, findings most severe first with the rest folded, all valid GFM with only meant links', async () => {
    baseScoredHigher()
    target('feature').result = [
      scorecard(6.1, [check('Code-Review', 4), check('Fuzzing', -1), check('License', 10), check('SAST', 9)]),
      semgrep([...many(3, 'INFO'), ...many(22, 'WARNING'), ...many(2, 'ERROR')])
    ]
    await run()
    const comment = servers.github.comments.get(7)?.[0]?.body ?? ''
    const links = new Set([
      'https://github.com/octo-org/octo-repo/actions/runs/4242',
      `https://github.com/octo-org/octo-repo/commit/${PR_HEAD_SHA}`,
      `https://github.com/octo-org/octo-repo/commit/${PUSH_SHA}`,
      ...['code-review', 'fuzzing', 'license', 'sast', 'pinned-dependencies'].map(
        (name) =>
          `https://github.com/ossf/scorecard/blob/c22063e786c11f9dd714d777a687ff7c4599b600/docs/checks.md#${name}`
      )
    ])
    const problems = reportProblems(comment, {
      marker: '<!-- opsmx-ssd-gate project=0x29ab7 type=sourceScan -->',
      links,
      linkPrefixes: [`https://github.com/octo-org/octo-repo/blob/${PR_HEAD_SHA}/src/`],
      secrets: []
    })
    expect(problems).toEqual([])

    expect(comment).toContain(
      'Score **6.1** out of 10 meets the threshold **5**. 1 of 4 checks fails; 1 is inconclusive.'
    )
    expect(comment).toContain(
      '**27 findings** (2 high, 22 medium, 3 info), most severe first; past the first 20 of a scan they are folded away. Every finding is in the result file (the `resultFile` output).'
    )
    // Failing, then inconclusive apart (never in the failing table), then passing folded.
    const failing = comment.indexOf('| ❌ | Code-Review | 4 |')
    const inconclusive = comment.indexOf('**Inconclusive**')
    const passing = comment.indexOf('<details><summary>2 checks pass (threshold 5)</summary>')
    expect(failing).toBeGreaterThan(0)
    expect(inconclusive).toBeGreaterThan(failing)
    expect(passing).toBeGreaterThan(inconclusive)
    expect(comment.slice(failing, inconclusive)).not.toContain('Fuzzing')
    // 20 findings shown, the high ones first; 7 folded, the info ones last.
    const html = new MarkdownIt({ html: true }).render(comment.slice(comment.indexOf('### Semgrep')))
    const [shownTable = '', foldedPart = ''] = html.split('<details><summary>7 more findings, less severe</summary>')
    expect((shownTable.match(/<tr>/g) ?? []).length).toBe(1 + 20)
    expect((foldedPart.match(/<tr>/g) ?? []).length).toBe(1 + 7)
    expect(shownTable.indexOf('rule.error.0')).toBeLessThan(shownTable.indexOf('rule.warning.0'))
    expect(foldedPart).toContain('rule.info.2')
    expect(comment).toContain(
      `| 🟧 high (ERROR) | rule.error.0 | [src/file0.js:1](https://github.com/octo-org/octo-repo/blob/${PR_HEAD_SHA}/src/file0.js#L1) | message 0 |`
    )
  })

  test('a path outside the repository, or with a scheme, is never linked', async () => {
    const finding = (file: string) => ({
      severity: 'ERROR',
      rule_name: 'r',
      rule_message: 'm',
      metadata: { file_path: file, line: 3 }
    })
    target('feature').result = [
      scorecard(7, []),
      semgrep([
        finding('../../etc/passwd'),
        finding('src/../../secret.js'),
        finding('https://evil.example/x.js'),
        finding('javascript:alert(1)'),
        finding('/abs/path.js'),
        finding('src\\win.js'),
        finding('./src/ok file#1.js')
      ])
    ]
    const result = await run()
    expect(result.code).toBe(0)
    const comment = servers.github.comments.get(7)?.[0]?.body ?? ''
    const hrefs = [...new MarkdownIt().render(comment).matchAll(/<a href="([^"]+)"/g)].map(([, href]) => href)
    // (Each appears twice: in the table of findings new against main, and in Semgrep's.)
    const fileLinks = new Set(hrefs.filter((href) => href?.includes('/blob/')))
    expect([...fileLinks]).toEqual([
      `https://github.com/octo-org/octo-repo/blob/${PR_HEAD_SHA}/src/ok%20file%231.js#L3`
    ])
    for (const text of ['../../etc/passwd', 'src/../../secret.js', '/abs/path.js']) {
      expect(comment).toContain(`| ${text}:3 |`)
    }
  })

  test('a run without a result after one with: the same header, commit and run link', async () => {
    await run({ commentHeader: 'Source scan' })
    servers.ssd.respond = () => ({ status: 401, json: { error: 'Authentication required.' } })
    const result = await run({ commentHeader: 'Source scan' })

    expect(result.outputs.status).toBe('Error')
    const comments = servers.github.comments.get(7) ?? []
    expect(comments).toHaveLength(1)
    const body = comments[0]?.body ?? ''
    expect(body).toMatch(
      /^<!-- opsmx-ssd-gate project=0x29ab7 type=sourceScan header=Source%20scan -->\n## ❌ OpsMx SSD gate: no result · Source scan\n/
    )
    expect(body).toContain('SSD rejected the token')
    expect(body).toMatch(
      /<sub>Updated for commit a1b2c3d · \[workflow run\]\(https:\/\/github\.com\/octo-org\/octo-repo\/actions\/runs\/4242\) · \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/sub>\n$/
    )
  })

  test('a passing run says so in plain words', async () => {
    target('feature').result = [scorecard(9, [check('A', 9), check('B', 10)])]
    await run({ compareWithBase: 'false' })
    const comment = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(comment).toContain('Score **9** out of 10 meets the threshold **5**. All 2 checks pass.')
    expect(comment).not.toContain('0 of')
  })
})
