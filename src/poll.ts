/**
 * Waiting on SSD within one overall timeout. `Poll` is the clock every wait of a run
 * shares: requests bounded by the time left, the poll interval after an answer, backoff
 * with jitter after a fault, and Retry-After honoured. `pollScans` waits on a scan
 * target's results until every scan in them is completed; a failed scan ends at once.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { formatSeconds } from './duration.ts'
import { cancelled, GateError } from './errors.ts'
import { scanName, scanState, unknownStatus, type Scan } from './scans.ts'
import type { RequestOptions, ScanResults, SsdClient, SsdReply } from './ssd-client.ts'

export interface PollOptions {
  pollIntervalMs: number
  timeoutMs: number
  /** Aborted when the runner cancels the job. */
  signal: AbortSignal
  log: (line: string) => void
  /** Annotations: a warning, and a notice for what the user should know but need not fix. */
  warn: (line: string) => void
  notice: (line: string) => void
  /** Injected by unit tests. */
  now?: () => number
  random?: () => number
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

/** Longest a single request may take, however much of the overall timeout is left. */
const REQUEST_TIMEOUT_MS = 60_000
const MAX_BACKOFF_MS = 30_000
/** No wait is shorter, whatever the interval or Retry-After says: never a hot loop. */
const MIN_WAIT_MS = 100
const MAX_UNKNOWN_STATUSES = 5

export class Poll {
  readonly signal: AbortSignal
  readonly log: (line: string) => void
  readonly warn: (line: string) => void
  readonly notice: (line: string) => void
  /** Faults since the last answer; sets the backoff. */
  failuresInARow = 0
  /** The last fault or 404, for the timeout message; '' after an answer. */
  lastProblem = ''
  /** Status words the action does not know, seen this run (by lower case): logged once, named again at the timeout. */
  readonly #unknownStatuses = new Map<string, string>()
  /** What `once` has said this run. */
  readonly #said = new Set<string>()
  readonly #options: PollOptions
  readonly #now: () => number
  readonly #started: number

  constructor(options: PollOptions) {
    this.#options = options
    this.signal = options.signal
    this.log = options.log
    this.warn = options.warn
    this.notice = options.notice
    this.#now = options.now ?? Date.now
    this.#started = this.#now()
  }

