/**
 * The run, start to end: inputs → poll → keep the answer → decision → publish (outputs,
 * summary, comment) → exit.
 * Never throws: every failure ends in core.setFailed with a message for the user.
 */
import { readConfig, type Config } from './config.ts'
import { decide } from './decision.ts'
import { errorMessage, GateError } from './errors.ts'
import { readRunContext } from './github-event.ts'
import * as log from './log.ts'
import { pollUntilComplete } from './poll.ts'
import { keepAnswer, publishNoResult, publishResult } from './publish.ts'
import { createSsdClient, formatSeconds, scanDataUrl } from './ssd-client.ts'

export async function run(): Promise<void> {
  const cancellation = cancelOnSignals()
  const context = readRunContext()
  let config: Config | undefined
  try {
    config = readConfig({ isForkPullRequest: context.pullRequest?.isFork ?? false })
    log.info(
      `Waiting for SSD scan ${config.scanId} of project ${config.projectId} at ${scanDataUrl(config).origin} ` +
        `(every ${formatSeconds(config.pollIntervalMs)}, at most ${formatSeconds(config.timeoutMs)})`
    )
    const completed = await keepAnswer(
      await pollUntilComplete(createSsdClient(config), {
        pollIntervalMs: config.pollIntervalMs,
        timeoutMs: config.timeoutMs,
        signal: cancellation.signal,
        log: log.info
      }),
      config
    )
    const decision = decide(completed.scans, config.policy)
    for (const rule of decision.unmatchedRules) {
      log.warning(
        `checkThresholds names '${rule.text}', but no check in the SSD answer has that name: a typo would silently disable that gate.`
      )
    }
    await publishResult(config, context, completed, decision, cancellation.signal)
    if (cancellation.signal.aborted) throw new GateError('Cancelled', 'Cancelled while reporting the SSD result.')

    if (decision.passed) log.info(decision.summary)
    // warnOnly softens the gate's verdict, not an answer that gave it nothing to gate on.
    else if (config.warnOnly && !decision.nothingToGateOn)
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
