/**
 * Which scan to gate on, and which commit its result is of. In SSD a scanId names a scan
 * *target* (one per project, repository and branch), reused by every rescan, and its
 * results name no commit; only summarydata says which commit the latest scan is of. So
 * the action waits until SSD's latest scan of the branch is of the commit under review,
 * reads the results once, and makes sure they did not move on in between.
 */
import type { Config } from './config.ts'
import { GateError } from './errors.ts'
import { PAUSED_WAY_OUT, pollScans, type Poll } from './poll.ts'
import { describeFiles, failedFiles, fileName, sameCommit, shortSha, type ScanSummary } from './scan-summary.ts'
import { gravestRating, type RiskRating } from './scans.ts'
import type { ScanResults, SsdClient, SsdReply } from './ssd-client.ts'
import { oneLine } from './text.ts'

export interface ScanTarget {
  scanId: string
  /** The commit SSD says the result is of; '' when it could not be told. */
  scannedCommit: string
  /** When the result is not proved to be of the commit under review: why, for the log and the report. */
  caveat: string
  /** SSD's verdict on the scan (`highrisk`), when the summary or the results gave one. */
  rating?: RiskRating | undefined
}

/** The one rescan a run may ask for: whether it was asked, and SSD's reason if it refused. */
interface RescanState {
  asked: boolean
  refusal?: string
}

/** A given scanId does not wait long for a summarydata that keeps failing: it gates without it. */
const SUMMARY_ATTEMPTS_WITH_SCAN_ID = 3

/** The results to gate on, and the scan target and commit they belong to. */
export async function resultsOfCommit(
  client: SsdClient,
  config: Config,
  poll: Poll
): Promise<{ target: ScanTarget; results: ScanResults }> {
  // Once per run, however often the wait starts over.
  const rescan: RescanState = { asked: false }
  for (;;) {
    const target = await awaitScanTarget(client, config, poll, rescan)
    const { results, waited } = await pollScans(client, target.scanId, poll, pausedWayOut(config, rescan))
    // SSD was scanning again when its results were read: they may be of a newer commit.
    if (!waited || target.caveat || (await stillOfCommit(client, config, poll, target))) {
      const rating = gravestRating([target.rating ?? '', ...results.scans.map((scan) => scan.status)])
      return { target: { ...target, rating }, results }
    }
    poll.log(
      `SSD scanned ${branchOf(config)} again while its results were read; making sure they are of ${shortSha(config.commit)}`
    )
  }
}

/**
 * Waits until SSD's latest scan of the branch is of `config.commit` and completed (or,
 * with waitForCommit off, until SSD has a scan of the branch at all). `rescan` records the
 * one rescan a run may ask for.
 */
async function awaitScanTarget(
  client: SsdClient,
  config: Config,
  poll: Poll,
  rescan: RescanState
): Promise<ScanTarget> {
  let latest: ScanSummary | undefined
  let answered = false
  for (;;) {
    const reply = await client.latestScan(config.branch, poll.request())
    if (config.scanId) {
      const unproved = givenScanWithoutSummary(reply, config, poll, answered)
      if (unproved) return unproved
    } else if (reply.kind === 'unusable') {
      throw new GateError(
        'Error',
        `${reply.reason.replace(/\.$/, '')}. Without it the action cannot find SSD's scan of ${branchOf(config)}: set the 'scanId' input to gate on a known scan target.`
      )
    }
    if (reply.kind === 'answer' || reply.kind === 'notFound') {
      // A 404 is an answer too: no scan of the branch (yet).
      answered = true
      const summary = reply.kind === 'answer' ? reply.answer : undefined
      if (reply.kind === 'answer') latest = summary
      if (!summary) {
        poll.log(`SSD has no scan of ${branchOf(config)} in project ${config.projectId} yet (${poll.elapsed()})`)
      } else {
        const target = judge(summary, config, poll)
        if (target) return target
        // Still waiting: on a running scan of this commit, or on a scan of another one.
        if (config.rescan && !rescan.asked && summary.state !== 'running') {
          rescan.asked = true
          rescan.refusal = await requestRescan(client, summary, config, poll)
        }
      }
    }
    if (!(await poll.pause(reply, "SSD's summarydata request"))) {
      // A given scanId the summary never spoke for is gated on as it is, as on any other fault.
      if (config.scanId && !answered) {
        return unprovedTarget(
          `SSD's summarydata gave no answer in time (${poll.lastProblem || 'no answer'})`,
          config,
          poll
        )
      }
      throw targetTimedOut(latest, answered, rescan, config, poll)
    }
  }
}

/** The summary proves its scan is of the commit under review, and done. */
function provesCommit(summary: ScanSummary, config: Config): boolean {
  return summary.state === 'completed' && sameCommit(summary.headCommit, config.commit)
}

