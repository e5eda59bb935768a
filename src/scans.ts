/**
 * The SSD answer, validated. Everything here came over the network and may come from the
 * code under review: it is checked for shape and kept as plain strings and numbers.
 */

import { cutText } from './text.ts'

export interface Check {
  name: string
  /** 0..10, or null when the tool could not conclude (Scorecard's -1). */
  score: number | null
  reason: string
  /** Documentation URL as SSD gave it; shown as a link only when it is http(s). */
  url: string
  /** What the check looks at (`metadata.short`). */
  description: string
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

/** A finding-shaped item (Semgrep, Opengrep, Trivy...): a rule hit somewhere in the code. */
export interface Finding {
  /** Normalised; undefined when the tool's word is not one we know. */
  severity: Severity | undefined
  /** The severity as the tool wrote it. */
  severityText: string
  rule: string
  message: string
  /** Where it is: a file path, or what the tool names instead (a package, an image). */
  file: string
  /** `file` is a path in the repository (a tool's path field, not a package name): it can be linked. */
  inRepository: boolean
  line: number | undefined
}

/** Any other item: its scalar fields by name, for a compact table. A Map, so no name is special. */
export type GenericItem = ReadonlyMap<string, string>

export interface Scan {
  /** `scanName`, e.g. `openssf`. */
  name: string
  /** `scanTool`, e.g. `Openssf`. */
  tool: string
  status: string
  error: string
  version: string
  /** The scan's aggregate score, when it has a conclusive numeric one. */
  score: number | undefined
  /** The aggregate as SSD wrote it (`2.4`), for the `score` output. */
  scoreText: string
  checks: Check[]
  findings: Finding[]
  others: GenericItem[]
}

/**
 * What a status word means for the wait: `completed` (done, rated or not), `failed`, `paused`
 * (stopped without finishing: someone must resume it) or `running` (pending, scanning, and any
 * word the action does not know).
 */
export type ScanState = 'completed' | 'failed' | 'running' | 'paused'

/** SSD's verdicts on a finished scan (its `RiskStatus` enum), mildest first. */
const RISK_RATINGS = ['lowrisk', 'mediumrisk', 'highrisk', 'apocalypserisk'] as const
export type RiskRating = (typeof RISK_RATINGS)[number]

/**
 * Every status word the action knows, and what it means: SSD's schema's words, with the
 * failure words older answers use. Any other word is waited on as a running scan.
 */
const STATES: Readonly<Record<string, ScanState>> = {
  pending: 'running',
  scanning: 'running',
  paused: 'paused',
  completed: 'completed',
  ...Object.fromEntries(RISK_RATINGS.map((rating) => [rating, 'completed'])),
  fail: 'failed',
  failed: 'failed',
  error: 'failed'
}

/** The answer is JSON but not an array of scans as documented. */
export class AnswerShapeError extends Error {
  override name = 'AnswerShapeError'
}

/** Validates the parsed answer: a JSON array of scan objects, each with a string status. */
export function parseScans(answer: unknown): Scan[] {
  if (!Array.isArray(answer)) {
    throw new AnswerShapeError(`expected a JSON array of scans, got ${describe(answer)}`)
  }
  return answer.map((value: unknown, index) => {
    const element = asObject(value)
    if (!element) {
      throw new AnswerShapeError(`expected scan ${index} to be an object, got ${describe(value)}`)
    }
    const status = field(element, 'status')
    if (typeof status !== 'string') {
      throw new AnswerShapeError(`expected scan ${index} to have a string "status", got ${describe(status)}`)
    }
    return parseScan(element, wellFormed(status))
  })
}

function parseScan(element: JsonObject, status: string): Scan {
  const metadata = objectField(element, 'metadata')
  const aggregate = numberOrUndefined(field(metadata, 'score'))
  // A tool that puts one object in `data` (a report, not a list) is shown as one item.
  const data = field(element, 'data')
  // Stryker disable next-line ArrayDeclaration: items that are not objects are skipped, so any list of non-objects reads as none
  const items = Array.isArray(data) ? (data as unknown[]) : asObject(data) ? [data] : []
  return {
    name: text(field(element, 'scanName')),
    tool: text(field(element, 'scanTool')) || text(field(element, 'scanName')),
    status,
    error: text(field(element, 'error')),
    version: text(field(metadata, 'version')),
    // A negative aggregate means inconclusive, like a check's -1: nothing to gate on.
    score: aggregate !== undefined && aggregate >= 0 ? aggregate : undefined,
    scoreText: aggregate !== undefined && aggregate >= 0 ? text(field(metadata, 'score')).trim() : '',
    ...parseItems(items)
  }
}

/** Sorts `data` by shape; an item of no known shape is kept by its scalar fields, never fatal. */
function parseItems(data: unknown[]): Pick<Scan, 'checks' | 'findings' | 'others'> {
  const items: Pick<Scan, 'checks' | 'findings' | 'others'> = { checks: [], findings: [], others: [] }
  for (const value of data) {
    const item = asObject(value)
    if (!item) continue
    const check = parseCheck(item)
    if (check) {
      items.checks.push(check)
      continue
    }
    const finding = parseFinding(item)
    if (finding) items.findings.push(finding)
    else items.others.push(scalarFields(item))
  }
  return items
}

/** A Scorecard-shaped item: a name and a numeric score. */
function parseCheck(item: JsonObject): Check | undefined {
  const name = text(field(item, 'name'))
  const score = numberOrUndefined(field(item, 'score'))
  if (!name || score === undefined) return undefined
  const metadata = objectField(item, 'metadata')
  return {
    name,
    score: score < 0 ? null : score,
    reason: text(field(item, 'reason')),
    url: text(field(metadata, 'url')),
    description: text(field(metadata, 'short'))
  }
}

/**
 * A finding-shaped item: a severity and a rule, message or file. Tools spell the keys
 * differently (Semgrep's `rule_name`, Trivy's `VulnerabilityID`, `Severity`), so keys are
 * matched without regard to case.
 */
function parseFinding(item: JsonObject): Finding | undefined {
  const field = fieldReader(item)
  const severityText = text(field('severity'))
  if (!severityText) return undefined
  const metadata = fieldReader(asObject(field('metadata')) ?? EMPTY)
  const rule = text(
    field('rule_name') ?? field('rule_id') ?? field('check_id') ?? field('vulnerabilityid') ?? field('id')
  )
  const message = text(field('rule_message') ?? field('message') ?? field('title') ?? field('description'))
  const path = text(metadata('file_path') ?? field('file_path') ?? field('path'))
  const file = path || text(field('target') ?? field('pkgname'))
  if (!(rule || message || file)) return undefined
  const line = numberOrUndefined(metadata('line') ?? field('line') ?? field('start_line'))
  return { severity: normaliseSeverity(severityText), severityText, rule, message, file, inRepository: !!path, line }
}

/** Reads an object's own fields by lower-case name, whatever case the tool wrote them in. */
function fieldReader(item: JsonObject): (name: string) => unknown {
  const keys = new Map(Object.keys(item).map((key) => [key.toLowerCase(), key]))
  return (name) => {
    const key = keys.get(name)
    return key === undefined ? undefined : field(item, key)
  }
}

/** Tools say it differently: Semgrep's ERROR/WARNING/INFO, Trivy's CRITICAL..LOW. */
function normaliseSeverity(value: string): Severity | undefined {
  const word = value.trim().toLowerCase()
  if (word === 'critical' || word === 'blocker') return 'critical'
  if (word === 'high' || word === 'error' || word === 'major') return 'high'
  if (word === 'medium' || word === 'moderate' || word === 'warning') return 'medium'
  if (word === 'low' || word === 'minor') return 'low'
  if (word === 'info' || word === 'informational' || word === 'note') return 'info'
  return undefined
}

/** The item's string, number and boolean fields, nested ones flattened one level. */
function scalarFields(item: JsonObject): GenericItem {
  const fields = new Map<string, string>()
  for (const [key, value] of Object.entries(item).slice(0, 20)) {
    const nested = asObject(value)
    if (nested) {
      for (const [inner, innerValue] of Object.entries(nested).slice(0, 10)) {
        const scalar = text(innerValue)
        if (scalar) fields.set(wellFormed(`${key}.${inner}`), scalar)
      }
    } else if (text(value)) {
      fields.set(wellFormed(key), text(value))
    }
  }
  return fields
}

/** How a scan is named to people (report, log, SARIF): its tool, else its scan name. */
export function scanName(scan: Pick<Scan, 'tool' | 'name'>): string {
  return scan.tool || scan.name || 'scan'
}

/**
 * Which scan this is across answers (the base branch's, an earlier run's SARIF category):
 * its scan name, else its tool. Not `scanName`: an identity must not change when the
 * wording for people does, or comparisons and code scanning alerts would lose their match.
 */
export function scanIdentity(scan: Pick<Scan, 'tool' | 'name'>): string {
  return scan.name || scan.tool
}

/** A check's identity across two answers: its scan's tool and its name, without regard to case. */
export function checkKey(scan: Pick<Scan, 'tool' | 'name'>, check: Pick<Check, 'name'>): string {
  // Stryker disable next-line MethodExpression: upper or lower, both sides of a match go through here
  return `${scanIdentity(scan).toLowerCase()}\n${check.name.toLowerCase()}`
}

/**
 * The finding's file as a path inside the repository, or undefined: only a tool's path field
 * (not a package name), relative, without a scheme, a `..`, an empty segment or a backslash,
 * so a path from the scanned code can neither link nor point an annotation elsewhere.
 */
export function repositoryPath(finding: Pick<Finding, 'file' | 'inRepository'>): string | undefined {
  if (!finding.inRepository) return undefined
  const path = finding.file.replace(/^(\.\/)+/, '')
  // An empty or absolute path has an empty segment, so the segment test refuses it too.
  const outside =
    /^[a-z][a-z0-9+.-]*:/i.test(path) ||
    path.includes('\\') ||
    path.split('/').some((segment) => segment === '..' || segment === '')
  return outside ? undefined : path
}

/** 0 for critical .. 4 for info; a severity the action does not know ranks last. */
export function severityRank(finding: Pick<Finding, 'severity'>): number {
  return finding.severity ? SEVERITIES.indexOf(finding.severity) : SEVERITIES.length
}

/** The scan whose aggregate score is gated on: the lowest among those that have one. */
export function lowestScan(scans: Scan[]): Scan | undefined {
  return scans.reduce<Scan | undefined>(
    (worst, scan) =>
      scan.score !== undefined && (worst?.score === undefined || scan.score < worst.score) ? scan : worst,
    undefined
  )
}

/** How many results (checks, findings, other items) a scan has. */
export function resultCount(scan: Pick<Scan, 'checks' | 'findings' | 'others'>): number {
  return scan.checks.length + scan.findings.length + scan.others.length
}

/** A status as SSD writes it, case-insensitive (its own models use lowercase states). */
export function stateOf(status: string): ScanState {
  return knownState(statusWord(status)) ?? 'running'
}

/** What a lowercase status word means, when the action knows it (never a field inherited from Object). */
function knownState(word: string): ScanState | undefined {
  return Object.hasOwn(STATES, word) ? STATES[word] : undefined
}

/** The risk verdict a status gives (`HighRisk` → `highrisk`), if it is one. */
export function ratingOf(status: string): RiskRating | undefined {
  const word = statusWord(status)
  return RISK_RATINGS.find((rating) => rating === word)
}

/** The gravest verdict among `statuses`; undefined when none of them is one. */
export function gravestRating(statuses: Iterable<string>): RiskRating | undefined {
  let gravest = -1
  for (const status of statuses) {
    const rating = ratingOf(status)
    // Stryker disable next-line ConditionalExpression: indexOf(undefined) is -1, which max leaves alone
    if (rating) gravest = Math.max(gravest, RISK_RATINGS.indexOf(rating))
  }
  return RISK_RATINGS[gravest]
}

/** `high risk`, as the report says it. */
export function describeRating(rating: RiskRating): string {
  // Stryker disable next-line Regex: every rating ends in its one 'risk'
  return rating.replace(/risk$/, ' risk')
}

/**
 * The status, trimmed, when it is a word the action does not know (it is waited on as a
 * running scan, and the log says so); '' for a known word and for no status at all.
 */
export function unknownStatus(status: string): string {
  const word = status.trim()
  return word && !knownState(word.toLowerCase()) ? cutText(wellFormed(word), 40) : ''
}

function statusWord(status: string): string {
  return status.trim().toLowerCase()
}

export function scanState(scan: Scan): ScanState {
  const state = stateOf(scan.status)
  // An error and nothing else also means the scan failed, whatever its status says.
  if (state === 'running' && scan.error.trim() && resultCount(scan) === 0) return 'failed'
  return state
}

/**
 * A JSON object of the answer. Its fields are read only through `field` (or Object.keys
 * and entries): a plain `object.name` would find a member of Object.prototype
 * (`constructor`, `toString`...) where the answer has no such field.
 */
declare const jsonObject: unique symbol
type JsonObject = { readonly [jsonObject]: true }

const EMPTY = Object.freeze({}) as JsonObject

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined
}

/** The object's own field `name`, never one it inherits. */
function field(object: JsonObject, name: string): unknown {
  return Object.hasOwn(object, name) ? (object as unknown as Record<string, unknown>)[name] : undefined
}

/** The object field `name`, or an empty object when it is absent or not an object. */
function objectField(object: JsonObject, name: string): JsonObject {
  return asObject(field(object, name)) ?? EMPTY
}

/** Text as the answer gave it, with any lone surrogate (`"\ud800"` in JSON) made U+FFFD. */
function text(value: unknown): string {
  if (typeof value === 'string') return wellFormed(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}

function wellFormed(value: string): string {
  return value.toWellFormed()
}

function numberOrUndefined(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return undefined
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (asObject(value)) {
    const keys = Object.keys(value as object)
      .slice(0, 5)
      .map((key) => cutText(wellFormed(key), 40))
    return keys.length ? `an object with keys ${keys.join(', ')}` : 'an empty object'
  }
  return typeof value
}
