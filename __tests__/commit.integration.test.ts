/**
 * Which commit is gated (issue 8), through the shipped bundle against the SSD simulator's
 * model of scan targets: the scan is found by branch, the gate waits for the commit under
 * review, a stale result is never gated on, a given scanId still works without summarydata,
 * and SSD is written to only with `rescan: true`, once.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { errorOf, expectTokenNowhere, runGate, TOKEN, useServers } from '../test-support/harness.ts'
import {
  makeTempDir,
  PR_HEAD_SHA,
  pullRequestEvent,
  PUSH_SHA,
  pushEvent,
  type RunOptions,
  type RunResult
} from '../test-support/runner.ts'
import { exampleScan, runningScan, sequence, type ScanTargetModel } from '../test-support/ssd-simulator.ts'

const servers = useServers()
const run = (inputs: RunOptions['inputs'] = {}, options: Partial<RunOptions> = {}): Promise<RunResult> =>
  runGate(servers, inputs, options)

/** A commit of the PR's branch older than its head: what SSD scanned last. */
const OLD_SHA = '0ddd123456789abcdef0123456789abcdef01234'
const passing = () => [exampleScan({ metadata: { version: 'v5.3.0', score: 7.5 } })]

const target = (branch: string): ScanTargetModel => servers.ssd.targetOf(branch)

/** The PR's branch last scanned at OLD_SHA, with `result` as that scan's answer. */
function staleFeature(result = [exampleScan()]): ScanTargetModel {
  const feature = target('feature')
  Object.assign(feature, { headCommit: OLD_SHA, branchHead: OLD_SHA, result })
  return feature
}

describe('the scan is found by branch (no scanId)', () => {
  test('pull_request: asks summarydata for the PR head branch, gates on its scan of the head commit', async () => {
    const result = await run()

    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'Completed', scanId: '0x29ab8', scannedCommit: PR_HEAD_SHA })
    const [summary] = servers.ssd.summaryRequests
    expect(summary?.path).toBe('/gate/ssdservice/v1/sourceScan/summarydata')
    expect(summary?.query).toEqual({
      projectId: '0x29ab7',
      repository: 'octo-repo',
      branch: 'feature',
      type: 'sourceScan'
    })
    expect(summary?.headers['x-opsmx-auth']).toBe(`Bearer ${TOKEN}`)
    // Read once: the summary already said the scan of this commit was completed.
    expect(servers.ssd.resultReads('0x29ab8')).toHaveLength(1)
    expect(servers.ssd.rescanRequests).toHaveLength(0)
    expectTokenNowhere(result, servers)
  })

  test('push: asks for the pushed branch and gates on GITHUB_SHA', async () => {
    const result = await run({}, { event: pushEvent })

    expect(servers.ssd.summaryRequests[0]?.query).toMatchObject({ branch: 'main', repository: 'octo-repo' })
    expect(result.outputs).toMatchObject({ scanId: '0x29ab9', scannedCommit: PUSH_SHA })
    expect(servers.ssd.requests[0]?.query.scanId).toBe('0x29ab9')
  })

  test('repository, branch, commit and teamId inputs are what summarydata is asked', async () => {
    servers.ssd.addTarget({ repository: 'widget', branch: 'release/2.x', scanId: '0xabc', headCommit: 'abcdef0123456' })
    const result = await run({ repository: 'widget', branch: 'release/2.x', commit: 'ABCDEF0', teamId: 'team 7' })

    expect(servers.ssd.summaryRequests[0]?.query).toEqual({
      projectId: '0x29ab7',
      repository: 'widget',
      branch: 'release/2.x',
      type: 'sourceScan',
      teamId: 'team 7'
    })
    // An abbreviated commit, in any case, matches SSD's longer one.
    expect(result.outputs).toMatchObject({ status: 'Completed', scanId: '0xabc', scannedCommit: 'abcdef0123456' })
  })

  test('a branch SSD never scanned times out naming project, repository and branch', async () => {
    const result = await run({ timeout: '1' }, { event: pullRequestEvent(7, { headRef: 'unconfigured' }) })

    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('TimedOut')
    expect(errorOf(result)).toMatch(
      /Timed out after .* SSD has no scan of repository octo-repo, branch unconfigured, project 0x29ab7\. SSD scans only the branches configured on a project/
    )
    expect(result.stdout).toMatch(/SSD has no scan of octo-repo@unconfigured in project 0x29ab7 yet/)
    expect(servers.ssd.requests).toHaveLength(0)
  })

  test('summarydata answering an empty object or no scanId also means "not scanned yet"', async () => {
    servers.ssd.respondSummary = sequence({ json: {} }, { json: { status: 'pending' } })
    const result = await run({ timeout: '1' })
    expect(result.outputs.status).toBe('TimedOut')
    expect(errorOf(result)).toMatch(/SSD has no scan of repository octo-repo, branch feature/)
  })

  test("summarydata's error shape with a 200 fails at once with SSD's words, not as 'no scan yet'", async () => {
    servers.ssd.respondSummary = () => ({ json: { error: 'Project not found.' } })
    const result = await run()
    expect(result.outputs.status).toBe('Error')
    expect(errorOf(result)).toMatch(
      /SSD's summarydata answered HTTP 200 with an error instead of the summary: "Project not found\."\. Check the 'projectId', 'repository', 'branch'/
    )
    expect(servers.ssd.summaryRequests).toHaveLength(1)
  })

  test('no scanId and a summarydata that is not of its shape: a clear error naming the way out', async () => {
    servers.ssd.respondSummary = () => ({ raw: '<html>login</html>', headers: { 'content-type': 'text/html' } })
    const result = await run()
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('Error')
    expect(errorOf(result)).toMatch(/summarydata answered HTTP 200 with text\/html, not JSON.*set the 'scanId' input/)
  })
})

