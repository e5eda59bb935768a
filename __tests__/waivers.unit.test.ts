import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { GateError, WaiversFileError } from '../src/errors.ts'
import type { Scan } from '../src/scans.ts'
import { NO_WAIVERS, utcDate, waiverNotes, type WaiverOutcome } from '../src/waiver-outcome.ts'
import { applyWaivers, changedWaivers, parseWaivers } from '../src/waivers.ts'
import { propertyParameters } from '../test-support/fast-check.ts'
import {
  BAD_WAIVERS,
  daysFrom,
  EXAMPLE_WAIVERS,
  failsBelowFive,
  resultScan,
  WAIVERS_PATH,
  waiverOf,
  waiversFile
} from '../test-support/waivers.ts'

const FILE = WAIVERS_PATH
const TODAY = '2026-12-04'

/** The message parseWaivers throws for `text`, one problem a line; fails the test when it does not throw. */
function problemsOf(text: string): string[] {
  try {
    parseWaivers(text, FILE)
  } catch (error) {
    expect(error).toBeInstanceOf(WaiversFileError)
    return (error as Error).message.split('\n')
  }
  throw new Error(`expected the file to be refused:\n${text}`)
}

const waiver = waiverOf

describe('parseWaivers', () => {
  test("reads the issue's example: every field, with its entry number and line", () => {
    expect(parseWaivers(EXAMPLE_WAIVERS, FILE)).toEqual([
      {
        file: FILE,
        entry: 1,
        line: 2,
        rule: 'javascript.lang.security.audit.md5-used',
        path: 'src/legacy/**',
        tool: 'semgrep',
        reason: 'MD5 keys a cache here; nothing secret depends on it',
        expires: '2027-03-31',
        approvedBy: '@acme/security'
      },
      {
        file: FILE,
        entry: 2,
        line: 8,
        check: 'Fuzzing',
        reason: 'fuzzing lands with the parser rewrite',
        expires: '2027-06-30'
      }
    ])
  })

  test.each([
    ['an empty file', ''],
    ['only comments', '# waivers go here\n\n'],
    ['an empty list', 'waivers: []\n'],
    ['the key without a list', 'waivers:\n# none yet\n']
  ])('%s is no waivers', (_name, text) => {
    expect(parseWaivers(text, FILE)).toEqual([])
  })

  test.each(BAD_WAIVERS)('refuses $name, saying so in one line per problem', ({ text, says }) => {
    const lines = problemsOf(text)
    for (const pattern of says) expect(lines.some((line) => pattern.test(line))).toBe(true)
    // Each line stands alone: it names the file.
    for (const line of lines) expect(line.startsWith(`Waivers file ${FILE}`)).toBe(true)
  })

  test('reports every problem of every entry at once, each with its entry number and line', () => {
    const text = [
      'waivers:',
      '  - rule: fine.rule',
      '    reason: fine',
      '    expires: 2027-01-01',
      '  - rule: bad.date',
      '    reason: r',
      '    expires: 2027-02-29',
      '',
      '  # a comment between entries',
      '  - check: Fuzzing',
      '    tool: openssf',
      '    reason: r',
      '    expires: 2027-01-01',
      '    approved-by: someone',
      '  - reason: nothing named',
      '    expires: 2027-01-01',
      ''
    ].join('\n')
    expect(problemsOf(text)).toEqual([
      `Waivers file ${FILE}, entry 2 (line 5): 'expires' is not a real date: February 2027 has 28 days, not 29.`,
      `Waivers file ${FILE}, entry 3 (line 10): unknown field 'approved-by' (did you mean 'approvedBy'? the fields are rule, check, path, tool, reason, expires, approvedBy).`,
      `Waivers file ${FILE}, entry 4 (line 15): needs 'rule' (a finding's rule, e.g. a Semgrep rule or CVE id) or 'check' (a check's name).`
    ])
  })

  test('is a GateError with status Error, so the run ends before any SSD request', () => {
    const error = (() => {
      try {
        parseWaivers('waivers: 3\n', FILE)
      } catch (thrown) {
        return thrown
      }
    })()
    expect(error).toBeInstanceOf(GateError)
    expect((error as GateError).status).toBe('Error')
  })

  test('lists 30 problems and counts the rest', () => {
    const lines = problemsOf(waiversFile(Array.from({ length: 40 }, () => ({ rule: 'r', expires: '2027-01-01' }))))
    expect(lines).toHaveLength(31)
    expect(lines[29]).toContain('entry 30 (line 60)')
    expect(lines[30]).toBe(`Waivers file ${FILE}: 10 more problems not listed.`)
  })

  test('refuses a "billion laughs" file at once, and allows an anchor used a few times', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level)
      levels.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${previous}`).join(',')}]`
      )
    }
    const started = Date.now()
    expect(problemsOf(`${levels.join('\n')}\nwaivers: []\n`)).toEqual([
      `Waivers file ${FILE}: not valid YAML: its aliases expand too far: a waivers file may use anchors a few dozen times at most (a "billion laughs" file is refused).`
    ])
    expect(Date.now() - started).toBeLessThan(1000)

    const shared =
      'waivers:\n  - rule: a\n    reason: &why shared reason\n    expires: 2027-01-01\n' +
      '  - rule: b\n    reason: *why\n    expires: 2027-01-01\n  - rule: c\n    reason: *why\n    expires: 2027-01-01\n'
    expect(parseWaivers(shared, FILE).map((w) => w.reason)).toEqual(['shared reason', 'shared reason', 'shared reason'])
  })

  test('refuses an alias inside its own anchor at once, which the YAML library would take minutes to expand', () => {
    const started = Date.now()
    expect(problemsOf(`a: &a [${'*a,'.repeat(2000)}]\nwaivers: []\n`)).toEqual([
      `Waivers file ${FILE}: not valid YAML: alias *a is used inside its own anchor.`
    ])
    expect(Date.now() - started).toBeLessThan(1000)
  })

  test('refuses more alias nodes than the limit, however little each expands', () => {
    expect(problemsOf(`x: &x 1\na: [${'*x,'.repeat(60)}]\nwaivers: []\n`)[0]).toMatch(/aliases expand too far/)
  })

  test('names an alias without its anchor, and a duplicate key, with its line', () => {
    expect(problemsOf('waivers:\n  - rule: a\n    reason: *nowhere\n    expires: 2027-01-01\n')).toEqual([
      `Waivers file ${FILE}: not valid YAML: Unresolved alias (the anchor must be set before the alias): nowhere.`
    ])
    expect(problemsOf('waivers:\n  - rule: a\n    rule: b\n')[0]).toMatch(
      /, line 3: not valid YAML: Map keys must be unique/
    )
  })

  describe('dates', () => {
    const expiresOn = (date: string) => waiversFile([{ rule: 'r', reason: 'r', expires: date }])
    test.each(['2027-03-31', '2028-02-29', '2000-02-29', '2027-12-31'])('%s is a date', (date) => {
      expect(parseWaivers(expiresOn(date), FILE)[0]?.expires).toBe(date)
    })
    test.each([
      ['2027-02-29', 'February 2027 has 28 days, not 29'],
      ['2100-02-29', 'February 2100 has 28 days, not 29'],
      ['2027-04-31', 'April 2027 has 30 days, not 31'],
      ['2027-13-01', '2027-13-01 has no month 13'],
      ['2027-00-10', '2027-00-10 has no month 0'],
      ['2027-01-00', 'January 2027 has 31 days, not 0']
    ])('%s is not a real date', (date, why) => {
      expect(problemsOf(expiresOn(date))).toEqual([
        `Waivers file ${FILE}, entry 1 (line 2): 'expires' is not a real date: ${why}.`
      ])
    })
    test.each(['2027-3-31', '31.03.2027', '2027-03-31T00:00:00Z', 'next year'])('%s is not YYYY-MM-DD', (date) => {
      expect(problemsOf(expiresOn(date))).toEqual([
        `Waivers file ${FILE}, entry 1 (line 2): 'expires' must be a date as YYYY-MM-DD (e.g. 2027-03-31), got '${date}'.`
      ])
    })
    test('a YAML 1.1 directive does not turn values into timestamps and booleans', () => {
      const text = '%YAML 1.1\n---\nwaivers:\n  - rule: r\n    reason: yes\n    expires: 2027-02-30\n'
      expect(problemsOf(text)).toEqual([
        `Waivers file ${FILE}, entry 1 (line 4): 'expires' is not a real date: February 2027 has 28 days, not 30.`
      ])
    })
  })

  describe('globs', () => {
    const withPath = (path: string) => waiversFile([{ rule: 'r', path, reason: 'r', expires: '2027-01-01' }])
    test.each(['src/**', '**/*.test.js', 'src/{api,web}/*.ts', './src/legacy/**', 'lib/[a-c]*.py', 'src/*.@(js|ts)'])(
      '%s is a glob',
      (path) => {
        expect(parseWaivers(withPath(path), FILE)[0]?.path).toBe(path)
      }
    )
    test.each([
      ['src/[ab', `'path' is not a valid glob (missing closing: "]")`],
      ['src/{a,b', `'path' is not a valid glob (missing closing: "}")`],
      ['src/@(a|b', `'path' is not a valid glob (missing closing: ")")`],
      ['/src/**', `'path' must be relative to the repository's root (no leading '/')`],
      ['C:/src/**', `'path' must be relative to the repository's root (no leading '/')`],
      ['src/../../etc', `'path' must stay inside the repository (no '..')`],
      ['src\\*.js', `'path' must use '/' between folders and no backslash`],
      ['!src/**', `'path' cannot exclude files ('!...'): name the files the waiver covers`],
      ['./', `'path' names no file`]
    ])('%s is refused', (path, why) => {
      const [line] = problemsOf(withPath(path))
      expect(line).toBe(`Waivers file ${FILE}, entry 1 (line 2): ${why}, got '${path}'.`)
    })
    test('a path too long to match cheaply is refused', () => {
      expect(problemsOf(withPath(`${'a/'.repeat(300)}*`))[0]).toContain(`'path' must be at most 500 characters long`)
    })
  })
})

