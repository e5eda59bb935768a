/**
 * The shipped bundle, run as the runner runs it, against the SSD simulator and the GitHub
 * API stand-in: real HTTP on loopback, real files, real exit codes.
 */
import { describe, expect, test } from '@jest/globals'
import { startGitHubStandIn } from '../test-support/github-stand-in.ts'
import {
  commentRequests,
  everydayTargets,
  expectTokenNowhere,
  runGate,
  TOKEN,
  useServers,
  expectCommentIsReport
} from '../test-support/harness.ts'
import { pullRequestEvent, pushEvent, type RunOptions, type RunResult } from '../test-support/runner.ts'
import { exampleScan, runningScan, sequence, startSsdSimulator } from '../test-support/ssd-simulator.ts'

const servers = useServers()
const run = (inputs: RunOptions['inputs'] = {}, options: Partial<RunOptions> = {}): Promise<RunResult> =>
  runGate(servers, inputs, options)

const passingScan = () => exampleScan({ metadata: { version: 'v5.3.0', score: 7.5 } })

describe('the gate', () => {
  test('waits through pending and scanning, then passes a score above the threshold', async () => {
    servers.ssd.respond = sequence(
      { json: [runningScan('pending')] },
      { json: [runningScan('scanning')] },
      { json: [passingScan()] }
    )

    const result = await run()

    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'Completed', score: '7.5', passed: 'true' })
    expect(servers.ssd.resultReads('0x29ab8')).toHaveLength(3)
    for (const request of servers.ssd.resultReads('0x29ab8')) {
      expect(request.path).toBe('/gate/ssdservice/v1/scan/filedata')
      expect(request.query).toEqual({ projectId: '0x29ab7', type: 'sourceScan', scanId: '0x29ab8' })
      expect(request.headers['x-opsmx-auth']).toBe(`Bearer ${TOKEN}`)
    }
    expect(result.stdout).toMatch(/openssf: pending/i)
    expect(result.stdout).toMatch(/openssf: scanning/i)
    expect(result.summary).toContain('✅ OpsMx SSD gate passed')
    const comments = servers.github.comments.get(7) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('Score **7.5** out of 10 meets the threshold **5**')
    expect(result.outputs.commentUrl).toBe(comments[0]?.html_url)
    expectTokenNowhere(result, servers)
  })

  test('fails the step when the score is below the threshold, naming score and threshold', async () => {
    const result = await run()

    expect(result.code).toBe(1)
    // main scores 2.4 too in these tests: the message says the low score predates the pull request.
    expect(result.stdout).toContain(
      '::error::SSD score 2.4 is below the threshold 5 (main scores 2.4, below the threshold too: this predates the pull request).'
    )
    expect(result.outputs).toMatchObject({ status: 'Completed', score: '2.4', passed: 'false' })
    const failed = JSON.parse(result.outputs.failedChecks ?? '') as string[]
    expect(failed).toContain('Dangerous-Workflow')
    expect(failed).not.toContain('Binary-Artifacts')
    // -1 is inconclusive, never failed.
    expect(failed).not.toContain('Branch-Protection')
    const body = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(body).toContain('❌ OpsMx SSD gate failed')
    expectCommentIsReport(body, result.outputs.report)
    expect(result.summary).toContain('Score **2.4** out of 10 is below the threshold **5**')
  })

  test('a threshold at or below the score passes; the threshold input is honoured', async () => {
    const result = await run({ threshold: '2.4' })
    expect(result.code).toBe(0)
    expect(result.outputs.passed).toBe('true')
  })

  test('warnOnly reports and warns but does not fail the step', async () => {
    const result = await run({ warnOnly: 'true' })

    expect(result.code).toBe(0)
    expect(result.outputs.passed).toBe('false')
    expect(result.stdout).toMatch(/::warning::SSD score 2.4 is below the threshold 5/)
    expect(result.stdout).not.toContain('::error::')
    expect(servers.github.comments.get(7)?.[0]?.body).toContain('failed (warning only)')
  })

  test('shows score -1 checks as inconclusive, never as failed', async () => {
    const result = await run()
    const row = result.summary.split('\n').find((line) => line.includes('Branch-Protection')) ?? ''
    expect(row).toMatch(/^\| ❔ \| .* \| \? \| /)
    expect(result.outputs.failedChecks).not.toContain('Code-Review')
  })

  test('a multi-scan answer waits for the scan that completes later, and gates on the lowest score', async () => {
    const semgrepRunning = { ...runningScan('scanning'), scanName: 'semgrep', scanTool: 'Semgrep' }
    const semgrepDone = { ...passingScan(), scanName: 'semgrep', scanTool: 'Semgrep', metadata: { score: 9 }, data: [] }
    servers.ssd.respond = sequence(
      { json: [passingScan(), semgrepRunning] },
      { json: [passingScan(), semgrepRunning] },
      { json: [passingScan(), semgrepDone] }
    )

    const result = await run()

    expect(servers.ssd.resultReads('0x29ab8')).toHaveLength(3)
    expect(result.stdout).toMatch(/openssf: Completed, semgrep: scanning/i)
    expect(result.outputs.score).toBe('7.5')
    expect(result.code).toBe(0)
    expect(result.summary).toContain('### Semgrep')
    expect(result.summary).toContain('the lowest of 2 scans')
  })

  test('a completed scan set with no score fails with a clear message', async () => {
    servers.ssd.respond = () => ({ json: [exampleScan({ metadata: { version: 'v5.3.0' } })] })
    const result = await run()
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::The SSD scan completed without a score .*nothing to gate on/)
    expect(result.outputs.passed).toBe('false')
  })

  test('warnOnly does not soften an answer with no score: nothing to gate on still fails', async () => {
    servers.ssd.respond = () => ({ json: [exampleScan({ metadata: { version: 'v5.3.0' } })] })
    const result = await run({ warnOnly: 'true' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::The SSD scan completed without a score/)
  })

  test('a failed scan ends the run at once with its error text', async () => {
    servers.ssd.respond = sequence(
      { json: [runningScan('scanning')] },
      { json: [runningScan('fail', { error: 'clone failed: repository not found' })] }
    )
    const result = await run({ timeout: '30' })
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('Failed')
    expect(result.stdout).toMatch(
      /::error::SSD scan openssf failed \(status fail\): clone failed: repository not found/i
    )
    expect(servers.ssd.requests).toHaveLength(2)
  })

  test('an empty apiBasePath calls the service directly', async () => {
    await servers.ssd.close()
    servers.ssd = await startSsdSimulator({ token: TOKEN, basePath: '', targets: everydayTargets() })
    const result = await run({ apiBasePath: '', threshold: '1' })
    expect(result.code).toBe(0)
    expect(servers.ssd.requests[0]?.path).toBe('/ssdservice/v1/scan/filedata')
  })

  test('a token that already starts with Bearer is sent as is', async () => {
    const result = await run({ token: `Bearer ${TOKEN}`, threshold: '1' })
    expect(result.code).toBe(0)
    expect(servers.ssd.requests[0]?.headers['x-opsmx-auth']).toBe(`Bearer ${TOKEN}`)
  })
})

