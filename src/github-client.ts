/**
 * The GitHub client for the PR comment: @actions/github's Octokit (GITHUB_API_URL, GHES,
 * and the runner's proxy rules through `proxiedFetch`) with one request hook of our own,
 * which retries network faults and server errors with backoff and waits out short rate
 * limits. Octokit itself is loaded only when a comment is to be written.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { getOctokit } from '@actions/github'
import { proxiedFetch } from './http.ts'

export type GitHubClient = ReturnType<typeof getOctokit>

/** Time as the hook sees it, so that a test can run hours of waiting in no time. */
export interface Clock {
  now(): number
  /** Rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
}

const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal })
}

/** Server faults are worth three more tries (about 1 s, 2 s, 4 s apart), no more. */
const SERVER_FAULT_RETRIES = 3
const FIRST_BACKOFF_MS = 1000
const RATE_LIMIT_WAITS = 2
/** Rate-limit waits longer than this are not worth holding the runner for. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000
/** GitHub's advice when a rate limit names no time: wait at least a minute. */
const UNSPECIFIED_LIMIT_WAIT_MS = 60_000

export interface RetryOptions {
  /** Aborts any request or wait at once (cancellation, the comment's deadline). */
  signal: AbortSignal
  log: (line: string) => void
  /** Give up at once rather than wait past this time (on `clock`). */
  deadline?: number
  clock?: Clock
  /** For the backoff's jitter; a test fixes it. */
  random?: () => number
}

/** Why a request is worth trying again. */
export type Trouble =
  { kind: 'fault'; reason: string } | { kind: 'rate limit' | 'secondary rate limit'; waitMs: number }

interface FailedRequest {
  status?: unknown
  message?: unknown
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown }
}

/**
 * What a thrown request error calls for. Octokit reports a request that got no answer
 * (refused, reset, DNS) as status 500 without a response.
 */
export function troubleOf(error: unknown, now: number): Trouble | undefined {
  const { status, message, response } = (error ?? {}) as FailedRequest
  if (typeof status !== 'number') return undefined
  const text = typeof message === 'string' ? message : ''
  if (!response) return status === 500 ? { kind: 'fault', reason: text || 'no answer' } : undefined
  if (status === 403 || status === 429) {
    const limit = rateLimit(status, text, response.headers ?? {}, now)
    if (limit) return limit
  }
  return status >= 500 ? { kind: 'fault', reason: `HTTP ${status}` } : undefined
}

/**
 * GitHub's rules, in its order: Retry-After if given, else the reset time when no request
 * is left, else (a limit that says neither) a minute. A 403 that is none of these is a
 * permission problem, not a limit.
 */
function rateLimit(
  status: number,
  message: string,
  headers: Record<string, string | number | undefined>,
  now: number
): Trouble | undefined {
  const remaining = String(headers['x-ratelimit-remaining'] ?? '')
  const kind = remaining === '0' && !/secondary rate/i.test(message) ? 'rate limit' : 'secondary rate limit'
  const retryAfter = Number(headers['retry-after'])
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) {
    return { kind, waitMs: Math.max(0, retryAfter) * 1000 }
  }
  if (remaining === '0') {
    const reset = Number(headers['x-ratelimit-reset']) * 1000
    if (!Number.isFinite(reset)) return { kind, waitMs: UNSPECIFIED_LIMIT_WAIT_MS }
    // A second past the reset, as GitHub advises; at least that when clocks disagree.
    return { kind, waitMs: (Math.max(0, Math.ceil((reset - now) / 1000)) + 1) * 1000 }
  }
  if (status === 429 || /rate limit/i.test(message)) return { kind, waitMs: UNSPECIFIED_LIMIT_WAIT_MS }
  return undefined
}

interface GraphqlAnswer {
  headers?: Record<string, string | number | undefined>
  data?: { errors?: Array<{ type?: unknown; message?: unknown }> }
}

/** GraphQL answers 200 with errors for a rate limit and for some server faults. */
function graphqlTrouble(response: unknown, now: number): Trouble | undefined {
  const { headers = {}, data } = (response ?? {}) as GraphqlAnswer
  const errors = Array.isArray(data?.errors) ? data.errors : []
  if (errors.some((error) => error?.type === 'RATE_LIMITED')) {
    return rateLimit(403, 'rate limit', { ...headers, 'x-ratelimit-remaining': '0' }, now)
  }
  const fault = errors.find(
    (error) =>
      typeof error?.message === 'string' && /Something went wrong while executing your query/.test(error.message)
  )
  return fault ? { kind: 'fault', reason: String(fault.message) } : undefined
}

