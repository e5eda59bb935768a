/**
 * A real HTTP server that answers like SSD's scan/filedata endpoint: it checks the path,
 * the query and the token as SSD does, records every request, and answers with whatever
 * the test (or the demo) scripts — scan states in sequence, faults, hangs, redirects.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: IncomingMessage['headers']
  /** Milliseconds since the simulator started. */
  at: number
}

export interface SimReply {
  status?: number
  headers?: Record<string, string>
  /** Serialised as JSON. */
  json?: unknown
  /** Sent as is (for HTML pages, broken JSON, big answers). */
  raw?: string | Buffer
  /** Wait this long before answering. */
  delayMs?: number
  /** Never answer. */
  hang?: boolean
  /** Close the connection without an answer. */
  reset?: boolean
}

/** Chooses the reply to request number `index` (0-based), made `elapsedMs` after start. */
export type Responder = (request: RecordedRequest, index: number) => SimReply

export interface SimulatorOptions {
  /** The token SSD accepts; requests without `X-OpsMx-Auth: Bearer <token>` get 401. */
  token?: string
  /** Where the gateway serves the API; `/gate` by default, '' for direct access. */
  basePath?: string
  respond?: Responder
  /** Serve HTTPS with this key and certificate. */
  tls?: { key: string; cert: string }
  /** Port to listen on; a free one by default. */
  port?: number
}

export interface SsdSimulator {
  url: string
  port: number
  requests: RecordedRequest[]
  respond: Responder
  close(): Promise<void>
}

export const ENDPOINT = '/ssdservice/v1/scan/filedata'

export async function startSsdSimulator(options: SimulatorOptions = {}): Promise<SsdSimulator> {
  const basePath = options.basePath ?? '/gate'
  const started = Date.now()
  const sockets = new Set<Socket>()
  const simulator: SsdSimulator = {
    url: '',
    port: 0,
    requests: [],
    respond: options.respond ?? (() => ({ json: [exampleScan()] })),
    close: () => closeServer(server, sockets)
  }

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://simulator')
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      at: Date.now() - started
    }
    const index = simulator.requests.push(recorded) - 1
    let reply: SimReply
    if (options.token !== undefined && request.headers['x-opsmx-auth'] !== `Bearer ${options.token}`) {
      reply = { status: 401, json: { error: 'Authentication required.' } }
    } else if (url.pathname !== `${basePath}${ENDPOINT}`) {
      reply = { status: 404, raw: '404 page not found', headers: { 'content-type': 'text/plain' } }
    } else if (!recorded.query.projectId || !recorded.query.scanId || !recorded.query.type) {
      reply = { status: 400, json: { error: 'Invalid input data.' } }
    } else {
      reply = simulator.respond(recorded, index)
    }
    send(response, reply)
  }

  const server: Server = options.tls ? createHttpsServer(options.tls, handle) : createHttpServer(handle)
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  // Reject rather than throw from an 'error' event, so a caller can report a port in use.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  simulator.port = port
  simulator.url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`
  return simulator
}

function send(response: ServerResponse, reply: SimReply): void {
  if (reply.hang) return
  if (reply.reset) {
    response.socket?.destroy()
    return
  }
  const write = (): void => {
    const body = reply.raw ?? (reply.json === undefined ? '' : JSON.stringify(reply.json))
    const type = reply.raw === undefined ? { 'content-type': 'application/json' } : {}
    response.writeHead(reply.status ?? 200, { ...type, ...reply.headers })
    response.end(body)
  }
  if (reply.delayMs) setTimeout(write, reply.delayMs)
  else write()
}

async function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

/** Replies in order, repeating the last one once the list is used up. */
export function sequence(...replies: SimReply[]): Responder {
  return (_request, index) => replies[Math.min(index, replies.length - 1)] ?? {}
}

/** The scan list moving through states over time: `[[0, pending], [1500, completed]]`. */
export function timeline(steps: Array<[afterMs: number, reply: SimReply]>): Responder {
  return (request) => {
    const current = steps.filter(([afterMs]) => request.at >= afterMs).pop() ?? steps[0]
    return current?.[1] ?? {}
  }
}

export interface ScanElement {
  scanName: string
  scanTool: string
  status: string
  error: string
  metadata: { repoName?: string; version?: string; score?: number | string }
  data: unknown[]
}

const SCORECARD_DOCS = 'https://github.com/ossf/scorecard/blob/c22063e786c11f9dd714d777a687ff7c4599b600/docs/checks.md'

function check(name: string, score: number, reason: string, short: string): unknown {
  return { score, reason, name, metadata: { url: `${SCORECARD_DOCS}#${name.toLowerCase()}`, short } }
}

/**
 * The seed document's example scan (OpenSSF Scorecard v5.3.0, aggregate 2.4), with the
 * rest of a typical Scorecard check list filled in around its Binary-Artifacts check.
 */
export function exampleScan(overrides: Partial<ScanElement> = {}): ScanElement {
  return {
    scanName: 'openssf',
    scanTool: 'Openssf',
    status: 'Completed',
    error: '',
    metadata: { repoName: 'file:///tools/scanResult/unzipped-1525533629', version: 'v5.3.0', score: 2.4 },
    data: [
      check(
        'Binary-Artifacts',
        10,
        'no binaries found in the repo',
        'Determines if the project has generated executable (binary) artifacts in the source repository.'
      ),
      check(
        'Dangerous-Workflow',
        0,
        'dangerous workflow patterns detected',
        "Determines if the project's GitHub Action workflows avoid dangerous patterns."
      ),
      check(
        'Token-Permissions',
        0,
        'detected GitHub workflow tokens with excessive permissions',
        "Determines if the project's workflows follow the principle of least privilege."
      ),
      check(
        'Pinned-Dependencies',
        0,
        'dependency not pinned by hash detected -- score normalized to 0',
        'Determines if the project has declared and pinned the dependencies of its build process.'
      ),
      check(
        'Security-Policy',
        0,
        'security policy file not detected',
        'Determines if the project has published a security policy.'
      ),
      check(
        'Vulnerabilities',
        3,
        '7 existing vulnerabilities detected',
        'Determines if the project has open, known unfixed vulnerabilities.'
      ),
      check('License', 10, 'license file detected', 'Determines if the project has defined a license.'),
      check(
        'Dependency-Update-Tool',
        0,
        'no update tool detected',
        'Determines if the project uses a dependency update tool.'
      ),
      check(
        'SAST',
        0,
        'SAST tool is not run on all commits -- score normalized to 0',
        'Determines if the project uses static code analysis.'
      ),
      check('Fuzzing', 0, 'project is not fuzzed', 'Determines if the project uses fuzzing.'),
      check(
        'Branch-Protection',
        -1,
        'internal error: branch protection requires a remote repository',
        "Determines if the default and release branches are protected with GitHub's branch protection settings."
      ),
      check(
        'Code-Review',
        -1,
        'internal error: code review requires a remote repository',
        'Determines if the project requires human code review before pull requests (aka merge requests) are merged.'
      )
    ],
    ...overrides
  }
}

/** A scan element in a running state, with no results yet. */
export function runningScan(status: string, overrides: Partial<ScanElement> = {}): ScanElement {
  return exampleScan({ status, metadata: {}, data: [], ...overrides })
}
