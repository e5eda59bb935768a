/**
 * The waivers file, read at the commit under review through GitHub's contents API, so no
 * checkout is needed. A plain GET over the project's HTTP stack (http.ts), not Octokit: a
 * push run does not load Octokit, and a run without a file does not load the YAML parser
 * (waivers.ts comes in by dynamic import once a file was found).
 *
 * Never fails open: a file that cannot be read means no waivers (every finding counts), with
 * a warning. Only a file that is there but unusable (too large, invalid) fails the run, with
 * a WaiversFileError, before any SSD request.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { Response } from 'node-fetch'
import { formatSeconds } from './duration.ts'
import { cancelled, WaiversFileError } from './errors.ts'
import { fetchWithinOrigin, MAX_REDIRECTS, networkError } from './http.ts'
import { shortSha } from './scan-summary.ts'
import type { Check, Scan } from './scans.ts'
import { cutText, TRAILING_SLASHES } from './text.ts'
import { NO_WAIVERS, type Waiver, type WaiverOutcome } from './waiver-outcome.ts'

export interface WaiversSource {
  /** Path in the repository, already validated by config (relative, no '..'). */
  path: string
  githubToken: string
  /** GITHUB_API_URL, e.g. https://api.github.com or https://HOST/api/v3. */
  apiUrl: string
  owner: string
  repo: string
  /** The commit under review. */
  ref: string
  /** On pull requests: the base commit, to find the waivers the pull request adds or changes. */
  baseRef?: string
  signal: AbortSignal
  log: { info(line: string): void; warning(line: string): void }
  /** Tests shorten the waits; the defaults are READ_LIMITS. */
  limits?: Partial<ReadLimits>
}

export interface ReadLimits {
  /** One request, its body included. */
  requestMs: number
  /** The whole read: the head's file, retries and the base's file. */
  totalMs: number
  /** The waits before each retry of a network fault or server error; their count is the retries. */
  retryDelaysMs: readonly number[]
}

const READ_LIMITS: ReadLimits = { requestMs: 10_000, totalMs: 30_000, retryDelaysMs: [1000, 2000] }

/** A waivers file lists a few accepted risks: anything larger is refused unread. */
export const MAX_WAIVERS_FILE_BYTES = 256 * 1024

export interface Waivers {
  file: string
  /** The entries at the head commit. */
  entries: Waiver[]
  /** On a pull request, the entries it adds or changes (head against base); [] otherwise. */
  addedByPullRequest: Waiver[]
  /** What the entries waive in `scans` on `today`; a check waiver takes a check only where `fails` says it fails. */
  apply(scans: Scan[], today: string, fails: (check: Check) => boolean): WaiverOutcome
}

/**
 * The waivers at `source.ref`, and on a pull request those its head adds or changes. No
 * file (404), no token or a fault: no waivers (the fault with a warning). Throws a
 * WaiversFileError for a file that is there but too large or invalid.
 */
export async function readWaivers(source: WaiversSource): Promise<Waivers> {
  const none: Waivers = { file: source.path, entries: [], addedByPullRequest: [], apply: () => NO_WAIVERS }
  // `waivers: ''`: none, and nothing asked.
  if (!source.path) return none
  if (!source.githubToken) {
    source.log.warning(
      `The waivers file ${source.path} was not read: 'githubToken' is empty. No waivers apply: every finding counts.`
    )
    return none
  }
  const limits = { ...READ_LIMITS, ...source.limits }
  const deadline = AbortSignal.timeout(limits.totalMs)
  const head = await readFile(source, source.ref, limits, deadline)
  if (head.kind === 'absent') {
    source.log.info(`No waivers file ${source.path} at commit ${shortSha(source.ref)}: no waivers apply.`)
    return none
  }
  if (head.kind === 'unreadable') {
    source.log.warning(
      `Could not read the waivers file ${source.path} at commit ${shortSha(source.ref)}: ${head.reason}. ` +
        `No waivers apply: every finding counts.${head.hint}`
    )
    return none
  }
  const { applyWaivers, changedWaivers, parseWaivers } = await import('./waivers.ts')
  const entries = parseWaivers(head.text, source.path)
  source.log.info(`Read ${count(entries.length, 'waiver')} from ${source.path} at commit ${shortSha(source.ref)}.`)

  let addedByPullRequest: Waiver[] = []
  if (source.baseRef && source.baseRef !== source.ref && entries.length > 0) {
    const base = await readBaseEntries(source, source.baseRef, limits, deadline, parseWaivers)
    addedByPullRequest = base ? changedWaivers(entries, base) : entries
    if (addedByPullRequest.length > 0) {
      source.log.info(`This pull request adds or changes ${count(addedByPullRequest.length, 'waiver')}.`)
    }
  }
  return {
    file: source.path,
    entries,
    addedByPullRequest,
    apply: (scans, today, fails) => applyWaivers(entries, scans, today, fails)
  }
}

