/**
 * What the action needs to know about the workflow run, read from the runner's
 * environment and event payload. Read without @actions/github, so that runs that write
 * no comment never load it.
 */
import { readFileSync } from 'node:fs'

export interface PullRequest {
  owner: string
  repo: string
  number: number
  /** Head commit of the pull request (GITHUB_SHA is a merge commit on pull_request). */
  headSha: string
  /** The head repository differs from the base: secrets are not passed, the token is read-only. */
  isFork: boolean
}

export interface RunContext {
  /** Set on pull_request and pull_request_target events. */
  pullRequest: PullRequest | undefined
  sha: string
  runUrl: string | undefined
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

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
          headSha: typeof pr.head?.sha === 'string' ? pr.head.sha : '',
          isFork:
            typeof pr.head?.repo?.full_name === 'string' &&
            typeof pr.base?.repo?.full_name === 'string' &&
            pr.head.repo.full_name !== pr.base.repo.full_name
        }
      : undefined
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const runUrl =
    env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined
  return { pullRequest, sha: pullRequest?.headSha || env.GITHUB_SHA || '', runUrl }
}

interface Payload {
  pull_request?: {
    number?: unknown
    head?: { sha?: unknown; repo?: { full_name?: unknown } }
    base?: { repo?: { full_name?: unknown } }
  }
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