describe('the PR comment', () => {
  test('a rerun updates the one comment in place', async () => {
    await run()
    servers.ssd.respond = () => ({ json: [passingScan()] })
    const second = await run()

    const comments = servers.github.comments.get(7) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('✅ OpsMx SSD gate passed')
    expect(commentRequests(servers).filter((r) => r.method === 'PATCH')).toHaveLength(1)
    expect(second.outputs.commentUrl).toBe(comments[0]?.html_url)
  })

  test('a comment deleted while the run goes on is written anew, not lost', async () => {
    await run()
    const first = servers.github.comments.get(7)![0]!
    // Someone deletes it between the action finding it and updating it: the PATCH gets a 404.
    servers.github.onRequest = (request) => {
      if (request.method === 'PATCH') servers.github.deleteComment(first.id)
    }
    servers.ssd.respond = () => ({ json: [passingScan()] })
    const result = await run()

    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('::warning::')
    const comments = servers.github.comments.get(7) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0]?.id).not.toBe(first.id)
    expect(comments[0]?.body).toContain('✅ OpsMx SSD gate passed')
    expect(result.outputs.commentUrl).toBe(comments[0]?.html_url)
    // The first run creates it; the rerun's update finds it gone, then creates it again.
    const writes = commentRequests(servers).filter((r) => r.method !== 'GET' && !r.path.endsWith('/graphql'))
    expect(writes.map((r) => r.method)).toEqual(['POST', 'PATCH', 'POST'])
  })

  test('a comment by someone else carrying the marker is left alone', async () => {
    await run()
    const ours = servers.github.comments.get(7)![0]!
    // Someone quotes our comment, marker included, and the quote sits before ours.
    servers.github.comments.set(7, [])
    // It starts with the marker, as ours does: only the author tells them apart.
    const foreign = servers.github.addComment(7, `${ours.body}\n> p.s. I edited this`, 'mallory')
    servers.github.comments.get(7)!.push(ours)
    const quoted = foreign.body

    servers.ssd.respond = () => ({ json: [passingScan()] })
    await run()

    expect(foreign.body).toBe(quoted)
    expect(foreign.body).toContain('❌ OpsMx SSD gate failed')
    expect(ours.body).toContain('✅ OpsMx SSD gate passed')
    expect(servers.github.comments.get(7)).toHaveLength(2)
  })

  test('only a foreign marker comment: a new comment is created, the foreign one untouched', async () => {
    servers.github.addComment(7, '<!-- opsmx-ssd-gate project=0x29ab7 type=sourceScan -->\nhijack', 'mallory')
    await run()
    const comments = servers.github.comments.get(7) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0]?.body).toContain('hijack')
    expect(comments[1]?.user.login).toBe('github-actions[bot]')
  })

  test('a push event writes no comment, but the summary and outputs', async () => {
    const result = await run({}, { event: pushEvent })
    expect(commentRequests(servers)).toHaveLength(0)
    expect(result.outputs.commentUrl).toBe('')
    expect(result.summary).toContain('OpsMx SSD gate failed')
    expect(result.stdout).toContain('No pull request in this event')
  })

  test('comment: never writes no comment; on-failure writes none while the gate passes', async () => {
    await run({ comment: 'never' })
    expect(commentRequests(servers)).toHaveLength(0)
    servers.ssd.respond = () => ({ json: [passingScan()] })
    await run({ comment: 'on-failure' })
    expect(commentRequests(servers).filter((r) => r.method !== 'GET' && !r.path.endsWith('/graphql'))).toHaveLength(0)
  })

  test('on-failure corrects a failing comment left by an earlier run', async () => {
    await run({ comment: 'on-failure' })
    expect(servers.github.comments.get(7)?.[0]?.body).toContain('failed')
    servers.ssd.respond = () => ({ json: [passingScan()] })
    await run({ comment: 'on-failure' })
    expect(servers.github.comments.get(7)).toHaveLength(1)
    expect(servers.github.comments.get(7)?.[0]?.body).toContain('✅ OpsMx SSD gate passed')
  })

  test('two projects in one PR keep two comments', async () => {
    for (const projectId of ['0x1', '0x2']) {
      servers.ssd.addTarget({ projectId, repository: 'octo-repo', branch: 'feature', scanId: `${projectId}-feature` })
    }
    await run({ projectId: '0x1' })
    await run({ projectId: '0x2' })
    await run({ projectId: '0x1' })
    const comments = servers.github.comments.get(7) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0]?.body).toContain('Project 0x1')
    expect(comments[1]?.body).toContain('Project 0x2')
  })

  test('GHES: honours a GITHUB_API_URL with /api/v3', async () => {
    await servers.github.close()
    servers.github = await startGitHubStandIn({ prefix: '/api/v3' })
    const result = await run()
    expect(servers.github.comments.get(7)).toHaveLength(1)
    expect(commentRequests(servers).every((r) => r.path.startsWith('/api/'))).toBe(true)
    expect(commentRequests(servers)[0]?.authorization).toBe('token ghs_standInGitHubToken0123456789')
    expect(result.outputs.commentUrl).not.toBe('')
  })

  test('finds its comment beyond the first page of 100', async () => {
    for (let i = 0; i < 150; i++) servers.github.addComment(7, `chatter ${i}`, 'someone')
    await run()
    await run()
    const comments = servers.github.comments.get(7) ?? []
    expect(comments).toHaveLength(151)
    const gets = commentRequests(servers).filter((r) => r.method === 'GET')
    // First run: 2 pages; second run: 2 pages to find it on page 2.
    expect(gets.map((r) => r.query.page)).toEqual(['1', '2', '1', '2'])
  })
})