/** The waivers at the base commit; undefined when they cannot be had (every head waiver then counts as added). */
async function readBaseEntries(
  source: WaiversSource,
  baseRef: string,
  limits: ReadLimits,
  deadline: AbortSignal,
  parse: (text: string, file: string) => Waiver[]
): Promise<Waiver[] | undefined> {
  const everyWaiverAdded = (why: string): undefined => {
    source.log.info(
      `The waivers file ${source.path} ${why} at the base commit ${shortSha(baseRef)}: every waiver in it is taken as added by this pull request.`
    )
    return undefined
  }
  try {
    const base = await readFile(source, baseRef, limits, deadline)
    if (base.kind === 'absent') return []
    if (base.kind === 'unreadable') return everyWaiverAdded(`could not be read (${base.reason})`)
    return parse(base.text, source.path)
  } catch (error) {
    if (error instanceof WaiversFileError) return everyWaiverAdded('is not a valid waivers file')
    throw error
  }
}

type FileReply =
  | { kind: 'found'; text: string }
  | { kind: 'absent' }
  /** `hint`: '' or a sentence (with its leading space) saying what would fix it. */
  | { kind: 'unreadable'; reason: string; hint: string }

type Attempt = FileReply | { kind: 'retry'; reason: string }

const PERMISSION_HINT = ` The token needs 'contents: read' (in the workflow: permissions: contents: read).`
/** The JSON form carries the file as base64 (a third larger, with line breaks) and some metadata. */
const MAX_JSON_FORM_BYTES = 2 * MAX_WAIVERS_FILE_BYTES
/** Enough of an error answer for its message. */
const MAX_ERROR_BODY_BYTES = 16 * 1024

/** The file at `ref`: network faults and server errors are tried again, within the limits. */
async function readFile(
  source: WaiversSource,
  ref: string,
  limits: ReadLimits,
  deadline: AbortSignal
): Promise<FileReply> {
  let url: URL
  try {
    url = contentsUrl(source, ref)
  } catch {
    return { kind: 'unreadable', reason: `GITHUB_API_URL '${cutText(source.apiUrl, 100)}' is not a URL`, hint: '' }
  }
  const waiting = AbortSignal.any([source.signal, deadline])
  for (let attempt = 0; ; attempt++) {
    const reply = await attemptRead(source, url, ref, limits, deadline)
    if (reply.kind !== 'retry') return reply
    const delay = limits.retryDelaysMs[attempt]
    const tries = `${count(attempt + 1, 'try', 'tries')}`
    if (delay === undefined) return { kind: 'unreadable', reason: `${reply.reason} (${tries})`, hint: '' }
    try {
      await sleep(delay, undefined, { signal: waiting })
    } catch {
      if (source.signal.aborted) throw cancelled('reading the waivers file')
      return {
        kind: 'unreadable',
        reason: `${reply.reason} (${tries} within ${formatSeconds(limits.totalMs)})`,
        hint: ''
      }
    }
  }
}

function contentsUrl(source: WaiversSource, ref: string): URL {
  const segments = (path: string): string => path.split('/').map(encodeURIComponent).join('/')
  const root = source.apiUrl.replace(TRAILING_SLASHES, '')
  const url = new URL(
    `${root}/repos/${segments(source.owner)}/${segments(source.repo)}/contents/${segments(source.path)}`
  )
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('not http(s)')
  url.search = new URLSearchParams({ ref }).toString()
  return url
}

