/**
 * Where the result goes, in order: outputs and files, the job summary, the sticky PR
 * comment, the findings' annotations. A failure to comment is a warning, never a change of
 * the gate's result.
 */
import * as core from '@actions/core'
import { writeFindingAnnotations } from './annotations.ts'
import { commentMarker, createCommentsApi, upsertComment, type CommentResult } from './comment.ts'
import type { BaseResult } from './baseline.ts'
import type { CommentMode, Config } from './config.ts'
import type { Decision } from './decision.ts'
import { errorMessage, type EndStatus } from './errors.ts'
import { workspace, writeResultFile, writeSarifFile } from './files.ts'
import { forkHint, type PullRequest, type RunContext } from './github-event.ts'
import * as log from './log.ts'
import { waivedOutput, writeOutputs } from './outputs.ts'
import type { Scan } from './scans.ts'
import { byteLength } from './budget.ts'
import { renderFailure, renderReport, type ReportContext } from './report.ts'
import { buildSarif } from './sarif.ts'
import { sameCommit, shortSha } from './scan-summary.ts'
import type { ScanTarget } from './scan-target.ts'
import { redact } from './secrets.ts'
import type { ScanResults } from './ssd-client.ts'
import type { Waiver } from './waiver-outcome.ts'

/** GitHub's limits: 65,536 characters a comment, 1 MiB a job summary; kept under both. */
const COMMENT_MAX_BYTES = 65_000
const SUMMARY_MAX_BYTES = 1_000_000

/** The completed scans, which target and commit they are of, and the file their answer's text was saved to ('' if it could not be). */
export interface SavedResults {
  scans: Scan[]
  target: ScanTarget
  resultFile: string
}

/**
 * Writes the answer's text to the result file first, so that the caller holds only the
 * scans from here on: a 50 MB text need not live on through rendering.
 */
export async function saveResultFile(
  { scans, text }: ScanResults,
  target: ScanTarget,
  config: Config
): Promise<SavedResults> {
  const resultFile = await orWarn('result file', '', () => writeResultFile(text, config.projectId, target.scanId))
  return { scans, target, resultFile }
}

/** The waivers a pull request adds or changes, for the report, the file they are in, and the day (YYYY-MM-DD, UTC) they were judged on. */
export interface WaiversSeen {
  file: string
  added: readonly Waiver[]
  today: string
}

/** Publishes a completed scan's result everywhere it goes. */
export async function publishResult(
  config: Config,
  context: RunContext,
  { scans, target, resultFile }: SavedResults,
  decision: Decision,
  { comparison, unavailable }: BaseResult,
  waivers: WaiversSeen,
  /** The level of the line that will end the step, which takes one annotation of its own. */
  endLevel: 'error' | 'warning' | undefined,
  signal: AbortSignal
): Promise<void> {
  const marker = markerOf(config)
  // Written first, so the report names the SARIF file only when it is there.
  const sarifFile = config.sarifFile
    ? await orWarn('SARIF file', '', () =>
        writeSarifFile(config.sarifFile, buildSarif(scans, decision, workspace(), sarifProvenance(config, target)))
      )
    : ''
  const reportContext: ReportContext = {
    projectId: config.projectId,
    scanId: target.scanId,
    scanType: config.scanType,
    repository: config.repository,
    branch: config.branch,
    // Links use the longer of two SHAs for one commit: a short one from SSD is no permalink.
    scannedCommit:
      sameCommit(target.scannedCommit, config.commit) && config.commit.length > target.scannedCommit.length
        ? config.commit
        : target.scannedCommit,
    repositoryUrl: context.repositoryUrl,
    caveat: target.caveat,
    rating: target.rating,
    comparison,
    baseUnavailable: unavailable,
    addedWaivers: waivers.added,
    waiversFile: waivers.file,
    today: waivers.today,
    fullListAt: fullListAt(resultFile, sarifFile),
    warnOnly: config.warnOnly,
    ...footer(config, context)
  }
  const report = renderReport(scans, decision, reportContext, {
    maxBytes: commentRoom(marker),
    fullResultsAt: 'the job summary of the workflow run'
  })
  writeOutputs({
    status: scans[0]?.status ?? '',
    scanId: target.scanId,
    scannedCommit: target.scannedCommit,
    baseScore: comparison?.baseScoreText ?? '',
    scoreDelta: comparison?.scoreDelta === undefined ? '' : String(comparison.scoreDelta),
    score: decision.scoreText,
    passed: decision.passed,
    failedChecks: decision.failedChecks,
    // As documented: the check, its score and the rule (whether the base branch breaks it too is the report's).
    failedCheckRules: decision.ruleBreaks.map(({ check, score, rule }) => ({ check, score, rule })),
    waived: waivedOutput(decision.waived),
    report,
    resultFile,
    sarifFile
  })
  await writeJobSummary(
    renderReport(scans, decision, reportContext, { maxBytes: SUMMARY_MAX_BYTES, fullResultsAt: 'SSD' })
  )
  const commentUrl = await publishComment({
    ...commentTarget(config, context, marker, signal),
    create: shouldCreateComment(config.comment, decision.passed),
    report
  })
  writeOutputs({ commentUrl })
  // Last, so that every line of the action's own at each level is counted first.
  if (config.annotations) {
    writeFindingAnnotations(
      scans,
      decision,
      endLevel,
      commentUrl ? 'the PR comment and the job summary' : 'the job summary'
    )
  }
}

