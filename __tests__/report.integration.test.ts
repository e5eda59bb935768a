/**
 * The report a PR author acts on (issue 10), through the shipped bundle: what changed
 * against the base branch, and SARIF categories that neither move nor collide.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { runGate, useServers } from '../test-support/harness.ts'
import { makeTempDir, pushEvent, type RunOptions, type RunResult } from '../test-support/runner.ts'
import { exampleScan, type ScanTargetModel } from '../test-support/ssd-simulator.ts'

const servers = useServers()
const run = (inputs: RunOptions['inputs'] = {}, options: Partial<RunOptions> = {}): Promise<RunResult> =>
  runGate(servers, inputs, options)

function target(branch: string): ScanTargetModel {
  const found = servers.ssd.targets.find((t) => t.branch === branch)
  if (!found) throw new Error(`no scan target for ${branch}`)
  return found
}

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
