/**
 * A real HTTP server that answers like SSD: a model of its scan targets (one per project,
 * repository and branch, each with a scan id, a head commit and a status) behind
 * `sourceScan/summarydata`, `scan/filedata` and `rescan`. It checks the path, the query and
 * the token as SSD does and records every request. A test (or the demo) can push a commit
 * (a new scan then goes pending → scanning → completed, one step per request that looks at
 * it), make rescans fail, or script filedata's answers outright: scan states in sequence,
 * faults, hangs, redirects.
 *
 * Its model follows ../shared/docs/ssd-api.md ("What OpsMx's own code shows"): statuses
 * from SSD's RiskStatus enum (a finished scan may end in a risk verdict such as `highrisk`,
 * a scan may stay `paused`), summarydata's `scannedFiledData` grouped by category with each
 * tool's state moving through the scan, filedata by POST with a body naming the files (and,
 * in `filedataPostOnly` mode, a 405 for GET), and the token read raw in `tokenFormat: 'raw'`.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: IncomingMessage['headers']
  /** The parsed JSON body of a POST. */
  body?: unknown
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

/** Chooses the reply to request number `index` (0-based) of one endpoint. */
export type Responder = (request: RecordedRequest, index: number) => SimReply

/** SSD's RiskStatus words; any other string is allowed too, to model a word the action does not know. */
export type TargetStatus =
  | 'pending'
  | 'scanning'
  | 'paused'
  | 'completed'
  | 'fail'
  | 'lowrisk'
  | 'mediumrisk'
  | 'highrisk'
  | 'apocalypserisk'
  | (string & {})

/** A scan that is over: completed, or rated with one of SSD's risk verdicts. */
export function isFinished(status: string): boolean {
  return ['completed', 'lowrisk', 'mediumrisk', 'highrisk', 'apocalypserisk'].includes(status.toLowerCase())
}

/** One of SSD's scan targets: a project's repository and branch, rescanned in place. */
export interface ScanTargetModel {
  projectId: string
  projectName: string
  platform: string
  repository: string
  branch: string
  scanId: string
  /** The commit the latest scan is (or was) of. */
  headCommit: string
  status: TargetStatus
  lastScannedAt: string
  /** What filedata answers once the latest scan is completed. */
  result: unknown[]
  /** What the next scan to complete yields (a push's result): until then `result` stands. */
  nextResult: unknown[] | undefined
  /** The branch's tip in the repository: what a rescan scans. */
  branchHead: string
  /** The next scan that starts ends in `fail` instead of `completed`. */
  nextScanFails: boolean
  /** What a scan ends in when it does not fail: `completed`, or a risk verdict such as `highrisk`. */
  verdict: TargetStatus
  /** Looks a scan spends `scanning`; its tools complete one after another meanwhile. */
  scanningLooks: number
  /** Looks the running scan has spent scanning so far. */
  scannedLooks: number
  /** A tool that fails while the scan goes on: its entry in scannedFiledData says `fail` and the error. */
  failingTool: { key: string; error: string } | undefined
  /** summarydata's `scannedFiledData` as given, instead of the model's (a flat list, a hostile shape). */
  scannedFiledData: unknown
  /** Pushes that land when the target has been looked at this many times. */
  queued: Array<{ afterLooks: number; commit: string; scan: boolean; result?: unknown[] }>
  /** Requests that looked at this target (summarydata or filedata). */
  looks: number
}

export interface SimulatorOptions {
  /** The token SSD accepts; requests without `X-OpsMx-Auth: Bearer <token>` get 401. */
  token?: string
  /** `raw`: an install that reads `X-OpsMx-Auth: <token>`, without `Bearer ` (and rejects it with). */
  tokenFormat?: 'bearer' | 'raw'
  /** An SSD that serves filedata by POST only: GET answers 405. */
  filedataPostOnly?: boolean
  /** Where the gateway serves the API; `/gate` by default, '' for direct access. */
  basePath?: string
  /** Scripts filedata's answers, instead of the model's. */
  respond?: Responder
  /** Serve HTTPS with this key and certificate. */
  tls?: { key: string; cert: string }
  /** Port to listen on; a free one by default. */
  port?: number
  targets?: Array<Partial<ScanTargetModel>>
}