/** The target when `latest` settles it; undefined while the action should wait. */
function judge(latest: ScanSummary, config: Config, poll: Poll): ScanTarget | undefined {
  const { scanId, headCommit, status, state } = latest
  const at = `${branchOf(config)} (scan ${scanId})`
  const rating = gravestRating([status])
  poll.noteStatus(status)
  if (!headCommit) {
    const caveat = `SSD does not say which commit its latest scan of ${at} is of, so the commit this result is of is unknown.`
    poll.warn(caveat)
    return { scanId, scannedCommit: '', caveat, rating }
  }
  const ours = sameCommit(headCommit, config.commit)
  if (!config.waitForCommit) {
    if (ours) return { scanId, scannedCommit: headCommit, caveat: '', rating }
    const caveat = `This result is of commit ${shortSha(headCommit)}, not of ${shortSha(config.commit)} under review (waitForCommit is off).`
    poll.warn(caveat)
    return { scanId, scannedCommit: headCommit, caveat, rating }
  }
  if (provesCommit(latest, config)) {
    poll.log(`SSD's latest scan of ${at} is of ${shortSha(headCommit)} (${status}): gating on it`)
    return { scanId, scannedCommit: headCommit, caveat: '', rating }
  }
  if (ours && state === 'failed') {
    throw new GateError('Failed', `SSD's scan of ${shortSha(headCommit)} on ${at} failed (status ${status}).`)
  }
  warnOfFailedTools(latest, at, poll)
  const states = describeFiles(latest)
  const shown = `${oneLine(status, 40) || 'unknown'}${states ? `: ${states}` : ''}`
  poll.log(
    ours && state === 'paused'
      ? `SSD paused its scan of ${shortSha(headCommit)} on ${at} (${shown}); waiting for it to be resumed in SSD${config.rescan ? ' or scanned again' : ''} (${poll.elapsed()})`
      : ours
        ? `SSD is scanning ${shortSha(headCommit)} on ${at} (${shown}); waiting (${poll.elapsed()})`
        : `SSD's latest scan of ${at} is of ${shortSha(headCommit)} (${shown}); waiting for ${shortSha(config.commit)} (${poll.elapsed()})`
  )
  return undefined
}

/** A tool that failed while the scan goes on is news before SSD's verdict: one warning per tool in a run. */
function warnOfFailedTools(latest: ScanSummary, at: string, poll: Poll): void {
  if (latest.state === 'completed' || latest.state === 'failed') return
  for (const file of failedFiles(latest)) {
    const name = fileName(file)
    const error = oneLine(file.error, 300)
    poll.once(
      `failed-tool:${latest.scanId}:${file.group}/${file.key}`,
      poll.warn,
      `SSD's ${name} scan of ${shortSha(latest.headCommit)} on ${at} failed (status ${oneLine(file.status, 20) || 'unknown'}): ${error ? `"${error}"` : 'no error text given'}. SSD still says ${oneLine(latest.status, 40) || 'running'} for the scan as a whole, so the gate waits for its outcome.`
    )
  }
}

/**
 * With a given scanId, an SSD without summarydata (or with another target for the branch)
 * still gates as before, saying that the commit is unknown. Undefined when the summary
 * speaks for the given scanId, or when it is worth asking again: a fault, before the
 * summary has answered three times in a row; after it has answered, faults are waited out.
 */
function givenScanWithoutSummary(
  reply: SsdReply<ScanSummary | undefined>,
  config: Config,
  poll: Poll,
  answered: boolean
): ScanTarget | undefined {
  const why = summaryDoesNotSpeakFor(reply, config, poll, answered)
  return why ? unprovedTarget(why, config, poll) : undefined
}

/** Why the summary cannot confirm the given scanId, or '' when it does (or may yet). */
function summaryDoesNotSpeakFor(
  reply: SsdReply<ScanSummary | undefined>,
  config: Config,
  poll: Poll,
  answered: boolean
): string {
  const where = branchOf(config)
  switch (reply.kind) {
    case 'notFound':
      return `SSD's summarydata has no scan of ${where} (${reply.reason})`
    case 'unusable':
      return reply.reason.replace(/\.$/, '')
    case 'retry':
      return !answered && poll.failuresInARow + 1 >= SUMMARY_ATTEMPTS_WITH_SCAN_ID
        ? `SSD's summarydata failed ${SUMMARY_ATTEMPTS_WITH_SCAN_ID} times (${reply.reason})`
        : ''
    case 'answer':
      if (!reply.answer) return `SSD's summarydata has no scan of ${where}`
      if (reply.answer.scanId !== config.scanId) {
        return `SSD's latest scan of ${where} is scan ${reply.answer.scanId}, not the given scanId ${config.scanId}`
      }
      return ''
  }
}

