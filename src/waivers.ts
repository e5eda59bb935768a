/**
 * The waivers file, read and matched; pure. The file is untrusted (a pull request can change
 * it): it is parsed by the YAML library with a low alias limit, every field is type-checked,
 * and every problem is reported at once. Globs are matched by picomatch.
 *
 * Loaded only by the dynamic import in waivers-file.ts, once a file was found: a run without
 * one never loads the YAML parser or the glob matcher. Import types from here freely, values
 * only from waiver-outcome.ts.
 */
import picomatch from 'picomatch/posix.js'
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml'
import { WaiversFileError } from './errors.ts'
import type { Check, Finding, Scan } from './scans.ts'
import { oneLine } from './text.ts'
import { daysBetween, EXPIRY_WARNING_DAYS, type Waived, type Waiver, type WaiverOutcome } from './waiver-outcome.ts'

const FIELDS = ['rule', 'check', 'path', 'tool', 'reason', 'expires', 'approvedBy'] as const
type Field = (typeof FIELDS)[number]

/**
 * How many times anchors may be used (an anchor used inside another counts for each use of
 * that one): plenty for reusing a reason, far too few for a "billion laughs" file.
 */
const MAX_ALIASES = 50
/** More problems than this and the file is wrong throughout: the rest are counted, not listed. */
const MAX_PROBLEMS = 30
/** A glob is matched against every finding's file: a pathological one must stay short. */
const MAX_PATH_LENGTH = 500
/**
 * `dot`: `src/**` covers `src/.config/x` too, as a person reading it expects. `strictBrackets`:
 * an unclosed `[`, `{` or `(` is an error rather than a literal character.
 */
const GLOB_OPTIONS = { dot: true, strictBrackets: true }

/**
 * The waivers in `text` (the content of `file`), or a WaiversFileError naming every problem:
 * YAML that does not parse, a file of the wrong shape, and each bad entry by number and line.
 * An empty file, or `waivers:` with an empty list or nothing, is no waivers.
 */
export function parseWaivers(text: string, file: string): Waiver[] {
  const problems = new Problems(file)
  const waivers = readEntries(text, problems).flatMap((entry) => checkEntry(entry, file, problems))
  problems.throwIfAny()
  return waivers
}

interface RawEntry {
  value: unknown
  entry: number
  line: number
}

/** The `waivers` list's items as plain values (mappings as Maps), each with its line. */
function readEntries(text: string, problems: Problems): RawEntry[] {
  const lineCounter = new LineCounter()
  const lineAt = (offset: number | undefined): number => lineCounter.linePos(offset ?? 0).line
  let document: Document.Parsed
  let root: unknown
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core', uniqueKeys: true })
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        problems.add(`line ${lineAt(error.pos[0])}`, `not valid YAML: ${yamlMessage(error.code, error.message)}`)
      }
      return []
    }
    const aliasProblem = problemOfAliases(document)
    if (aliasProblem) {
      problems.add('', `not valid YAML: ${aliasProblem}`)
      return []
    }
    root = document.toJS({ maxAliasCount: MAX_ALIASES, mapAsMap: true })
  } catch (error) {
    // The library's own limits (aliases, an alias without its anchor, nesting too deep for the stack).
    problems.add('', `not valid YAML: ${libraryFault(error)}`)
    return []
  }
  if (root === null || root === undefined) return []
  const contents = document.contents
  if (!(root instanceof Map) || !isMap(contents)) {
    problems.add('', `expected a mapping with one key, 'waivers', holding a list of waivers; got ${describe(root)}`)
    return []
  }
  let list: { line: number; node: unknown } | undefined
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined
    const line = lineAt((pair.key as { range?: number[] } | null)?.range?.[0])
    if (key === 'waivers') list = { line, node: pair.value }
    else if (typeof key === 'string')
      problems.add(`line ${line}`, `unknown key ${describe(key)}: the file has one key, 'waivers'`)
    else problems.add(`line ${line}`, `a key must be text, got ${describe(key)}: the file has one key, 'waivers'`)
  }
  if (!list) {
    problems.add('', `has no 'waivers' key: expected 'waivers:' followed by a list of waivers`)
    return []
  }
  const values = root.get('waivers')
  if (values === null || values === undefined) return []
  if (!Array.isArray(values)) {
    problems.add(
      `line ${list.line}`,
      `'waivers' must be a list of waivers, each starting with '- ', got ${describe(values)}`
    )
    return []
  }
  const node = isAlias(list.node) ? list.node.resolve(document) : list.node
  const items = isSeq(node) ? node.items : []
  return values.map((value: unknown, index) => {
    const item = items[index] as { range?: number[] } | undefined
    return { value, entry: index + 1, line: item?.range ? lineAt(item.range[0]) : list.line }
  })
}