export interface SsdSimulator {
  url: string
  port: number
  /** filedata requests, in order (the ones `respond` answers). */
  requests: RecordedRequest[]
  summaryRequests: RecordedRequest[]
  rescanRequests: RecordedRequest[]
  /** Every request, whatever its path. */
  allRequests: RecordedRequest[]
  /** filedata requests for one scan target (the gated one, say, apart from the base branch's). */
  resultReads(scanId: string): RecordedRequest[]
  /** summarydata requests for one branch. */
  summaryReads(branch: string): RecordedRequest[]
  /** Bytes of every answer's body so far: what the action downloaded. */
  bytesSent: number
  /** filedata's answers: the model's when undefined. */
  respond: Responder | undefined
  /** summarydata's answers: the model's when undefined (scripts faults, or an SSD without it). */
  respondSummary: Responder | undefined
  /** The rescan endpoint's answer, when a test wants it refused. */
  respondRescan: Responder | undefined
  /** filedata answers GET with 405 (before `respond` is asked). */
  filedataPostOnly: boolean
  targets: ScanTargetModel[]
  addTarget(target: Partial<ScanTargetModel>): ScanTargetModel
  /** The target of `branch` (in the everyday project and repository); throws when there is none. */
  targetOf(branch: string): ScanTargetModel
  /**
   * A push to the target's branch: the tip moves to `commit` and, when SSD's webhook works
   * (`scan`, the default), a scan of it starts. `afterLooks` delays it until the target has
   * been looked at that many more times.
   */
  push(
    target: ScanTargetModel,
    commit: string,
    options?: { scan?: boolean; afterLooks?: number; result?: unknown[] }
  ): void
  close(): Promise<void>
}

export const ENDPOINT = '/ssdservice/v1/scan/filedata'
export const SUMMARY_ENDPOINT = '/ssdservice/v1/sourceScan/summarydata'
export const RESCAN_ENDPOINT = '/ssdservice/v1/rescan'

export async function startSsdSimulator(options: SimulatorOptions = {}): Promise<SsdSimulator> {
  const basePath = options.basePath ?? '/gate'
  const started = Date.now()
  const sockets = new Set<Socket>()
  const simulator: SsdSimulator = {
    url: '',
    port: 0,
    requests: [],
    summaryRequests: [],
    rescanRequests: [],
    allRequests: [],
    bytesSent: 0,
    resultReads: (scanId) => simulator.requests.filter((request) => request.query.scanId === scanId),
    summaryReads: (branch) => simulator.summaryRequests.filter((request) => request.query.branch === branch),
    respond: options.respond,
    respondSummary: undefined,
    respondRescan: undefined,
    filedataPostOnly: options.filedataPostOnly ?? false,
    targets: [],
    addTarget(init) {
      const target = makeTarget(init)
      simulator.targets.push(target)
      return target
    },
    targetOf(branch) {
      const found = simulator.targets.find((target) => target.branch === branch)
      if (!found) throw new Error(`no scan target for ${branch}`)
      return found
    },
    push(target, commit, { scan = true, afterLooks = 0, result } = {}) {
      target.queued.push({ afterLooks: target.looks + afterLooks, commit, scan, result })
      if (afterLooks === 0) landPushes(target)
    },
    close: () => closeServer(server, sockets)
  }
  for (const target of options.targets ?? []) simulator.addTarget(target)

  const route = (recorded: RecordedRequest): SimReply => {
    const { path, query } = recorded
    if (path === `${basePath}${ENDPOINT}`) {
      const index = simulator.requests.push(recorded) - 1
      if (simulator.filedataPostOnly && recorded.method !== 'POST') {
        return { status: 405, headers: { allow: 'POST' }, json: { error: 'Method Not Allowed' } }
      }
      if (!query.projectId || !query.scanId || !query.type)
        return { status: 400, json: { error: 'Invalid input data.' } }
      if (simulator.respond) return simulator.respond(recorded, index)
      const target = simulator.targets.find((t) => t.projectId === query.projectId && t.scanId === query.scanId)
      if (!target) return { status: 404, json: { error: 'Resource not found.' } }
      if (recorded.method === 'POST' && !isFileRequest(recorded.body)) {
        return { status: 400, json: { error: 'Invalid input data.' } }
      }
      return look(target, (t) => fileData(t, recorded.method === 'POST' ? (recorded.body as object) : undefined))
    }
    if (path === `${basePath}${SUMMARY_ENDPOINT}`) {
      const index = simulator.summaryRequests.push(recorded) - 1
      if (simulator.respondSummary) return simulator.respondSummary(recorded, index)
      if (!query.projectId || !query.repository || !query.branch || !query.type) {
        return { status: 400, json: { error: 'Invalid input data.' } }
      }
      const target = simulator.targets.find(
        (t) => t.projectId === query.projectId && t.repository === query.repository && t.branch === query.branch
      )
      return target ? look(target, summary) : { status: 404, json: { error: 'Resource not found.' } }
    }
    if (path === `${basePath}${RESCAN_ENDPOINT}` && recorded.method === 'POST') {
      const index = simulator.rescanRequests.push(recorded) - 1
      if (simulator.respondRescan) return simulator.respondRescan(recorded, index)
      const body = (recorded.body ?? {}) as Record<string, unknown>
      const target = simulator.targets.find((t) => t.projectId === body.projectId && t.scanId === body.scanId)
      if (!target) return { status: 400, json: { error: 'Invalid input data.' } }
      // Refused while a scan runs, as OpsMx's client refuses it; a paused scan can be started over.
      if (target.status === 'pending' || target.status === 'scanning') {
        return { status: 409, json: { error: 'A scan is already running.' } }
      }
      startScan(target, target.branchHead)
      return { json: { message: `Rescan triggered for ${target.repository}@${target.branch}` } }
    }
    return { status: 404, raw: '404 page not found', headers: { 'content-type': 'text/plain' } }
  }

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://simulator')
      const text = Buffer.concat(chunks).toString('utf8')
      let body: unknown
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        body = text
      }
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: request.headers,
        body,
        at: Date.now() - started
      }
      simulator.allRequests.push(recorded)
      const expected = options.tokenFormat === 'raw' ? options.token : `Bearer ${options.token}`
      const authorised = options.token === undefined || request.headers['x-opsmx-auth'] === expected
      simulator.bytesSent += send(
        response,
        authorised ? route(recorded) : { status: 401, json: { error: 'Authentication required.' } }
      )
    })
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

