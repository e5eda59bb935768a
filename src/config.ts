/**
 * Reads every input into one typed Config. Input names appear only here.
 * Nothing here touches the network: a bad input fails before any request.
 */
import * as core from '@actions/core'
import type { CheckRule, Policy } from './decision.ts'
import { forkHint } from './github-event.ts'
import { SEVERITIES, type Severity } from './scans.ts'
import { addSecret } from './secrets.ts'
import { TRAILING_SLASHES } from './text.ts'

export const INPUT = {
  host: 'host',
  token: 'token',
  projectId: 'projectId',
  scanId: 'scanId',
  repository: 'repository',
  branch: 'branch',
  commit: 'commit',
  waitForCommit: 'waitForCommit',
  rescan: 'rescan',
  teamId: 'teamId',
  compareWithBase: 'compareWithBase',
  newFindingsOnly: 'newFindingsOnly',
  maxScoreDrop: 'maxScoreDrop',
  waivers: 'waivers',
  annotations: 'annotations',
  scanType: 'scanType',
  apiBasePath: 'apiBasePath',
  threshold: 'threshold',
  pollInterval: 'pollInterval',
  timeout: 'timeout',
  comment: 'comment',
  githubToken: 'githubToken',
  warnOnly: 'warnOnly',
  checkThresholds: 'checkThresholds',
  failOnInconclusive: 'failOnInconclusive',
  failOnSeverity: 'failOnSeverity',
  commentHeader: 'commentHeader',
  sarifFile: 'sarifFile',
  filedataMethod: 'filedataMethod',
  tokenFormat: 'tokenFormat'
} as const

export type InputName = (typeof INPUT)[keyof typeof INPUT]

/**
 * The defaults action.yml declares (a unit test keeps the two in step). The runner
 * applies them before the action starts; the action uses them only when a workflow
 * passes an empty value, e.g. an unset `${{ vars.X }}`.
 */
export const DEFAULTS = {
  scanType: 'sourceScan',
  apiBasePath: '/gate',
  threshold: '5',
  pollInterval: '10',
  timeout: '600',
  comment: 'always',
  warnOnly: 'false',
  failOnInconclusive: 'false',
  waitForCommit: 'true',
  rescan: 'false',
  compareWithBase: 'true',
  newFindingsOnly: 'true',
  waivers: '.github/ssd-waivers.yml',
  annotations: 'true',
  filedataMethod: 'auto',
  tokenFormat: 'bearer'
} as const

const COMMENT_MODES = ['always', 'on-failure', 'never'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]

/** How filedata is asked for: GET, falling back to POST on a 405 (`auto`), or one of them only. */
const FILEDATA_METHODS = ['auto', 'GET', 'POST'] as const
export type FiledataMethod = (typeof FILEDATA_METHODS)[number]

/** `X-OpsMx-Auth: Bearer <token>` (the seed's form), or the token alone, as some SSD installs read it. */
const TOKEN_FORMATS = ['bearer', 'raw'] as const
export type TokenFormat = (typeof TOKEN_FORMATS)[number]

export interface Config {
  /** Base URL without a trailing slash, e.g. `https://ssd.example.com`. */
  host: string
  /** The value of the `X-OpsMx-Auth` header, in `tokenFormat`. */
  authHeader: string
  tokenFormat: TokenFormat
  filedataMethod: FiledataMethod
  projectId: string
  /** The scan target to gate on, or '' to find it through SSD's summarydata. */
  scanId: string
  /** SSD's name for the repository, e.g. `widget`. */
  repository: string
  /** The branch under review, e.g. `feature`. */
  branch: string
  /** The commit under review, lower-case hex (7 to 40 characters). */
  commit: string
  /** Wait until SSD's latest scan of the branch is of `commit` before gating. */
  waitForCommit: boolean
  /** Ask SSD once to scan again when its latest scan is of another commit. */
  rescan: boolean
  /** Sent to summarydata as `teamId` when set. */
  teamId: string
  /** On pull requests, compare with SSD's latest scan of the base branch. */
  compareWithBase: boolean
  /** On pull requests with a base result, failOnSeverity counts only the findings new against it. */
  newFindingsOnly: boolean
  /** The waivers file's path in the repository, or '' for none. */
  waivers: string
  /** Write the findings that gate as annotations at their file and line. */
  annotations: boolean
  scanType: string
  /** `''` or a path starting with `/` and without a trailing `/`. */
  apiBasePath: string
  /** threshold, checkThresholds, failOnInconclusive, failOnSeverity. */
  policy: Policy
  pollIntervalMs: number
  timeoutMs: number
  comment: CommentMode
  githubToken: string
  warnOnly: boolean
  /** Keeps this step's comment apart from another step's on the same project. */
  commentHeader: string
  /** Where to write SARIF 2.1.0, or '' for none. */
  sarifFile: string
}

