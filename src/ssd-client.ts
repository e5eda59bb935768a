/**
 * SSD's API, one request at a time: the latest scan of a branch (`sourceScan/summarydata`),
 * a scan target's results (`scan/filedata`) and a rescan. Each request ends in one of four
 * outcomes for the caller to act on, or in a GateError when nothing can help (the token
 * was rejected, a TLS fault, a redirect to another origin, cancellation).
 *
 * filedata is read by GET, as the seed documents; an SSD that answers GET with 405 is read
 * by POST (as OpsMx's own client does), and the client remembers that for the rest of the
 * run: it is created once per run, and that memory is its only state besides the result
 * files each summary named (the POST's bodies name them).
 */
import type { Response } from 'node-fetch'
import type { Config } from './config.ts'
import { cancelled, GateError } from './errors.ts'
import { formatSeconds } from './duration.ts'
import { fetchWithinOrigin, MAX_REDIRECTS, networkError } from './http.ts'
import { parseSummary, type ScannedFile, type ScanSummary } from './scan-summary.ts'
import { AnswerShapeError, parseScans, type Scan } from './scans.ts'
import { redact, redactJson } from './secrets.ts'
import { cutText } from './text.ts'

export type SsdReply<T> =
  | { kind: 'answer'; answer: T }
  /** 404: not there (yet), or a wrong id; from here both look the same. */
  | { kind: 'notFound'; reason: string }
  /** Worth asking again: a server fault, a rate limit, no answer in time. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  /** SSD answered, but not with what was asked for: asking again will not help. */
  | { kind: 'unusable'; reason: string }

/** A completed scan target's results, and the answer's text (any echoed secret removed) for `resultFile`. */
export interface ScanResults {
  scans: Scan[]
  text: string
}

/** The request ends by `timeoutMs`; aborting `signal` cancels it (a GateError 'Cancelled'). */
export interface RequestOptions {
  signal: AbortSignal
  timeoutMs: number
}

export interface SsdClient {
  /** SSD's latest scan of `branch` of the configured project and repository; undefined when it has none. */
  latestScan(branch: string, options: RequestOptions): Promise<SsdReply<ScanSummary | undefined>>
  /**
   * The latest results of scan target `scanId`. By POST, the bodies name the result files
   * of the last summary of that target this client read (`{}` when it read none).
   */
  scanResults(scanId: string, options: RequestOptions): Promise<SsdReply<ScanResults>>
  /** Asks SSD to scan the target again; answers SSD's message. The only write to SSD. */
  rescan(summary: ScanSummary, options: RequestOptions): Promise<SsdReply<string>>
}

const EXCERPT_LENGTH = 160

/** Where the SSD service's API starts, e.g. `https://ssd.example.com/gate/ssdservice/v1`. */
function apiRoot(config: Config): string {
  return `${config.host}${config.apiBasePath}/ssdservice/v1`
}

function withQuery(path: string, query: Record<string, string>): URL {
  const url = new URL(path)
  url.search = new URLSearchParams(query).toString()
  return url
}

function scanResultsUrl(config: Config, scanId: string): URL {
  return withQuery(`${apiRoot(config)}/scan/filedata`, { projectId: config.projectId, type: config.scanType, scanId })
}

function latestScanUrl(config: Config, branch: string): URL {
  return withQuery(`${apiRoot(config)}/sourceScan/summarydata`, {
    projectId: config.projectId,
    repository: config.repository,
    branch,
    type: config.scanType,
    ...(config.teamId ? { teamId: config.teamId } : {})
  })
}

/** What one endpoint is called in messages, and which inputs a 400 points at. */
interface Endpoint {
  label: string
  inputs: string
}

const SCAN_RESULTS: Endpoint = { label: 'SSD', inputs: `'projectId', 'scanId' and 'scanType'` }
const LATEST_SCAN: Endpoint = {
  label: "SSD's summarydata",
  inputs: `'projectId', 'repository', 'branch' and 'scanType'`
}
const RESCAN: Endpoint = { label: "SSD's rescan", inputs: `'projectId' and 'scanType'` }