describe('applyWaivers', () => {
  const semgrep = resultScan('semgrep', 'Semgrep', {
    findings: [
      { rule: 'javascript.lang.security.audit.md5-used', file: 'src/legacy/cache.js' },
      { rule: 'javascript.lang.security.audit.md5-used', file: './src/legacy/old/hash.js' },
      { rule: 'javascript.lang.security.audit.md5-used', file: 'src/app.js' },
      { rule: 'other.rule', file: 'src/legacy/cache.js' }
    ]
  })
  const trivy = resultScan('trivy-scan', 'Trivy', { findings: [{ rule: 'CVE-2026-1234', file: 'package-lock.json' }] })
  const openssf = resultScan('openssf', 'Openssf', { checks: ['Fuzzing', 'Code-Review'] })
  const scans = [openssf, semgrep, trivy]
  const waivedItems = (outcome: WaiverOutcome): string[] =>
    outcome.waived.map((w) => (w.kind === 'check' ? `check ${w.check.name}` : `${w.finding.rule} ${w.finding.file}`))

  test('a rule waiver takes every finding of that rule, in any case, and nothing else', () => {
    const outcome = applyWaivers(
      [waiver({ rule: 'JavaScript.Lang.Security.Audit.MD5-Used' })],
      scans,
      TODAY,
      failsBelowFive
    )
    expect(waivedItems(outcome)).toEqual([
      'javascript.lang.security.audit.md5-used src/legacy/cache.js',
      'javascript.lang.security.audit.md5-used ./src/legacy/old/hash.js',
      'javascript.lang.security.audit.md5-used src/app.js'
    ])
    expect(outcome.waived.every((w) => w.kind === 'finding' && w.scan === semgrep)).toBe(true)
    expect(outcome).toMatchObject({ expired: [], expiring: [], unused: [] })
  })

  test('a path glob limits it to the files it matches (a leading ./ on either side does not matter)', () => {
    const outcome = applyWaivers(
      [waiver({ rule: 'javascript.lang.security.audit.md5-used', path: './src/legacy/**' })],
      scans,
      TODAY,
      failsBelowFive
    )
    expect(waivedItems(outcome)).toEqual([
      'javascript.lang.security.audit.md5-used src/legacy/cache.js',
      'javascript.lang.security.audit.md5-used ./src/legacy/old/hash.js'
    ])
  })

  test("a tool limits it to that scan's findings, by its tool or its scan name, in any case", () => {
    const cve = (tool: string) =>
      waivedItems(applyWaivers([waiver({ rule: 'cve-2026-1234', tool })], scans, TODAY, failsBelowFive))
    expect(cve('trivy')).toEqual(['CVE-2026-1234 package-lock.json'])
    expect(cve('TRIVY-SCAN')).toEqual(['CVE-2026-1234 package-lock.json'])
    expect(cve('semgrep')).toEqual([])
  })

  test('a check waiver takes the check of that name, in any case; rule and check waivers do not cross', () => {
    const outcome = applyWaivers(
      [waiver({ check: 'fuzzing' }), waiver({ rule: 'Code-Review' }, 2), waiver({ check: 'other.rule' }, 3)],
      scans,
      TODAY,
      failsBelowFive
    )
    expect(waivedItems(outcome)).toEqual(['check Fuzzing'])
    expect(outcome.waived[0]).toMatchObject({ kind: 'check', scan: openssf, check: { name: 'Fuzzing' } })
    expect(outcome.unused.map((w) => w.entry)).toEqual([2, 3])
    expect(
      waivedItems(applyWaivers([waiver({ check: 'Fuzzing', tool: 'semgrep' })], scans, TODAY, failsBelowFive))
    ).toEqual([])
  })

  test('holds through its last day, and waives nothing after it', () => {
    const lastDay = waiver({ check: 'Fuzzing', expires: TODAY })
    expect(waivedItems(applyWaivers([lastDay], scans, TODAY, failsBelowFive))).toEqual(['check Fuzzing'])
    const outcome = applyWaivers([lastDay], scans, daysFrom(TODAY, 1), failsBelowFive)
    expect(outcome).toEqual({ waived: [], expired: [lastDay], expiring: [], unused: [] })
  })

  test('one that ends within 14 days and waives something is expiring, with its days left', () => {
    const inFive = waiver({ check: 'Fuzzing', expires: daysFrom(TODAY, 5) })
    const inFifteen = waiver({ check: 'Code-Review', expires: daysFrom(TODAY, 15) }, 2)
    const inFourteenUnused = waiver({ check: 'Nothing', expires: daysFrom(TODAY, 14) }, 3)
    const outcome = applyWaivers([inFive, inFifteen, inFourteenUnused], scans, TODAY, failsBelowFive)
    expect(outcome.expiring).toEqual([{ waiver: inFive, daysLeft: 5 }])
    expect(outcome.unused).toEqual([inFourteenUnused])
    expect(applyWaivers([inFifteen], scans, daysFrom(TODAY, 1), failsBelowFive).expiring).toEqual([
      { waiver: inFifteen, daysLeft: 14 }
    ])
    expect(applyWaivers([inFive], scans, inFive.expires, failsBelowFive).expiring).toEqual([
      { waiver: inFive, daysLeft: 0 }
    ])
  })

  test('of several that match, the one that lasts longest takes it; the others are not unused', () => {
    const short = waiver({ rule: 'other.rule', expires: daysFrom(TODAY, 3) })
    const long = waiver({ rule: 'other.rule', path: 'src/**', expires: daysFrom(TODAY, 300) }, 2)
    const outcome = applyWaivers([short, long], scans, TODAY, failsBelowFive)
    expect(outcome.waived.map((w) => w.waiver)).toEqual([long])
    expect(outcome).toMatchObject({ expiring: [], unused: [] })
  })

  test('lists what it waived scan by scan, checks before findings', () => {
    const both = resultScan('mixed', 'Mixed', { checks: ['Pinned'], findings: [{ rule: 'r1' }] })
    const outcome = applyWaivers(
      [waiver({ rule: 'r1' }), waiver({ check: 'pinned' }, 2)],
      [both, openssf],
      TODAY,
      failsBelowFive
    )
    expect(outcome.waived.map((w) => w.kind)).toEqual(['check', 'finding'])
  })

  test('no waivers, or none that match, waive nothing', () => {
    expect(applyWaivers([], scans, TODAY, failsBelowFive)).toEqual(NO_WAIVERS)
    expect(() => applyWaivers([], scans, '4 December', failsBelowFive)).toThrow(/YYYY-MM-DD/)
  })
})