describe('waiting for the commit under review', () => {
  test('a stale result is never gated on: the gate waits for SSD to scan the head commit', async () => {
    const feature = staleFeature()
    // SSD's webhook sees the push a little later: the scan starts after two looks.
    servers.ssd.push(feature, PR_HEAD_SHA, { afterLooks: 2, result: passing() })

    const result = await run()

    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ passed: 'true', score: '7.5', scannedCommit: PR_HEAD_SHA })
    expect(result.stdout).toContain(
      "SSD's latest scan of octo-repo@feature (scan 0x29ab8) is of 0ddd123 (completed); waiting for a1b2c3d"
    )
    expect(result.stdout).toMatch(/SSD is scanning a1b2c3d on octo-repo@feature \(scan 0x29ab8\) \(pending\)/)
    // filedata is read only once the summary names the head commit, completed.
    const lastStale = Math.max(
      ...servers.ssd
        .summaryReads('feature')
        .slice(0, 2)
        .map((r) => r.at)
    )
    expect(servers.ssd.resultReads('0x29ab8')).toHaveLength(1)
    expect(servers.ssd.resultReads('0x29ab8')[0]!.at).toBeGreaterThan(lastStale)
    expect(servers.ssd.summaryReads('feature').length).toBeGreaterThanOrEqual(5)
    expect(servers.ssd.rescanRequests).toHaveLength(0)
  })

  test('pull_request gates on the head commit, never on GITHUB_SHA (the merge commit)', async () => {
    const result = await run()
    expect(result.outputs.scannedCommit).toBe(PR_HEAD_SHA)
    expect(result.stdout).toContain('Gating commit a1b2c3d of octo-repo@feature')
    expect(result.stdout).not.toContain('f00dfee')
  })

  test('a failed scan of the commit under review ends the run as Failed at once', async () => {
    const feature = target('feature')
    feature.nextScanFails = true
    servers.ssd.push(feature, PR_HEAD_SHA)

    const result = await run({ timeout: '10' })

    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('Failed')
    expect(errorOf(result)).toMatch(
      /SSD's scan of a1b2c3d on octo-repo@feature \(scan 0x29ab8\) failed \(status fail\)/
    )
    expect(servers.ssd.requests).toHaveLength(0)
  })

  test("filedata's own states still apply, and results that moved on are checked against the commit", async () => {
    servers.ssd.respond = sequence({ json: [runningScan('scanning')] }, { json: passing() })
    const result = await run()

    expect(result.code).toBe(0)
    expect(servers.ssd.resultReads('0x29ab8')).toHaveLength(2)
    // One summary to find the scan, one more to confirm the results are still of the head commit.
    expect(servers.ssd.summaryReads('feature')).toHaveLength(2)
    expect(result.outputs.scannedCommit).toBe(PR_HEAD_SHA)
  })

  test('results that moved on to another commit while being read are not gated on', async () => {
    const feature = target('feature')
    // While filedata says scanning, a push of another commit lands: the results are not ours.
    servers.ssd.respond = (_request, index) => {
      if (index === 0) {
        servers.ssd.push(feature, OLD_SHA, { result: passing() })
        return { json: [runningScan('scanning')] }
      }
      return { json: passing() }
    }
    const result = await run({ timeout: '1.5' })

    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('TimedOut')
    expect(result.stdout).toContain('SSD scanned octo-repo@feature again while its results were read')
    expect(errorOf(result)).toMatch(/waiting for SSD to scan commit a1b2c3d: its latest scan of .* is of 0ddd123/)
  })

  test('timing out on a stale scan names both commits, the branch, and the way out', async () => {
    staleFeature()
    const result = await run({ timeout: '1' })

    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('TimedOut')
    expect(errorOf(result)).toMatch(
      /Timed out after .* waiting for SSD to scan commit a1b2c3d: its latest scan of repository octo-repo, branch feature, project 0x29ab7 is of 0ddd123 \(completed\)\. Set 'rescan: true' to ask SSD to scan it, or check SSD's webhook for this repository\./
    )
    expect(servers.ssd.requests).toHaveLength(0)
    expect(servers.ssd.rescanRequests).toHaveLength(0)
  })

  test('push: a stale scan of main is waited out the same way', async () => {
    const main = target('main')
    Object.assign(main, { headCommit: OLD_SHA })
    servers.ssd.push(main, PUSH_SHA, { afterLooks: 1, result: passing() })
    const result = await run({}, { event: pushEvent })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /latest scan of octo-repo@main \(scan 0x29ab9\) is of 0ddd123 \(completed\); waiting for b0a710a/
    )
    expect(result.outputs.scannedCommit).toBe(PUSH_SHA)
  })

  test('waitForCommit: false gates on the latest scan at once, with a warning and the commit named', async () => {
    staleFeature()
    const result = await run({ waitForCommit: 'false' })

    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'Completed', scannedCommit: OLD_SHA, score: '2.4' })
    expect(result.stdout).toMatch(
      /::warning::This result is of commit 0ddd123, not of a1b2c3d under review \(waitForCommit is off\)\./
    )
    expect(servers.ssd.summaryReads('feature')).toHaveLength(1)
    const comment = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(comment).toContain('This result is of commit 0ddd123, not of a1b2c3d under review')
    expect(comment).toContain('commit [0ddd123](https://github.com/octo-org/octo-repo/commit/')
  })
})

