/**
 * The SSD answer, validated. Everything here came over the network and may come from the
 * code under review: it is checked for shape and kept as plain strings and numbers.
 */

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

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const
export type Severity = (typeof SEVERITIES)[number]

/** A finding-shaped item (Semgrep, Opengrep, Trivy...): a rule hit somewhere in the code. */
export interface Finding {
  /** Normalised; undefined when the tool's word is not one we know. */
  severity: Severity | undefined
  /** The severity as the tool wrote it. */
  severityText: string
  rule: string
  message: string
  file: string
  line: number | undefined
}

/** Any other item: its scalar fields, for a compact table. */
export type GenericItem = Record<string, string>

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

export type ScanState = 'completed' | 'failed' | 'running'

/** The answer is JSON but not an array of scans as documented. */
export class AnswerShapeError extends Error {
  override name = 'AnswerShapeError'
}

/** Validates the parsed answer: a JSON array of scan objects, each with a string status. */
export function parseScans(answer: unknown): Scan[] {
  if (!Array.isArray(answer)) {
    throw new AnswerShapeError(`expected a JSON array of scans, got ${describe(answer)}`)
  }
  return answer.map((element, index) => {
    if (!isRecord(element)) {
      throw new AnswerShapeError(`expected scan ${index} to be an object, got ${describe(element)}`)
    }
    if (typeof element.status !== 'string') {
      throw new AnswerShapeError(`expected scan ${index} to have a string "status", got ${describe(element.status)}`)
    }
    return parseScan(element, element.status)
  })
}

function parseScan(element: Record<string, unknown>, status: string): Scan {
  const metadata = isRecord(element.metadata) ? element.metadata : {}
  const aggregate = numberOrUndefined(metadata.score)
  // A tool that puts one object in `data` (a report, not a list) is shown as one item.
  const data = Array.isArray(element.data) ? element.data : isRecord(element.data) ? [element.data] : []
  return {
    name: text(element.scanName),
    tool: text(element.scanTool) || text(element.scanName),
    status,
    error: text(element.error),
    version: text(metadata.version),
    // A negative aggregate means inconclusive, like a check's -1: nothing to gate on.
    score: aggregate !== undefined && aggregate >= 0 ? aggregate : undefined,
    scoreText: aggregate !== undefined && aggregate >= 0 ? String(metadata.score).trim() : '',
    ...parseItems(data)
  }
}

/** Sorts `data` by shape; an item of no known shape is kept by its scalar fields, never fatal. */
function parseItems(data: unknown[]): Pick<Scan, 'checks' | 'findings' | 'others'> {
  const items: Pick<Scan, 'checks' | 'findings' | 'others'> = { checks: [], findings: [], others: [] }
  for (const item of data) {
    if (!isRecord(item)) continue
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
function parseCheck(item: Record<string, unknown>): Check | undefined {
  const name = text(item.name)
  const score = numberOrUndefined(item.score)
  if (!name || score === undefined) return undefined
  const metadata = isRecord(item.metadata) ? item.metadata : {}
  return {
    name,
    score: score < 0 ? null : score,
    reason: text(item.reason),
    url: text(metadata.url),
    description: text(metadata.short)
  }
}

/**
 * A finding-shaped item: a severity and a rule, message or file. Tools spell the keys
 * differently (Semgrep's `rule_name`, Trivy's `VulnerabilityID`, `Severity`), so keys are
 * matched without regard to case.
 */
function parseFinding(item: Record<string, unknown>): Finding | undefined {
  const field = fieldReader(item)
  const severityText = text(field('severity'))
  if (!severityText) return undefined
  const metadata = isRecord(field('metadata'))
    ? fieldReader(field('metadata') as Record<string, unknown>)
    : () => undefined
  const rule = text(
    field('rule_name') ?? field('rule_id') ?? field('check_id') ?? field('vulnerabilityid') ?? field('id')
  )
  const message = text(field('rule_message') ?? field('message') ?? field('title') ?? field('description'))
  const file = text(metadata('file_path') ?? field('file_path') ?? field('path') ?? field('target') ?? field('pkgname'))
  if (!(rule || message || file)) return undefined
  const line = numberOrUndefined(metadata('line') ?? field('line') ?? field('start_line'))
  return { severity: normaliseSeverity(severityText), severityText, rule, message, file, line }
}

/** Reads an object's fields by lower-case name, whatever case the tool wrote them in. */
function fieldReader(item: Record<string, unknown>): (name: string) => unknown {
  const keys = new Map(Object.keys(item).map((key) => [key.toLowerCase(), key]))
  return (name) => {
    const key = keys.get(name)
    return key === undefined ? undefined : item[key]
  }
}

/** Tools say it differently: Semgrep's ERROR/WARNING/INFO, Trivy's CRITICAL..LOW. */
function normaliseSeverity(value: string): Severity | undefined {
  const word = value.trim().toLowerCase()
  if (word === 'critical' || word === 'blocker') return 'critical'
  if (word === 'high' || word === 'error' || word === 'major') return 'high'
  if (word === 'medium' || word === 'moderate' || word === 'warning') return 'medium'
  if (word === 'low' || word === 'info' || word === 'note' || word === 'minor') return 'low'
  return undefined
}

/** The item's string, number and boolean fields, nested ones flattened one level. */
function scalarFields(item: Record<string, unknown>): GenericItem {
  const fields: GenericItem = {}
  for (const [key, value] of Object.entries(item).slice(0, 20)) {
    if (isRecord(value)) {
      for (const [inner, innerValue] of Object.entries(value).slice(0, 10)) {
        const scalar = text(innerValue)
        if (scalar) fields[`${key}.${inner}`] = scalar
      }
    } else if (text(value)) {
      fields[key] = text(value)
    }
  }
  return fields
}

/** A status as SSD writes it, case-insensitive (its own models use lowercase states). */
export function stateOf(status: string): ScanState {
  const word = status.trim().toLowerCase()
  if (word === 'completed') return 'completed'
  if (word === 'fail' || word === 'failed' || word === 'error') return 'failed'
  return 'running'
}

export function scanState(scan: Scan): ScanState {
  const state = stateOf(scan.status)
  // An error and nothing else also means the scan failed, whatever its status says.
  if (
    state === 'running' &&
    scan.error.trim() &&
    scan.checks.length + scan.findings.length + scan.others.length === 0
  ) {
    return 'failed'
  }
  return state
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}

function numberOrUndefined(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return undefined
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .slice(0, 5)
      .map((key) => key.slice(0, 40))
    return keys.length ? `an object with keys ${keys.join(', ')}` : 'an empty object'
  }
  return typeof value
}