function makeTarget(init: Partial<ScanTargetModel>): ScanTargetModel {
  const headCommit = init.headCommit ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
  return {
    projectId: '0x29ab7',
    projectName: 'octo-project',
    platform: 'github',
    repository: 'octo-repo',
    branch: 'main',
    scanId: '0x29ab8',
    status: 'completed',
    lastScannedAt: '2026-11-29T10:00:00Z',
    result: [exampleScan()],
    nextResult: undefined,
    nextScanFails: false,
    verdict: 'completed',
    scanningLooks: 1,
    scannedLooks: 0,
    failingTool: undefined,
    scannedFiledData: undefined,
    queued: [],
    looks: 0,
    ...init,
    headCommit,
    branchHead: init.branchHead ?? headCommit
  }
}

function startScan(target: ScanTargetModel, commit: string): void {
  target.headCommit = commit
  target.status = 'pending'
  target.scannedLooks = 0
}

function landPushes(target: ScanTargetModel): void {
  for (const push of target.queued.filter((p) => p.afterLooks <= target.looks)) {
    target.queued.splice(target.queued.indexOf(push), 1)
    target.branchHead = push.commit
    if (push.result) target.nextResult = push.result
    if (push.scan) startScan(target, push.commit)
  }
}

/** Answers from the target's state, then moves a running scan on by one step. */
function look(target: ScanTargetModel, answer: (target: ScanTargetModel) => SimReply): SimReply {
  landPushes(target)
  const reply = answer(target)
  target.looks++
  if (target.status === 'pending') target.status = 'scanning'
  else if (target.status === 'scanning' && ++target.scannedLooks >= target.scanningLooks) {
    target.status = target.nextScanFails ? 'fail' : target.verdict
    if (isFinished(target.status) && target.nextResult) {
      target.result = target.nextResult
      target.nextResult = undefined
    }
    target.nextScanFails = false
    target.lastScannedAt = new Date().toISOString()
  }
  return reply
}

function summary(target: ScanTargetModel): SimReply {
  return {
    json: {
      scanId: target.scanId,
      branch: target.branch,
      headCommit: target.headCommit,
      lastScanDuration: 42,
      lastScannedAt: target.lastScannedAt,
      triggeredBy: 'webhook',
      triggerType: 'push',
      projectId: target.projectId,
      projectName: target.projectName,
      scanTool: 'openssf',
      scanType: 'sourceScan',
      repository: target.repository,
      platform: target.platform,
      status: target.status,
      artifactName: '',
      artifactTag: '',
      artifactSha: '',
      sbomTool: '',
      scannedFiledData: target.scannedFiledData === undefined ? scannedFiledData(target) : target.scannedFiledData
    }
  }
}

/** SSD's categories of tools, in the order its summaries list them. */
const CATEGORIES: Array<[category: string, tools: string[]]> = [
  ['OpenSSF', ['openssf']],
  ['SAST', ['semgrep', 'opengrep', 'sonarqube', 'codacy']],
  ['SCA', ['codelicense', 'codesecret', 'trivy', 'grype', 'snyk']],
  ['SBOM', ['sbom', 'syft']]
]