/** A 2xx answer's body (echoed secrets removed) and the response it came with. */
type ReadBody<T> = (body: string, response: Response) => SsdReply<T>

/** What one request ends in: a reply, or a 405, which only filedata has a way around. */
type Attempt<T> = SsdReply<T> | { kind: 'methodNotAllowed'; reason: string }

/** What the client says by itself: the switch to POST, once a run. */
export interface ClientLog {
  notice: (line: string) => void
}

export function createSsdClient(config: Config, clientLog: ClientLog = { notice: () => undefined }): SsdClient {
  // filedata by POST from the start, or since SSD answered GET with 405.
  let filedataByPost = config.filedataMethod === 'POST'
  // The result files the latest summary of each scan target named: what a POST asks for.
  const filesOf = new Map<string, ScannedFile[]>()
  const headers = {
    'X-OpsMx-Auth': config.authHeader,
    Accept: 'application/json',
    'User-Agent': 'opsmx-ssd-gate-action'
  }

  async function call<T>(
    endpoint: Endpoint,
    url: URL,
    { signal, timeoutMs }: RequestOptions,
    read: ReadBody<T>,
    post?: object
  ): Promise<Attempt<T>> {
    const requestSignal = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
    const init = post
      ? { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(post) }
      : { method: 'GET', headers }
    try {
      const response = await fetchFollowingSameOrigin(url, init, requestSignal)
      return await interpret(endpoint, response, config, read)
    } catch (error) {
      if (signal.aborted) throw cancelled('waiting for the SSD scan')
      if (error instanceof GateError) throw error
      if (requestSignal.aborted) {
        return { kind: 'retry', reason: `no answer within ${formatSeconds(timeoutMs)}` }
      }
      return networkFailure(error, url)
    }
  }

  /**
   * filedata by POST: one request per category group of the files named, their arrays joined
   * in that order, all within the one request's time that ends at `deadline`.
   */
  async function scanResultsByPost(
    url: URL,
    scanId: string,
    options: RequestOptions,
    deadline = Date.now() + options.timeoutMs
  ): Promise<Attempt<ScanResults>> {
    const scans: Scan[] = []
    const texts: string[] = []
    for (const body of filedataBodies(filesOf.get(scanId) ?? [])) {
      const timeoutMs = Math.max(1, deadline - Date.now())
      const reply = await call(SCAN_RESULTS, url, { ...options, timeoutMs }, readScans, body)
      if (reply.kind !== 'answer') return reply
      scans.push(...reply.answer.scans)
      texts.push(reply.answer.text)
    }
    return { kind: 'answer', answer: { scans, text: joinJsonArrays(texts) } }
  }

  async function scanResults(scanId: string, options: RequestOptions): Promise<SsdReply<ScanResults>> {
    const url = scanResultsUrl(config, scanId)
    if (filedataByPost) return settle(await scanResultsByPost(url, scanId, options))
    // The POST after a 405 is the same request asked again: it has what is left of its time.
    const deadline = Date.now() + options.timeoutMs
    const got = await call(SCAN_RESULTS, url, options, readScans)
    if (got.kind !== 'methodNotAllowed') return got
    if (config.filedataMethod === 'GET') {
      return {
        kind: 'unusable',
        reason: `${got.reason}. This SSD may serve filedata by POST only: set 'filedataMethod' to auto or POST.`
      }
    }
    // Asked again at once: SSD said how it wants to be asked, there is nothing to wait for.
    const posted = await scanResultsByPost(url, scanId, options, deadline)
    if (posted.kind === 'unusable' || posted.kind === 'methodNotAllowed') {
      throw new GateError(
        'Error',
        `SSD's filedata could not be read either way. GET: ${got.reason}. POST, tried next: ${posted.kind === 'unusable' ? posted.reason : methodNotAllowed(posted.reason)}`
      )
    }
    filedataByPost = true
    clientLog.notice(
      `SSD answered GET on scan/filedata with HTTP 405 (Method Not Allowed); the action reads it by POST for the rest of this run. Set 'filedataMethod: POST' to skip the GET.`
    )
    return posted
  }

  return {
    latestScan: async (branch, options) => {
      const reply = settle(await call(LATEST_SCAN, latestScanUrl(config, branch), options, readSummary))
      if (reply.kind === 'answer' && reply.answer) filesOf.set(reply.answer.scanId, reply.answer.files)
      return reply
    },
    scanResults,
    rescan: async (summary, options) =>
      settle(
        await call(RESCAN, new URL(`${apiRoot(config)}/rescan`), options, readMessage, {
          projectId: config.projectId,
          projectName: summary.projectName,
          platform: summary.platform,
          scanId: summary.scanId,
          scanType: config.scanType
        })
      )
  }
}