/** The given scanId, gated on as it is: the commit its result is of is unknown, and the report says why. */
function unprovedTarget(why: string, config: Config, poll: Poll): ScanTarget {
  const caveat = `The commit this result is of is unknown: ${why}.`
  poll.notice(`${caveat} Gating on the given scanId ${config.scanId} as it is.`)
  return { scanId: config.scanId, scannedCommit: '', caveat }
}

/**
 * Asks SSD once to scan the branch again; a refusal is a warning, and the wait goes on.
 * Returns SSD's reason when it refused, for the timeout message.
 */
async function requestRescan(
  client: SsdClient,
  latest: ScanSummary,
  config: Config,
  poll: Poll
): Promise<string | undefined> {
  const reply = await client.rescan(latest, poll.request())
  if (reply.kind === 'answer') {
    poll.log(
      `Asked SSD to scan ${branchOf(config)} again (scan ${latest.scanId})${reply.answer ? `: ${reply.answer}` : ''}`
    )
    return undefined
  }
  poll.warn(
    `SSD's rescan of ${branchOf(config)} was not accepted (${reply.reason}); waiting for SSD to scan ${shortSha(config.commit)} by itself.`
  )
  return reply.reason
}

/** What rescan can still do about a scan SSD paused: ask for it when it is off, else what became of it. */
function pausedWayOut(config: Config, rescan: RescanState): string {
  if (!config.rescan) return PAUSED_WAY_OUT
  if (!rescan.asked) return 'SSD paused the scan: resume it in SSD.'
  return rescan.refusal !== undefined
    ? `SSD paused the scan and did not accept the rescan the action asked for (${rescan.refusal}): resume the scan in SSD.`
    : 'SSD paused the scan, and the rescan that was requested had not finished: resume the scan in SSD.'
}

/** One more look at the summary: the results just read are of the commit under review. */
async function stillOfCommit(client: SsdClient, config: Config, poll: Poll, target: ScanTarget): Promise<boolean> {
  const reply = await client.latestScan(config.branch, poll.request())
  return reply.kind === 'answer' && reply.answer?.scanId === target.scanId && provesCommit(reply.answer, config)
}

function targetTimedOut(
  latest: ScanSummary | undefined,
  answered: boolean,
  rescan: RescanState,
  config: Config,
  poll: Poll
): GateError {
  const where = `repository ${config.repository}, branch ${config.branch}, project ${config.projectId}`
  const parts = [`Timed out after ${poll.elapsed()}`]
  if (!answered) {
    parts.push(
      ` waiting for SSD's summary of ${branchOf(config)}: SSD's summarydata never answered usefully.`,
      ` Check SSD's health, or raise 'timeout'.`
    )
  } else if (!latest) {
    parts.push(
      ` waiting for SSD's scan of ${branchOf(config)}: SSD has no scan of ${where}.`,
      ` SSD scans only the branches configured on a project: check that ${config.branch} is one of them and that 'repository' and 'branch' name it as SSD does, or set 'scanId'.`
    )
  } else if (!sameCommit(latest.headCommit, config.commit)) {
    parts.push(
      ` waiting for SSD to scan commit ${shortSha(config.commit)}: its latest scan of ${where} is of ${shortSha(latest.headCommit)} (${latest.status || 'unknown'}).`,
      ` ${otherCommitWayOut(config, rescan)}`
    )
  } else if (latest.state === 'paused') {
    parts.push(
      ` waiting for SSD's scan of ${shortSha(latest.headCommit)} on ${branchOf(config)} to complete: it was ${latest.status}.`,
      ` ${pausedWayOut(config, rescan)}`
    )
  } else {
    parts.push(
      ` waiting for SSD's scan of ${shortSha(latest.headCommit)} on ${branchOf(config)} to complete: it was still ${latest.status || 'running'}.`,
      ` Raise the 'timeout' input if the scan needs longer.`
    )
  }
  const unknown = poll.unknownStatusNote()
  if (unknown) parts.push(` ${unknown}`)
  if (poll.lastProblem) parts.push(` Last problem: ${poll.lastProblem}.`)
  return new GateError('TimedOut', parts.join(''))
}

/** What to do when SSD never scanned the commit under review, given what became of the rescan. */
function otherCommitWayOut(config: Config, rescan: RescanState): string {
  if (!config.rescan) return `Set 'rescan: true' to ask SSD to scan it, or check SSD's webhook for this repository.`
  if (!rescan.asked) {
    return `SSD was busy scanning the whole time, so no rescan was asked; check SSD's webhook for this repository, or raise 'timeout'.`
  }
  return rescan.refusal !== undefined
    ? `SSD did not accept the rescan the action asked for (${rescan.refusal}); check SSD's webhook for this repository.`
    : `A rescan was requested and had not finished; check SSD's webhook for this repository, or raise 'timeout'.`
}

/** `widget@feature`: how SSD's scan targets are named in the log. */
function branchOf(config: Config): string {
  return `${config.repository}@${config.branch}`
}
