/**
 * Waivers files for the tests: the README's example, a writer for files of given entries,
 * each bad shape with what its message must say, and results to match them against.
 * Shared by the unit tests and the tests through the bundle (put a file in the GitHub
 * stand-in with `standIn.putFile(ref, WAIVERS_PATH, text)`).
 */
import type { Check, Finding, Scan } from '../src/scans.ts'
import type { Waiver } from '../src/waiver-outcome.ts'

/** The `waivers` input's default. */
export const WAIVERS_PATH = '.github/ssd-waivers.yml'

/** The example of issue 17 (and the README): a rule waiver with every field, and a check waiver. */
export const EXAMPLE_WAIVERS = `waivers:
  - rule: javascript.lang.security.audit.md5-used   # a finding's rule (Semgrep rule, CVE id, ...)
    path: src/legacy/**        # optional: glob of the files it covers (default: every file)
    tool: semgrep              # optional: only this tool's findings
    reason: MD5 keys a cache here; nothing secret depends on it    # required
    expires: 2027-03-31        # required, YYYY-MM-DD (UTC); the waiver holds through that day
    approvedBy: '@acme/security'   # optional, shown in the report
  - check: Fuzzing             # a check (Scorecard's name, case-insensitive)
    reason: fuzzing lands with the parser rewrite
    expires: 2027-06-30
`

/** One entry as the file writes it: field names to values (a number is written unquoted). */
export type EntryFields = Record<string, string | number>

/**
 * A waivers file with `entries`, one field a line (`  - ` before the first), every string
 * double-quoted (JSON's escapes are YAML's), so entry N starts on line 2 + the fields before it.
 */
export function waiversFile(entries: EntryFields[]): string {
  const lines = ['waivers:']
  for (const entry of entries) {
    Object.entries(entry).forEach(([key, value], index) => {
      lines.push(`${index === 0 ? '  - ' : '    '}${key}: ${typeof value === 'number' ? value : JSON.stringify(value)}`)
    })
  }
  return `${lines.join('\n')}\n`
}

/** `date` (YYYY-MM-DD) moved by `days`, in UTC. */
export function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * Each way a file can be wrong, and what the one message must say about it: each pattern
 * must match a line of the message.
 */
export const BAD_WAIVERS: Array<{ name: string; text: string; says: RegExp[] }> = [
  {
    name: 'YAML that does not parse',
    text: 'waivers:\n  - rule: x\n    approvedBy: @acme/security\n',
    says: [/^Waivers file \S+, line 3: not valid YAML: .*reserved character @ \(quote the value\)\.$/]
  },
  {
    name: 'not a mapping',
    text: '- rule: x\n',
    says: [/^Waivers file \S+: expected a mapping with one key, 'waivers', holding a list of waivers; got a list\.$/]
  },
  {
    name: 'an unknown top-level key',
    text: 'waiver:\n  - rule: x\n',
    says: [/, line 1: unknown key 'waiver': the file has one key, 'waivers'\.$/, /has no 'waivers' key/]
  },
  {
    name: 'waivers that are not a list',
    text: 'waivers:\n  rule: x\n',
    says: [/, line 1: 'waivers' must be a list of waivers, each starting with '- ', got a mapping\.$/]
  },
  {
    name: 'an unknown field, neither rule nor check, no reason, no expires',
    text: 'waivers:\n  - rul: x\n',
    says: [
      /, entry 1 \(line 2\): unknown field 'rul' \(did you mean 'rule'\? the fields are rule, check, path, tool, reason, expires, approvedBy\)\.$/,
      /, entry 1 \(line 2\): needs 'rule' .* or 'check'/,
      /, entry 1 \(line 2\): 'reason' is required/,
      /, entry 1 \(line 2\): 'expires' is required: the last day the waiver holds, as YYYY-MM-DD \(UTC\)\.$/
    ]
  },
  {
    name: 'both rule and check, an empty reason, a date that does not exist',
    text: waiversFile([{ rule: 'r', check: 'Fuzzing', reason: ' ', expires: '2027-02-30' }]),
    says: [
      /, entry 1 \(line 2\): has both 'rule' and 'check'/,
      /, entry 1 \(line 2\): 'reason' must not be empty\.$/,
      /, entry 1 \(line 2\): 'expires' is not a real date: February 2027 has 28 days, not 30\.$/
    ]
  },
  {
    name: 'values of the wrong type',
    text: waiversFile([{ rule: 1234, reason: 'r', expires: 20270331, tool: 7 }]),
    says: [
      /, entry 1 \(line 2\): 'rule' must be text, got the number 1234 \(quote it to make it text\)\.$/,
      /, entry 1 \(line 2\): 'expires' must be a date as YYYY-MM-DD \(e\.g\. 2027-03-31\), got the number 20270331\.$/,
      /'tool' must be text, got the number 7/
    ]
  },
  {
    name: 'a path that is not a valid glob, or leaves the repository',
    text: waiversFile([
      { rule: 'a', path: 'src/[ab', reason: 'r', expires: '2027-01-01' },
      { rule: 'b', path: '../secrets/**', reason: 'r', expires: '2027-01-01' },
      { rule: 'c', path: '/etc/**', reason: 'r', expires: '2027-01-01' },
      { rule: 'd', path: 'src\\legacy\\*', reason: 'r', expires: '2027-01-01' }
    ]),
    says: [
      /, entry 1 \(line 2\): 'path' is not a valid glob \(missing closing: "\]"\), got 'src\/\[ab'\.$/,
      /, entry 2 \(line 6\): 'path' must stay inside the repository \(no '\.\.'\)/,
      /, entry 3 \(line 10\): 'path' must be relative to the repository's root/,
      /, entry 4 \(line 14\): 'path' must use '\/' between folders and no backslash/
    ]
  },
  {
    name: 'a path on a check waiver',
    text: waiversFile([{ check: 'Fuzzing', path: 'src/**', reason: 'r', expires: '2027-01-01' }]),
    says: [/, entry 1 \(line 2\): 'path' applies to rule waivers only/]
  },
  {
    name: 'an entry that is not a mapping',
    text: 'waivers:\n  - just a rule name\n',
    says: [/, entry 1 \(line 2\): expected a mapping of fields .*, got 'just a rule name'\.$/]
  }
]

/** A completed scan with the given checks (names) and findings. */
/** A waiver as parseWaivers would give it (entry N of the file, 3 lines each), for matching and rendering tests. */
export function waiverOf(fields: Partial<Waiver>, entry = 1): Waiver {
  return { file: WAIVERS_PATH, entry, line: 2 + (entry - 1) * 3, reason: 'accepted', expires: '2027-01-01', ...fields }
}

/** The gate's verdict on a check for these tests: below 5 fails (resultScan's checks score 3). */
export const failsBelowFive = (check: Check): boolean => check.score !== null && check.score < 5

export function resultScan(
  name: string,
  tool: string,
  items: { checks?: string[]; findings?: Array<Partial<Finding> & Pick<Finding, 'rule'>> }
): Scan {
  return {
    name,
    tool,
    status: 'Completed',
    error: '',
    version: '',
    score: 5,
    scoreText: '5',
    checks: (items.checks ?? []).map((checkName): Check => ({
      name: checkName,
      score: 3,
      reason: '',
      url: '',
      description: ''
    })),
    findings: (items.findings ?? []).map((finding): Finding => ({
      severity: 'high',
      severityText: 'ERROR',
      message: 'a finding',
      file: 'src/app.js',
      inRepository: true,
      line: 1,
      ...finding
    })),
    others: []
  }
}