describe('a given scanId', () => {
  test('the summary speaks for it: the commit check applies', async () => {
    const feature = staleFeature()
    servers.ssd.push(feature, PR_HEAD_SHA, { afterLooks: 1, result: passing() })
    const result = await run({ scanId: '0x29ab8' })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ scanId: '0x29ab8', scannedCommit: PR_HEAD_SHA })
    expect(result.stdout).toContain('waiting for a1b2c3d')
  })

  test.each([
    [
      'summarydata is not there (404)',
      () => ({ status: 404, raw: '404 page not found' }),
      /SSD's summarydata has no scan of octo-repo@feature \(HTTP 404/
    ],
    [
      'summarydata answers another shape',
      () => ({ json: [1, 2] }),
      /not the documented summary: expected a JSON object, got an array/
    ],
    ['summarydata keeps failing', () => ({ status: 503 }), /SSD's summarydata failed 3 times \(HTTP 503/],
    [
      'summarydata names another target',
      () => ({ json: { scanId: '0xother', headCommit: PR_HEAD_SHA, status: 'completed' } }),
      /SSD's latest scan of octo-repo@feature is scan 0xother, not the given scanId 0x29ab8/
    ]
  ])('%s: gates on it as before, saying the commit is unknown', async (_name, respondSummary, why) => {
    servers.ssd.respondSummary = respondSummary
    const result = await run({ scanId: '0x29ab8' })

    expect(result.outputs).toMatchObject({ status: 'Completed', scanId: '0x29ab8', scannedCommit: '', score: '2.4' })
    const notice = result.stdout.split('\n').find((line) => line.startsWith('::notice::')) ?? ''
    expect(decodeURIComponent(notice)).toMatch(why)
    expect(notice).toContain('Gating on the given scanId 0x29ab8 as it is.')
    expect(servers.ssd.resultReads('0x29ab8')).toHaveLength(1)
    const comment = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(comment).toContain('The commit this result is of is unknown')
    expect(result.summary).toContain('The commit this result is of is unknown')
  })
})

