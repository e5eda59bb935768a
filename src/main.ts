/**
 * The run, start to end: inputs → waivers → the scan of the commit under review → save the
 * result file → the base branch → decision → publish (outputs, summary, comment,
 * annotations) → exit.
 * Never throws: every failure ends in core.setFailed with a message for the user.
 */
import { compareWithBase, describeBase } from './baseline.ts'
import { readConfig, type Config } from './config.ts'
import { decide, failsPolicy, findingScope, softenedByWarnOnly, type Decision } from './decision.ts'
import { formatSeconds } from './duration.ts'
import { cancelled, errorMessage, GateError } from './errors.ts'
import { readRunContext, type RunContext } from './github-event.ts'
import * as log from './log.ts'
import { Poll } from './poll.ts'
import { publishNoResult, publishResult, saveResultFile } from './publish.ts'
import { shortSha } from './scan-summary.ts'
import { resultsOfCommit } from './scan-target.ts'
import { createSsdClient } from './ssd-client.ts'
import { utcDate, waiverNotes } from './waiver-outcome.ts'
import { readWaivers } from './waivers-file.ts'

export async function run(): Promise<void> {
  const cancellation = cancelOnSignals()
  const context = readRunContext()
  let config: Config | undefined
  try {
    config = readConfig({
      isForkPullRequest: context.pullRequest?.isFork ?? false,
      repositoryName: context.repositoryName,
      branch: context.branch,
      commit: context.sha
    })
    log.info(
      `Gating commit ${shortSha(config.commit)} of ${config.repository}@${config.branch} on SSD project ${config.projectId}` +
        `${config.scanId ? `, scan ${config.scanId}` : ''} at ${new URL(config.host).origin} ` +
        `(every ${formatSeconds(config.pollIntervalMs)}, at most ${formatSeconds(config.timeoutMs)})`
    )
    // Before any SSD request: a bad waivers file fails the run before SSD is asked anything.
    const waivers = await readWaivers(waiversSource(config, context, cancellation.signal))
    const poll = new Poll({
      pollIntervalMs: config.pollIntervalMs,
      timeoutMs: config.timeoutMs,
      signal: cancellation.signal,
      log: log.info,
      warn: log.warning,
      notice: log.notice
    })
    const client = createSsdClient(config, { notice: log.notice })
    const { target, results } = await resultsOfCommit(client, config, poll)
    const saved = await saveResultFile(results, target, config)
    const base = await compareWithBase(client, config, context.pullRequest, saved.scans, cancellation.signal)
    const against = describeBase(base)
    if (against) log.info(against)
    const today = utcDate()
    const waived = waivers.apply(saved.scans, today, failsPolicy(config.policy))
    for (const note of waiverNotes(waived)) log[note.level](note.text)
    const scope = findingScope(config.newFindingsOnly, context.pullRequest?.baseRef, base)
    const decision = decide(saved.scans, config.policy, { comparison: base.comparison, scope, waived: waived.waived })
    for (const rule of decision.unmatchedRules) {
      log.warning(
        `checkThresholds names '${rule.text}', but no check in the SSD answer has that name: a typo would silently disable that gate.`
      )
    }
    const seen = { file: waivers.file, added: waivers.addedByPullRequest, today }
    await publishResult(config, context, saved, decision, base, seen, endLevel(decision, config), cancellation.signal)
    if (cancellation.signal.aborted) throw cancelled('reporting the SSD result')

    if (decision.passed) log.info(decision.summary)
    else if (softenedByWarnOnly(decision, config.warnOnly))
      log.warning(`${decision.summary} (warnOnly: the step does not fail)`)
    else log.fail(decision.summary)
  } catch (error) {
    const message = errorMessage(error)
    const status = error instanceof GateError ? error.status : 'Error'
    await publishNoResult(status, message, config, context, cancellation.signal)
    log.fail(message)
  } finally {
    cancellation.dispose()
  }
}

/** The level of the line that ends the step: an error when it fails, a warning under warnOnly. */
function endLevel(decision: Decision, config: Config): 'error' | 'warning' | undefined {
  if (decision.passed) return undefined
  return softenedByWarnOnly(decision, config.warnOnly) ? 'warning' : 'error'
}

/** Where the waivers file is read: the repository at the commit under review (and, on a pull request, its base). */
function waiversSource(config: Config, context: RunContext, signal: AbortSignal) {
  return {
    path: config.waivers,
    githubToken: config.githubToken,
    apiUrl: context.apiUrl,
    owner: context.repositoryOwner,
    repo: context.repositoryName,
    ref: config.commit,
    baseRef: context.pullRequest?.baseSha || undefined,
    signal,
    log
  }
}

/** The runner cancels with SIGINT, then SIGTERM: either stops the run at once. */
function cancelOnSignals(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const abort = (): void => controller.abort()
  process.once('SIGINT', abort)
  process.once('SIGTERM', abort)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', abort)
      process.off('SIGTERM', abort)
    }
  }
}
