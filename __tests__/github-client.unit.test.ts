/**
 * The GitHub client's request hook, through the real Octokit, over a fake fetch and a fake
 * clock: hours of rate-limit waiting run in no time, and every wait is recorded.
 */
import { describe, expect, test } from '@jest/globals'
import {
  createGitHubClient,
  nextTry,
  troubleOf,
  type Clock,
  type ClientOptions,
  type GitHubClient
} from '../src/github-client.ts'

const START = Date.UTC(2026, 10, 29, 12, 0, 0)

/** A clock whose sleeps return at once, moving time on; a sleep can be held to test aborts. */
function fakeClock(): Clock & { waits: number[]; hold: boolean } {
  let now = START
  const clock = {
    waits: [] as number[],
    hold: false,
    now: () => now,
    sleep(ms: number, signal: AbortSignal): Promise<void> {
      clock.waits.push(ms)
      if (!clock.hold) {
        now += ms
        return Promise.resolve()
      }
      // Held: ends only when the signal aborts, as a real timer would.
      return new Promise((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason), { once: true })
      )
    }
  }
  return clock
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error

/** Answers each request with the next reply; the last one repeats. */
function fakeFetch(...replies: Reply[]) {
  const calls: Array<{ method: string; url: string }> = []
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ method: init.method ?? 'GET', url })
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!
    if (reply instanceof Error) throw reply
    return new Response(reply.status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status: reply.status,
      headers: { 'content-type': 'application/json', ...reply.headers }
    })
  }
  return { fetch, calls }
}

const ok: Reply = { status: 201, body: { id: 1, html_url: 'https://github.example/c/1' } }

async function client(
  fetch: ClientOptions['fetch'],
  extra: Partial<ClientOptions> = {}
): Promise<{ octokit: GitHubClient; log: string[]; clock: ReturnType<typeof fakeClock> }> {
  const log: string[] = []
  const clock = fakeClock()
  const octokit = await createGitHubClient('ghs_test', {
    signal: new AbortController().signal,
    log: (line) => log.push(line),
    clock,
    random: () => 1,
    fetch,
    ...extra
  })
  return { octokit, log, clock: (extra.clock as typeof clock | undefined) ?? clock }
}

const comment = (octokit: GitHubClient) =>
  octokit.rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 7, body: 'hi' })

const errorOf = async (promise: Promise<unknown>): Promise<{ status?: number; message: string }> => {
  try {
    await promise
  } catch (error) {
    return error as { status?: number; message: string }
  }
  throw new Error('expected the request to fail')
}

describe('server faults and network faults are retried with backoff', () => {
  test('a 502 then success: one retry after a second', async () => {
    const { fetch, calls } = fakeFetch({ status: 502 }, ok)
    const { octokit, log, clock } = await client(fetch)
    const { data } = await comment(octokit)
    expect(data.html_url).toBe('https://github.example/c/1')
    expect(calls).toHaveLength(2)
    expect(clock.waits).toEqual([1000])
    expect(log).toEqual([
      'GitHub request POST /repos/{owner}/{repo}/issues/{issue_number}/comments failed (HTTP 502): retry 1 in 1s'
    ])
  })

  test('a refused connection is retried like a server fault', async () => {
    const { fetch, calls } = fakeFetch(new TypeError('connect ECONNREFUSED 127.0.0.1:9'), ok)
    const { octokit, log } = await client(fetch)
    await comment(octokit)
    expect(calls).toHaveLength(2)
    expect(log[0]).toMatch(/failed \(connect ECONNREFUSED 127\.0\.0\.1:9\): retry 1 in 1s/)
  })

  test('backoff doubles, with jitter between half and all of it, then gives up after 4 tries', async () => {
    const { fetch, calls } = fakeFetch({ status: 503, body: { message: 'Service Unavailable' } })
    const { octokit, log, clock } = await client(fetch, { random: () => 0 })
    const error = await errorOf(comment(octokit))
    expect(error.status).toBe(503)
    expect(calls).toHaveLength(4)
    expect(clock.waits).toEqual([500, 1000, 2000])
    expect(log.at(-1)).toMatch(/failed \(HTTP 503\): giving up, failed 4 times$/)
  })

  test('no retry when the backoff would end past the deadline', async () => {
    const { fetch, calls } = fakeFetch({ status: 500 })
    const { octokit, log } = await client(fetch, { deadline: START + 500 })
    expect((await errorOf(comment(octokit))).status).toBe(500)
    expect(calls).toHaveLength(1)
    expect(log[0]).toMatch(/giving up, no time left for another try/)
  })

  test.each([400, 401, 403, 404, 422])('%i is not retried', async (status) => {
    const { fetch, calls } = fakeFetch({ status, body: { message: 'no' } }, ok)
    const { octokit, log } = await client(fetch)
    expect((await errorOf(comment(octokit))).status).toBe(status)
    expect(calls).toHaveLength(1)
    expect(log).toEqual([])
  })
})

