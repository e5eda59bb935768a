/**
 * A real HTTP server standing in for the GitHub REST API, just the parts the action uses:
 * the issue-comments endpoints (paginated, with Link headers), GraphQL's `viewer`, and the
 * contents endpoint (files per commit, raw or JSON/base64 by the Accept header).
 * It can sit under a GHES-style prefix (`/api/v3`) and answer chosen requests with faults.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
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
  headers: IncomingHttpHeaders
  /** Milliseconds since the stand-in started. */
  at: number
  /** How much of the answer's body the stand-in got written before the client hung up (or all of it). */
  bytesSent?: number
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
  /** The repository's files per commit, for the contents endpoint: see putFile. */
  files: Map<string, Buffer>
  /** 'negotiated': the raw file when the Accept header asks for it, as GitHub does; 'json': always the JSON form. */
  contentsForm: 'negotiated' | 'json'
  /** The Content-Type of a raw file. */
  rawContentType: string
  /** Send Content-Length (as GitHub does); false sends the body chunked, its length unsaid. */
  contentLength: boolean
  faults: Fault[]
  /** Called with each request before it is answered: a test can change the world in between. */
  onRequest?: (request: GitHubRequest) => void
  addComment(issue: number, body: string, login: string): StoredComment
  /** Puts a file into the repository at commit `ref`; the contents endpoint serves it from then on. */
  putFile(ref: string, path: string, content: string | Buffer): void
  /** Deletes a comment, as someone could in GitHub's UI while a run goes on. */
  deleteComment(id: number): void
  close(): Promise<void>
}

export const BOT_VIEWER = 'github-actions'

const fileKey = (ref: string, path: string): string => `${ref}\u0000${path}`

/** How many bytes of a body go to the socket at a time, waiting for it to drain in between. */
const CHUNK_BYTES = 64 * 1024

interface Reply {
  status: number
  json: unknown
  /** A body that is not JSON (a raw file); `json` is then unused. */
  bytes?: Buffer
  contentType?: string
  headers?: Record<string, string>
  hang?: boolean
}

/** Writes `body` a chunk at a time as the client takes it, counting what got out before it hung up. */
function send(response: ServerResponse, body: Buffer, request: GitHubRequest): void {
  let offset = 0
  request.bytesSent = 0
  const more = (): void => {
    while (offset < body.length) {
      if (response.destroyed) return
      const chunk = body.subarray(offset, offset + CHUNK_BYTES)
      offset += chunk.length
      request.bytesSent = offset
      if (!response.write(chunk)) {
        response.once('drain', more)
        return
      }
    }
    response.end()
  }
  more()
}

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
    files: new Map(),
    contentsForm: 'negotiated',
    rawContentType: 'text/plain; charset=utf-8',
    contentLength: true,
    faults: [],
    putFile(ref, path, content) {
      standIn.files.set(fileKey(ref, path), Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'))
    },
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

  const route = (request: GitHubRequest): Reply => {
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
    const contents = /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(path)
    if (contents && request.method === 'GET') return contentsReply(decodeURIComponent(contents[1]!), request)
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

  /** GitHub's contents endpoint: a file (raw when asked for, else JSON with base64 content), a directory, or 404. */
  const contentsReply = (path: string, request: GitHubRequest): Reply => {
    const ref = request.query.ref ?? ''
    const file = standIn.files.get(fileKey(ref, path))
    if (file) {
      const accept = String(request.headers.accept ?? '')
      if (standIn.contentsForm === 'negotiated' && /application\/vnd\.github(\.v3)?\.raw/.test(accept)) {
        return { status: 200, json: undefined, bytes: file, contentType: standIn.rawContentType }
      }
      const base64 = file.toString('base64').replace(/.{60}/g, '$&\n')
      const name = path.split('/').pop()
      return { status: 200, json: { type: 'file', encoding: 'base64', size: file.length, name, path, content: base64 } }
    }
    const prefix = fileKey(ref, `${path}/`)
    const below = [...standIn.files.keys()]
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length))
    if (below.length > 0) {
      const names = [...new Set(below.map((rest) => rest.split('/')[0]!))]
      return {
        status: 200,
        json: names.map((name) => ({
          type: below.includes(name) ? 'file' : 'dir',
          name,
          path: `${path}/${name}`
        }))
      }
    }
    return { status: 404, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } }
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
        headers: incoming.headers,
        at: Date.now() - started
      }
      standIn.requests.push(request)
      standIn.onRequest?.(request)
      const reply = route(request)
      if (reply.hang) return
      const body = reply.bytes ?? Buffer.from(JSON.stringify(reply.json) ?? '')
      response.writeHead(reply.status, {
        'content-type': reply.contentType ?? 'application/json',
        ...(standIn.contentLength ? { 'content-length': String(body.length) } : {}),
        ...reply.headers
      })
      send(response, body, request)
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