/**
 * Publishes a run that ended without a result. `config` is undefined when the inputs were
 * bad. An earlier comment must not go on showing a verdict this run could not confirm.
 */
export async function publishNoResult(
  status: EndStatus,
  message: string,
  config: Config | undefined,
  context: RunContext,
  signal: AbortSignal
): Promise<void> {
  writeOutputs({ status, passed: false })
  const marker = config && markerOf(config)
  const failure = renderFailure(message, commentRoom(marker), config ? footer(config, context) : {})
  await writeJobSummary(failure)
  if (config && marker && !signal.aborted) {
    await publishComment({
      ...commentTarget(config, context, marker, signal),
      create: false,
      report: failure
    })
  }
}

/** The hidden marker that finds this step's comment again: one per project, scan type and header. */
function markerOf(config: Config): string {
  return commentMarker(config.projectId, config.scanType, config.commentHeader)
}

/** The PR comment: the report under its hidden marker's line. */
function commentBody(marker: string, report: string): string {
  return `${marker}\n${report}`
}

/** What GitHub's limit leaves for the report once the comment's marker line is in. */
function commentRoom(marker: string | undefined): number {
  return COMMENT_MAX_BYTES - (marker ? byteLength(commentBody(marker, '')) : 0)
}

/** What every report carries besides its content: the step's header, the commit under review, the run. */
function footer(config: Config, context: RunContext) {
  return {
    header: config.commentHeader,
    commit: shortSha(config.commit),
    runUrl: context.runUrl,
    time: new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  }
}

/** Where every finding can be read, for the line near the report's top. */
function fullListAt(resultFile: string, sarifFile: string): string {
  const files = [resultFile ? 'the result file (the `resultFile` output)' : '', sarifFile ? 'the SARIF file' : '']
  return files.filter(Boolean).join(' and ') || "SSD's own view of the scan"
}

/** What SARIF's run properties say about the result's origin. */
function sarifProvenance(config: Config, target: ScanTarget) {
  return {
    projectId: config.projectId,
    scanType: config.scanType,
    header: config.commentHeader,
    scanId: target.scanId,
    repository: config.repository,
    branch: config.branch,
    commit: target.scannedCommit
  }
}

/** Something that cannot be written is a warning: the verdict and the report still go out. */
async function orWarn<T>(what: string, fallback: T, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    log.warning(`Could not write the ${what}: ${errorMessage(error)}`)
    return fallback
  }
}

function commentTarget(config: Config, context: RunContext, marker: string, signal: AbortSignal) {
  return { mode: config.comment, pullRequest: context.pullRequest, githubToken: config.githubToken, marker, signal }
}

async function writeJobSummary(markdown: string): Promise<void> {
  await orWarn('job summary', undefined, async () => {
    await core.summary.addRaw(redact(markdown)).write() // an exit (see secrets.ts)
  })
}

/** Longest the comment may take, retries and rate-limit waits included. */
const COMMENT_DEADLINE_MS = 30_000

interface CommentRequest {
  mode: CommentMode
  /** Write a new comment when none exists; otherwise only update the existing one. */
  create: boolean
  pullRequest: PullRequest | undefined
  githubToken: string
  marker: string
  /** The comment is this under the marker's line. */
  report: string
  /** Aborted when the runner cancels the job. */
  signal: AbortSignal
}

/** on-failure: a passing run writes nothing new, but corrects a failing comment left earlier. */
function shouldCreateComment(mode: CommentMode, passed: boolean): boolean {
  return mode === 'always' || (mode === 'on-failure' && !passed)
}

/** Writes or updates the PR comment; returns its URL, or '' when none. */
async function publishComment(request: CommentRequest): Promise<string> {
  const { mode, pullRequest, githubToken } = request
  if (mode === 'never') return ''
  if (!pullRequest) {
    log.info('No pull request in this event: no PR comment; the result is in the job summary and outputs.')
    return ''
  }
  if (!githubToken) {
    log.warning(
      `No 'githubToken': the PR comment was skipped. Pass \${{ github.token }} or leave the input at its default.`
    )
    return ''
  }
  const deadline = Date.now() + COMMENT_DEADLINE_MS
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(COMMENT_DEADLINE_MS)])
  let result: CommentResult
  try {
    // The deadline also stops a rate-limit wait that would outlast it before it starts.
    const api = await createCommentsApi(githubToken, pullRequest, { signal, deadline, log: log.info })
    // An exit: the guarantee for the comment (see secrets.ts).
    result = await upsertComment(
      api,
      request.marker,
      redact(commentBody(request.marker, request.report)),
      request.create
    )
  } catch (error) {
    log.warning(commentFailure(error, pullRequest, signal))
    return ''
  }
  if (result.action === 'none') return ''
  log.info(`PR comment ${result.action}: ${result.url}`)
  return result.url
}

function commentFailure(error: unknown, pr: PullRequest, signal: AbortSignal): string {
  const status = (error as { status?: unknown }).status
  if (status === 403 || status === 401) {
    const fork = pr.isFork ? forkHint('where GITHUB_TOKEN is read-only') : ''
    return `Could not write the PR comment (HTTP ${status}): the token needs the 'pull-requests: write' permission (add it under 'permissions:' in the workflow).${fork} The gate's result stands; see the job summary.`
  }
  const reason = signal.aborted
    ? `GitHub did not answer within ${COMMENT_DEADLINE_MS / 1000}s, or the job was cancelled`
    : errorMessage(error)
  return `Could not write the PR comment: ${reason}. The gate's result stands; see the job summary.`
}
