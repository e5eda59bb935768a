/**
 * Where the result goes: the job summary and the sticky PR comment. A failure to comment
 * is a warning, never a change of the gate's result.
 */
import * as core from '@actions/core'
import { createCommentsApi, upsertComment, type CommentResult } from './comment.ts'
import type { CommentMode } from './config.ts'
import { errorMessage } from './errors.ts'
import type { PullRequest } from './github-event.ts'
import * as log from './log.ts'
import { redact } from './secrets.ts'

export async function writeJobSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(redact(markdown)).write()
  } catch (error) {
    log.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}

/** Longest the comment may take, retries and rate-limit waits included. */
const COMMENT_DEADLINE_MS = 30_000

export interface CommentRequest {
  mode: CommentMode
  /** Write a new comment when none exists; otherwise only update the existing one. */
  create: boolean
  pullRequest: PullRequest | undefined
  githubToken: string
  marker: string
  body: string
  /** Aborted when the runner cancels the job. */
  signal: AbortSignal
}

/** on-failure: a passing run writes nothing new, but corrects a failing comment left earlier. */
export function shouldCreateComment(mode: CommentMode, passed: boolean): boolean {
  return mode === 'always' || (mode === 'on-failure' && !passed)
}

/** Writes or updates the PR comment; returns its URL, or '' when none. */
export async function publishComment(request: CommentRequest): Promise<string> {
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
  // Not AbortSignal.timeout(): Octokit takes its TimeoutError for a server fault and
  // retries it, while an AbortError ends the request for good.
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(), COMMENT_DEADLINE_MS)
  const signal = AbortSignal.any([request.signal, deadline.signal])
  let result: CommentResult
  try {
    const api = await createCommentsApi(githubToken, pullRequest, { signal, log: log.info })
    result = await upsertComment(api, request.marker, redact(request.body), request.create)
  } catch (error) {
    log.warning(commentFailure(error, pullRequest, signal))
    return ''
  } finally {
    clearTimeout(timer)
  }
  if (result.action === 'none') return ''
  log.info(`PR comment ${result.action}: ${result.url}`)
  return result.url
}

function commentFailure(error: unknown, pr: PullRequest, signal: AbortSignal): string {
  const status = (error as { status?: unknown }).status
  if (status === 403 || status === 401) {
    const fork = pr.isFork
      ? ' This pull request comes from a fork, where GITHUB_TOKEN is read-only; comment from a workflow_run workflow instead.'
      : ''
    return `Could not write the PR comment (HTTP ${status}): the token needs the 'pull-requests: write' permission (add it under 'permissions:' in the workflow).${fork} The gate's result stands; see the job summary.`
  }
  const reason = signal.aborted
    ? `GitHub did not answer within ${COMMENT_DEADLINE_MS / 1000}s, or the job was cancelled`
    : errorMessage(error)
  return `Could not write the PR comment: ${reason}. The gate's result stands; see the job summary.`
}