/** A 405 where no other method can be tried is an answer like any other that is not what was asked for. */
function settle<T>(attempt: Attempt<T>): SsdReply<T> {
  return attempt.kind === 'methodNotAllowed' ? { kind: 'unusable', reason: methodNotAllowed(attempt.reason) } : attempt
}

function methodNotAllowed(reason: string): string {
  return `${reason}. Check the 'host' and 'apiBasePath' inputs.`
}

/** The body of filedata's POST as it names a file: its scan name, tool, result file and status. */
type FiledataBody = Record<string, { scanName: string; scanTool: string; resultFile: string; status: string }>

/**
 * The bodies of filedata's POSTs: one per category group of `files`, in the summary's
 * order, each naming its group's files by key (a flat list or map is one group); `{}`
 * alone when no file is named.
 */
export function filedataBodies(files: readonly ScannedFile[]): FiledataBody[] {
  const groups = new Map<string, Array<[string, FiledataBody[string]]>>()
  for (const { group, key, scanName, scanTool, resultFile, status } of files) {
    const entries = groups.get(group) ?? []
    groups.set(group, entries)
    entries.push([key || scanName || scanTool, { scanName, scanTool, resultFile, status }])
  }
  // fromEntries makes every key an own field, `__proto__` included: nothing becomes a prototype.
  const bodies = [...groups.values()].map((entries) => Object.fromEntries(entries) as FiledataBody)
  return bodies.length > 0 ? bodies : [{}]
}

/**
 * JSON arrays' texts joined into one array's text, as they came: the result file keeps the
 * answers' own text (already redacted), which parsing and writing out again would not.
 */
export function joinJsonArrays(texts: readonly string[]): string {
  if (texts.length === 1) return texts[0] ?? '[]'
  const elements = texts.map((text) => text.trim().slice(1, -1).trim()).filter(Boolean)
  return `[${elements.join(',')}]`
}

/** A GET's redirects followed within the origin the token is for; a redirect elsewhere is a clear error. */
async function fetchFollowingSameOrigin(
  start: URL,
  init: { method: string; headers: Record<string, string>; body?: string },
  signal: AbortSignal
): Promise<Response> {
  const outcome = await fetchWithinOrigin(start, init, signal)
  if (outcome.kind === 'response') return outcome.response
  const { target } = outcome
  if (outcome.kind === 'tooManyRedirects') {
    throw new GateError(
      'Error',
      `SSD redirected the request more than ${MAX_REDIRECTS} times; last to ${target.pathname}.`
    )
  }
  const upgrade =
    target.hostname === start.hostname && target.protocol === 'https:'
      ? ` Set the 'host' input to ${target.origin}.`
      : ` Check the 'host' and 'apiBasePath' inputs; a redirect to a login page means SSO sits in front of the API.`
  throw new GateError(
    'Error',
    `SSD redirected the request to another origin (${target.origin}); the token is only sent to ${start.origin}, so the redirect was not followed.${upgrade}`
  )
}

