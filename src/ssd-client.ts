/**
 * One request to SSD's scan/filedata endpoint, turned into one of three outcomes: the
 * validated scans, a transient problem worth retrying, or a GateError that ends the run.
 */
import { FetchError, type Response } from 'node-fetch'
import type { Config } from './config.ts'
import { GateError } from './errors.ts'
import { proxiedFetch } from './http.ts'
import { AnswerShapeError, parseScans, type Scan } from './scans.ts'
import { redact, redactJson } from './secrets.ts'
import { cutText } from './text.ts'

export type SsdReply =
  /** `text` is the answer as it came (with any echoed secret removed), for `resultFile`. */
  | { kind: 'scans'; scans: Scan[]; text: string }
  /** Worth asking again: a server fault, a rate limit, a scan not registered yet. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number; notFound?: boolean }

export interface SsdClient {
  /** The request ends by `timeoutMs`; aborting `signal` cancels it (a GateError 'Cancelled'). */
  fetchScans(options: { signal: AbortSignal; timeoutMs: number }): Promise<SsdReply>
}

const MAX_REDIRECTS = 5
const EXCERPT_LENGTH = 160

/** Node's error codes for certificate problems: retrying cannot fix them. */
const TLS_ERROR_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME/

export function scanDataUrl(config: Config): URL {
  const url = new URL(`${config.host}${config.apiBasePath}/ssdservice/v1/scan/filedata`)
  url.search = new URLSearchParams({
    projectId: config.projectId,
    type: config.scanType,
    scanId: config.scanId
  }).toString()
  return url
}

export function createSsdClient(config: Config): SsdClient {
  const url = scanDataUrl(config)
  const headers = {
    'X-OpsMx-Auth': config.authHeader,
    Accept: 'application/json',
    'User-Agent': 'opsmx-ssd-gate-action'
  }
  return {
    async fetchScans({ signal, timeoutMs }) {
      const requestSignal = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
      try {
        const response = await fetchFollowingSameOrigin(url, headers, requestSignal)
        return await interpret(response, config)
      } catch (error) {
        if (signal.aborted) throw new GateError('Cancelled', 'Cancelled while waiting for the SSD scan.')
        if (error instanceof GateError) throw error
        if (requestSignal.aborted) {
          return { kind: 'retry', reason: `no answer within ${formatSeconds(timeoutMs)}` }
        }
        return networkFailure(error, url)
      }
    }
  }
}

/**
 * node-fetch forwards custom headers such as X-OpsMx-Auth on redirects, even to another
 * host, so redirects are followed here, and only within the origin the token is for.
 */
async function fetchFollowingSameOrigin(
  start: URL,
  headers: Record<string, string>,
  signal: AbortSignal
): Promise<Response> {
  let url = start
  for (let redirects = 0; ; redirects++) {
    const response = await proxiedFetch(url, { headers, signal, redirect: 'manual' })
    const location = response.headers.get('location')
    if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response
    response.body?.resume()
    const target = new URL(location, url)
    if (target.origin !== start.origin) {
      const upgrade =
        target.hostname === start.hostname && target.protocol === 'https:'
          ? ` Set the 'host' input to ${target.origin}.`
          : ` Check the 'host' and 'apiBasePath' inputs; a redirect to a login page means SSO sits in front of the API.`
      throw new GateError(
        'Error',
        `SSD redirected the request to another origin (${target.origin}); the token is only sent to ${start.origin}, so the redirect was not followed.${upgrade}`
      )
    }
    if (redirects === MAX_REDIRECTS) {
      throw new GateError(
        'Error',
        `SSD redirected the request more than ${MAX_REDIRECTS} times; last to ${target.pathname}.`
      )
    }
    url = target
  }
}

