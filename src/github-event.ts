/**
 * What the action needs to know about the workflow run, read from the runner's
 * environment and event payload. Read without @actions/github, so that runs that write
 * no comment never load it.
 */
import { readFileSync } from 'node:fs'
import { TRAILING_SLASHES } from './text.ts'

export interface PullRequest {
  owner: string
  repo: string
  number: number
  /** Head commit of the pull request (GITHUB_SHA is a merge commit on pull_request). */
  headSha: string
  /** The branch the pull request comes from, e.g. `feature`. */
  headRef: string
  /** The branch it would merge into, e.g. `main`. */
  baseRef: string
  /** The base branch's commit the pull request was last compared with ('' when the payload has none). */
  baseSha: string
  /** The head repository differs from the base: secrets are not passed, the token is read-only. */
  isFork: boolean
}

export interface RunContext {
  /** Set on pull_request and pull_request_target events. */
  pullRequest: PullRequest | undefined
  /** The commit under review: the PR's head commit, else GITHUB_SHA. */
  sha: string
  /** The branch under review: the PR's head branch, else GITHUB_REF_NAME. */
  branch: string
  /** The repository's owner and name without it (`acme/widget` → `acme`, `widget`). */
  repositoryOwner: string
  repositoryName: string
  /** GitHub's REST API: GITHUB_API_URL (GHES: `https://HOST/api/v3`), else github.com's. */
  apiUrl: string
  /** `https://github.com/acme/widget`, when known: commit and file links start here. */
  repositoryUrl: string | undefined
  runUrl: string | undefined
}

/**
 * What to do when a fork's pull request lacks something the gate needs (`lacks`: what, and
 * why): `pull_request_target` runs in the base repository, with its secrets and a token
 * that can write.
 */
export function forkHint(lacks: string): string {
  return ` This pull request comes from a fork, ${lacks}: run the gate on \`pull_request_target\` (it checks out no code), or skip it for forks.`
}

/** Events whose payload carries the pull request (its head branch and commit, its base branch). */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
])

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const payload = PULL_REQUEST_EVENTS.has(eventName) ? readPayload(env.GITHUB_EVENT_PATH) : {}
  const pr = payload.pull_request
  const pullRequest =
    pr && typeof pr.number === 'number' && owner && repo
      ? {
          owner,
          repo,
          number: pr.number,
          headSha: stringOr(pr.head?.sha, ''),
          headRef: stringOr(pr.head?.ref, env.GITHUB_HEAD_REF ?? ''),
          baseRef: stringOr(pr.base?.ref, env.GITHUB_BASE_REF ?? ''),
          baseSha: stringOr(pr.base?.sha, ''),
          isFork:
            typeof pr.head?.repo?.full_name === 'string' &&
            typeof pr.base?.repo?.full_name === 'string' &&
            pr.head.repo.full_name !== pr.base.repo.full_name
        }
      : undefined
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const repositoryUrl = owner && repo ? `${server}/${owner}/${repo}` : undefined
  return {
    pullRequest,
    sha: pullRequest?.headSha || env.GITHUB_SHA || '',
    branch: pullRequest?.headRef || env.GITHUB_REF_NAME || '',
    repositoryOwner: owner,
    repositoryName: repo,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(TRAILING_SLASHES, ''),
    repositoryUrl,
    runUrl: repositoryUrl && env.GITHUB_RUN_ID ? `${repositoryUrl}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
  }
}

interface Payload {
  pull_request?: {
    number?: unknown
    head?: { sha?: unknown; ref?: unknown; repo?: { full_name?: unknown } }
    base?: { sha?: unknown; ref?: unknown; repo?: { full_name?: unknown } }
  }
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value ? value : fallback
}

function readPayload(path: string | undefined): Payload {
  if (!path) return {}
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return typeof parsed === 'object' && parsed !== null ? (parsed as Payload) : {}
  } catch {
    return {}
  }
}