async function interpret<T>(
  endpoint: Endpoint,
  response: Response,
  config: Config,
  read: ReadBody<T>
): Promise<Attempt<T>> {
  const { status } = response
  // A server may echo the token back (in an error, or inside scan data): drop it at once, JSON
  // escapes included, which the exits' redaction could not see in the raw result file (see secrets.ts).
  const body = redactJson(await readText(response))
  if (status >= 200 && status < 300) return read(body, response)

  const serverSays = serverMessage(body)
  const detail = `HTTP ${status}${serverSays ? ` (${serverSays})` : ''}`
  if (status === 401 || status === 403) {
    throw new GateError(
      'Error',
      `SSD rejected the token: ${detail}. Check that the 'token' input holds a valid, unexpired SSD token or API key with access to project ${config.projectId}.${TOKEN_FORMAT_HINT[config.tokenFormat]}`
    )
  }
  if (status === 404) return { kind: 'notFound', reason: detail }
  if (status === 405) return { kind: 'methodNotAllowed', reason: `${endpoint.label} answered ${detail}` }
  if (status === 429) return { kind: 'retry', reason: detail, retryAfterMs: parseRetryAfter(response) }
  if (status >= 500) return { kind: 'retry', reason: detail }
  const hint = status === 400 ? ` Check the ${endpoint.inputs} inputs.` : ` Check the 'host' and 'apiBasePath' inputs.`
  return { kind: 'unusable', reason: `${endpoint.label} answered ${detail}.${hint}` }
}

/**
 * The body as text. `response.text()` keeps every chunk and a joined copy until it has
 * decoded: three copies of a 50 MB answer at once. Here chunks are copied into one buffer
 * sized by Content-Length as they arrive (it grows if the length was wrong or absent).
 */
async function readText(response: Response): Promise<string> {
  if (!response.body) return ''
  let buffer = Buffer.allocUnsafe(Number(response.headers.get('content-length')) || 64 * 1024)
  let length = 0
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    if (length + chunk.length > buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, length + chunk.length))
      buffer.copy(grown, 0, 0, length)
      buffer = grown
    }
    chunk.copy(buffer, length)
    length += chunk.length
  }
  // A byte-order mark before JSON is allowed to be ignored (RFC 8259), and JSON.parse does not.
  const start = length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0
  return buffer.toString('utf8', start, length)
}

/** A rejected token may be one sent in the form this SSD does not read. */
const TOKEN_FORMAT_HINT: Record<Config['tokenFormat'], string> = {
  bearer: ` It was sent as 'X-OpsMx-Auth: Bearer <token>'; some SSD installs take the raw token: if yours is one, set 'tokenFormat: raw'.`,
  raw: ` It was sent raw ('X-OpsMx-Auth: <token>', tokenFormat: raw); if your SSD takes 'Bearer <token>', set 'tokenFormat: bearer'.`
}

const WRONG_PLACE = `This usually means a wrong 'host' or 'apiBasePath', or a login page (SSO) or proxy in front of the SSD API.`

/** The body as JSON, or why it is not. */
function parseJson(body: string, response: Response, endpoint: Endpoint): { json: unknown } | { problem: string } {
  try {
    return { json: JSON.parse(body) }
  } catch {
    const contentType = response.headers.get('content-type') || 'no content type'
    return {
      problem: `${endpoint.label} answered HTTP ${response.status} with ${contentType}, not JSON: "${excerpt(body)}". ${WRONG_PLACE}`
    }
  }
}

function readScans(body: string, response: Response): SsdReply<ScanResults> {
  // No content is not a wrong host: SSD may have nothing for this scan yet, so ask again.
  if (!body.trim()) {
    return {
      kind: 'retry',
      reason: `HTTP ${response.status} with no content where the scan list was expected; SSD may not have results for this scan yet`
    }
  }
  const parsed = parseJson(body, response, SCAN_RESULTS)
  if ('problem' in parsed) return { kind: 'unusable', reason: parsed.problem }
  // SSD's error shape, `{"error": "..."}`, sent with a 200: its own words say what is wrong.
  const errorText = Array.isArray(parsed.json) ? '' : serverError(parsed.json)
  if (errorText) {
    const contentType = response.headers.get('content-type') || 'no content type'
    return {
      kind: 'unusable',
      reason: `SSD answered HTTP ${response.status} with ${contentType} holding an error instead of the scan list: "${errorText}". Check the 'projectId', 'scanId' and 'scanType' inputs, and the token's access to the project.`
    }
  }
  try {
    return { kind: 'answer', answer: { scans: parseScans(parsed.json), text: body } }
  } catch (error) {
    if (!(error instanceof AnswerShapeError)) throw error
    return {
      kind: 'unusable',
      reason: `SSD answered HTTP ${response.status} with JSON that is not the documented scan list: ${error.message}. ${WRONG_PLACE}`
    }
  }
}

