/**
 * The run, start to end: inputs → poll → decision → report → outputs, summary, comment → exit.
 * Never throws: every failure ends in core.setFailed with a message for the user.
 */
import { commentMarker } from './comment.ts'
import { readConfig, type Config } from './config.ts'
import { decide, type Decision } from './decision.ts'
import { errorMessage, GateError } from './errors.ts'
import { readRunContext, type RunContext } from './github-event.ts'
import * as log from './log.ts'
import { writeOutputs } from './outputs.ts'
import { writeResultFile, writeSarifFile } from './files.ts'
import { pollUntilComplete, type Answer } from './poll.ts'
import { publishComment, shouldCreateComment, writeJobSummary } from './publish.ts'
import { renderFailure, renderReport } from './report.ts'
import { buildSarif } from './sarif.ts'
import { createSsdClient, formatSeconds, scanDataUrl } from './ssd-client.ts'

/** GitHub's limits: 65,536 characters a comment, 1 MiB a job summary; kept under both. */
const COMMENT_MAX_BYTES = 65_000
const SUMMARY_MAX_BYTES = 1_000_000

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
    const answer = await pollUntilComplete(createSsdClient(config), {
      pollIntervalMs: config.pollIntervalMs,
      timeoutMs: config.timeoutMs,
      signal: cancellation.signal,
      log: log.info
    })
    const decision = decide(answer.scans, config.policy)
    for (const rule of decision.unmatchedRules) {
      log.warning(
        `checkThresholds names '${rule.text}', but no check in the SSD answer has that name: a typo would silently disable that gate.`
      )
    }
    await report(config, context, answer, decision, cancellation.signal)
    if (cancellation.signal.aborted) throw new GateError('Cancelled', 'Cancelled while reporting the SSD result.')

    if (decision.passed) log.info(decision.summary)
    // warnOnly softens the threshold only: with no score there was nothing to gate on.
    else if (config.warnOnly && decision.score !== undefined)
      log.warning(`${decision.summary} (warnOnly: the step does not fail)`)
    else log.fail(decision.summary)
  } catch (error) {
    const message = errorMessage(error)
    writeOutputs({ status: error instanceof GateError ? error.status : 'Error', passed: false })
    const marker = config && commentMarker(config.projectId, config.scanType, config.commentHeader)
    const failure = renderFailure(message, marker)
    await writeJobSummary(failure)
    // An earlier comment must not go on saying "passed" when this run has no result.
    if (config && marker && !cancellation.signal.aborted) {
      await publishComment({
        ...commentTarget(config, context, marker, cancellation.signal),
        create: false,
        body: failure
      })
    }
    log.fail(message)
  } finally {
    cancellation.dispose()
  }
}

async function report(
  config: Config,
  context: RunContext,
  { scans, text }: Answer,
  decision: Decision,
  signal: AbortSignal
): Promise<void> {
  const marker = commentMarker(config.projectId, config.scanType, config.commentHeader)
  const reportContext = {
    projectId: config.projectId,
    scanId: config.scanId,
    scanType: config.scanType,
    warnOnly: config.warnOnly,
    marker,
    header: config.commentHeader,
    commit: context.sha.slice(0, 7),
    runUrl: context.runUrl,
    time: new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  }
  const comment = renderReport(scans, decision, reportContext, {
    maxBytes: COMMENT_MAX_BYTES,
    fullResultsAt: 'the job summary of the workflow run'
  })
  writeOutputs({
    status: scans[0]?.status ?? '',
    score: decision.scoreText,
    passed: decision.passed,
    failedChecks: decision.failedChecks,
    failedCheckRules: decision.ruleBreaks,
    report: comment,
    resultFile: await writeResultFile(text, config.projectId, config.scanId),
    sarifFile: config.sarifFile ? await writeSarifFile(config.sarifFile, buildSarif(scans, decision)) : ''
  })
  const summary = renderReport(scans, decision, reportContext, { maxBytes: SUMMARY_MAX_BYTES, fullResultsAt: 'SSD' })
  await writeJobSummary(summary)
  const commentUrl = await publishComment({
    ...commentTarget(config, context, marker, signal),
    create: shouldCreateComment(config.comment, decision.passed),
    body: comment
  })
  writeOutputs({ commentUrl })
}

function commentTarget(config: Config, context: RunContext, marker: string, signal: AbortSignal) {
  return { mode: config.comment, pullRequest: context.pullRequest, githubToken: config.githubToken, marker, signal }
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
