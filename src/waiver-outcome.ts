/**
 * What the waivers did to one result, and what the log says about it. Plain data and text,
 * with no dependency: the decision, the report and main.ts import from here statically,
 * while the YAML parser and the glob matcher (waivers.ts) load only when a file was found.
 */
import type { Check, Finding, Scan } from './scans.ts'
import { oneLine } from './text.ts'

/** One entry of the waivers file, checked. */
export interface Waiver {
  /** The waivers file it comes from, e.g. `.github/ssd-waivers.yml`. */
  file: string
  /** 1-based position in the file's `waivers` list. */
  entry: number
  /** The line the entry starts on (1-based). */
  line: number
  /** A finding's rule (Semgrep rule, CVE id...); exactly one of `rule` and `check` is set. */
  rule?: string
  /** A check's name (Scorecard's), compared without regard to case. */
  check?: string
  /** A glob of the files it covers (rule waivers only); every file when absent. */
  path?: string
  /** Only this tool's results (a scan's tool or name, without regard to case). */
  tool?: string
  reason: string
  /** YYYY-MM-DD (UTC): the last day the waiver holds. */
  expires: string
  approvedBy?: string
}

/** A finding or check taken out of the gate, with the waiver that took it. */
export type Waived =
  | { kind: 'finding'; scan: Scan; finding: Finding; waiver: Waiver }
  | { kind: 'check'; scan: Scan; check: Check; waiver: Waiver }

export interface WaiverOutcome {
  /** Scan by scan in the answer's order, each scan's checks before its findings. */
  waived: Waived[]
  /** Past their end date (today > expires): they waive nothing. */
  expired: Waiver[]
  /** Active, waiving something, and ending within EXPIRY_WARNING_DAYS days (0: today is the last day). */
  expiring: Array<{ waiver: Waiver; daysLeft: number }>
  /** Active, and matching nothing in this result (for a check waiver: no failing check). */
  unused: Waiver[]
}

export const NO_WAIVERS: WaiverOutcome = Object.freeze({
  waived: [],
  expired: [],
  expiring: [],
  unused: []
})

/** A waiver that ends within this many days is announced with a warning. */
export const EXPIRY_WARNING_DAYS = 14

/** Today's date in UTC as YYYY-MM-DD, the calendar `expires` is read in. */
export function utcDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (both YYYY-MM-DD, UTC): negative when `to` is earlier, NaN when either is not a date. */
export function daysBetween(from: string, to: string): number {
  const day = (date: string): number => Date.parse(`${date}T00:00:00Z`)
  return Math.round((day(to) - day(from)) / 86_400_000)
}

/** How a waiver is named to people: its rule (or check), and the path and tool it is limited to. */
export function describeWaiver(waiver: Waiver): string {
  const subject = waiver.rule !== undefined ? shown(waiver.rule) : `check ${shown(waiver.check ?? '')}`
  const path = waiver.path !== undefined ? ` in ${shown(waiver.path)}` : ''
  const tool = waiver.tool !== undefined ? ` (${shown(waiver.tool)})` : ''
  return `${subject}${path}${tool}`
}

export interface WaiverNote {
  level: 'warning' | 'notice'
  text: string
}

/**
 * The log annotations for an outcome: a warning for each expired waiver and for each one
 * about to end, a notice for each one that matches nothing.
 */
export function waiverNotes(outcome: WaiverOutcome): WaiverNote[] {
  const expired = outcome.expired.map((waiver): WaiverNote => ({
    level: 'warning',
    text:
      `Waiver for ${describeWaiver(waiver)} expired on ${waiver.expires} (reason: ${reasonOf(waiver)}): ` +
      `it waives nothing now. Renew or remove ${where(waiver)}.`
  }))
  const expiring = outcome.expiring.map(({ waiver, daysLeft }): WaiverNote => ({
    level: 'warning',
    text:
      `Waiver for ${describeWaiver(waiver)} expires on ${waiver.expires}, ${daysLeft === 0 ? 'today' : `in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`} ` +
      `(reason: ${reasonOf(waiver)}): then ${whatItWaives(outcome, waiver)} again. See ${where(waiver)}.`
  }))
  const unused = outcome.unused.map((waiver): WaiverNote => ({
    level: 'notice',
    // A check waiver matches only a failing check: one that names a passing check is unused too.
    text: `Waiver for ${describeWaiver(waiver)} matches nothing in this result${waiver.check !== undefined ? ' that fails' : ''}: it can be removed (${where(waiver)}).`
  }))
  return [...expired, ...expiring, ...unused]
}

function where(waiver: Waiver): string {
  return `entry ${waiver.entry} of ${waiver.file} (line ${waiver.line})`
}

function reasonOf(waiver: Waiver): string {
  return shown(waiver.reason, 200)
}

/** `the 2 findings it waives count`, `the check it waives counts`. */
function whatItWaives(outcome: WaiverOutcome, waiver: Waiver): string {
  const mine = outcome.waived.filter((waived) => waived.waiver === waiver)
  const findings = mine.filter((waived) => waived.kind === 'finding').length
  const checks = mine.length - findings
  const parts = [
    ...(findings ? [findings === 1 ? 'the finding' : `the ${findings} findings`] : []),
    ...(checks ? [checks === 1 ? 'the check' : `the ${checks} checks`] : [])
  ]
  return `${parts.join(' and ') || 'what'} it waives ${mine.length > 1 ? 'count' : 'counts'}`
}

/** Untrusted text from the file, on one line and of a length fit for a log line. */
function shown(text: string, maxLength = 120): string {
  return oneLine(text, maxLength)
}