async function attemptRead(
  source: WaiversSource,
  url: URL,
  ref: string,
  limits: ReadLimits,
  deadline: AbortSignal
): Promise<Attempt> {
  const requestTimeout = AbortSignal.timeout(limits.requestMs)
  // Aborted once the answer is dealt with: whatever of the body was not read is not read.
  const done = new AbortController()
  const signal = AbortSignal.any([source.signal, deadline, requestTimeout, done.signal])
  try {
    const response = await getFollowingSameOrigin(url, source.githubToken, signal)
    if ('refused' in response) return { kind: 'unreadable', reason: response.refused, hint: '' }
    return await interpret(response, source, ref)
  } catch (error) {
    if (source.signal.aborted) throw cancelled('reading the waivers file')
    if (error instanceof WaiversFileError) throw error
    if (deadline.aborted) {
      return { kind: 'unreadable', reason: `no answer within ${formatSeconds(limits.totalMs)}`, hint: '' }
    }
    if (requestTimeout.aborted) return { kind: 'retry', reason: `no answer within ${formatSeconds(limits.requestMs)}` }
    return networkFault(error, url)
  } finally {
    done.abort()
  }
}

/** GitHub redirects a renamed repository's requests within its API: followed, within the origin the token is for. */
async function getFollowingSameOrigin(
  start: URL,
  token: string,
  signal: AbortSignal
): Promise<Response | { refused: string }> {
  const headers = {
    Accept: 'application/vnd.github.raw+json',
    Authorization: `Bearer ${token}`,
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': 'opsmx-ssd-gate-action'
  }
  const outcome = await fetchWithinOrigin(start, { method: 'GET', headers }, signal)
  if (outcome.kind === 'response') return outcome.response
  if (outcome.kind === 'tooManyRedirects')
    return { refused: `GitHub redirected the request more than ${MAX_REDIRECTS} times` }
  return {
    refused: `GitHub redirected the request to another origin (${outcome.target.origin}); the token is only sent to ${start.origin}, so the redirect was not followed`
  }
}

async function interpret(response: Response, source: WaiversSource, ref: string): Promise<Attempt> {
  const { status } = response
  if (status === 200) return readContent(response, source, ref)
  if (status === 404) return { kind: 'absent' }
  const body = await readAtMost(response, MAX_ERROR_BODY_BYTES)
  const serverSays = messageOf(body?.toString('utf8') ?? '')
  const detail = `HTTP ${status}${serverSays ? ` (${serverSays})` : ''}`
  const rateLimited =
    status === 429 ||
    (status === 403 && (response.headers.get('x-ratelimit-remaining') === '0' || /rate limit/i.test(serverSays)))
  if (rateLimited) return { kind: 'unreadable', reason: `GitHub's rate limit: ${detail}`, hint: '' }
  if (status === 401 || status === 403) return { kind: 'unreadable', reason: detail, hint: PERMISSION_HINT }
  if (status >= 500) return { kind: 'retry', reason: detail }
  return { kind: 'unreadable', reason: detail, hint: '' }
}

/**
 * A 200's body: the raw file as asked for, or the JSON form (base64 `content`) a server may
 * send instead. No more than the limit (and one byte, to know it is over) is ever read.
 */
async function readContent(response: Response, source: WaiversSource, ref: string): Promise<FileReply> {
  const tooLarge = (size: number | undefined): WaiversFileError =>
    new WaiversFileError(
      `Waivers file ${source.path} at commit ${shortSha(ref)} is ${size !== undefined ? formatSize(size) : 'more than 256 KiB'}, ` +
        `over the limit of 256 KiB: it was not read. A waivers file lists a few accepted risks; keep it under 256 KiB.`
    )
  const jsonForm = isJsonForm(response.headers.get('content-type') ?? '')
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (!jsonForm && declared > MAX_WAIVERS_FILE_BYTES) throw tooLarge(declared)
  const body = await readAtMost(response, jsonForm ? MAX_JSON_FORM_BYTES : MAX_WAIVERS_FILE_BYTES)
  if (!body) throw tooLarge(undefined)
  const content = jsonForm ? fromContentObject(body, source.path) : undefined
  if (content && 'reason' in content) return { kind: 'unreadable', reason: content.reason, hint: '' }
  if (content?.size !== undefined && content.size > MAX_WAIVERS_FILE_BYTES) throw tooLarge(content.size)
  const bytes = content?.bytes ?? body
  if (bytes.length > MAX_WAIVERS_FILE_BYTES) throw tooLarge(bytes.length)
  return { kind: 'found', text: decodeText(bytes, source.path, ref) }
}