describe('bad input fails before any request, naming the input', () => {
  const cases: Array<[string, RunOptions['inputs'], RegExp]> = [
    ['missing host', { host: undefined }, /Input 'host' is required/],
    ['missing token', { token: undefined }, /Input 'token' is required/],
    ['missing projectId', { projectId: undefined }, /Input 'projectId' is required/],
    ['commit not a SHA', { commit: 'HEAD~1' }, /Input 'commit' must be a commit SHA of 7 to 40 hexadecimal characters/],
    ['branch with a space', { branch: 'my branch' }, /Input 'branch' must be a git branch name/],
    ['repository with its owner', { repository: 'octo-org/octo-repo' }, /Input 'repository' must be a repository name/],
    ['waitForCommit not a boolean', { waitForCommit: 'sure' }, /Input 'waitForCommit' must be true or false/],
    ['rescan not a boolean', { rescan: 'once' }, /Input 'rescan' must be true or false/],
    ['host not a URL', { host: 'ssd.example.com' }, /Input 'host' must be an http\(s\) URL/],
    ['host with another scheme', { host: 'ftp://ssd.example.com' }, /Input 'host' must be an http\(s\) URL/],
    ['threshold not a number', { threshold: 'high' }, /Input 'threshold' must be a number from 0 to 10, got 'high'/],
    ['threshold above 10', { threshold: '11' }, /Input 'threshold' must be a number from 0 to 10, got '11'/],
    ['threshold below 0', { threshold: '-1' }, /Input 'threshold' must be a number from 0 to 10/],
    ['pollInterval zero', { pollInterval: '0' }, /Input 'pollInterval' must be a positive number of seconds/],
    ['pollInterval not a number', { pollInterval: '10s' }, /Input 'pollInterval' must be a positive number of seconds/],
    ['timeout negative', { timeout: '-5' }, /Input 'timeout' must be a positive number of seconds/],
    ['comment unknown', { comment: 'sometimes' }, /Input 'comment' must be one of always, on-failure, never/],
    ['warnOnly not a boolean', { warnOnly: 'yes please' }, /Input 'warnOnly' must be true or false/],
    [
      'checkThresholds without =',
      { checkThresholds: 'SAST' },
      /Input 'checkThresholds' must have one Check-Name=minimum per line/
    ],
    [
      'checkThresholds out of range',
      { checkThresholds: 'SAST=12' },
      /Input 'checkThresholds' must be a number from 0 to 10 after 'SAST='/
    ],
    [
      'failOnSeverity unknown',
      { failOnSeverity: 'severe' },
      /Input 'failOnSeverity' must be one of critical, high, medium, low/
    ],
    [
      'failOnInconclusive not a boolean',
      { failOnInconclusive: 'always' },
      /Input 'failOnInconclusive' must be true or false/
    ]
  ]
  test.each(cases)('%s', async (_name, inputs, message) => {
    const result = await run(inputs)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(message)
    expect(result.stdout).toMatch(/::error::/)
    expect(servers.ssd.allRequests).toHaveLength(0)
    expect(commentRequests(servers)).toHaveLength(0)
    expect(result.outputs.status).toBe('Error')
  })

  test('a token pasted into another input is not echoed by the error, in any form', async () => {
    const result = await run({ host: `ssd.example.com/${TOKEN}` })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/Input 'host' must be an http\(s\) URL .*got 'ssd\.example\.com\/\*\*\*'/)
    expect(result.summary).toContain('ssd.example.com/\\*\\*\\*')
    expectTokenNowhere(result, servers)
  })

  test('several bad inputs are all named at once', async () => {
    const result = await run({ threshold: '12', timeout: 'soon' })
    expect(result.stdout).toMatch(/'threshold'.*%0A.*'timeout'/)
  })

  test('an empty token on a fork PR explains that secrets are not passed to forks', async () => {
    const result = await run({ token: '' }, { event: pullRequestEvent(7, { fork: true }) })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/Input 'token' is required.*fork.*secrets/)
    expect(servers.ssd.allRequests).toHaveLength(0)
  })
})
