/**
 * The run, start to end: inputs → the scan of the commit under review → save the result file →
 * decision → publish (outputs, summary, comment) → exit.
 * Never throws: every failure ends in core.setFailed with a message for the user.
 */
import { compareWithBase, describeBase } from './baseline.ts'
import { readConfig, type Config } from './config.ts'
import { decide, softenedByWarnOnly } from './decision.ts'
import { formatSeconds } from './duration.ts'
import { cancelled, errorMessage, GateError } from './errors.ts'
import { readRunContext } from './github-event.ts'
import * as log from './log.ts'
import { Poll } from './poll.ts'
import { publishNoResult, publishResult, saveResultFile } from './publish.ts'
import { shortSha } from './scan-summary.ts'
import { resultsOfCommit } from './scan-target.ts'
import { createSsdClient } from './ssd-client.ts'

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
    const decision = decide(saved.scans, config.policy, base.comparison)
    for (const rule of decision.unmatchedRules) {
      log.warning(
        `checkThresholds names '${rule.text}', but no check in the SSD answer has that name: a typo would silently disable that gate.`
      )
    }
    await publishResult(config, context, saved, decision, base, cancellation.signal)
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
