/**
 * The waits, with a fake clock and a scripted SSD client: backoff, Retry-After beyond the
 * time left, 404 counting, cancellation, and which commit is gated (scan-target.ts). The
 * integration suites keep what needs the real bundle and real sockets.
 */
import { describe, expect, test } from '@jest/globals'
import type { Config } from '../src/config.ts'
import { GateError } from '../src/errors.ts'
import { Poll, pollScans } from '../src/poll.ts'
import { parseSummary, sameCommit, type ScanSummary } from '../src/scan-summary.ts'
import { resultsOfCommit } from '../src/scan-target.ts'
import { parseScans } from '../src/scans.ts'
import type { ScanResults, SsdClient, SsdReply } from '../src/ssd-client.ts'
import { exampleScan, runningScan } from '../test-support/ssd-simulator.ts'

/** A clock that moves only when the code under test sleeps (or a request takes time). */
function fakeClock() {
  const clock = { now: 0, sleeps: [] as number[] }
  return {
    clock,
    now: () => clock.now,
    sleep: async (ms: number, signal: AbortSignal) => {
      if (signal.aborted) throw new Error('aborted')
      clock.sleeps.push(ms)
      clock.now += ms
    }
  }
}

function makePoll(options: { timeoutMs?: number; pollIntervalMs?: number; signal?: AbortSignal } = {}) {
  const { clock, now, sleep } = fakeClock()
  const lines: string[] = []
  const poll = new Poll({
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    timeoutMs: options.timeoutMs ?? 60_000,
    signal: options.signal ?? new AbortController().signal,
    log: (line) => lines.push(line),
    warn: (line) => lines.push(`warning: ${line}`),
    notice: (line) => lines.push(`notice: ${line}`),
    now,
    sleep,
    random: () => 1
  })
  return { poll, clock, lines }
}

const completed = (): SsdReply<ScanResults> => ({
  kind: 'answer',
  answer: { scans: parseScans([exampleScan()]), text: '[]' }
})
const running = (): SsdReply<ScanResults> => ({
  kind: 'answer',
  answer: { scans: parseScans([runningScan('scanning')]), text: '[]' }
})

/** A client that answers from scripts, repeating each script's last reply. */
function scripted(script: {
  summaries?: Array<SsdReply<ScanSummary | undefined>>
  results?: Array<SsdReply<ScanResults>>
  rescan?: SsdReply<string>
}) {
  const calls = { summaries: 0, results: 0, rescans: [] as ScanSummary[], timeouts: [] as number[] }
  const next = <T>(list: T[] | undefined, index: number): T => {
    if (!list?.length) throw new Error('not scripted')
    return list[Math.min(index, list.length - 1)]!
  }
  const client: SsdClient = {
    latestScan: async (_branch, options) => {
      calls.timeouts.push(options.timeoutMs)
      return next(script.summaries, calls.summaries++)
    },
    scanResults: async (_scanId, options) => {
      calls.timeouts.push(options.timeoutMs)
      return next(script.results, calls.results++)
    },
    rescan: async (summary) => {
      calls.rescans.push(summary)
      return script.rescan ?? { kind: 'answer', answer: 'ok' }
    }
  }
  return { client, calls }
}

async function rejection(promise: Promise<unknown>): Promise<GateError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(GateError)
    return error as GateError
  }
  throw new Error('expected a GateError')
}

