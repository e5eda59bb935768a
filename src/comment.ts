/**
 * The sticky PR comment: one per pull request and marker, found again and updated in place.
 * Only comments written by the identity the action posts as count as its own, so a
 * comment by anyone else that quotes the marker is never edited.
 */
import type { PullRequest } from './github-event.ts'

export interface PrComment {
  /** REST id (GraphQL's databaseId), for the update. */
  id: number
  body: string
  url: string
  /** GitHub's own word that the token's identity wrote it: no login guessing. */
  viewerDidAuthor: boolean
}

export interface CommentPage {
  comments: PrComment[]
  /** Cursor of the next page, or undefined on the last. */
  next: string | undefined
}

/** The few GitHub calls the comment needs; a test can put a real local server behind it. */
export interface CommentsApi {
  /** One page (up to PAGE_SIZE) of the PR's comments, oldest first. */
  listComments(after: string | undefined): Promise<CommentPage>
  createComment(body: string): Promise<string>
  /** Returns the comment's URL. */
  updateComment(id: number, body: string): Promise<string>
}

export const PAGE_SIZE = 100

export type CommentResult = { action: 'created' | 'updated'; url: string } | { action: 'none' }

/**
 * Updates the action's own comment carrying `marker`, or creates one when `create` is set.
 * Pages are read only until that comment is found: one write, and a read per 100 comments.
 */
export async function upsertComment(
  api: CommentsApi,
  marker: string,
  body: string,
  create: boolean
): Promise<CommentResult> {
  let after: string | undefined
  do {
    const page = await api.listComments(after)
    // Someone else's comment may quote the marker: only the action's own is updated.
    const own = page.comments.find((comment) => comment.viewerDidAuthor && comment.body.includes(marker))
    if (own) return { action: 'updated', url: await api.updateComment(own.id, body) }
    after = page.next
  } while (after)
  if (!create) return { action: 'none' }
  return { action: 'created', url: await api.createComment(body) }
}

/** The hidden marker: one comment per (projectId, scanType), encoded so data cannot end it. */
export function commentMarker(projectId: string, scanType: string): string {
  return `<!-- opsmx-ssd-gate project=${encodeURIComponent(projectId)} type=${encodeURIComponent(scanType)} -->`
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
  log: (line: string) => void
): Promise<CommentsApi> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling')
  ])
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
      const again = retryCount < 2 && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS
      log(`GitHub ${kind} for ${options.method} ${options.url}: ${again ? `retrying in ${retryAfter}s` : 'giving up'}`)
      return again
    }
  const octokit = getOctokit(
    token,
    { throttle: { onRateLimit: onLimit('rate limit'), onSecondaryRateLimit: onLimit('secondary rate limit') } },
    retry,
    throttling
  )
  const issue = { owner: pr.owner, repo: pr.repo, issue_number: pr.number }
  return {
    async listComments(after) {
      const { repository } = await octokit.graphql<CommentsQueryResult>(COMMENTS_QUERY, {
        owner: pr.owner,
        repo: pr.repo,
        number: pr.number,
        after: after ?? null
      })
      const comments = repository?.pullRequest?.comments
      if (!comments) throw new Error(`pull request #${pr.number} was not found in ${pr.owner}/${pr.repo}`)
      return {
        comments: comments.nodes.flatMap((node) =>
          node && typeof node.databaseId === 'number'
            ? [
                {
                  id: node.databaseId,
                  body: node.body ?? '',
                  url: node.url,
                  viewerDidAuthor: node.viewerDidAuthor === true
                }
              ]
            : []
        ),
        next: comments.pageInfo.hasNextPage ? (comments.pageInfo.endCursor ?? undefined) : undefined
      }
    },
    async createComment(body) {
      const { data } = await octokit.rest.issues.createComment({ ...issue, body })
      return data.html_url
    },
    async updateComment(id, body) {
      const { data } = await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: id, body })
      return data.html_url
    }
  }
}

/** The PR's comments a page at a time, each with whether the token's identity wrote it. */
const COMMENTS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      comments(first: ${PAGE_SIZE}, after: $after) {
        nodes { databaseId body url viewerDidAuthor }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`

interface CommentsQueryResult {
  repository: {
    pullRequest: {
      comments: {
        nodes: Array<{ databaseId?: number; body?: string; url: string; viewerDidAuthor?: boolean } | null>
        pageInfo: { hasNextPage: boolean; endCursor?: string | null }
      } | null
    } | null
  } | null
}