const seconds = (ms: number): string => `${Number((Math.max(0, ms) / 1000).toFixed(1))}s`

/**
 * Whether to try again, and after how long: server faults back off exponentially (with
 * jitter in [50%, 100%], so runs that failed together do not come back together); rate
 * limits are waited out when the wait is short. Never past the deadline.
 */
export function nextTry(
  trouble: Trouble,
  tries: { faults: number; limits: number },
  leftMs: number,
  random: () => number
): { waitMs: number } | { giveUp: string } {
  if (trouble.kind === 'fault') {
    if (tries.faults === SERVER_FAULT_RETRIES) return { giveUp: `failed ${tries.faults + 1} times` }
    const waitMs = FIRST_BACKOFF_MS * 2 ** tries.faults * (0.5 + random() / 2)
    return waitMs > leftMs ? { giveUp: `no time left for another try` } : { waitMs }
  }
  const { waitMs } = trouble
  if (tries.limits === RATE_LIMIT_WAITS) return { giveUp: `still limited after ${tries.limits} waits` }
  if (waitMs > MAX_RATE_LIMIT_WAIT_MS) {
    return {
      giveUp: `it asks to wait ${seconds(waitMs)}, longer than this action waits (${seconds(MAX_RATE_LIMIT_WAIT_MS)})`
    }
  }
  if (waitMs > leftMs) return { giveUp: `it asks to wait ${seconds(waitMs)}, longer than the ${seconds(leftMs)} left` }
  return { waitMs }
}

/**
 * The request hook: sends, and on a fault or a rate limit waits and sends again as
 * `nextTry` allows. Cancellation ends it at once, mid-request or mid-wait.
 */
function retryingRequests(options: RetryOptions) {
  const { signal, log, deadline = Infinity, clock = systemClock, random = Math.random } = options
  return async function send<Options extends { method: string; url: string }, Result>(
    request: (requestOptions: Options) => Result | Promise<Result>,
    requestOptions: Options
  ): Promise<Result> {
    const what = `${requestOptions.method} ${requestOptions.url}`
    const tries = { faults: 0, limits: 0 }
    for (;;) {
      let trouble: Trouble | undefined
      // What the caller gets if this is not tried again: the error, or GraphQL's answer,
      // which GraphQL then turns into an exception of its own.
      let outcome: { error: unknown } | { response: Result }
      try {
        const response = await request(requestOptions)
        trouble = graphqlTrouble(response, clock.now())
        if (!trouble) return response
        outcome = { response }
      } catch (error) {
        if (signal.aborted) throw error
        trouble = troubleOf(error, clock.now())
        if (!trouble) throw error
        outcome = { error }
      }

      const problem =
        trouble.kind === 'fault'
          ? `GitHub request ${what} failed (${trouble.reason})`
          : `GitHub ${trouble.kind} for ${what}`
      const next = nextTry(trouble, tries, deadline - clock.now(), random)
      if ('giveUp' in next) {
        log(`${problem}: giving up, ${next.giveUp}`)
        if ('response' in outcome) return outcome.response
        // Not the 403 itself, which would read as a missing permission.
        if (trouble.kind !== 'fault') throw new Error(`${problem}: ${next.giveUp}`, { cause: outcome.error })
        throw outcome.error
      }
      if (trouble.kind === 'fault') tries.faults++
      else tries.limits++
      const retry = trouble.kind === 'fault' ? `retry ${tries.faults}` : 'retrying'
      log(`${problem}: ${retry} in ${seconds(next.waitMs)}`)
      await clock.sleep(next.waitMs, signal)
    }
  }
}

export interface ClientOptions extends RetryOptions {
  /** The HTTP call under Octokit; a test passes a fake. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>
}

/** The GitHub client with the hook in place; loads Octokit on first use. */
export async function createGitHubClient(token: string, options: ClientOptions): Promise<GitHubClient> {
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(token, { request: { fetch: options.fetch ?? proxiedFetch, signal: options.signal } })
  octokit.hook.wrap('request', retryingRequests(options))
  return octokit
}