describe('pollScans', () => {
  test('polls at the interval until every scan is completed', async () => {
    const { poll, clock } = makePoll()
    const { client, calls } = scripted({ results: [running(), running(), completed()] })
    const { waited } = await pollScans(client, '0x1', poll)
    expect(calls.results).toBe(3)
    expect(clock.sleeps).toEqual([1000, 1000])
    expect(waited).toBe(true)
  })

  test('backoff doubles from min(1 s, interval) after faults, and an answer resets it', async () => {
    const { poll, clock, lines } = makePoll({ pollIntervalMs: 10_000 })
    const fault: SsdReply<ScanResults> = { kind: 'retry', reason: 'HTTP 503' }
    const { client } = scripted({ results: [fault, fault, fault, running(), fault, completed()] })
    await pollScans(client, '0x1', poll)
    // random() = 1: the top of each jitter range.
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 10_000, 1000])
    expect(lines.filter((line) => line.startsWith('SSD request failed (HTTP 503); retry'))).toHaveLength(4)
  })

  test('Retry-After is honoured; one beyond the time left ends the wait at once, saying so', async () => {
    const { poll, clock } = makePoll({ timeoutMs: 5000 })
    const { client, calls } = scripted({
      results: [
        { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 2000 },
        { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 60_000 }
      ]
    })
    const error = await rejection(pollScans(client, '0x1', poll))
    expect(clock.sleeps).toEqual([2000])
    expect(calls.results).toBe(2)
    expect(error.status).toBe('TimedOut')
    expect(error.message).toMatch(/Last problem: HTTP 429; SSD asked to retry after 60s, beyond the time left/)
  })

  test('404s are counted in the timeout message; requests never outlast the time left', async () => {
    const { poll } = makePoll({ timeoutMs: 2500 })
    const { client, calls } = scripted({ results: [{ kind: 'notFound', reason: 'HTTP 404' }] })
    const error = await rejection(pollScans(client, '0x1', poll))
    expect(error.message).toMatch(/SSD answered 404 Not Found 3 time\(s\): check 'projectId', 'scanId' and 'scanType'/)
    expect(calls.timeouts).toEqual([2500, 1500, 500])
  })

  test('cancellation while waiting ends as Cancelled', async () => {
    const controller = new AbortController()
    const { poll } = makePoll({ signal: controller.signal })
    const client: SsdClient = {
      ...scripted({}).client,
      scanResults: async () => {
        controller.abort()
        return running()
      }
    }
    const error = await rejection(pollScans(client, '0x1', poll))
    expect(error.status).toBe('Cancelled')
  })

  test('an unusable answer ends at once with its reason', async () => {
    const { poll } = makePoll()
    const { client, calls } = scripted({ results: [{ kind: 'unusable', reason: 'SSD answered HTTP 400.' }] })
    const error = await rejection(pollScans(client, '0x1', poll))
    expect(error).toMatchObject({ status: 'Error', message: 'SSD answered HTTP 400.' })
    expect(calls.results).toBe(1)
  })
})

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const OLD = '0ddd123456789abcdef0123456789abcdef01234'

function config(overrides: Partial<Config> = {}): Config {
  return {
    projectId: '0x29ab7',
    scanId: '',
    repository: 'widget',
    branch: 'feature',
    commit: HEAD,
    waitForCommit: true,
    rescan: false,
    scanType: 'sourceScan',
    ...overrides
  } as Config
}

function summary(headCommit: string, status: string, scanId = '0x29ab8'): SsdReply<ScanSummary | undefined> {
  return { kind: 'answer', answer: parseSummary({ scanId, headCommit, status, projectName: 'p', platform: 'github' }) }
}