function checkEntry({ value, entry, line }: RawEntry, file: string, problems: Problems): Waiver[] {
  const at = `entry ${entry} (line ${line})`
  const before = problems.count
  const problem = (what: string): void => problems.add(at, what)
  if (!(value instanceof Map)) {
    problem(`expected a mapping of fields (rule or check, reason, expires...), got ${describe(value)}`)
    return []
  }
  const fields = new Map<Field, unknown>()
  for (const [key, field] of value as Map<unknown, unknown>) {
    if (typeof key !== 'string') problem(`a field name must be text, got ${describe(key)}`)
    else if (isField(key)) fields.set(key, field)
    else problem(unknownField(key))
  }
  /** The field's text, trimmed; undefined when absent or bad (the problem is noted). */
  const text = (name: Field): string | undefined => {
    if (!fields.has(name)) return undefined
    const raw = fields.get(name)
    if (name === 'expires' && typeof raw !== 'string') {
      problem(`'expires' must be a date as YYYY-MM-DD (e.g. 2027-03-31), got ${describe(raw)}`)
      return undefined
    }
    if (typeof raw !== 'string') {
      problem(`'${name}' must be text, got ${describe(raw)}${isScalarValue(raw) ? ' (quote it to make it text)' : ''}`)
      return undefined
    }
    const trimmed = raw.trim()
    if (!trimmed) problem(`'${name}' must not be empty`)
    return trimmed || undefined
  }

  const rule = text('rule')
  const check = text('check')
  if (!fields.has('rule') && !fields.has('check')) {
    problem(`needs 'rule' (a finding's rule, e.g. a Semgrep rule or CVE id) or 'check' (a check's name)`)
  }
  if (fields.has('rule') && fields.has('check')) {
    problem(`has both 'rule' and 'check': a waiver names one of them (write two entries to waive both)`)
  }
  if (!fields.has('reason')) problem(`'reason' is required: say why the risk is accepted`)
  const reason = text('reason')
  if (!fields.has('expires')) problem(`'expires' is required: the last day the waiver holds, as YYYY-MM-DD (UTC)`)
  const expires = text('expires')
  if (expires !== undefined) {
    const dateProblem = problemOfDate(expires)
    if (dateProblem) problem(dateProblem)
  }
  if (fields.has('path') && fields.has('check') && !fields.has('rule')) {
    problem(`'path' applies to rule waivers only: a check is about the whole repository`)
  }
  const path = text('path')
  if (path !== undefined) {
    const globProblem = problemOfGlob(path)
    if (globProblem) problem(globProblem)
  }
  const tool = text('tool')
  const approvedBy = text('approvedBy')
  if (problems.count > before || reason === undefined || expires === undefined) return []
  return [
    {
      file,
      entry,
      line,
      ...(rule !== undefined ? { rule } : {}),
      ...(check !== undefined ? { check } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(tool !== undefined ? { tool } : {}),
      reason,
      expires,
      ...(approvedBy !== undefined ? { approvedBy } : {})
    }
  ]
}

function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name)
}

/** `unknown field 'rul' (did you mean 'rule'? ...)`: a near miss (case, `-`, `_`, a letter or two) is named. */
function unknownField(name: string): string {
  const loose = (text: string): string => text.toLowerCase().replace(/[-_\s]/g, '')
  const near = FIELDS.find((field) => editDistance(loose(field), loose(name)) <= (field.length > 5 ? 2 : 1))
  const hint = near ? `did you mean '${near}'? ` : ''
  return `unknown field ${describe(name)} (${hint}the fields are ${FIELDS.join(', ')})`
}