/** The tools the scan runs: one per element of its result, by scanName. */
function toolsOf(target: ScanTargetModel): string[] {
  const result = target.status === 'completed' || !target.nextResult ? target.result : target.nextResult
  const names = (result.length > 0 ? result : [exampleScan()]).map((element) =>
    String((element as { scanName?: unknown }).scanName ?? 'tool').toLowerCase()
  )
  return [...new Set(names)]
}

/**
 * `scannedFiledData` as SSD groups it, `{"OpenSSF":{"openssf":{...}},"SAST":{"semgrep":{...}}}`,
 * each tool's state following the scan's: all pending, then completing one after another
 * while it scans, all completed (or the first failed) once it is over.
 */
export function scannedFiledData(target: ScanTargetModel): Record<string, Record<string, unknown>> {
  const tools = toolsOf(target)
  const categoryOf = (tool: string): string => CATEGORIES.find(([, names]) => names.includes(tool))?.[0] ?? 'Other'
  const order = [...CATEGORIES.map(([category]) => category), 'Other']
  const done = Math.floor((tools.length * (target.scannedLooks + 1)) / (target.scanningLooks + 1))
  const grouped: Record<string, Record<string, unknown>> = {}
  for (const category of order) {
    for (const [index, tool] of tools.entries()) {
      if (categoryOf(tool) !== category) continue
      const failing = target.status === 'scanning' && target.failingTool?.key === tool
      const failed = failing || (target.status === 'fail' && index === 0)
      const status = failed
        ? 'fail'
        : target.status === 'scanning'
          ? index < done
            ? 'completed'
            : 'scanning'
          : isFinished(target.status) || target.status === 'fail'
            ? 'completed'
            : target.status
      const error = failing ? (target.failingTool?.error ?? '') : failed ? FAILED_SCAN : ''
      grouped[category] ??= {}
      grouped[category][tool] = {
        scanName: tool,
        scanTool: tool,
        resultFile: `${target.repository}/${target.branch}/${target.headCommit.slice(0, 7)}/${tool}.json`,
        status,
        error
      }
    }
  }
  return grouped
}

const FAILED_SCAN = 'scan failed: the repository could not be cloned'

/** A POST's body names files by key: an object of objects (or `{}`, for every file). */
function isFileRequest(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    Object.values(body).every((entry) => typeof entry === 'object' && entry !== null)
  )
}

/** The result's elements: all of them for GET (and POST `{}`), those a POST's body names otherwise. */
function fileData(target: ScanTargetModel, files?: object): SimReply {
  const named = files && Object.keys(files).length > 0 ? new Set(Object.keys(files)) : undefined
  const wanted = (element: unknown): boolean =>
    !named || named.has(String((element as { scanName?: unknown }).scanName ?? '').toLowerCase())
  if (isFinished(target.status)) return { json: target.result.filter(wanted) }
  const tools = target.result.length > 0 ? target.result : [exampleScan()]
  return {
    json: tools.filter(wanted).map((tool) => ({
      ...(tool as object),
      status: target.status,
      metadata: {},
      data: [],
      error: target.status === 'fail' ? FAILED_SCAN : ''
    }))
  }
}

/** Sends the reply; returns the bytes of its body. */
function send(response: ServerResponse, reply: SimReply): number {
  if (reply.hang) return 0
  if (reply.reset) {
    response.socket?.destroy()
    return 0
  }
  const body = reply.raw ?? (reply.json === undefined ? '' : JSON.stringify(reply.json))
  const write = (): void => {
    const type = reply.raw === undefined ? { 'content-type': 'application/json' } : {}
    response.writeHead(reply.status ?? 200, { ...type, ...reply.headers })
    response.end(body)
  }
  if (reply.delayMs) setTimeout(write, reply.delayMs)
  else write()
  return Buffer.byteLength(body)
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

/** A Semgrep-style finding item as SSD's answer carries it (`ERROR` is high). */
export function semgrepFinding(rule: string, file: string, line: number, severity = 'ERROR') {
  return { severity, rule_name: rule, rule_message: `${rule} here`, metadata: { file_path: file, line } }
}

/** A completed Semgrep scan with these items and no score. */
export function semgrepScan(data: unknown[]): ScanElement {
  return { ...exampleScan({ scanName: 'semgrep', scanTool: 'Semgrep', data }), metadata: {} }
}

/** A scan element in a running state, with no results yet. */
export function runningScan(status: string, overrides: Partial<ScanElement> = {}): ScanElement {
  return exampleScan({ status, metadata: {}, data: [], ...overrides })
}
