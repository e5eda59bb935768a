/**
 * The sticky PR comment: one per pull request and marker, found again and updated in place.
 * Only comments written by the identity the action posts as count as its own, so a
 * comment by anyone else that quotes the marker is never edited.
 */
import type { PullRequest } from './github-event.ts'
import { proxiedFetch } from './http.ts'

export interface IssueComment {
  id: number
  body?: string | null
  html_url: string
  user: { login: string } | null
}

/** The few GitHub calls the comment needs; a test can put a real local server behind it. */
export interface CommentsApi {
  /** One page (up to PAGE_SIZE) of the PR's comments, oldest first. */
  listComments(page: number): Promise<IssueComment[]>
  createComment(body: string): Promise<IssueComment>
  updateComment(id: number, body: string): Promise<IssueComment>
  /** The login the token acts as (for GITHUB_TOKEN: `github-actions`). */
  viewerLogin(): Promise<string>
}

const PAGE_SIZE = 100

export type CommentResult = { action: 'created' | 'updated'; url: string } | { action: 'none' }

/**
 * Updates the action's own comment carrying `marker`, or creates one when `create` is set.
 * Pages are read only until that comment is found.
 */
export async function upsertComment(
  api: CommentsApi,
  marker: string,
  body: string,
  create: boolean
): Promise<CommentResult> {
  let viewer: Promise<string> | undefined
  const isOwn = async (comment: IssueComment): Promise<boolean> => {
    viewer ??= api.viewerLogin()
    const login = await viewer
    const author = comment.user?.login
    // GraphQL names the default token `github-actions`; its comments are by `github-actions[bot]`.
    return author === login || author === `${login}[bot]`
  }

  for (let page = 1; ; page++) {
    const comments = await api.listComments(page)
    for (const comment of comments) {
      // The action's own comments start with the marker; a quote of it elsewhere is not one.
      if (comment.body?.startsWith(marker) && (await isOwn(comment))) {
        const updated = await api.updateComment(comment.id, body)
        return { action: 'updated', url: updated.html_url }
      }
    }
    if (comments.length < PAGE_SIZE) break
  }
  if (!create) return { action: 'none' }
  const created = await api.createComment(body)
  return { action: 'created', url: created.html_url }
}

/**
 * The hidden marker: one comment per (projectId, scanType, commentHeader), encoded so no
 * value can end the HTML comment.
 */
export function commentMarker(projectId: string, scanType: string, header = ''): string {
  const headerPart = header ? ` header=${encodeURIComponent(header)}` : ''
  return `<!-- opsmx-ssd-gate project=${encodeURIComponent(projectId)} type=${encodeURIComponent(scanType)}${headerPart} -->`
}

/** Rate-limit waits longer than this are not worth holding the runner for. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60

/**
 * The GitHub client, loaded only when a comment is to be written. Honours GITHUB_API_URL
 * and the proxy variables; retries server faults and waits out short rate limits.
 */
export async function createCommentsApi(
  token: string,
  pr: PullRequest,
  options: { signal: AbortSignal; log: (line: string) => void }
): Promise<CommentsApi> {
  const { log, signal } = options
  const [{ getOctokit }, { retry }, { throttling }, { default: Bottleneck }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
    import('bottleneck/light.js')
  ])
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
      const again = retryCount < 2 && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS
      log(`GitHub ${kind} for ${options.method} ${options.url}: ${again ? `retrying in ${retryAfter}s` : 'giving up'}`)
      return again
    }
  // The plugin spaces writes a second apart (three for those that notify), which suits
  // bulk jobs; this action writes at most twice a run, so it keeps only the limit handling.
  const unpaced = (): InstanceType<typeof Bottleneck.Group> => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
  const octokit = getOctokit(
    token,
    {
      // node-fetch, already loaded for SSD, with the same proxy rules: the toolkit's undici
      // fetch would cost a second HTTP stack's start-up for two or three requests.
      request: { fetch: proxiedFetch, signal },
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        write: unpaced(),
        notifications: unpaced()
      }
    },
    retry,
    throttling
  )
  const issue = { owner: pr.owner, repo: pr.repo, issue_number: pr.number }
  return {
    async listComments(page) {
      const { data } = await octokit.rest.issues.listComments({ ...issue, per_page: PAGE_SIZE, page })
      return data
    },
    async createComment(body) {
      const { data } = await octokit.rest.issues.createComment({ ...issue, body })
      return data
    },
    async updateComment(id, body) {
      const { data } = await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: id, body })
      return data
    },
    async viewerLogin() {
      const result = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')
      return result.viewer.login
    }
  }
}