async function interpret(response: Response, config: Config): Promise<SsdReply> {
  const { status } = response
  // A server may echo the token back (in an error, or inside scan data): drop it at once.
  const body = redactJson(await readText(response))
  // No content is not a wrong host: SSD may have nothing for this scan yet, so ask again.
  if (status === 204 || ((status === 200 || status === 201) && !body.trim())) {
    return {
      kind: 'retry',
      reason: `HTTP ${status} with no content where the scan list was expected; SSD may not have results for this scan yet`
    }
  }
  if (status === 200 || status === 201) return { kind: 'scans', scans: parseAnswer(body, response), text: body }

  const serverSays = serverMessage(body)
  const detail = `HTTP ${status}${serverSays ? ` (${serverSays})` : ''}`
  if (status === 401 || status === 403) {
    throw new GateError(
      'Error',
      `SSD rejected the token: ${detail}. Check that the 'token' input holds a valid, unexpired SSD token or API key with access to project ${config.projectId}.`
    )
  }
  if (status === 404) {
    return { kind: 'retry', reason: `${detail}: the project or scan may not exist yet`, notFound: true }
  }
  if (status === 429) return { kind: 'retry', reason: detail, retryAfterMs: parseRetryAfter(response) }
  if (status >= 500) return { kind: 'retry', reason: detail }
  const hint =
    status === 400
      ? ` Check the 'projectId', 'scanId' and 'scanType' inputs.`
      : ` Check the 'host' and 'apiBasePath' inputs.`
  throw new GateError('Error', `SSD answered ${detail}.${hint}`)
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

function parseAnswer(body: string, response: Response): Scan[] {
  const contentType = response.headers.get('content-type') || 'no content type'
  const cause = `This usually means a wrong 'host' or 'apiBasePath', or a login page (SSO) or proxy in front of the SSD API.`
  let answer: unknown
  try {
    answer = JSON.parse(body)
  } catch {
    throw new GateError(
      'Error',
      `SSD answered HTTP ${response.status} with ${contentType}, not JSON: "${excerpt(body)}". ${cause}`
    )
  }
  // SSD's error shape, `{"error": "..."}`, sent with a 200: its own words say what is wrong.
  const errorText = Array.isArray(answer) ? '' : serverError(answer)
  if (errorText) {
    throw new GateError(
      'Error',
      `SSD answered HTTP ${response.status} with ${contentType} holding an error instead of the scan list: "${errorText}". Check the 'projectId', 'scanId' and 'scanType' inputs, and the token's access to the project.`
    )
  }
  try {
    return parseScans(answer)
  } catch (error) {
    if (!(error instanceof AnswerShapeError)) throw error
    throw new GateError(
      'Error',
      `SSD answered HTTP ${response.status} with JSON that is not the documented scan list: ${error.message}. ${cause}`
    )
  }
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
  const flat = text
    .toWellFormed()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  // Redacted before it is cut, so no part of a secret survives the cut.
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

function networkFailure(error: unknown, url: URL): SsdReply {
  const code = error instanceof FetchError ? (error.code ?? '') : ''
  // node-fetch says "request to <url> failed, reason: <why>": the why is what helps.
  const message = (error instanceof Error ? error.message : String(error)).replace(
    /^request to .* failed, reason: /,
    ''
  )
  if (TLS_ERROR_CODE.test(code)) {
    throw new GateError(
      'Error',
      `TLS connection to ${url.host} failed: ${excerpt(message)} (${code}). ${tlsHint(code)}`
    )
  }
  const reason = {
    ECONNREFUSED: `connection to ${url.host} refused`,
    ECONNRESET: `connection to ${url.host} reset`,
    ENOTFOUND: `host ${url.hostname} not found (DNS)`,
    EAI_AGAIN: `DNS lookup of ${url.hostname} failed`
  }[code]
  return { kind: 'retry', reason: reason ?? excerpt(message) }
}

/** What to do about a certificate problem: most are an untrusted (private) CA. */
function tlsHint(code: string): string {
  if (code === 'CERT_HAS_EXPIRED') return `The server's certificate has expired: it must be renewed on the SSD server.`
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `The certificate is not for this host name: check the 'host' input against the name SSD's certificate carries.`
  }
  return 'If SSD uses a private CA, point NODE_EXTRA_CA_CERTS at its certificate on the runner.'
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`
}
