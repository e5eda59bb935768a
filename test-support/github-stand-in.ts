/**
 * A real HTTP server standing in for the GitHub REST API, just the parts the action uses:
 * the issue-comments endpoints (paginated, with Link headers) and GraphQL's `viewer`.
 * It can sit under a GHES-style prefix (`/api/v3`) and answer chosen requests with faults.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface StoredComment {
  id: number
  body: string
  user: { login: string; type: string }
  html_url: string
}

export interface GitHubRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  authorization: string | undefined
  /** Milliseconds since the stand-in started. */
  at: number
}

export interface Fault {
  method: string
  /** Matched against the path without the prefix, e.g. /repos/o/r/issues/1/comments. */
  path: RegExp
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** How many matching requests fail; all of them when absent. */
  times?: number
  /** Never answer (status is then unused). */
  hang?: boolean
}

export interface StandInOptions {
  /** '' for github.com's layout, '/api/v3' for GitHub Enterprise Server's. */
  prefix?: string
  /** The login GraphQL's viewer answers; comments it creates are by `${viewer}[bot]`. */
  viewer?: string
}

export interface GitHubStandIn {
  /** The value for GITHUB_API_URL. */
  apiUrl: string
  requests: GitHubRequest[]
  /** Comments per issue number, oldest first. */
  comments: Map<number, StoredComment[]>
  faults: Fault[]
  /** Called with each request before it is answered: a test can change the world in between. */
  onRequest?: (request: GitHubRequest) => void
  addComment(issue: number, body: string, login: string): StoredComment
  /** Deletes a comment, as someone could in GitHub's UI while a run goes on. */
  deleteComment(id: number): void
  close(): Promise<void>
}

export const BOT_VIEWER = 'github-actions'

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const prefix = options.prefix ?? ''
  const viewer = options.viewer ?? BOT_VIEWER
  const author = viewer.endsWith('[bot]') ? viewer : `${viewer}[bot]`
  let nextId = 1000
  const started = Date.now()
  const sockets = new Set<Socket>()
  const standIn: GitHubStandIn = {
    apiUrl: '',
    requests: [],
    comments: new Map(),
    faults: [],
    addComment(issue, body, login) {
      const comment = {
        id: nextId++,
        body,
        user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
        html_url: `https://github.example/pull/${issue}#issuecomment-${nextId}`
      }
      const list = standIn.comments.get(issue) ?? []
      list.push(comment)
      standIn.comments.set(issue, list)
      return comment
    },
    deleteComment(id) {
      for (const [issue, list] of standIn.comments) {
        standIn.comments.set(
          issue,
          list.filter((comment) => comment.id !== id)
        )
      }
    },
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }

  const route = (
    request: GitHubRequest
  ): { status: number; json: unknown; headers?: Record<string, string>; hang?: boolean } => {
    const path = request.path.startsWith(prefix) ? request.path.slice(prefix.length) : request.path
    const fault = standIn.faults.find((f) => f.method === request.method && f.path.test(path) && (f.times ?? 1) > 0)
    if (fault) {
      if (fault.times !== undefined) fault.times--
      return {
        status: fault.status,
        json: fault.body ?? { message: `stand-in fault ${fault.status}` },
        headers: fault.headers,
        hang: fault.hang
      }
    }
    // GraphQL lives at /graphql on github.com and at /api/graphql on GHES.
    if (request.method === 'POST' && request.path.endsWith('/graphql')) {
      return { status: 200, json: { data: { viewer: { login: viewer } } } }
    }
    // GitHub refuses a comment body over 65,536 characters; UTF-16 units are the stricter count.
    const body = (request.body as { body?: unknown } | undefined)?.body
    if ((request.method === 'POST' || request.method === 'PATCH') && typeof body === 'string' && body.length > 65_536) {
      return {
        status: 422,
        json: { message: 'Validation Failed', errors: [{ message: 'Body is too long (maximum is 65536 characters)' }] }
      }
    }
    const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path)
    if (list) {
      const issue = Number(list[1])
      if (request.method === 'GET') return listPage(standIn.comments.get(issue) ?? [], request)
      if (request.method === 'POST') {
        const body = (request.body as { body?: string } | undefined)?.body ?? ''
        return { status: 201, json: standIn.addComment(issue, body, author) }
      }
    }
    const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path)
    if (one && request.method === 'PATCH') {
      const id = Number(one[1])
      for (const list of standIn.comments.values()) {
        const comment = list.find((c) => c.id === id)
        if (comment) {
          comment.body = (request.body as { body?: string } | undefined)?.body ?? ''
          return { status: 200, json: comment }
        }
      }
    }
    return { status: 404, json: { message: 'Not Found' } }
  }

  const listPage = (
    all: StoredComment[],
    request: GitHubRequest
  ): { status: number; json: unknown; headers: Record<string, string> } => {
    const perPage = Math.min(100, Number(request.query.per_page ?? 30))
    const page = Number(request.query.page ?? 1)
    const last = Math.max(1, Math.ceil(all.length / perPage))
    const headers: Record<string, string> = {}
    if (page < last) {
      const url = `${standIn.apiUrl}${request.path.slice(prefix.length)}`
      headers.link = `<${url}?per_page=${perPage}&page=${page + 1}>; rel="next", <${url}?per_page=${perPage}&page=${last}>; rel="last"`
    }
    return { status: 200, json: all.slice((page - 1) * perPage, page * perPage), headers }
  }

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://stand-in')
      const text = Buffer.concat(chunks).toString('utf8')
      const request: GitHubRequest = {
        method: incoming.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: text ? JSON.parse(text) : undefined,
        authorization: incoming.headers.authorization,
        at: Date.now() - started
      }
      standIn.requests.push(request)
      standIn.onRequest?.(request)
      const reply = route(request)
      if (reply.hang) return
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
      response.end(JSON.stringify(reply.json))
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  standIn.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`
  return standIn
}
