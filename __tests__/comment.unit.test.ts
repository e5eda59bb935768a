/**
 * The sticky comment's rules, on an in-memory CommentsApi: which comment is ours, how many
 * pages are read, when one is created, and a comment deleted while the run goes on.
 */
import { describe, expect, test } from '@jest/globals'
import { commentMarker, createCommentsApi, upsertComment, type CommentsApi, type IssueComment } from '../src/comment.ts'

const MARKER = commentMarker('0x29ab7', 'sourceScan')
const BOT = 'github-actions[bot]'

/** A pull request's comments in memory, with every call recorded. */
function fakeApi(viewer = 'github-actions') {
  const comments: IssueComment[] = []
  const calls: string[] = []
  let nextId = 1
  const add = (body: string, login: string): IssueComment => {
    const comment = { id: nextId++, body, user: { login }, html_url: `https://github.example/c/${nextId - 1}` }
    comments.push(comment)
    return comment
  }
  const api: CommentsApi = {
    async listComments(page) {
      calls.push(`list ${page}`)
      return comments.slice((page - 1) * 100, page * 100)
    },
    async createComment(body) {
      calls.push('create')
      return add(body, `${viewer}[bot]`)
    },
    async updateComment(id, body) {
      calls.push(`update ${id}`)
      const comment = comments.find((c) => c.id === id)
      if (comment) comment.body = body
      return comment
    },
    async viewerLogin() {
      calls.push('viewer')
      return viewer
    }
  }
  return { api, comments, calls, add }
}