describe('rate limits are waited out when the wait is short', () => {
  test('a primary limit (403, no requests left) waits until a second past the reset', async () => {
    const reset = String(START / 1000 + 20)
    const { fetch, calls } = fakeFetch(
      {
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
        body: { message: 'API rate limit exceeded for installation.' }
      },
      ok
    )
    const { octokit, log, clock } = await client(fetch)
    await comment(octokit)
    expect(calls).toHaveLength(2)
    expect(clock.waits).toEqual([21_000])
    expect(log).toEqual([
      'GitHub rate limit for POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 21s'
    ])
  })

  test('a secondary limit waits for Retry-After', async () => {
    const { fetch, calls } = fakeFetch(
      {
        status: 403,
        headers: { 'retry-after': '7' },
        body: { message: 'You have exceeded a secondary rate limit.' }
      },
      ok
    )
    const { octokit, log, clock } = await client(fetch)
    await comment(octokit)
    expect(calls).toHaveLength(2)
    expect(clock.waits).toEqual([7000])
    expect(log[0]).toMatch(/^GitHub secondary rate limit for POST .*: retrying in 7s$/)
  })

  test('a 429 that names no time waits a minute, as GitHub advises', async () => {
    const { fetch } = fakeFetch({ status: 429, body: { message: 'Too many requests' } }, ok)
    const { octokit, clock } = await client(fetch)
    await comment(octokit)
    expect(clock.waits).toEqual([60_000])
  })

  test('a wait over 60 s is not worth it: gives up at once, saying it was a rate limit, not a permission', async () => {
    const { fetch, calls } = fakeFetch({
      status: 403,
      headers: { 'retry-after': '3600' },
      body: { message: 'You have exceeded a secondary rate limit.' }
    })
    const { octokit, log, clock } = await client(fetch)
    const error = await errorOf(comment(octokit))
    expect(calls).toHaveLength(1)
    expect(clock.waits).toEqual([])
    expect(error.status).toBeUndefined()
    expect(error.message).toBe(
      'GitHub secondary rate limit for POST /repos/{owner}/{repo}/issues/{issue_number}/comments: it asks to wait 3600s, longer than this action waits (60s)'
    )
    expect(log[0]).toMatch(/secondary rate limit for POST .*: giving up/)
  })

  test('a wait that would outlast the deadline gives up at once', async () => {
    const { fetch, calls } = fakeFetch({ status: 429, headers: { 'retry-after': '30' } })
    const { octokit } = await client(fetch, { deadline: START + 10_000 })
    const error = await errorOf(comment(octokit))
    expect(calls).toHaveLength(1)
    expect(error.message).toMatch(/it asks to wait 30s, longer than the 10s left$/)
  })

  test('at most two waits for one request', async () => {
    const { fetch, calls } = fakeFetch({ status: 429, headers: { 'retry-after': '1' } })
    const { octokit, clock } = await client(fetch)
    const error = await errorOf(comment(octokit))
    expect(calls).toHaveLength(3)
    expect(clock.waits).toEqual([1000, 1000])
    expect(error.message).toMatch(/still limited after 2 waits/)
  })

  test("GraphQL's RATE_LIMITED answer is waited out too", async () => {
    const { fetch, calls } = fakeFetch(
      {
        status: 200,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(START / 1000 + 4) },
        body: { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] }
      },
      { status: 200, body: { data: { viewer: { login: 'github-actions' } } } }
    )
    const { octokit, clock } = await client(fetch)
    const result = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')
    expect(result.viewer.login).toBe('github-actions')
    expect(calls.map((c) => c.method)).toEqual(['POST', 'POST'])
    expect(clock.waits).toEqual([5000])
  })
})

describe('cancellation', () => {
  test('ends a rate-limit wait at once, with no request after it', async () => {
    const controller = new AbortController()
    const clock = fakeClock()
    clock.hold = true
    const { fetch, calls } = fakeFetch({ status: 429, headers: { 'retry-after': '50' } }, ok)
    const { octokit } = await client(fetch, { signal: controller.signal, clock })
    const pending = errorOf(comment(octokit))
    await new Promise((resolve) => setImmediate(resolve))
    expect(clock.waits).toEqual([50_000])
    controller.abort()
    expect((await pending).message).toMatch(/abort/i)
    expect(calls).toHaveLength(1)
  })

  test('an aborted request is not retried as a network fault', async () => {
    const controller = new AbortController()
    const fetch = async (_url: string, init: RequestInit): Promise<Response> => {
      controller.abort()
      init.signal?.throwIfAborted()
      throw new Error('unreachable')
    }
    const { octokit, log, clock } = await client(fetch, { signal: controller.signal })
    await errorOf(comment(octokit))
    expect(clock.waits).toEqual([])
    expect(log).toEqual([])
  })
})

describe('troubleOf and nextTry', () => {
  test('tell a permission 403 from a rate-limit 403', () => {
    const denied = { status: 403, message: 'Resource not accessible by integration', response: { headers: {} } }
    expect(troubleOf(denied, START)).toBeUndefined()
    const limited = { status: 403, message: 'API rate limit exceeded', response: { headers: {} } }
    expect(troubleOf(limited, START)).toEqual({ kind: 'secondary rate limit', waitMs: 60_000 })
  })

  test('a reset already past still waits the one second GitHub asks for', () => {
    const error = {
      status: 403,
      message: 'API rate limit exceeded',
      response: { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(START / 1000 - 100) } }
    }
    expect(troubleOf(error, START)).toEqual({ kind: 'rate limit', waitMs: 1000 })
  })

  test('anything that is not a request error is left alone', () => {
    expect(troubleOf(new Error('boom'), START)).toBeUndefined()
    expect(troubleOf(undefined, START)).toBeUndefined()
  })

  test('the backoff is capped by the tries and the time left', () => {
    const fault = { kind: 'fault' as const, reason: 'HTTP 502' }
    expect(nextTry(fault, { faults: 2, limits: 0 }, 10_000, () => 1)).toEqual({ waitMs: 4000 })
    expect(nextTry(fault, { faults: 3, limits: 0 }, 10_000, () => 1)).toEqual({ giveUp: 'failed 4 times' })
    expect(nextTry(fault, { faults: 2, limits: 0 }, 3000, () => 1)).toEqual({
      giveUp: 'no time left for another try'
    })
  })
})