/** A bad input: the message names the input and what was expected. */
export class InputError extends Error {
  override name = 'InputError'
}

export interface ConfigContext {
  /** True on a pull request from a fork, where secrets are not passed. */
  isForkPullRequest: boolean
  /** What `repository`, `branch` and `commit` default to, from the event. */
  repositoryName: string
  branch: string
  commit: string
}

type ReadInput = (name: InputName) => string

/** Builds the Config from raw input values, or throws an InputError. */
export function parseConfig(read: ReadInput, context: ConfigContext): Config {
  const input = (name: InputName): string => read(name).trim()
  const optional = (name: keyof typeof DEFAULTS): string => input(name) || DEFAULTS[name]

  const parse = {
    host: () => parseHost(input(INPUT.host)),
    token: () => parseToken(input(INPUT.token), context),
    projectId: () => required(input(INPUT.projectId), INPUT.projectId, 'an SSD project id such as 0x29ab7'),
    repository: () => parseRepository(input(INPUT.repository) || context.repositoryName),
    branch: () => parseBranch(input(INPUT.branch) || forkDefault(context, input(INPUT.scanId)) || context.branch),
    commit: () => parseCommit(input(INPUT.commit) || context.commit),
    waitForCommit: () => parseBoolean(optional(INPUT.waitForCommit), INPUT.waitForCommit),
    rescan: () => parseBoolean(optional(INPUT.rescan), INPUT.rescan),
    compareWithBase: () => parseBoolean(optional(INPUT.compareWithBase), INPUT.compareWithBase),
    newFindingsOnly: () => parseBoolean(optional(INPUT.newFindingsOnly), INPUT.newFindingsOnly),
    // Here an empty value means "no waivers file", so the default is not applied.
    waivers: () => parseRepositoryPath(input(INPUT.waivers), INPUT.waivers),
    annotations: () => parseBoolean(optional(INPUT.annotations), INPUT.annotations),
    // Here an empty value means "no base path", so the default is not applied.
    apiBasePath: () => parseBasePath(input(INPUT.apiBasePath)),
    threshold: () => parseNumber(optional(INPUT.threshold), INPUT.threshold, SCORE),
    rules: () => parseCheckRules(input(INPUT.checkThresholds)),
    failOnInconclusive: () => parseBoolean(optional(INPUT.failOnInconclusive), INPUT.failOnInconclusive),
    failOnSeverity: () => parseSeverity(input(INPUT.failOnSeverity)),
    maxScoreDrop: () => parseOptionalScore(input(INPUT.maxScoreDrop), INPUT.maxScoreDrop),
    pollIntervalMs: () => seconds(optional(INPUT.pollInterval), INPUT.pollInterval),
    timeoutMs: () => seconds(optional(INPUT.timeout), INPUT.timeout),
    comment: () => parseCommentMode(optional(INPUT.comment)),
    warnOnly: () => parseBoolean(optional(INPUT.warnOnly), INPUT.warnOnly),
    filedataMethod: () => parseChoice(optional(INPUT.filedataMethod), INPUT.filedataMethod, FILEDATA_METHODS),
    tokenFormat: () => parseChoice(optional(INPUT.tokenFormat), INPUT.tokenFormat, TOKEN_FORMATS)
  }
  // Every input is checked before any is used, so one run names every problem at once.
  const problems = Object.values(parse).flatMap(problemOf)
  if (problems.length > 0) throw new InputError(problems.join('\n'))

  const token = parse.token()
  const tokenFormat = parse.tokenFormat()
  return {
    host: parse.host(),
    authHeader: authHeader(token, tokenFormat),
    tokenFormat,
    filedataMethod: parse.filedataMethod(),
    projectId: parse.projectId(),
    scanId: input(INPUT.scanId),
    repository: parse.repository(),
    branch: parse.branch(),
    commit: parse.commit(),
    waitForCommit: parse.waitForCommit(),
    rescan: parse.rescan(),
    teamId: input(INPUT.teamId),
    compareWithBase: parse.compareWithBase(),
    newFindingsOnly: parse.newFindingsOnly(),
    waivers: parse.waivers(),
    annotations: parse.annotations(),
    scanType: optional(INPUT.scanType),
    apiBasePath: parse.apiBasePath(),
    policy: {
      threshold: parse.threshold(),
      rules: parse.rules(),
      failOnInconclusive: parse.failOnInconclusive(),
      failOnSeverity: parse.failOnSeverity(),
      maxScoreDrop: parse.maxScoreDrop()
    },
    pollIntervalMs: parse.pollIntervalMs(),
    timeoutMs: parse.timeoutMs(),
    comment: parse.comment(),
    githubToken: input(INPUT.githubToken),
    warnOnly: parse.warnOnly(),
    commentHeader: input(INPUT.commentHeader),
    sarifFile: input(INPUT.sarifFile)
  }
}