describe('upsertComment', () => {
  test('creates the comment when there is none, reading one page and never asking who it is', async () => {
    const { api, comments, calls } = fakeApi()
    const result = await upsertComment(api, MARKER, `${MARKER}\nreport`, true)
    expect(result).toEqual({ action: 'created', url: 'https://github.example/c/1' })
    expect(comments.map((c) => c.body)).toEqual([`${MARKER}\nreport`])
    expect(calls).toEqual(['list 1', 'create'])
  })

  test('without create, writes nothing when there is none', async () => {
    const { api, calls } = fakeApi()
    expect(await upsertComment(api, MARKER, `${MARKER}\nno result`, false)).toEqual({ action: 'none' })
    expect(calls).toEqual(['list 1'])
  })

  test('updates its own comment in place', async () => {
    const { api, comments, calls, add } = fakeApi()
    add('first!', 'someone')
    const ours = add(`${MARKER}\nold`, BOT)
    const result = await upsertComment(api, MARKER, `${MARKER}\nnew`, false)
    expect(result).toEqual({ action: 'updated', url: ours.html_url })
    expect(comments.map((c) => c.body)).toEqual(['first!', `${MARKER}\nnew`])
    expect(calls).toEqual(['list 1', 'viewer', `update ${ours.id}`])
  })

  test("a personal token's own comments count too (the author is the viewer, no [bot])", async () => {
    const { api, add } = fakeApi('octocat')
    const ours = add(`${MARKER}\nold`, 'octocat')
    expect(await upsertComment(api, MARKER, `${MARKER}\nnew`, true)).toEqual({ action: 'updated', url: ours.html_url })
  })

  test('a comment by someone else that starts with the marker is never edited', async () => {
    const { api, comments, calls, add } = fakeApi()
    add(`${MARKER}\nhijack`, 'mallory')
    const result = await upsertComment(api, MARKER, `${MARKER}\nreport`, true)
    expect(result.action).toBe('created')
    expect(comments[0]?.body).toBe(`${MARKER}\nhijack`)
    expect(calls).toEqual(['list 1', 'viewer', 'create'])
  })

  test('its own comment that merely quotes the marker is not the sticky one', async () => {
    const { api, comments, add } = fakeApi()
    add(`> ${MARKER}`, BOT)
    await upsertComment(api, MARKER, `${MARKER}\nreport`, true)
    expect(comments).toHaveLength(2)
    expect(comments[0]?.body).toBe(`> ${MARKER}`)
  })

  test('another project’s comment is left alone', async () => {
    const { api, comments, add } = fakeApi()
    add(`${commentMarker('0x1', 'sourceScan')}\nother project`, BOT)
    await upsertComment(api, MARKER, `${MARKER}\nreport`, true)
    expect(comments.map((c) => c.body)).toEqual([
      `${commentMarker('0x1', 'sourceScan')}\nother project`,
      `${MARKER}\nreport`
    ])
  })

  test('reads pages only until the one that holds it, and asks who it is once', async () => {
    const { api, calls, add } = fakeApi()
    for (let i = 0; i < 250; i++) add(i % 50 === 0 ? `${MARKER}\nquoted by someone` : `chatter ${i}`, 'someone')
    const ours = add(`${MARKER}\nold`, BOT)
    for (let i = 0; i < 120; i++) add(`later ${i}`, 'someone')
    await upsertComment(api, MARKER, `${MARKER}\nnew`, true)
    expect(calls).toEqual(['list 1', 'viewer', 'list 2', 'list 3', `update ${ours.id}`])
  })

  test('reads every page when there is none, stopping at the first short page', async () => {
    const { api, calls, add } = fakeApi()
    for (let i = 0; i < 200; i++) add(`chatter ${i}`, 'someone')
    await upsertComment(api, MARKER, `${MARKER}\nreport`, true)
    expect(calls).toEqual(['list 1', 'list 2', 'list 3', 'create'])
  })

  describe('a comment deleted while the run goes on', () => {
    const deletedAfterListing = () => {
      const fake = fakeApi()
      const ours = fake.add(`${MARKER}\nold`, BOT)
      const update = fake.api.updateComment
      fake.api.updateComment = async (id, body) => {
        fake.comments.splice(fake.comments.indexOf(ours), 1)
        return update(id, body)
      }
      return fake
    }

    test('is written anew when creating is allowed', async () => {
      const { api, comments, calls } = deletedAfterListing()
      const result = await upsertComment(api, MARKER, `${MARKER}\nnew`, true)
      expect(result.action).toBe('created')
      expect(comments.map((c) => c.body)).toEqual([`${MARKER}\nnew`])
      expect(calls).toEqual(['list 1', 'viewer', 'update 1', 'create'])
    })

    test('is left deleted when the run may only update (a run without a result)', async () => {
      const { api, comments } = deletedAfterListing()
      expect(await upsertComment(api, MARKER, `${MARKER}\nno result`, false)).toEqual({ action: 'none' })
      expect(comments).toHaveLength(0)
    })
  })
})

describe('createCommentsApi', () => {
  const pr = {
    owner: 'octo-org',
    repo: 'octo-repo',
    number: 7,
    headSha: 'abc',
    headRef: 'feature',
    baseRef: 'main',
    baseSha: 'def',
    isFork: false
  }
  const answering = (status: number, body: unknown) => {
    const requests: string[] = []
    const fetch = async (url: string, init: RequestInit): Promise<Response> => {
      requests.push(`${init.method} ${new URL(url).pathname}`)
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
    }
    return { fetch, requests }
  }
  const options = { signal: new AbortController().signal, log: () => {} }

  test('a PATCH answered 404 (the comment is gone) reads as no comment', async () => {
    const { fetch, requests } = answering(404, { message: 'Not Found' })
    const api = await createCommentsApi('ghs_test', pr, { ...options, fetch })
    await expect(api.updateComment(1234, 'body')).resolves.toBeUndefined()
    expect(requests).toEqual(['PATCH /repos/octo-org/octo-repo/issues/comments/1234'])
  })

  test('other refusals still fail, with their status', async () => {
    const { fetch } = answering(403, { message: 'Resource not accessible by integration' })
    const api = await createCommentsApi('ghs_test', pr, { ...options, fetch })
    await expect(api.updateComment(1234, 'body')).rejects.toMatchObject({ status: 403 })
  })
})