  /** Says `line` through `say` the first time `key` comes up in this run; after that, nothing. */
  once(key: string, say: (line: string) => void, line: string): void {
    if (this.#said.has(key)) return
    this.#said.add(key)
    say(line)
  }

  /** A status SSD gave: a word the action does not know is said once, and kept for the timeout message. */
  noteStatus(status: string): void {
    const word = unknownStatus(status)
    const key = word.toLowerCase()
    // A few words are news; an answer making up a new one at every poll is not let flood the log.
    if (!word || this.#unknownStatuses.has(key) || this.#unknownStatuses.size >= MAX_UNKNOWN_STATUSES) return
    this.#unknownStatuses.set(key, word)
    this.log(`SSD status '${word}' is not one the action knows; waiting as for a running scan`)
  }

  /** For a timeout message: the unknown status words seen, or ''. */
  unknownStatusNote(): string {
    if (this.#unknownStatuses.size === 0) return ''
    const words = [...this.#unknownStatuses.values()].map((word) => `'${word}'`).join(', ')
    return `SSD gave status ${words}, which the action does not know; it waited as for a running scan.`
  }

  /** Milliseconds left before the overall timeout. */
  left(): number {
    return this.#options.timeoutMs - (this.#now() - this.#started)
  }

  /** Time since the run started waiting, e.g. `12.5s`. */
  elapsed(): string {
    return formatSeconds(this.#now() - this.#started)
  }

  /** Options for the next request: bounded by REQUEST_TIMEOUT_MS and by the time left. */
  request(): RequestOptions {
    return { signal: this.signal, timeoutMs: Math.max(1, Math.min(REQUEST_TIMEOUT_MS, this.left())) }
  }

  /**
   * Counts `reply` and waits before the next request: the poll interval after an answer or
   * a 404, backoff or Retry-After after a fault. False when no time is left for another.
   */
  async pause(reply: SsdReply<unknown>, what = 'SSD request'): Promise<boolean> {
    let waitMs = this.#options.pollIntervalMs
    if (reply.kind === 'retry') {
      this.failuresInARow++
      this.lastProblem = reply.reason
      if (reply.retryAfterMs !== undefined && reply.retryAfterMs > this.left()) {
        this.lastProblem = `${reply.reason}; SSD asked to retry after ${formatSeconds(reply.retryAfterMs)}, beyond the time left`
        return false
      }
      waitMs = reply.retryAfterMs ?? this.#backoff()
      this.log(
        `${what} failed (${reply.reason}); retry ${this.failuresInARow} in ${formatSeconds(waitMs)} (${this.elapsed()} elapsed)`
      )
    } else if (reply.kind === 'notFound') {
      this.lastProblem = reply.reason
    } else {
      this.failuresInARow = 0
      this.lastProblem = ''
    }
    const left = this.left()
    if (left <= 0) return false
    await this.#wait(Math.min(Math.max(waitMs, MIN_WAIT_MS), left))
    return this.left() > 0
  }

  /** Exponential from min(1 s, interval), capped, with jitter so many runners spread out. */
  #backoff(): number {
    const base = Math.min(1000, this.#options.pollIntervalMs)
    const ceiling = Math.min(MAX_BACKOFF_MS, base * 2 ** (this.failuresInARow - 1))
    return Math.round(ceiling * (0.5 + (this.#options.random ?? Math.random)() / 2))
  }

  async #wait(ms: number): Promise<void> {
    try {
      await (this.#options.sleep ?? ((delay, signal) => sleep(delay, undefined, { signal })))(ms, this.signal)
    } catch {
      throw cancelled('waiting for the SSD scan')
    }
  }
}

/** The completed results, and whether SSD was still scanning when first asked. */
export interface PolledResults {
  results: ScanResults
  /** True when the first answer was not complete: SSD ran a scan while the action read. */
  waited: boolean
}

/**
 * Asks for `scanId`'s results until every scan in them is completed, within the poll's time.
 * `pausedWayOut` is what the timeout message advises when SSD paused a scan.
 */
export async function pollScans(
  client: SsdClient,
  scanId: string,
  poll: Poll,
  pausedWayOut = PAUSED_WAY_OUT
): Promise<PolledResults> {
  let lastScans: Scan[] = []
  // A wrong id and "not there yet" look the same, so 404s are counted for the timeout message.
  let notFound = 0
  for (let polls = 1; ; polls++) {
    const reply = await client.scanResults(scanId, poll.request())
    if (reply.kind === 'unusable') throw new GateError('Error', reply.reason)
    if (reply.kind === 'answer') {
      const { scans } = reply.answer
      lastScans = scans
      for (const scan of scans) poll.noteStatus(scan.status)
      const failed = scans.find((scan) => scanState(scan) === 'failed')
      if (failed) {
        throw new GateError(
          'Failed',
          `SSD scan ${scanName(failed)} failed (status ${failed.status || 'unknown'}): ${failed.error || 'no error text given'}`
        )
      }
      if (scans.length > 0 && scans.every((scan) => scanState(scan) === 'completed')) {
        poll.log(`SSD scan completed after ${poll.elapsed()}: ${describeStates(scans)}`)
        return { results: reply.answer, waited: polls > 1 }
      }
      poll.log(
        scans.some((scan) => scanState(scan) === 'paused')
          ? `Waiting for the SSD scan (${poll.elapsed()}): SSD paused it (${describeStates(scans)}); it goes on once resumed in SSD`
          : `Waiting for the SSD scan (${poll.elapsed()}): ${describeStates(scans)}`
      )
    } else if (reply.kind === 'notFound') {
      notFound++
      poll.log(`Waiting for the SSD scan (${poll.elapsed()}): ${reply.reason}: the project or scan may not exist yet`)
    }
    if (!(await poll.pause(reply))) throw scansTimedOut(lastScans, notFound, poll, pausedWayOut)
  }
}

/** `openssf: scanning, semgrep: completed`, or a note that SSD has nothing yet. */
function describeStates(scans: Scan[]): string {
  if (scans.length === 0) return 'SSD has no scan results yet'
  return scans.map((scan) => `${scanName(scan)}: ${scan.status || 'unknown'}`).join(', ')
}

/** What to do about a scan SSD paused: it does not go on by itself. */
export const PAUSED_WAY_OUT = `SSD paused the scan: resume it in SSD, or set 'rescan: true' to ask SSD to scan again.`

function scansTimedOut(lastScans: Scan[], notFound: number, poll: Poll, pausedWayOut: string): GateError {
  const parts = [`Timed out after ${poll.elapsed()} waiting for the SSD scan to complete.`]
  parts.push(`Last known state: ${describeStates(lastScans)}.`)
  if (lastScans.some((scan) => scanState(scan) === 'paused')) parts.push(pausedWayOut)
  const unknown = poll.unknownStatusNote()
  if (unknown) parts.push(unknown)
  if (poll.lastProblem) parts.push(`Last problem: ${poll.lastProblem}.`)
  if (notFound > 0) {
    parts.push(
      `SSD answered 404 Not Found ${notFound} time(s): check 'projectId', 'scanId' and 'scanType', and that the scan was started.`
    )
  }
  parts.push(`Raise the 'timeout' input if the scan needs longer.`)
  return new GateError('TimedOut', parts.join(' '))
}