/** The message of the InputError `parse` throws, if it throws one. */
function problemOf(parse: () => unknown): string[] {
  try {
    parse()
    return []
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: every parser throws InputError only; this guards against a bug elsewhere
    if (!(error instanceof InputError)) throw error
    return [error.message]
  }
}

function parseToken(value: string, context: ConfigContext): string {
  if (value) return value
  const hint = context.isForkPullRequest
    ? forkHint('and GitHub does not pass secrets to workflows run from forks')
    : ' Pass it from a secret, e.g. `token: ${{ secrets.SSD_TOKEN }}`.'
  throw new InputError(`Input '${INPUT.token}' is required: expected an SSD token or API key.${hint}`)
}

function required(value: string, name: InputName, expected: string): string {
  if (!value) throw new InputError(`Input '${name}' is required: expected ${expected}.`)
  return value
}

function parseHost(value: string): string {
  required(value, INPUT.host, 'the SSD base URL, e.g. https://ssd.example.com')
  const url = URL.canParse(value) ? new URL(value) : undefined
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new InputError(
      `Input '${INPUT.host}' must be an http(s) URL such as https://ssd.example.com, got '${value}'.`
    )
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new InputError(
      `Input '${INPUT.host}' must be a plain base URL without credentials, query or fragment, e.g. https://ssd.example.com.`
    )
  }
  return url.href.replace(TRAILING_SLASHES, '')
}

/** GitHub's rule for a repository name: SSD keys its scan targets by the same name. */
function parseRepository(value: string): string {
  required(value, INPUT.repository, "SSD's name for the repository, e.g. widget (GITHUB_REPOSITORY is not set)")
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(value) || /^\.+$/.test(value)) {
    throw new InputError(
      `Input '${INPUT.repository}' must be a repository name (letters, digits, '.', '_', '-'; no owner), e.g. widget, got '${value}'.`
    )
  }
  return value
}

