/**
 * SSD's summary of the latest scan of one project, repository and branch
 * (`sourceScan/summarydata`), validated. It is the only place SSD names the commit a
 * result is of: `filedata` answers the latest result of a scan target and names none.
 */
import { AnswerShapeError, stateOf, type ScanState } from './scans.ts'
import { oneLine } from './text.ts'

export interface ScanSummary {
  /** The scan target's id: one per project, repository and branch, reused by every rescan. */
  scanId: string
  /** The commit SSD's latest scan of the branch is of, lower-case; '' when SSD did not say. */
  headCommit: string
  /** As SSD wrote it (pending, scanning, paused, completed, fail, or a verdict such as highrisk). */
  status: string
  state: ScanState
  /** Needed to ask for a rescan. */
  projectName: string
  platform: string
  lastScannedAt: string
  /** `scannedFiledData`: each tool's result file and state, in the order SSD gave them. */
  files: ScannedFile[]
}

/** One tool's entry in `scannedFiledData`: the result file it scanned into, and how it went. */
export interface ScannedFile {
  /** The category SSD files it under (`SAST`); '' when SSD gave a flat list or map. */
  group: string
  /** Its name in the group (`semgrep`); in a list, its scanName (or scanTool). */
  key: string
  scanName: string
  scanTool: string
  resultFile: string
  status: string
  error: string
  state: ScanState
}

/** More tools than any SSD runs: an answer with more is cut here, so a hostile one stays small. */
const MAX_FILES = 50
const ENTRY_FIELDS = ['scanName', 'scanTool', 'resultFile', 'status', 'error'] as const

/**
 * The summary, or undefined when SSD has no scan of the branch yet (an empty object, or
 * one without a scanId). Anything that is not an object is not the documented summary.
 */
export function parseSummary(answer: unknown): ScanSummary | undefined {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new AnswerShapeError(
      `expected a JSON object, got ${answer === null ? 'null' : Array.isArray(answer) ? 'an array' : typeof answer}`
    )
  }
  const field = (name: string): string => scalar(own(answer, name)).trim()
  const scanId = field('scanId')
  if (!scanId) return undefined
  const headCommit = field('headCommit').toLowerCase()
  const status = field('status')
  return {
    scanId,
    // Only a SHA can be compared and linked; anything else counts as "SSD did not say".
    headCommit: /^[0-9a-f]{7,40}$/.test(headCommit) ? headCommit : '',
    status,
    state: stateOf(status),
    projectName: field('projectName'),
    platform: field('platform'),
    lastScannedAt: field('lastScannedAt'),
    files: parseScannedFiles(own(answer, 'scannedFiledData'))
  }
}

/**
 * `scannedFiledData` in any shape SSD has been seen to use: grouped by category
 * (`{"SAST":{"semgrep":{...}}}`), a flat map (`{"semgrep":{...}}`) or a list of entries.
 * It only informs the wait line and filedata by POST, so anything else in it is skipped,
 * never fatal.
 */
export function parseScannedFiles(value: unknown): ScannedFile[] {
  const files: ScannedFile[] = []
  const add = (group: string, key: string, entry: object): void => {
    if (files.length < MAX_FILES) files.push(scannedFile(group, key, entry))
  }
  if (Array.isArray(value)) {
    for (const entry of value as unknown[]) {
      if (isEntry(entry)) add('', scalar(own(entry, 'scanName')) || scalar(own(entry, 'scanTool')), entry)
    }
  } else if (isObject(value)) {
    for (const [name, inner] of Object.entries(value)) {
      if (isEntry(inner)) add('', name, inner)
      else if (isObject(inner)) {
        for (const [key, entry] of Object.entries(inner)) if (isEntry(entry)) add(name, key, entry)
      }
    }
  }
  return files
}

function scannedFile(group: string, key: string, entry: object): ScannedFile {
  const [scanName, scanTool, resultFile, status, error] = ENTRY_FIELDS.map((name) => scalar(own(entry, name)))
  return {
    group: group.toWellFormed(),
    key: key.toWellFormed(),
    scanName: scanName ?? '',
    scanTool: scanTool ?? '',
    resultFile: resultFile ?? '',
    status: (status ?? '').trim(),
    error: (error ?? '').trim(),
    state: stateOf(status ?? '')
  }
}

/** An object with one of an entry's fields as a string: a tool, not a group of tools. */
function isEntry(value: unknown): value is object {
  return isObject(value) && ENTRY_FIELDS.some((name) => typeof own(value, name) === 'string')
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The object's own field, never one it inherits (`constructor`, `__proto__`). */
function own(object: object, name: string): unknown {
  return Object.hasOwn(object, name) ? (object as Record<string, unknown>)[name] : undefined
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value.toWellFormed() : typeof value === 'number' ? String(value) : ''
}

/** A tool as the log names it: its key (`semgrep`), else its scan name or tool. */
export function fileName(file: ScannedFile): string {
  return oneLine(file.key || file.scanName || file.scanTool || 'tool', 40)
}

/** Tools named in one wait line; the rest are counted. */
const NAMED_FILES = 10

/**
 * `openssf completed, semgrep scanning`: each tool's state, when it says more than the
 * summary's `status` does (a tool apart from the rest); '' when every tool says the same.
 */
export function describeFiles(summary: Pick<ScanSummary, 'status' | 'files'>): string {
  const status = summary.status.toLowerCase()
  if (summary.files.every((file) => file.status.toLowerCase() === status)) return ''
  const named = summary.files
    .slice(0, NAMED_FILES)
    .map((file) => `${fileName(file)} ${oneLine(file.status, 20) || 'unknown'}`)
  const more = summary.files.length - named.length
  return [...named, ...(more > 0 ? [`${more} more`] : [])].join(', ')
}

/** The tools that failed, by their status or an error text, while the scan as a whole goes on. */
export function failedFiles(summary: Pick<ScanSummary, 'files'>): ScannedFile[] {
  return summary.files.filter((file) => file.state === 'failed' || (file.error && file.state !== 'completed'))
}

/** Either SHA may be abbreviated (7+ characters): they match when one starts the other. */
export function sameCommit(a: string, b: string): boolean {
  if (a.length < 7 || b.length < 7) return false
  // Stryker disable next-line EqualityOperator: of two SHAs of one length, either may be the prefix of the other
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return long.toLowerCase().startsWith(short.toLowerCase())
}

/** `1a2b3c4`: the short form people know from GitHub. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7)
}
