/**
 * GitHub refusing, failing, limiting or hanging, through the shipped bundle against the
 * GitHub stand-in: the comment becomes a warning at worst, and the gate's result stands.
 * Apart from the SSD faults so that the 30 s deadline test runs alongside them.
 */
import { describe, expect, test } from '@jest/globals'
import { commentRequests, errorOf, runGate, useServers } from '../test-support/harness.ts'
import { pullRequestEvent, type RunOptions, type RunResult } from '../test-support/runner.ts'
import { exampleScan, type SimReply } from '../test-support/ssd-simulator.ts'

const servers = useServers()
const run = (inputs: RunOptions['inputs'] = {}, options: Partial<RunOptions> = {}): Promise<RunResult> =>
  runGate(servers, inputs, options)

const done = (): SimReply => ({ json: [exampleScan({ metadata: { version: 'v5.3.0', score: 8 } })] })

describe('GitHub faults never change the gate’s result', () => {
  test('403 on the comment: a warning naming the permission and the fork case', async () => {
    servers.github.faults.push({
      method: 'POST',
      path: /\/comments$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    // A fork's pull request names the branch to gate on (SSD never scans a fork's own).
    const result = await run({ branch: 'feature' }, { event: pullRequestEvent(7, { fork: true }) })
    expect(result.code).toBe(1) // the 2.4 score still fails the gate
    expect(errorOf(result)).toBe(
      'SSD score 2.4 is below the threshold 5 (main scores 2.4, below the threshold too: this predates the pull request).'
    )
    const warning = result.stdout.split('\n').find((l) => l.startsWith('::warning::')) ?? ''
    expect(warning).toMatch(/HTTP 403.*pull-requests: write.*fork/)
    expect(result.outputs).toMatchObject({ passed: 'false', score: '2.4', commentUrl: '' })
    expect(result.summary).toContain('OpsMx SSD gate failed')
  })

  test('403 on the comment when the gate passes: the step still passes', async () => {
    servers.ssd.respond = done
    servers.github.faults.push({ method: 'POST', path: /\/comments$/, status: 403 })
    const result = await run()
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/::warning::Could not write the PR comment \(HTTP 403\)/)
  })

  test('a 502 on the comment is retried', async () => {
    servers.github.faults.push({ method: 'POST', path: /\/comments$/, status: 502, times: 1 })
    const result = await run()
    expect(commentRequests(servers).filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(2)
    expect(servers.github.comments.get(7)).toHaveLength(1)
    expect(result.outputs.commentUrl).not.toBe('')
  })

  test('a primary rate limit (403, x-ratelimit-remaining: 0) is waited out until the reset', async () => {
    // A reset already reached: the action waits the one second past it that GitHub asks for
    // (the reset in the future is worked out in github-client.unit.test.ts).
    servers.github.faults.push({
      method: 'GET',
      path: /\/comments$/,
      status: 403,
      times: 1,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
      body: { message: 'API rate limit exceeded for installation.' }
    })
    const result = await run()
    expect(result.stdout).toMatch(/GitHub rate limit for GET .*: retrying in 1s/)
    const gets = commentRequests(servers).filter((r) => r.method === 'GET')
    expect(gets[1]!.at - gets[0]!.at).toBeGreaterThanOrEqual(990)
    expect(servers.github.comments.get(7)).toHaveLength(1)
  })

  test('a secondary rate limit with Retry-After is waited out', async () => {
    servers.github.faults.push({
      method: 'POST',
      path: /\/comments$/,
      status: 403,
      times: 1,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }
    })
    const result = await run()
    expect(result.stdout).toMatch(/GitHub secondary rate limit for POST .*: retrying in 1s/)
    expect(servers.github.comments.get(7)).toHaveLength(1)
    const posts = commentRequests(servers).filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))
    expect(posts).toHaveLength(2)
  })

  test('a rate limit asking for more than 60 s is given up at once, with a warning that says so', async () => {
    servers.github.faults.push({
      method: 'POST',
      path: /\/comments$/,
      status: 403,
      headers: { 'retry-after': '3600' },
      body: { message: 'You have exceeded a secondary rate limit.' }
    })
    const result = await run({}, { killAfterMs: 20_000 })
    expect(result.code).toBe(1) // the 2.4 score, as without the limit
    const warning = result.stdout.split('\n').find((l) => l.startsWith('::warning::')) ?? ''
    expect(warning).toMatch(
      /Could not write the PR comment: GitHub secondary rate limit for POST .*: it asks to wait 3600s/
    )
    // A limit, not a permission problem: the hint about 'pull-requests: write' would mislead.
    expect(warning).not.toContain('pull-requests: write')
    expect(commentRequests(servers).filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(1)
  })

  test('a GitHub API that never answers is given up after 30 s, with a warning', async () => {
    servers.github.faults.push({ method: 'GET', path: /\/comments$/, status: 0, hang: true })
    // A run that waited on past the deadline would meet the kill (exit code null).
    const result = await run({}, { killAfterMs: 45_000 })
    expect(result.code).toBe(1)
    // The request that hung is not sent again once the deadline has passed.
    expect(commentRequests(servers)).toHaveLength(1)
    expect(result.stdout).toMatch(/::warning::Could not write the PR comment: GitHub did not answer within 30s/)
    expect(result.outputs.report).toContain('OpsMx SSD gate failed')
  }, 60_000)

  test('cancellation while the comment is being written stops at once', async () => {
    servers.github.faults.push({ method: 'GET', path: /\/comments$/, status: 0, hang: true })
    // Stopping only at the comment's 30 s deadline would meet the kill (exit code null).
    const result = await run(
      {},
      {
        killAfterMs: 15_000,
        onSpawn: (child) => {
          const poll = setInterval(() => {
            if (commentRequests(servers).length > 0) {
              clearInterval(poll)
              child.kill('SIGTERM')
            }
          }, 20)
        }
      }
    )
    expect(result.code).not.toBe(0)
    expect(result.code).not.toBeNull()
    expect(errorOf(result)).toBe('Cancelled while reporting the SSD result.')
    expect(result.outputs.status).toBe('Cancelled')
  })

  test('422 Body is too long: a warning; outputs and summary are already written', async () => {
    servers.github.faults.push({
      method: 'POST',
      path: /\/comments$/,
      status: 422,
      body: { message: 'Body is too long' }
    })
    const result = await run()
    expect(result.stdout).toMatch(/::warning::Could not write the PR comment: .*Body is too long/)
    expect(result.outputs.report).toContain('OpsMx SSD gate failed')
    expect(result.summary).toContain('OpsMx SSD gate failed')
  })
})