function readSummary(body: string, response: Response): SsdReply<ScanSummary | undefined> {
  // No content, like an empty object: no scan of the branch yet.
  if (!body.trim()) return { kind: 'answer', answer: undefined }
  const parsed = parseJson(body, response, LATEST_SCAN)
  if ('problem' in parsed) return { kind: 'unusable', reason: parsed.problem }
  try {
    const summary = parseSummary(parsed.json)
    // SSD's error shape with a 200 is no summary: its own words say what is wrong.
    const errorText = summary || Array.isArray(parsed.json) ? '' : serverError(parsed.json)
    if (errorText) {
      return {
        kind: 'unusable',
        reason: `${LATEST_SCAN.label} answered HTTP ${response.status} with an error instead of the summary: "${errorText}". Check the 'projectId', 'repository', 'branch' and 'scanType' inputs, and the token's access to the project.`
      }
    }
    return { kind: 'answer', answer: summary }
  } catch (error) {
    if (!(error instanceof AnswerShapeError)) throw error
    return {
      kind: 'unusable',
      reason: `${LATEST_SCAN.label} answered HTTP ${response.status} with JSON that is not the documented summary: ${error.message}`
    }
  }
}

/** The rescan answers `{"message": "..."}`; any 2xx means SSD took the request. */
function readMessage(body: string): SsdReply<string> {
  return { kind: 'answer', answer: serverMessage(body) }
}

/** The `error` (or `message`) field of a JSON error body, else a short excerpt. */
function serverMessage(body: string): string {
  try {
    const text = serverError(JSON.parse(body))
    if (text) return text
  } catch {
    // not JSON: fall through to an excerpt of the text
  }
  return excerpt(body)
}

/** An excerpt of a JSON error object's own `error` (or `message`) text; '' for anything else. */
function serverError(parsed: unknown): string {
  if (typeof parsed !== 'object' || parsed === null) return ''
  const own = (name: string): unknown => (Object.hasOwn(parsed, name) ? (parsed as Record<string, unknown>)[name] : '')
  const error = own('error')
  const message = own('message')
  const text = typeof error === 'string' && error.trim() ? error : message
  return typeof text === 'string' ? excerpt(text) : ''
}

/** A short, single-line, tag-free excerpt of untrusted text, for messages. */
function excerpt(text: string): string {
  const wellFormed = text.toWellFormed()
  // Tags end at a '>': past the last one, a '<' opens none. Stopping there keeps the pattern
  // linear (each '<' of a long '<<<…' body would scan to the end: quadratic).
  const lastTagEnd = wellFormed.lastIndexOf('>') + 1
  const flat = (wellFormed.slice(0, lastTagEnd).replace(/<[^>]*>/g, ' ') + wellFormed.slice(lastTagEnd))
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  // Belt and braces (the body was redacted on arrival): redacted before it is cut, so no part
  // of a secret survives the cut.
  const safe = redact(flat)
  return cutText(safe, EXCERPT_LENGTH)
}

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(response: Pick<Response, 'headers'>, now = Date.now()): number | undefined {
  const value = response.headers.get('retry-after')?.trim()
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function networkFailure(error: unknown, url: URL): SsdReply<never> {
  const { code, tls, known, message } = networkError(error, url)
  if (tls) {
    throw new GateError(
      'Error',
      `TLS connection to ${url.host} failed: ${excerpt(message)} (${code}). ${tlsHint(code)}`
    )
  }
  return { kind: 'retry', reason: known ?? excerpt(message) }
}

/** What to do about a certificate problem: most are an untrusted (private) CA. */
function tlsHint(code: string): string {
  if (code === 'CERT_HAS_EXPIRED') return `The server's certificate has expired: it must be renewed on the SSD server.`
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `The certificate is not for this host name: check the 'host' input against the name SSD's certificate carries.`
  }
  return 'If SSD uses a private CA, point NODE_EXTRA_CA_CERTS at its certificate on the runner.'
}