describe('rescan', () => {
  test('without rescan: true the action never writes to SSD', async () => {
    const feature = staleFeature()
    // SSD's webhook missed the push: the branch moved, no scan started.
    servers.ssd.push(feature, PR_HEAD_SHA, { scan: false })
    await run({ timeout: '1' })
    expect(servers.ssd.allRequests.every((request) => request.method === 'GET')).toBe(true)
    expect(servers.ssd.rescanRequests).toHaveLength(0)
  })

  test('rescan: true asks SSD once to scan the branch again, then gates on the head commit', async () => {
    const feature = staleFeature()
    servers.ssd.push(feature, PR_HEAD_SHA, { scan: false, result: passing() })

    const result = await run({ rescan: 'true' })

    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ passed: 'true', scannedCommit: PR_HEAD_SHA })
    expect(servers.ssd.rescanRequests).toHaveLength(1)
    const [rescan] = servers.ssd.rescanRequests
    expect(rescan?.path).toBe('/gate/ssdservice/v1/rescan')
    expect(rescan?.headers['x-opsmx-auth']).toBe(`Bearer ${TOKEN}`)
    expect(rescan?.headers['content-type']).toBe('application/json')
    expect(rescan?.body).toEqual({
      projectId: '0x29ab7',
      projectName: 'octo-project',
      platform: 'github',
      scanId: '0x29ab8',
      scanType: 'sourceScan'
    })
    expect(result.stdout).toMatch(/Asked SSD to scan octo-repo@feature again \(scan 0x29ab8\): Rescan triggered/)
  })

  test('never while SSD says pending or scanning; once it is idle, exactly once', async () => {
    const feature = staleFeature()
    // A scan of the old commit is running; the branch has moved on without a webhook.
    Object.assign(feature, { status: 'pending' })
    servers.ssd.push(feature, PR_HEAD_SHA, { scan: false, result: passing() })

    const result = await run({ rescan: 'true' })

    expect(result.code).toBe(0)
    expect(servers.ssd.rescanRequests).toHaveLength(1)
    // The summaries before the rescan said pending, scanning, then completed.
    const before = servers.ssd.summaryReads('feature').filter((r) => r.at < servers.ssd.rescanRequests[0]!.at)
    expect(before).toHaveLength(3)
  })

  test('a refused rescan is a warning; the gate waits on, and asks only once', async () => {
    staleFeature()
    servers.ssd.respondRescan = () => ({ status: 500, json: { error: 'scanner unavailable' } })
    const result = await run({ rescan: 'true', timeout: '1.5' })

    expect(servers.ssd.rescanRequests).toHaveLength(1)
    expect(result.stdout).toMatch(
      /::warning::SSD's rescan of octo-repo@feature was not accepted \(HTTP 500 \(scanner unavailable\)\); waiting for SSD to scan a1b2c3d by itself\./
    )
    expect(result.outputs.status).toBe('TimedOut')
    expect(errorOf(result)).toContain(
      "SSD did not accept the rescan the action asked for (HTTP 500 (scanner unavailable)); check SSD's webhook"
    )
  })

  test('a rescan whose scan fails ends the run as Failed', async () => {
    const feature = staleFeature()
    servers.ssd.push(feature, PR_HEAD_SHA, { scan: false })
    feature.nextScanFails = true
    const result = await run({ rescan: 'true' })
    expect(servers.ssd.rescanRequests).toHaveLength(1)
    expect(result.outputs.status).toBe('Failed')
  })
})

describe('the report names the commit and the branch', () => {
  test('comment, summary, outputs and SARIF say which commit the result is of', async () => {
    const workspace = makeTempDir()
    const result = await run({ sarifFile: 'ssd.sarif' }, { env: { GITHUB_WORKSPACE: workspace } })

    const comment = servers.github.comments.get(7)?.[0]?.body ?? ''
    const subject = `Project 0x29ab7 · octo-repo · branch feature · scan 0x29ab8 · sourceScan · commit [a1b2c3d](https://github.com/octo-org/octo-repo/commit/${PR_HEAD_SHA})`
    expect(comment).toContain(subject)
    expect(result.summary).toContain(subject)
    expect(comment).not.toContain('unknown')
    const sarif = JSON.parse(readFileSync(join(workspace, 'ssd.sarif'), 'utf8')) as {
      runs: Array<{ properties: Record<string, unknown> }>
    }
    expect(sarif.runs[0]?.properties).toMatchObject({
      ssdScanId: '0x29ab8',
      repository: 'octo-repo',
      branch: 'feature',
      commit: PR_HEAD_SHA
    })
    // The result file keeps its name: project and scan.
    expect(result.outputs.resultFile).toMatch(/0x29ab7-0x29ab8-[^/]+\.json$/)
  })

  test('a summary that does not name the commit: gated, with the commit said to be unknown', async () => {
    Object.assign(target('feature'), { headCommit: 'not-a-sha' })
    const result = await run()
    expect(result.outputs).toMatchObject({ status: 'Completed', scannedCommit: '' })
    expect(result.stdout).toMatch(/::warning::SSD does not say which commit its latest scan of octo-repo@feature/)
    expect(result.summary).toContain('so the commit this result is of is unknown')
  })
})