describe('changedWaivers', () => {
  const base = [waiver({ rule: 'a' }), waiver({ check: 'Fuzzing', expires: '2027-02-01' }, 2)]
  test('an entry identical but for its place in the file is not a change', () => {
    const moved = base.map((w, index) => ({ ...w, entry: 5 - index, line: 40 - index }))
    expect(changedWaivers(moved.reverse(), base)).toEqual([])
  })
  test('a new entry, or one with any field changed, is', () => {
    const longer = { ...base[1]!, expires: '2028-02-01' }
    const added = waiver({ rule: 'b', path: 'src/**' }, 3)
    const approved = { ...base[0]!, approvedBy: '@acme/security' }
    expect(changedWaivers([approved, longer, added], base)).toEqual([approved, longer, added])
    expect(changedWaivers([added], [])).toEqual([added])
  })
})

describe('waiverNotes', () => {
  const md5 = waiver({
    rule: 'javascript.lang.security.audit.md5-used',
    reason: 'MD5 keys a cache here',
    expires: '2027-03-31'
  })
  test('an expired waiver: a warning with its rule, end date and reason', () => {
    expect(waiverNotes({ ...NO_WAIVERS, expired: [md5] })).toEqual([
      {
        level: 'warning',
        text: `Waiver for javascript.lang.security.audit.md5-used expired on 2027-03-31 (reason: MD5 keys a cache here): it waives nothing now. Renew or remove entry 1 of ${FILE} (line 2).`
      }
    ])
  })

  test('one about to end: a warning with the days left, and what comes back', () => {
    const scan = resultScan('semgrep', 'Semgrep', { findings: [{ rule: md5.rule! }, { rule: md5.rule! }] })
    const check = waiver({ check: 'Fuzzing', tool: 'openssf', reason: 'later', expires: '2026-12-04' }, 2)
    const outcome = {
      ...applyWaivers([md5], [scan], '2027-03-26', failsBelowFive),
      expiring: [
        { waiver: md5, daysLeft: 5 },
        { waiver: check, daysLeft: 0 }
      ]
    }
    expect(waiverNotes(outcome)).toEqual([
      {
        level: 'warning',
        text: `Waiver for javascript.lang.security.audit.md5-used expires on 2027-03-31, in 5 days (reason: MD5 keys a cache here): then the 2 findings it waives count again. See entry 1 of ${FILE} (line 2).`
      },
      {
        level: 'warning',
        text: `Waiver for check Fuzzing (openssf) expires on 2026-12-04, today (reason: later): then what it waives counts again. See entry 2 of ${FILE} (line 5).`
      }
    ])
  })

  test('one day left, one check waived', () => {
    const check = waiver({ check: 'Fuzzing', expires: daysFrom(TODAY, 1) })
    const [note] = waiverNotes(
      applyWaivers([check], [resultScan('o', 'Openssf', { checks: ['Fuzzing'] })], TODAY, failsBelowFive)
    )
    expect(note?.text).toContain(
      `expires on ${daysFrom(TODAY, 1)}, in 1 day (reason: accepted): then the check it waives counts again.`
    )
  })

  test('one that matches nothing: a notice that it can be removed, naming its path and tool', () => {
    const narrow = waiver({ rule: 'r', path: 'src/legacy/**', tool: 'semgrep' }, 3)
    expect(waiverNotes({ ...NO_WAIVERS, unused: [narrow] })).toEqual([
      {
        level: 'notice',
        text: `Waiver for r in src/legacy/** (semgrep) matches nothing in this result: it can be removed (entry 3 of ${FILE} (line 8)).`
      }
    ])
  })

  test('text from the file is one line and cut', () => {
    const [note] = waiverNotes({
      ...NO_WAIVERS,
      expired: [waiver({ rule: 'r\nx', reason: `${'long '.repeat(100)}\n` })]
    })
    expect(note?.text).not.toMatch(/\n/)
    expect(note?.text).toContain('reason: long long')
    expect(note!.text.length).toBeLessThan(400)
  })

  test('no outcome, no notes', () => {
    expect(waiverNotes(NO_WAIVERS)).toEqual([])
  })
})