/** GitHub's JSON media types (`application/json`, `application/vnd.github+json`, `...object+json`); anything else is the raw file. */
function isJsonForm(contentType: string): boolean {
  const essence = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return /^application\/(json|vnd\.github(\.v3)?(\.object)?\+json|vnd\.github(\.v3)?\.object)$/.test(essence)
}

/**
 * The file's bytes from the contents API's JSON answer, or why it holds none; undefined when
 * the body is not such an answer (a server that labels the raw file as JSON).
 */
function fromContentObject(
  body: Buffer,
  path: string
): { bytes: Buffer; size: number | undefined } | { reason: string } | undefined {
  let json: unknown
  try {
    json = JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
  if (Array.isArray(json)) return { reason: `${path} is a directory, not a file` }
  if (typeof json !== 'object' || json === null || !Object.hasOwn(json, 'type')) return undefined
  const own = (name: string): unknown =>
    Object.hasOwn(json, name) ? (json as Record<string, unknown>)[name] : undefined
  const type = own('type')
  const size = typeof own('size') === 'number' ? (own('size') as number) : undefined
  if (type === 'dir') return { reason: `${path} is a directory, not a file` }
  if (type === 'symlink') return { reason: `${path} is a symbolic link to a path outside the repository` }
  if (type === 'submodule') return { reason: `${path} is a submodule, not a file` }
  if (type !== 'file') return { reason: `GitHub answered with JSON for a '${cutText(String(type), 20)}', not a file` }
  const content = own('content')
  const encoding = own('encoding')
  if (encoding === 'base64' && typeof content === 'string') return { bytes: Buffer.from(content, 'base64'), size }
  // GitHub leaves a large file's content out (encoding "none"); its size still says how large.
  if (size !== undefined && size > MAX_WAIVERS_FILE_BYTES) return { bytes: Buffer.alloc(0), size }
  return {
    reason: `GitHub answered with the file's content in encoding '${cutText(String(encoding), 20)}', not base64`
  }
}

/**
 * At most `max` bytes of the body; undefined when it is longer (then no more than `max` + 1
 * bytes were taken, and the rest of the answer is dropped with its connection).
 */
async function readAtMost(response: Response, max: number): Promise<Buffer | undefined> {
  if (!response.body) return Buffer.alloc(0)
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    const kept = chunk.subarray(0, max + 1 - length)
    chunks.push(kept)
    length += kept.length
    if (length > max) return undefined
  }
  return Buffer.concat(chunks, length)
}

function decodeText(bytes: Buffer, path: string, ref: string): string {
  try {
    // A byte-order mark is dropped, as YAML allows.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new WaiversFileError(`Waivers file ${path} at commit ${shortSha(ref)} is not UTF-8 text: it cannot be YAML.`)
  }
}

/** GitHub's `{"message": "..."}`, as one short line; '' when the body has none. */
function messageOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body)
    const message =
      typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, 'message')
        ? (parsed as { message: unknown }).message
        : undefined
    if (typeof message === 'string') return cutText(message.replace(/\s+/g, ' ').trim(), 160)
  } catch {
    // not JSON: no message to show
  }
  return ''
}

function networkFault(error: unknown, url: URL): Attempt {
  const { code, tls, known, message } = networkError(error, url)
  const reason = known ?? cutText(message.replace(/\s+/g, ' ').trim(), 160)
  if (tls) {
    return {
      kind: 'unreadable',
      reason: `TLS connection to ${url.host} failed: ${reason} (${code})`,
      hint: ' If GitHub Enterprise Server uses a private CA, point NODE_EXTRA_CA_CERTS at its certificate on the runner.'
    }
  }
  return { kind: 'retry', reason }
}

function formatSize(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024).toFixed(1)} KiB)`
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
