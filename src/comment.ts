/**
 * The sticky PR comment: one per pull request and marker, found again and updated in place.
 * Only comments written by the identity the action posts as count as its own, so a
 * comment by anyone else that quotes the marker is never edited.
 */
import type { PullRequest } from './github-event.ts'
import { createGitHubClient, type ClientOptions } from './github-client.ts'

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
  /** Undefined when the comment no longer exists (deleted since it was listed). */
  updateComment(id: number, body: string): Promise<IssueComment | undefined>
  /** The login the token acts as (for GITHUB_TOKEN: `github-actions`). */
  viewerLogin(): Promise<string>
}

const PAGE_SIZE = 100

export type CommentResult = { action: 'created' | 'updated'; url: string } | { action: 'none' }

/**
 * Updates the action's own comment carrying `marker`, or creates one when `create` is set.
 * A comment deleted while this runs counts as none: with `create`, a new one is written.
 */
export async function upsertComment(
  api: CommentsApi,
  marker: string,
  body: string,
  create: boolean
): Promise<CommentResult> {
  const own = await findOwnComment(api, marker)
  if (own) {
    const updated = await api.updateComment(own.id, body)
    if (updated) return { action: 'updated', url: updated.html_url }
  }
  if (!create) return { action: 'none' }
  const created = await api.createComment(body)
  return { action: 'created', url: created.html_url }
}

/** The action's own comment carrying `marker`; pages are read only until it is found. */
async function findOwnComment(api: CommentsApi, marker: string): Promise<IssueComment | undefined> {
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
      if (comment.body?.startsWith(marker) && (await isOwn(comment))) return comment
    }
    if (comments.length < PAGE_SIZE) return undefined
  }
}

/**
 * The hidden marker: one comment per (projectId, scanType, commentHeader), encoded so no
 * value can end the HTML comment.
 */
export function commentMarker(projectId: string, scanType: string, header = ''): string {
  const headerPart = header ? ` header=${encodeURIComponent(header)}` : ''
  return `<!-- opsmx-ssd-gate project=${encodeURIComponent(projectId)} type=${encodeURIComponent(scanType)}${headerPart} -->`
}

/**
 * The comment's GitHub calls, loaded only when a comment is to be written. Honours
 * GITHUB_API_URL and the proxy variables; retries server faults and waits out short rate
 * limits (see github-client.ts).
 */
export async function createCommentsApi(token: string, pr: PullRequest, options: ClientOptions): Promise<CommentsApi> {
  const octokit = await createGitHubClient(token, options)
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
      try {
        const { data } = await octokit.rest.issues.updateComment({
          owner: pr.owner,
          repo: pr.repo,
          comment_id: id,
          body
        })
        return data
      } catch (error) {
        if ((error as { status?: unknown }).status === 404) return undefined
        throw error
      }
    },
    async viewerLogin() {
      const result = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')
      return result.viewer.login
    }
  }
}