/** Each numbered behaviour of the commit gate, on both events it serves. */
describe.each([
  { name: 'pull_request', event: () => pullRequestEvent(), branch: 'feature', scanId: '0x29ab8', head: PR_HEAD_SHA },
  { name: 'push', event: () => pushEvent, branch: 'main', scanId: '0x29ab9', head: PUSH_SHA }
])('on $name', ({ event, branch, scanId, head }) => {
  const short = head.slice(0, 7)
  const gate = (inputs: RunOptions['inputs'] = {}) => run(inputs, { event: event() })
  const stale = (): ScanTargetModel => Object.assign(target(branch), { headCommit: OLD_SHA, branchHead: OLD_SHA })

  test('2: a stale result is never gated on; the scan of the commit under review is', async () => {
    servers.ssd.push(stale(), head, { afterLooks: 1, result: passing() })
    const result = await gate()
    expect(result.outputs).toMatchObject({ passed: 'true', scanId, scannedCommit: head })
    expect(result.stdout).toContain(`is of 0ddd123 (completed); waiting for ${short}`)
    expect(servers.ssd.resultReads(scanId)).toHaveLength(1)
  })

  test('3: no scan of the branch ever: TimedOut naming project, repository and branch', async () => {
    servers.ssd.targets.splice(servers.ssd.targets.indexOf(target(branch)), 1)
    const result = await gate({ timeout: '1' })
    expect(result.outputs.status).toBe('TimedOut')
    expect(errorOf(result)).toContain(`SSD has no scan of repository octo-repo, branch ${branch}, project 0x29ab7`)
  })

  test('4: a given scanId without summarydata is gated on, the commit said to be unknown', async () => {
    servers.ssd.respondSummary = () => ({ status: 404, raw: '404 page not found' })
    const result = await gate({ scanId })
    expect(result.outputs).toMatchObject({ status: 'Completed', scanId, scannedCommit: '' })
    expect(result.summary).toContain('The commit this result is of is unknown')
  })

  test('5: waitForCommit: false gates on the latest scan, naming its commit with a warning', async () => {
    stale()
    const result = await gate({ waitForCommit: 'false' })
    expect(result.outputs).toMatchObject({ status: 'Completed', scannedCommit: OLD_SHA })
    expect(result.stdout).toContain(`::warning::This result is of commit 0ddd123, not of ${short} under review`)
  })

  test('6: timing out on a stale scan names both commits, the branch and the way out', async () => {
    stale()
    const result = await gate({ timeout: '1' })
    expect(errorOf(result)).toMatch(
      new RegExp(
        `waiting for SSD to scan commit ${short}: its latest scan of repository octo-repo, branch ${branch}, .* is of 0ddd123 \\(completed\\)\\. Set 'rescan: true'`
      )
    )
  })

  test('7: rescan: true writes to SSD once, then gates on the commit under review', async () => {
    servers.ssd.push(stale(), head, { scan: false, result: passing() })
    const result = await gate({ rescan: 'true' })
    expect(servers.ssd.rescanRequests).toHaveLength(1)
    expect(servers.ssd.rescanRequests[0]?.body).toMatchObject({ scanId })
    expect(result.outputs).toMatchObject({ passed: 'true', scannedCommit: head })
  })

  test('8: the report names the branch and the commit, linked', async () => {
    const result = await gate()
    expect(result.summary).toContain(
      `branch ${branch} · scan ${scanId} · sourceScan · commit [${short}](https://github.com/octo-org/octo-repo/commit/${head})`
    )
  })
})

test("a fork's pull request without a branch fails before any request, saying why", async () => {
  const result = await run({}, { event: pullRequestEvent(7, { fork: true }) })
  expect(result.outputs.status).toBe('Error')
  expect(errorOf(result)).toMatch(/Input 'branch' is required on a pull request from a fork/)
  expect(servers.ssd.allRequests).toHaveLength(0)
})