/** Levenshtein distance, for the short field names only (the name from the file is cut first). */
function editDistance(a: string, b: string): number {
  const target = b.slice(0, 40)
  let previous = Array.from({ length: target.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= target.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === target[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[target.length] ?? 0
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

/** Why `value` is not a real YYYY-MM-DD date, or undefined when it is one. */
function problemOfDate(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return `'expires' must be a date as YYYY-MM-DD (e.g. 2027-03-31), got ${describe(value)}`
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const monthName = MONTHS[month - 1]
  if (!monthName) return `'expires' is not a real date: ${value} has no month ${month}`
  const days = daysInMonth(year, month)
  if (day < 1 || day > days) return `'expires' is not a real date: ${monthName} ${year} has ${days} days, not ${day}`
  return undefined
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** Why `path` is not a glob of files in the repository, or undefined when it is one. */
function problemOfGlob(path: string): string | undefined {
  const got = `got ${describe(path)}`
  if (path.length > MAX_PATH_LENGTH) return `'path' must be at most ${MAX_PATH_LENGTH} characters long`
  if (path.includes('\\')) return `'path' must use '/' between folders and no backslash, ${got}`
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
    return `'path' must be relative to the repository's root (no leading '/'), ${got}`
  }
  if (path.split('/').includes('..')) return `'path' must stay inside the repository (no '..'), ${got}`
  if (path.startsWith('!') && !path.startsWith('!(')) {
    return `'path' cannot exclude files ('!...'): name the files the waiver covers, ${got}`
  }
  const glob = withoutDotSlash(path)
  if (!glob) return `'path' names no file, ${got}`
  try {
    picomatch.makeRe(glob, GLOB_OPTIONS)
  } catch (error) {
    // picomatch suggests a backslash escape, which a waiver's path may not use: its first clause says it all.
    const why = (error instanceof Error ? error.message : String(error)).split(' - ')[0] ?? ''
    return `'path' is not a valid glob (${oneLine(why, 100).toLowerCase()}), ${got}`
  }
  return undefined
}

/** `./src/a.js` is `src/a.js`. */
function withoutDotSlash(path: string): string {
  return path.replace(/^(\.\/)+/, '')
}

const ALIAS_BOMB = `its aliases expand too far: a waivers file may use anchors a few dozen times at most (a "billion laughs" file is refused)`

/**
 * The library's alias limit counts uses as it expands them, but an alias inside its own
 * anchor escapes it, and expanding a few hundred of those takes minutes: both are refused
 * here, counting alias nodes before anything is expanded.
 */
function problemOfAliases(document: Document.Parsed): string | undefined {
  let aliases = 0
  let circular: string | undefined
  visit(document, {
    Alias(_key, node, path) {
      aliases++
      if (path.some((ancestor) => (ancestor as { anchor?: string }).anchor === node.source)) circular = node.source
      return aliases > MAX_ALIASES || circular !== undefined ? visit.BREAK : undefined
    }
  })
  if (circular !== undefined) return `alias *${oneLine(circular, 40)} is used inside its own anchor`
  return aliases > MAX_ALIASES ? ALIAS_BOMB : undefined
}

/** A YAML error as a person fixes it. */
function yamlMessage(code: string, message: string): string {
  // The library reports its own stack running out (a file nested thousands deep) as an error of the file.
  if (/call stack|invalid regular expression/i.test(message)) return 'it is nested too deeply'
  const hint = code === 'BAD_SCALAR_START' ? ' (quote the value)' : ''
  return `${oneLine(message, 200)}${hint}`
}

function libraryFault(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/excessive alias count/i.test(message)) return ALIAS_BOMB
  if (error instanceof RangeError) return 'it is nested too deeply'
  return oneLine(message, 200)
}

function isScalarValue(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
}

/** A value from the file, as a message shows it. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'no value'
  if (typeof value === 'string') return `'${oneLine(value, 80)}'`
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${value}`
  if (typeof value === 'boolean') return `${value}`
  if (value instanceof Map) return 'a mapping'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Uint8Array) return 'binary data'
  if (value instanceof Date) return 'a timestamp'
  return `a ${typeof value}`
}

/** Every problem of one file, each on its own line naming the file and where. */
class Problems {
  private readonly lines: string[] = []
  private readonly file: string

  constructor(file: string) {
    this.file = file
  }

  get count(): number {
    return this.lines.length
  }

  add(where: string, what: string): void {
    const line = `Waivers file ${this.file}${where ? `, ${where}` : ''}: ${what}.`
    if (!this.lines.includes(line)) this.lines.push(line)
  }

  throwIfAny(): void {
    if (this.lines.length === 0) return
    const shown = this.lines.slice(0, MAX_PROBLEMS)
    const more = this.lines.length - shown.length
    if (more > 0)
      shown.push(`Waivers file ${this.file}: ${more} more ${more === 1 ? 'problem' : 'problems'} not listed.`)
    throw new WaiversFileError(shown.join('\n'))
  }
}

/**
 * What the waivers do to `scans` on `today` (YYYY-MM-DD, UTC). A waiver is active through its
 * `expires` day; an expired one waives nothing. When several active waivers match one finding
 * or check, the one that lasts longest takes it (the first in the file on a tie): that is the
 * one whose end brings it back. A check waiver takes only a check that `fails` (under the
 * gate's rules, before waivers): one that names a passing check waives nothing, and the
 * notice that it can be removed is what the team needs once the check is fixed.
 */
export function applyWaivers(
  waivers: Waiver[],
  scans: Scan[],
  today: string,
  fails: (check: Check) => boolean
): WaiverOutcome {
  if (problemOfDate(today) !== undefined) throw new Error(`today must be a date as YYYY-MM-DD, got '${today}'`)
  const active = waivers.filter((waiver) => today <= waiver.expires)
  const expired = waivers.filter((waiver) => today > waiver.expires)
  const pathMatchers = new Map(
    active.flatMap((waiver) =>
      waiver.path !== undefined ? [[waiver, picomatch(withoutDotSlash(waiver.path), GLOB_OPTIONS)] as const] : []
    )
  )
  const matched = new Set<Waiver>()
  const used = new Set<Waiver>()
  const waived: Waived[] = []
  const take = (hits: Waiver[]): Waiver | undefined => {
    for (const hit of hits) matched.add(hit)
    const chosen = hits.reduce<Waiver | undefined>(
      (best, hit) => (!best || hit.expires > best.expires ? hit : best),
      undefined
    )
    if (chosen) used.add(chosen)
    return chosen
  }
  const coversFinding = (waiver: Waiver, scan: Scan, finding: Finding): boolean => {
    if (waiver.rule === undefined || !sameName(waiver.rule, finding.rule) || !coversTool(waiver, scan)) return false
    const matcher = pathMatchers.get(waiver)
    return !matcher || matcher(withoutDotSlash(finding.file))
  }
  const coversCheck = (waiver: Waiver, scan: Scan, check: Check): boolean =>
    waiver.check !== undefined && sameName(waiver.check, check.name) && coversTool(waiver, scan)

  for (const scan of scans) {
    for (const check of scan.checks.filter(fails)) {
      const waiver = take(active.filter((candidate) => coversCheck(candidate, scan, check)))
      if (waiver) waived.push({ kind: 'check', scan, check, waiver })
    }
    for (const finding of scan.findings) {
      const waiver = take(active.filter((candidate) => coversFinding(candidate, scan, finding)))
      if (waiver) waived.push({ kind: 'finding', scan, finding, waiver })
    }
  }
  return {
    waived,
    expired,
    expiring: active
      .filter((waiver) => used.has(waiver))
      .map((waiver) => ({ waiver, daysLeft: daysBetween(today, waiver.expires) }))
      .filter(({ daysLeft }) => daysLeft <= EXPIRY_WARNING_DAYS),
    unused: active.filter((waiver) => !matched.has(waiver))
  }
}

function coversTool(waiver: Waiver, scan: Scan): boolean {
  return waiver.tool === undefined || sameName(waiver.tool, scan.tool) || sameName(waiver.tool, scan.name)
}

/** Rules, checks and tools are compared without regard to case (or surrounding spaces). */
function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

/** The entries of `head` that `base` has no identical entry for: what a pull request adds or changes. */
export function changedWaivers(head: Waiver[], base: Waiver[]): Waiver[] {
  const identity = (waiver: Waiver): string =>
    JSON.stringify([
      waiver.rule ?? null,
      waiver.check ?? null,
      waiver.path ?? null,
      waiver.tool ?? null,
      waiver.reason,
      waiver.expires,
      waiver.approvedBy ?? null
    ])
  const before = new Set(base.map(identity))
  return head.filter((waiver) => !before.has(identity(waiver)))
}