test('utcDate is the UTC calendar day', () => {
  expect(utcDate(new Date('2026-12-04T23:59:59-05:00'))).toBe('2026-12-05')
})

describe('properties', () => {
  /** Pieces that YAML (and this file's rules) treat specially, to build hostile texts from. */
  const yamlPiece = fc.oneof(
    fc.constantFrom(
      'waivers:',
      'waivers: ',
      '\n',
      '\n  - ',
      '\n    ',
      'rule: ',
      'check: ',
      'path: ',
      'reason: ',
      'expires: ',
      'approvedBy: ',
      '2027-02-30',
      '2027-03-31',
      '&a ',
      '*a',
      '&b [*a, *a, *a]',
      '[',
      ']',
      '{',
      '}',
      ': ',
      '- ',
      '? ',
      '"',
      "'",
      '#',
      '|\n',
      '>-\n',
      '!!binary ',
      '!!map ',
      '!custom ',
      '%YAML 1.1\n---\n',
      '---\n',
      '...\n',
      '<<: *a',
      '__proto__: ',
      'constructor',
      '\t',
      '\u0000',
      '\ufeff',
      '\ud800',
      '@acme',
      'src/[ab',
      '../x',
      '12345',
      'true',
      'null',
      '~'
    ),
    fc.string({ maxLength: 12 })
  )
  const yamlishText = fc.array(yamlPiece, { maxLength: 60 }).map((pieces) => pieces.join(''))

  test('any text gives waivers or a WaiversFileError, never another error, and quickly', () => {
    fc.assert(
      fc.property(fc.oneof(yamlishText, fc.string({ maxLength: 400, unit: 'binary' })), (text) => {
        const started = Date.now()
        try {
          const waivers = parseWaivers(text, FILE)
          expect(Array.isArray(waivers)).toBe(true)
        } catch (error) {
          if (!(error instanceof WaiversFileError)) throw error
          expect(error.message.length).toBeGreaterThan(0)
          for (const line of error.message.split('\n')) expect(line.startsWith(`Waivers file ${FILE}`)).toBe(true)
        }
        expect(Date.now() - started).toBeLessThan(1000)
      }),
      propertyParameters(400)
    )
  })

  test('deeply nested YAML of the size limit is refused or read, not a crash', () => {
    for (const text of ['['.repeat(100_000), `waivers: ${'['.repeat(60_000)}${']'.repeat(60_000)}`]) {
      expect(() => parseWaivers(text, FILE)).toThrow(WaiversFileError)
    }
  })

  /** A value written plainly, single- or double-quoted: all read back as the same text. */
  const written = (value: string, style: number): string => {
    const plain = /^[A-Za-z_][\w./@-]*( [\w./@-]+)*$/.test(value) && !/^(true|false|null)$/i.test(value)
    if (style === 0 && plain && !value.startsWith('@')) return value
    if (style === 1 && !/[\n\r]/.test(value)) return `'${value.replace(/'/g, "''")}'`
    return JSON.stringify(value)
  }
  const text = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((s) => s.trim() === s && s !== '')
  const name = fc.oneof(text, fc.stringMatching(/^[a-z][a-z0-9.-]{0,30}$/))
  const date = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))
  const glob = fc
    .array(fc.oneof(fc.stringMatching(/^[a-z0-9_-]{1,8}$/), fc.constantFrom('*', '**', '*.js', '{a,b}', '[a-c]*')), {
      minLength: 1,
      maxLength: 4
    })
    .map((segments) => segments.join('/'))
  const entryFields = fc.record(
    {
      subject: fc.oneof(
        name.map((rule) => ({ rule })),
        name.map((check) => ({ check }))
      ),
      path: glob,
      tool: name,
      reason: text,
      expires: date,
      approvedBy: text
    },
    { requiredKeys: ['subject', 'reason', 'expires'] }
  )
  type Generated = typeof entryFields extends fc.Arbitrary<infer T> ? T : never
  /** The entry's fields in order; a check waiver has no path. */
  const fieldsOf = (generated: Generated): Array<[string, string]> =>
    Object.entries({
      ...generated.subject,
      ...('rule' in generated.subject && generated.path !== undefined ? { path: generated.path } : {}),
      ...(generated.tool !== undefined ? { tool: generated.tool } : {}),
      reason: generated.reason,
      expires: generated.expires,
      ...(generated.approvedBy !== undefined ? { approvedBy: generated.approvedBy } : {})
    })

  /** The file's text and the line each entry starts on, with comment lines sprinkled in. */
  const render = (entries: Array<Array<[string, string | number]>>, styles: number[], comments: boolean[]) => {
    const lines = ['# accepted risks', 'waivers:']
    const starts: number[] = []
    entries.forEach((fields, index) => {
      if (comments[index]) lines.push('  # the next one')
      starts.push(lines.length + 1)
      fields.forEach(([key, value], at) => {
        const shown = typeof value === 'number' ? String(value) : written(value, styles[(index + at) % styles.length]!)
        lines.push(`${at === 0 ? '  - ' : '    '}${key}: ${shown}`)
      })
    })
    return { text: `${lines.join('\n')}\n`, starts }
  }

  test('a generated valid file reads back as exactly its entries', () => {
    fc.assert(
      fc.property(
        fc.array(entryFields, { maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.boolean(), { maxLength: 8 }),
        (generated, styles, comments) => {
          const entries = generated.map(fieldsOf)
          const { text, starts } = render(entries, styles, comments)
          const expected = entries.map((fields, index) => ({
            file: FILE,
            entry: index + 1,
            line: starts[index],
            ...Object.fromEntries(fields)
          }))
          expect(parseWaivers(text, FILE)).toEqual(expected)
        }
      ),
      propertyParameters(300)
    )
  })

  /** A fault to put into an entry, and what the entry's line of the message must then say. */
  const FAULTS: Array<{
    apply: (fields: Array<[string, string | number]>) => Array<[string, string | number]>
    says: RegExp
  }> = [
    { apply: (f) => [...f, ['colour', 'red']], says: /unknown field 'colour'/ },
    { apply: (f) => f.filter(([k]) => k !== 'reason'), says: /'reason' is required/ },
    { apply: (f) => f.map(([k, v]) => [k, k === 'reason' ? '   ' : v]), says: /'reason' must not be empty/ },
    { apply: (f) => f.filter(([k]) => k !== 'expires'), says: /'expires' is required/ },
    { apply: (f) => f.map(([k, v]) => [k, k === 'expires' ? '2027-02-30' : v]), says: /'expires' is not a real date/ },
    {
      apply: (f) => f.map(([k, v]) => [k, k === 'expires' ? 20270101 : v]),
      says: /'expires' must be a date as YYYY-MM-DD/
    },
    { apply: (f) => f.filter(([k]) => k !== 'rule' && k !== 'check'), says: /needs 'rule' .* or 'check'/ },
    {
      apply: (f) => [...f, f.some(([k]) => k === 'rule') ? ['check', 'X'] : ['rule', 'x']],
      says: /has both 'rule' and 'check'/
    },
    {
      apply: (f) => f.map(([k, v]) => [k, k === 'rule' || k === 'check' ? 4242 : v]),
      says: /must be text, got the number 4242/
    },
    {
      apply: (f) => [...f.filter(([k]) => k !== 'path'), ['path', 'src/[x']],
      says: /'path' (is not a valid glob|applies to rule waivers only)/
    },
    {
      apply: (f) => [...f.filter(([k]) => k !== 'path'), ['path', 'a/../../b']],
      says: /'path' (must stay inside|applies to rule)/
    }
  ]

  test('a generated file with faults injected names each faulty entry, with its line, and no other', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.tuple(entryFields, fc.option(fc.integer({ min: 0, max: FAULTS.length - 1 }), { nil: undefined })), {
            minLength: 1,
            maxLength: 8
          })
          .filter((entries) => entries.some(([, fault]) => fault !== undefined)),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 5 }),
        (generated, styles) => {
          const entries = generated.map(([fields, fault]) => {
            const clean = fieldsOf(fields) as Array<[string, string | number]>
            return fault === undefined ? clean : FAULTS[fault]!.apply(clean)
          })
          const { text, starts } = render(entries, styles, [])
          const lines = problemsOf(text)
          generated.forEach(([, fault], index) => {
            const mine = lines.filter((line) => line.includes(`, entry ${index + 1} (line ${starts[index]}): `))
            if (fault === undefined) expect(mine).toEqual([])
            else expect(mine.some((line) => FAULTS[fault]!.says.test(line))).toBe(true)
          })
          expect(lines.every((line) => /, entry \d+ \(line \d+\): /.test(line))).toBe(true)
        }
      ),
      propertyParameters(300)
    )
  })

  test("matching never waives an expired waiver's target", () => {
    const rules = ['r1', 'R1', 'r2', 'cve-1']
    const files = ['src/a.js', 'src/legacy/b.js', './lib/c.py', 'package-lock.json']
    const scanArb = fc.record({
      name: fc.constantFrom('semgrep', 'trivy', 'openssf'),
      tool: fc.constantFrom('Semgrep', 'Trivy', 'Openssf'),
      checks: fc.array(fc.constantFrom('Fuzzing', 'fuzzing', 'Code-Review'), { maxLength: 3 }),
      findings: fc.array(fc.record({ rule: fc.constantFrom(...rules), file: fc.constantFrom(...files) }), {
        maxLength: 6
      })
    })
    const waiverArb = fc.record({
      subject: fc.oneof(
        fc.constantFrom(...rules).map((rule) => ({ rule })),
        fc.constantFrom('Fuzzing', 'code-review').map((check) => ({ check }))
      ),
      path: fc.option(fc.constantFrom('src/**', '**/*.js', 'lib/*'), { nil: undefined }),
      tool: fc.option(fc.constantFrom('semgrep', 'TRIVY', 'openssf'), { nil: undefined }),
      offset: fc.integer({ min: -30, max: 30 })
    })
    fc.assert(
      fc.property(fc.array(scanArb, { maxLength: 3 }), fc.array(waiverArb, { maxLength: 6 }), (scanParts, parts) => {
        const scans: Scan[] = scanParts.map((s) => resultScan(s.name, s.tool, s))
        const waivers = parts.map((part, index) =>
          waiver(
            {
              ...part.subject,
              ...(part.path && 'rule' in part.subject ? { path: part.path } : {}),
              ...(part.tool ? { tool: part.tool } : {}),
              expires: daysFrom(TODAY, part.offset)
            },
            index + 1
          )
        )
        const outcome = applyWaivers(waivers, scans, TODAY, failsBelowFive)
        for (const waived of outcome.waived) expect(waived.waiver.expires >= TODAY).toBe(true)
        expect(outcome.expired).toEqual(waivers.filter((w) => w.expires < TODAY))
        // The expired ones change nothing: the same is waived without them.
        const active = waivers.filter((w) => w.expires >= TODAY)
        expect(outcome.waived).toEqual(applyWaivers(active, scans, TODAY, failsBelowFive).waived)
      }),
      propertyParameters(300)
    )
  })
})