/** Git's rules for a branch name (git check-ref-format), so a typo is caught before any request. */
function parseBranch(value: string): string {
  required(value, INPUT.branch, 'the branch SSD scans, e.g. main (the event names none)')
  const invalid =
    value.length > 255 ||
    /[\u0000-\u0020\u007f~^:?*[\\]/.test(value) ||
    /\.\.|@\{|\/\/|\/\./.test(value) ||
    /^[-/.]|[/.]$|\.lock$/.test(value) ||
    value === '@'
  if (invalid) {
    throw new InputError(
      `Input '${INPUT.branch}' must be a git branch name such as main or feature/login (no spaces, '..', '~', '^', ':', '?', '*', '[' or '\\'), got '${value}'.`
    )
  }
  return value
}

/**
 * On a pull request from a fork the head branch lives in the fork, which SSD does not scan:
 * waiting for it would only time out (and a rescan would scan the base repository's branch
 * of that name). So there the branch must be named; a given scanId is gated on as it is.
 */
function forkDefault(context: ConfigContext, scanId: string): string {
  if (!context.isForkPullRequest || scanId) return ''
  throw new InputError(
    `Input '${INPUT.branch}' is required on a pull request from a fork: SSD scans the branches of the repositories configured on a project, not a fork's, so it has no scan of this pull request's commit. Set '${INPUT.branch}' to a branch SSD scans (with 'waitForCommit: false'), or skip the gate for forks.`
  )
}

/** A commit SHA, full or abbreviated to 7 characters or more. */
function parseCommit(value: string): string {
  required(value, INPUT.commit, 'a commit SHA (the event names none)')
  if (!/^[0-9a-f]{7,40}$/i.test(value)) {
    throw new InputError(
      `Input '${INPUT.commit}' must be a commit SHA of 7 to 40 hexadecimal characters, got '${value}'.`
    )
  }
  return value.toLowerCase()
}

const SCORE = { min: 0, max: 10, expected: 'a number from 0 to 10' }

/** `Name=minimum` per line (or comma-separated); `*=N` for every check; `#` starts a comment. */
export function parseCheckRules(value: string): CheckRule[] {
  const rules = new Map<string, CheckRule>()
  for (const raw of value.split(/[\n,]/)) {
    const line = raw.replace(/#.*/, '').trim()
    if (!line) continue
    const match = /^([^=]*[^=\s])\s*=\s*(\S+)$/.exec(line)
    if (!match) {
      throw new InputError(
        `Input '${INPUT.checkThresholds}' must have one Check-Name=minimum per line (e.g. Dangerous-Workflow=10, or *=5), got '${line}'.`
      )
    }
    const [, name = '', minimum = ''] = match
    const number = parseNumber(minimum, INPUT.checkThresholds, {
      ...SCORE,
      expected: `a number from 0 to 10 after '${name}='`
    })
    // Stryker disable next-line MethodExpression: the key only makes names that differ in case one; upper case does too
    rules.set(name.toLowerCase(), { name: name.toLowerCase(), minimum: number, text: `${name}=${minimum}` })
  }
  return [...rules.values()]
}

function parseSeverity(value: string): Severity | undefined {
  if (!value) return undefined
  const severity = value.toLowerCase()
  if ((SEVERITIES as readonly string[]).includes(severity)) return severity as Severity
  throw new InputError(
    `Input '${INPUT.failOnSeverity}' must be one of ${SEVERITIES.join(', ')} (or empty for off), got '${value}'.`
  )
}

/** A file's path in the repository: relative, no `..`, no backslash; '' for none. */
function parseRepositoryPath(value: string, name: InputName): string {
  if (!value) return ''
  const path = value.replace(/^(\.\/)+/, '')
  // An absolute path starts with an empty segment, which the segment test refuses.
  const segments = path.split('/')
  if (
    path.includes('\\') ||
    /[\u0000-\u001f\u007f]/.test(path) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw new InputError(
      `Input '${name}' must be a file's path in the repository, relative to its root and without '..', e.g. .github/ssd-waivers.yml (or empty for none), got '${value}'.`
    )
  }
  return path
}

function parseBasePath(value: string): string {
  const trimmed = value.replace(/^\/+/, '').replace(TRAILING_SLASHES, '')
  if (/[?#\s]/.test(trimmed)) {
    throw new InputError(`Input '${INPUT.apiBasePath}' must be a URL path such as /gate (or empty), got '${value}'.`)
  }
  return trimmed ? `/${trimmed}` : ''
}

function parseNumber(
  value: string,
  name: InputName,
  range: { min: number; max: number; exclusiveMin?: boolean; expected: string }
): number {
  const number = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN
  const belowMin = range.exclusiveMin ? number <= range.min : number < range.min
  if (!Number.isFinite(number) || belowMin || number > range.max) {
    throw new InputError(`Input '${name}' must be ${range.expected}, got '${value}'.`)
  }
  return number
}

/** A number of score points (0 to 10), or undefined when empty (off). */
function parseOptionalScore(value: string, name: InputName): number | undefined {
  if (!value) return undefined
  return parseNumber(value, name, { ...SCORE, expected: 'a number of score points from 0 to 10 (or empty for off)' })
}

/** A positive number of seconds (decimals allowed), in milliseconds. */
function seconds(value: string, name: InputName): number {
  const limit = 24 * 60 * 60
  const secs = parseNumber(value, name, {
    min: 0,
    max: limit,
    exclusiveMin: true,
    expected: `a positive number of seconds (at most ${limit})`
  })
  return Math.round(secs * 1000)
}

function parseCommentMode(value: string): CommentMode {
  const mode = value.toLowerCase()
  if (mode === 'true') return 'always'
  if (mode === 'false') return 'never'
  if ((COMMENT_MODES as readonly string[]).includes(mode)) return mode as CommentMode
  throw new InputError(
    `Input '${INPUT.comment}' must be one of ${COMMENT_MODES.join(', ')} (or true/false), got '${value}'.`
  )
}

/** One of `choices`, in any case, as the list spells it. */
function parseChoice<T extends string>(value: string, name: InputName, choices: readonly T[]): T {
  const choice = choices.find((allowed) => allowed.toLowerCase() === value.toLowerCase())
  if (choice) return choice
  throw new InputError(`Input '${name}' must be one of ${choices.join(', ')}, got '${value}'.`)
}

/** The header's value: `Bearer <token>` (a token already so written is kept as is), or the raw token. */
function authHeader(token: string, format: TokenFormat): string {
  if (format === 'raw') return token.replace(/^bearer\s+/i, '')
  return /^bearer /i.test(token) ? token : `Bearer ${token}`
}

function parseBoolean(value: string, name: InputName): boolean {
  const lower = value.toLowerCase()
  if (lower === 'true') return true
  if (lower === 'false') return false
  throw new InputError(`Input '${name}' must be true or false, got '${value}'.`)
}

/**
 * Reads the inputs the runner passed. The token is masked before anything else happens,
 * so no later log line can show it.
 */
export function readConfig(context: ConfigContext): Config {
  const token = core.getInput(INPUT.token)
  addSecret(token.trim())
  addSecret(token.trim().replace(/^bearer\s+/i, ''))
  addSecret(core.getInput(INPUT.githubToken).trim())
  return parseConfig((name) => core.getInput(name), context)
}