describe('resultsOfCommit', () => {
  test('waits for the summary to name the commit, completed, then reads the results once', async () => {
    const { poll, lines } = makePoll()
    const { client, calls } = scripted({
      summaries: [summary(OLD, 'completed'), summary(HEAD, 'scanning'), summary(HEAD, 'completed')],
      results: [completed()]
    })
    const { target } = await resultsOfCommit(client, config(), poll)
    expect(target).toEqual({ scanId: '0x29ab8', scannedCommit: HEAD, caveat: '' })
    expect(calls).toMatchObject({ summaries: 3, results: 1 })
    expect(lines[0]).toBe(
      "SSD's latest scan of widget@feature (scan 0x29ab8) is of 0ddd123 (completed); waiting for a1b2c3d (0s)"
    )
  })

  test('rescan: true asks once, only when SSD is idle', async () => {
    const { poll } = makePoll()
    const { client, calls } = scripted({
      summaries: [
        summary(OLD, 'scanning'),
        summary(OLD, 'completed'),
        summary(OLD, 'pending'),
        summary(OLD, 'completed'),
        summary(HEAD, 'completed')
      ],
      results: [completed()]
    })
    await resultsOfCommit(client, config({ rescan: true }), poll)
    expect(calls.rescans.map((s) => s.scanId)).toEqual(['0x29ab8'])
    expect(calls.summaries).toBe(5)
  })

  test('a given scanId with a summary for another target gates on it, with the commit unknown', async () => {
    const { poll, lines } = makePoll()
    const { client } = scripted({ summaries: [summary(HEAD, 'completed', '0xother')], results: [completed()] })
    const { target } = await resultsOfCommit(client, config({ scanId: '0x29ab8' }), poll)
    expect(target.scanId).toBe('0x29ab8')
    expect(target.scannedCommit).toBe('')
    expect(target.caveat).toMatch(/unknown: SSD's latest scan of widget@feature is scan 0xother/)
    expect(lines.some((line) => line.startsWith('notice: '))).toBe(true)
  })

  test('a given scanId confirmed once does not fall back on later faults', async () => {
    const { poll } = makePoll()
    const fault: SsdReply<ScanSummary | undefined> = { kind: 'retry', reason: 'HTTP 502' }
    const { client } = scripted({
      summaries: [summary(OLD, 'completed'), fault, fault, fault, fault, summary(HEAD, 'completed')],
      results: [completed()]
    })
    const { target } = await resultsOfCommit(client, config({ scanId: '0x29ab8' }), poll)
    expect(target).toEqual({ scanId: '0x29ab8', scannedCommit: HEAD, caveat: '' })
  })

  test('a given scanId: a later summary naming another target, or an unusable one, still gates on the given id', async () => {
    for (const later of [
      summary(OLD, 'completed', '0xother'),
      { kind: 'unusable', reason: "SSD's summarydata answered HTTP 400." } as const
    ]) {
      const { poll } = makePoll()
      const { client, calls } = scripted({ summaries: [summary(OLD, 'completed'), later], results: [completed()] })
      const { target } = await resultsOfCommit(client, config({ scanId: '0x29ab8' }), poll)
      expect(target.scanId).toBe('0x29ab8')
      expect(target.caveat).toMatch(/^The commit this result is of is unknown: SSD's/)
      expect(calls.summaries).toBe(2)
    }
  })

  test('a given scanId and a Retry-After beyond the time left before any answer: gated on as it is', async () => {
    const { poll } = makePoll({ timeoutMs: 5000 })
    const { client } = scripted({
      summaries: [{ kind: 'retry', reason: 'HTTP 429', retryAfterMs: 60_000 }],
      results: [completed()]
    })
    const { target } = await resultsOfCommit(client, config({ scanId: '0x29ab8' }), poll)
    expect(target).toMatchObject({ scanId: '0x29ab8', scannedCommit: '' })
    expect(target.caveat).toMatch(/summarydata gave no answer in time \(HTTP 429; SSD asked to retry after 60s/)
  })

  test('rescan is asked once per run, even when the wait starts over', async () => {
    const { poll } = makePoll({ timeoutMs: 20_000 })
    const { client, calls } = scripted({
      // Stale, the rescanned head completes; its results moved on; stale again, for good.
      summaries: [summary(OLD, 'completed'), summary(HEAD, 'completed'), summary(OLD, 'completed')],
      results: [running(), completed()]
    })
    const error = await rejection(resultsOfCommit(client, config({ rescan: true }), poll))
    expect(error.status).toBe('TimedOut')
    expect(calls.rescans).toHaveLength(1)
    expect(error.message).toMatch(/A rescan was requested and had not finished/)
  })

  test('a summarydata that never answers usefully is not taken for "no scan of the branch"', async () => {
    const { poll } = makePoll({ timeoutMs: 3000 })
    const { client } = scripted({ summaries: [{ kind: 'retry', reason: 'HTTP 503' }] })
    const error = await rejection(resultsOfCommit(client, config(), poll))
    expect(error.message).toMatch(
      /SSD's summarydata never answered usefully\. Check SSD's health, or raise 'timeout'\. Last problem: HTTP 503\./
    )
    expect(error.message).not.toContain('SSD scans only the branches')
  })

  test('results that moved on while read send the wait back to the summary', async () => {
    const { poll } = makePoll()
    const { client, calls } = scripted({
      summaries: [summary(HEAD, 'completed'), summary(OLD, 'scanning'), summary(HEAD, 'completed')],
      results: [running(), completed(), completed()]
    })
    await resultsOfCommit(client, config(), poll)
    // The second summary (after the results moved) was not of HEAD: wait again, read again.
    expect(calls).toMatchObject({ summaries: 3, results: 3 })
  })
})

/** A summary of HEAD with `scannedFiledData`. */
function summaryWithFiles(status: string, files: unknown): SsdReply<ScanSummary | undefined> {
  return {
    kind: 'answer',
    answer: parseSummary({ scanId: '0x29ab8', headCommit: HEAD, status, scannedFiledData: files })
  }
}

const tool = (status: string, error = '') => ({ scanName: 'x', scanTool: 'x', resultFile: 'f', status, error })

describe("SSD's statuses while waiting", () => {
  test('a risk verdict ends the wait like completed, and the gravest rating is kept for the report', async () => {
    const { poll, clock } = makePoll()
    const rated: SsdReply<ScanResults> = {
      kind: 'answer',
      answer: {
        scans: parseScans([exampleScan({ status: 'lowrisk' }), exampleScan({ status: 'MediumRisk' })]),
        text: '[]'
      }
    }
    const { client, calls } = scripted({ summaries: [summary(HEAD, 'highrisk')], results: [rated] })
    const { target } = await resultsOfCommit(client, config(), poll)
    expect(calls).toMatchObject({ summaries: 1, results: 1 })
    expect(clock.sleeps).toEqual([])
    expect(target.rating).toBe('highrisk')

    const { poll: again } = makePoll()
    const plain = scripted({ summaries: [summary(HEAD, 'completed')], results: [rated] })
    expect((await resultsOfCommit(plain.client, config(), again)).target.rating).toBe('mediumrisk')
    const none = scripted({ summaries: [summary(HEAD, 'completed')], results: [completed()] })
    expect((await resultsOfCommit(none.client, config(), makePoll().poll)).target.rating).toBeUndefined()
  })

  test('a paused scan of the commit: its own wait line, and at the timeout the way out', async () => {
    const { poll, lines } = makePoll({ timeoutMs: 3000 })
    const { client, calls } = scripted({ summaries: [summary(HEAD, 'paused')] })
    const error = await rejection(resultsOfCommit(client, config(), poll))
    expect(lines[0]).toBe(
      'SSD paused its scan of a1b2c3d on widget@feature (scan 0x29ab8) (paused); waiting for it to be resumed in SSD (0s)'
    )
    expect(error.status).toBe('TimedOut')
    expect(error.message).toMatch(
      /to complete: it was paused\. SSD paused the scan: resume it in SSD, or set 'rescan: true' to ask SSD to scan again\./
    )
    expect(error.message).not.toMatch(/webhook|Raise the 'timeout'/)
    expect(calls.rescans).toHaveLength(0)
  })

  test('with rescan: true, the way out of a pause says what became of the rescan, never to set it', async () => {
    const refused: SsdReply<string> = { kind: 'unusable', reason: 'HTTP 409 (scan in progress)' }
    const pausedAtTimeout = async (script: Parameters<typeof scripted>[0]): Promise<string> =>
      (
        await rejection(
          resultsOfCommit(scripted(script).client, config({ rescan: true }), makePoll({ timeoutMs: 3000 }).poll)
        )
      ).message
    expect(await pausedAtTimeout({ summaries: [summary(HEAD, 'paused')], rescan: refused })).toContain(
      'SSD paused the scan and did not accept the rescan the action asked for (HTTP 409 (scan in progress)): resume the scan in SSD.'
    )
    expect(await pausedAtTimeout({ summaries: [summary(HEAD, 'paused')] })).toContain(
      'SSD paused the scan, and the rescan that was requested had not finished: resume the scan in SSD.'
    )
    // The summary said completed, so no rescan was due; then the results said paused.
    const pausedResults: SsdReply<ScanResults> = {
      kind: 'answer',
      answer: { scans: parseScans([runningScan('Paused')]), text: '[]' }
    }
    const late = await pausedAtTimeout({ summaries: [summary(HEAD, 'completed')], results: [pausedResults] })
    expect(late).toContain('Last known state: Openssf: Paused. SSD paused the scan: resume it in SSD.')
    for (const message of [late]) expect(message).not.toContain("set 'rescan: true'")
  })

  test('with rescan: true, a commit SSD never scanned: what became of the rescan', async () => {
    const stale = async (script: Parameters<typeof scripted>[0]): Promise<string> =>
      (
        await rejection(
          resultsOfCommit(scripted(script).client, config({ rescan: true }), makePoll({ timeoutMs: 3000 }).poll)
        )
      ).message
    expect(
      await stale({ summaries: [summary(OLD, 'completed')], rescan: { kind: 'unusable', reason: 'HTTP 500' } })
    ).toContain(
      "SSD did not accept the rescan the action asked for (HTTP 500); check SSD's webhook for this repository."
    )
    // SSD scanned the old commit the whole time: a rescan is never asked of a running scan.
    const busy = await stale({ summaries: [summary(OLD, 'scanning')] })
    expect(busy).toContain('SSD was busy scanning the whole time, so no rescan was asked')
    expect(busy).not.toContain("Set 'rescan: true'")
  })

  test('rescan: true asks SSD to scan a paused scan again', async () => {
    const { poll } = makePoll()
    const { client, calls } = scripted({
      summaries: [summary(HEAD, 'paused'), summary(HEAD, 'pending'), summary(HEAD, 'completed')],
      results: [completed()]
    })
    await resultsOfCommit(client, config({ rescan: true }), poll)
    expect(calls.rescans).toHaveLength(1)
  })

  test('a paused filedata answer waits with its own line and names the pause at the timeout', async () => {
    const { poll, lines } = makePoll({ timeoutMs: 2000 })
    const paused: SsdReply<ScanResults> = {
      kind: 'answer',
      answer: { scans: parseScans([runningScan('Paused')]), text: '[]' }
    }
    const error = await rejection(pollScans(scripted({ results: [paused] }).client, '0x1', poll))
    expect(lines[0]).toBe(
      'Waiting for the SSD scan (0s): SSD paused it (Openssf: Paused); it goes on once resumed in SSD'
    )
    expect(error.message).toMatch(/Last known state: Openssf: Paused\. SSD paused the scan: resume it in SSD/)
  })

  test('an unknown status: waited on as running, said once in the run, named again at the timeout', async () => {
    const { poll, lines } = makePoll({ timeoutMs: 5000 })
    const { client } = scripted({ summaries: [summary(HEAD, 'Queued'), summary(HEAD, 'queued')] })
    const error = await rejection(resultsOfCommit(client, config(), poll))
    const said = lines.filter((line) => line.includes('is not one the action knows'))
    expect(said).toEqual(["SSD status 'Queued' is not one the action knows; waiting as for a running scan"])
    expect(lines.filter((line) => line.startsWith('SSD is scanning a1b2c3d'))).toHaveLength(5)
    expect(error.message).toMatch(
      /SSD gave status 'Queued', which the action does not know; it waited as for a running scan\./
    )
  })

  test('filedata with an unknown status is said once too, and named at its timeout', async () => {
    const { poll, lines } = makePoll({ timeoutMs: 3000 })
    const odd: SsdReply<ScanResults> = {
      kind: 'answer',
      answer: { scans: parseScans([runningScan('queued')]), text: '[]' }
    }
    const error = await rejection(pollScans(scripted({ results: [odd] }).client, '0x1', poll))
    expect(lines.filter((line) => line.includes("'queued' is not one the action knows"))).toHaveLength(1)
    expect(error.message).toContain("SSD gave status 'queued', which the action does not know")
  })

  test('an answer making up a new word at every poll is said of five words at most', async () => {
    const { poll, lines } = makePoll({ timeoutMs: 20_000 })
    const summaries = Array.from({ length: 30 }, (_, i) => summary(HEAD, `word${i}`))
    await rejection(resultsOfCommit(scripted({ summaries }).client, config(), poll))
    expect(lines.filter((line) => line.includes('is not one the action knows'))).toHaveLength(5)
  })

  test("the wait line names each tool's state from the grouped scannedFiledData", async () => {
    const { poll, lines } = makePoll()
    const files = { OpenSSF: { openssf: tool('completed') }, SAST: { semgrep: tool('scanning') } }
    const { client } = scripted({
      summaries: [summaryWithFiles('scanning', files), summary(HEAD, 'completed')],
      results: [completed()]
    })
    await resultsOfCommit(client, config(), poll)
    expect(lines[0]).toBe(
      'SSD is scanning a1b2c3d on widget@feature (scan 0x29ab8) (scanning: openssf completed, semgrep scanning); waiting (0s)'
    )
  })

  test('a tool that failed while the scan goes on: one warning per tool, naming it and its error', async () => {
    const { poll, lines } = makePoll()
    const files = {
      SAST: { semgrep: tool('fail', 'semgrep: rules could not be fetched'), opengrep: tool('scanning') }
    }
    const { client } = scripted({
      summaries: [
        summaryWithFiles('scanning', files),
        summaryWithFiles('scanning', files),
        summaryWithFiles('Scanning', files),
        summary(HEAD, 'completed')
      ],
      results: [completed()]
    })
    await resultsOfCommit(client, config(), poll)
    const warnings = lines.filter((line) => line.startsWith('warning: '))
    expect(warnings).toEqual([
      `warning: SSD's semgrep scan of a1b2c3d on widget@feature (scan 0x29ab8) failed (status fail): "semgrep: rules could not be fetched". SSD still says scanning for the scan as a whole, so the gate waits for its outcome.`
    ])
  })

  test('no warning for a failed tool once the scan as a whole is over', async () => {
    const { poll, lines } = makePoll()
    const files = { SAST: { semgrep: tool('fail', 'boom') } }
    const { client } = scripted({ summaries: [summaryWithFiles('completed', files)], results: [completed()] })
    await resultsOfCommit(client, config(), poll)
    expect(lines.filter((line) => line.startsWith('warning: '))).toEqual([])
  })
})

describe('commits and summaries', () => {
  test('sameCommit: abbreviations of 7+ characters, any case', () => {
    expect(sameCommit(HEAD, 'A1B2C3D')).toBe(true)
    expect(sameCommit('a1b2c3d', HEAD)).toBe(true)
    expect(sameCommit(HEAD, 'a1b2c3')).toBe(false)
    expect(sameCommit(HEAD, OLD)).toBe(false)
    expect(sameCommit('', HEAD)).toBe(false)
  })

  test('parseSummary: no scanId is "no scan yet"; a headCommit that is no SHA is unknown; prototype keys are ignored', () => {
    expect(parseSummary({})).toBeUndefined()
    expect(parseSummary({ status: 'completed' })).toBeUndefined()
    expect(parseSummary({ scanId: '0x1', headCommit: 'HEAD', status: 'Completed' })).toMatchObject({
      headCommit: '',
      state: 'completed'
    })
    expect(parseSummary(JSON.parse('{"scanId": "0x1", "__proto__": {"headCommit": "a1b2c3d"}}'))?.headCommit).toBe('')
    expect(parseSummary(Object.create({ scanId: 'inherited' }))).toBeUndefined()
    expect(() => parseSummary([])).toThrow(/expected a JSON object, got an array/)
    expect(() => parseSummary(null)).toThrow(/got null/)
  })
})
