/**
 * Asks SSD until every scan is Completed, within the overall timeout. Transient faults are
 * retried with exponential backoff and jitter; a failed scan or a fatal reply ends at once.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { GateError } from './errors.ts'
import { scanState, type Scan } from './scans.ts'
import { formatSeconds, type SsdClient } from './ssd-client.ts'

export interface PollOptions {
  pollIntervalMs: number
  timeoutMs: number
  /** Aborted when the runner cancels the job. */
  signal: AbortSignal
  log: (line: string) => void
}

/** Longest a single request may take, however much of the overall timeout is left. */
const REQUEST_TIMEOUT_MS = 60_000
const MAX_BACKOFF_MS = 30_000
/** No wait is shorter, whatever the interval or Retry-After says: never a hot loop. */
const MIN_WAIT_MS = 100

/** The completed answer: validated scans, and the answer's text for `resultFile`. */
export interface Answer {
  scans: Scan[]
  text: string
}

export async function pollUntilComplete(client: SsdClient, options: PollOptions): Promise<Answer> {
  const { pollIntervalMs, timeoutMs, signal, log } = options
  const started = Date.now()
  const elapsed = (): string => formatSeconds(Date.now() - started)
  let lastScans: Scan[] = []
  let lastProblem = ''
  let notFoundCount = 0
  let failuresInARow = 0

  for (;;) {
    const left = timeoutMs - (Date.now() - started)
    if (left <= 0) throw timedOut(lastScans, elapsed(), lastProblem, notFoundCount)

    const reply = await client.fetchScans({ signal, timeoutMs: Math.min(REQUEST_TIMEOUT_MS, left) })
    let waitMs = pollIntervalMs
    if (reply.kind === 'scans') {
      failuresInARow = 0
      lastProblem = ''
      lastScans = reply.scans
      const failed = reply.scans.find((scan) => scanState(scan) === 'failed')
      if (failed) {
        throw new GateError(
          'Failed',
          `SSD scan ${failed.name || failed.tool} failed (status ${failed.status || 'unknown'}): ${failed.error || 'no error text given'}`
        )
      }
      if (reply.scans.length > 0 && reply.scans.every((scan) => scanState(scan) === 'completed')) {
        log(`SSD scan completed after ${elapsed()}: ${describeStates(reply.scans)}`)
        return { scans: reply.scans, text: reply.text }
      }
      log(`Waiting for the SSD scan (${elapsed()}): ${describeStates(reply.scans)}`)
    } else if (reply.notFound) {
      // Not registered yet, or a wrong id: both look the same from here, so keep asking.
      notFoundCount++
      lastProblem = reply.reason
      log(`Waiting for the SSD scan (${elapsed()}): ${reply.reason}`)
    } else {
      failuresInARow++
      lastProblem = reply.reason
      waitMs = reply.retryAfterMs ?? backoff(failuresInARow, pollIntervalMs)
      const leftNow = timeoutMs - (Date.now() - started)
      if (reply.retryAfterMs !== undefined && reply.retryAfterMs > leftNow) {
        throw timedOut(
          lastScans,
          elapsed(),
          `${reply.reason}; SSD asked to retry after ${formatSeconds(reply.retryAfterMs)}, beyond the time left`,
          notFoundCount
        )
      }
      log(
        `SSD request failed (${reply.reason}); retry ${failuresInARow} in ${formatSeconds(waitMs)} (${elapsed()} elapsed)`
      )
    }

    const leftAfterRequest = timeoutMs - (Date.now() - started)
    await wait(Math.max(0, Math.min(Math.max(waitMs, MIN_WAIT_MS), leftAfterRequest)), signal)
  }
}

/** Exponential from min(1 s, interval), capped, with jitter so many runners spread out. */
function backoff(failuresInARow: number, pollIntervalMs: number, random = Math.random): number {
  const base = Math.min(1000, pollIntervalMs)
  const ceiling = Math.min(MAX_BACKOFF_MS, base * 2 ** (failuresInARow - 1))
  return Math.round(ceiling * (0.5 + random() / 2))
}

async function wait(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal })
  } catch {
    throw new GateError('Cancelled', 'Cancelled while waiting for the SSD scan.')
  }
}

/** `openssf: scanning, semgrep: completed`, or a note that SSD has nothing yet. */
function describeStates(scans: Scan[]): string {
  if (scans.length === 0) return 'SSD has no scan results yet'
  return scans.map((scan) => `${scan.name || scan.tool || 'scan'}: ${scan.status || 'unknown'}`).join(', ')
}

function timedOut(lastScans: Scan[], elapsed: string, lastProblem: string, notFoundCount: number): GateError {
  const parts = [`Timed out after ${elapsed} waiting for the SSD scan to complete.`]
  parts.push(`Last known state: ${describeStates(lastScans)}.`)
  if (lastProblem) parts.push(`Last problem: ${lastProblem}.`)
  if (notFoundCount > 0) {
    parts.push(
      `SSD answered 404 Not Found ${notFoundCount} time(s): check 'projectId', 'scanId' and 'scanType', and that the scan was started.`
    )
  }
  parts.push(`Raise the 'timeout' input if the scan needs longer.`)
  return new GateError('TimedOut', parts.join(' '))
}
