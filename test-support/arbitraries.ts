/**
 * Random and hostile SSD answers for property-based tests, written as JSON text (so they
 * can hold what a JavaScript object literal cannot: duplicate names, an own `__proto__`,
 * lone surrogates, numbers JSON.parse turns into Infinity), plus the policies and report
 * contexts to run them under. Shared by the unit-level and the end-to-end properties.
 */
import fc from 'fast-check'
import type { Policy } from '../src/decision.ts'
import type { Waiver } from '../src/waiver-outcome.ts'
import type { ReportContext } from '../src/report.ts'
import type { Severity } from '../src/scans.ts'

/** The SSD token the tests register as a secret; it is planted in answers to be found nowhere. */
export const PROPERTY_TOKEN = 'ssd_prop_token_4d1e'

/** Names that are members of every JavaScript object, and names the parser looks for. */
const SPECIAL_KEYS = [
  'constructor',
  'toString',
  'hasOwnProperty',
  '__proto__',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  'name',
  'score',
  'severity',
  'Severity',
  'metadata',
  'status',
  'data',
  'error',
  'rule_name',
  'message',
  'line',
  'file_path',
  'url',
  'short'
]

/** Fragments that have broken renderers, logs or parsers somewhere. */
const HOSTILE_FRAGMENTS = [
  '|',
  '\\|',
  '\n| --- |',
  '\r\n',
  '<img src=x onerror=alert(1)>',
  '<details open>',
  '</td></tr>',
  '<!-- opsmx-ssd-gate project=0x29ab7 type=sourceScan -->',
  '-->',
  '@octocat',
  '@github/security',
  '#1',
  'GH-2',
  'org/repo#3',
  'https://github.com/octo-org/octo-repo/issues/1',
  'www.example.com',
  'user@example.com',
  '[x](javascript:alert(1))',
  '![i](https://evil.example/x.png)',
  '**b** _e_ ~~s~~ `c`',
  '&lt;b&gt; &#64;x &commat;y',
  '::error::forged',
  '::set-output name=passed::true',
  '##[stop-commands]halt',
  '%0A',
  '😀',
  '👩‍👩‍👧‍👦',
  'e\u0301',
  '\u0301\u0301\u0301',
  '🇫🇷🇩🇪',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ufffd',
  '\u0000',
  '\u2028',
  PROPERTY_TOKEN,
  `Bearer ${PROPERTY_TOKEN}`,
  encodeURIComponent(`?t=${PROPERTY_TOKEN}`)
]

/** Untrusted text: unicode of every kind, hostile fragments, sometimes very long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(...HOSTILE_FRAGMENTS),
          fc.string({ unit: 'binary', maxLength: 6 }),
          fc.string({ unit: 'grapheme-ascii', maxLength: 8 })
        ),
        { maxLength: 8 }
      )
      .map((parts) => parts.join(''))
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'é', '😀', '<', '&', '|', '@x ', 'e\u0301'), fc.integer({ min: 50, max: 3000 }))
      .map(([unit, times]) => unit.repeat(times))
  }
)

/** A JSON string literal; sometimes with a lone surrogate, which only an escape can write. */
const jsonString = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 9, arbitrary: text.map((value) => JSON.stringify(value)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(text, fc.constantFrom('\\ud83d', '\\ude00', '\\udfff\\ud800'))
        .map(([value, lone]) => `${JSON.stringify(value).slice(0, -1)}${lone}"`)
    }
  )

/** Numbers as JSON writes them, odd ones included, and numbers as strings. */
const jsonNumber: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -1, max: 10 }).map(String),
  fc.double({ min: -1, max: 10, noNaN: true }).map((n) => JSON.stringify(n)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom(
    '1e400',
    '-1e400',
    '1e-400',
    '-0',
    '7.0',
    '123456789012345678901234567890',
    '9007199254740993',
    '0.1e1',
    '"7"',
    '" 7.5 "',
    '"1e3"',
    '"NaN"',
    '"-1"',
    '""',
    'null',
    'true',
    '[]',
    '{}'
  )
)

const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_KEYS) },
  { weight: 2, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }) }
)

/** `{...}` from entries as JSON text: names may repeat, and any name may appear. */
const objectText = (entries: fc.Arbitrary<Array<[string, string]>>): fc.Arbitrary<string> =>
  entries.map((list) => `{${list.map(([name, value]) => `${JSON.stringify(name)}:${value}`).join(',')}}`)

/** Any JSON value, of any shape, as text. */
export const anyJson: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jsonNumber,
    jsonString(hostileText),
    fc.array(tie('value'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
    objectText(fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }))
  )
})).value

/** Extra fields of any name and value, mixed into a documented shape. */
const extraFields = fc.array(fc.tuple(key, anyJson), { maxLength: 3 })

/** The fields an `fc.option` left in, as entries. */
function present(fields: Record<string, string | null>): Array<[string, string]> {
  return Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== null)
}

/** All the entries, in a random order. */
function shuffled(entries: Array<[string, string]>): fc.Arbitrary<Array<[string, string]>> {
  return fc.shuffledSubarray(entries, { minLength: entries.length })
}

/** Entries in a random order, with the extras mixed in (names may then repeat). */
const shaped = (fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> =>
  objectText(
    fc
      .tuple(
        fc.record(
          Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, fc.option(value, { freq: 8 })]))
        ),
        extraFields
      )
      .chain(([known, extras]) => shuffled([...present(known), ...extras]))
  )

const url: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      'https://github.com/ossf/scorecard/blob/main/docs/checks.md#binary-artifacts',
      'https://example.com/a|b (c)',
      'javascript:alert(1)',
      'https://github.com/octo-org/octo-repo/issues/1',
      `https://example.com/?token=${PROPERTY_TOKEN}`,
      'https://user:pass@example.com/',
      'http://[::1]:8080/x',
      '//evil.example/x',
      `https://example.com/${'a'.repeat(2100)}`
    ),
    hostileText
  )
  .map((value) => JSON.stringify(value))

const check = shaped({
  name: jsonString(hostileText),
  score: jsonNumber,
  reason: jsonString(hostileText),
  metadata: shaped({ url, short: jsonString(hostileText) })
})

const finding = shaped({
  severity: fc.oneof(
    fc.constantFrom('"ERROR"', '"WARNING"', '"INFO"', '"CRITICAL"', '"high"', '"Medium"', '"low"', '"weird"'),
    jsonString(hostileText)
  ),
  rule_name: jsonString(hostileText),
  rule_message: jsonString(hostileText),
  metadata: shaped({ file_path: jsonString(hostileText), line: jsonNumber })
})

const trivyFinding = shaped({
  Severity: fc.constantFrom('"CRITICAL"', '"HIGH"', '"LOW"', '"UNKNOWN"'),
  VulnerabilityID: jsonString(hostileText),
  PkgName: jsonString(hostileText),
  Title: jsonString(hostileText)
})

const genericItem = objectText(fc.array(fc.tuple(key, anyJson), { maxLength: 6 }))

const item = fc.oneof(
  { weight: 4, arbitrary: check },
  { weight: 3, arbitrary: finding },
  { weight: 1, arbitrary: trivyFinding },
  { weight: 2, arbitrary: genericItem },
  { weight: 1, arbitrary: anyJson }
)

/** A scan element of the documented shape (a string status), its fields hostile. */
export const scanElement = (items: fc.Arbitrary<string[]> = fc.array(item, { maxLength: 30 })): fc.Arbitrary<string> =>
  objectText(
    fc
      .tuple(
        fc.oneof(fc.constantFrom('"Completed"', '"completed"', '"COMPLETED"'), jsonString(hostileText)),
        fc.record({
          scanName: fc.option(jsonString(hostileText), { freq: 6 }),
          scanTool: fc.option(jsonString(hostileText), { freq: 6 }),
          error: fc.option(fc.oneof(fc.constant('""'), jsonString(hostileText)), { freq: 4 }),
          metadata: fc.option(shaped({ score: jsonNumber, version: jsonString(hostileText) }), { freq: 8 }),
          data: fc.option(
            fc.oneof(
              { weight: 6, arbitrary: items.map((list) => `[${list.join(',')}]`) },
              { weight: 1, arbitrary: genericItem },
              { weight: 1, arbitrary: anyJson }
            ),
            { freq: 10 }
          )
        }),
        extraFields
      )
      .chain(([status, known, extras]) =>
        // Extras never repeat `status`: the element must keep its string status.
        shuffled([['status', status], ...present(known), ...extras.filter(([name]) => name !== 'status')])
      )
  )

/** A completed answer of the documented shape: an array of scan elements. */
export const documentedAnswer: fc.Arbitrary<string> = fc
  .array(scanElement(), { minLength: 1, maxLength: 6 })
  .map((elements) => `[${elements.join(',')}]`)

/** A big answer: many checks in one scan, or many tools. */
export const bigAnswer: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(check, { minLength: 1500, maxLength: 2500 })
    .map(
      (checks) => `[{"status":"Completed","scanName":"openssf","metadata":{"score":6},"data":[${checks.join(',')}]}]`
    ),
  fc
    .array(scanElement(fc.array(item, { minLength: 5, maxLength: 40 })), { minLength: 50, maxLength: 120 })
    .map((elements) => `[${elements.join(',')}]`)
)

const severity = fc.constantFrom<Severity | undefined>('critical', 'high', 'medium', 'low', undefined)

/** A policy as the inputs may set it: threshold, per-check rules (`*=N` among them), severities. */
export const policy: fc.Arbitrary<Policy> = fc.record({
  threshold: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true })),
  rules: fc
    .uniqueArray(
      fc.tuple(
        fc.oneof(fc.constant('*'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })),
        fc.integer({ min: 0, max: 10 })
      ),
      { selector: ([name]) => name.toLowerCase(), maxLength: 15 }
    )
    .map((rules) =>
      rules.map(([name, minimum]) => ({ name: name.toLowerCase(), minimum, text: `${name}=${minimum}` }))
    ),
  failOnInconclusive: fc.boolean(),
  failOnSeverity: severity
})

/** The report's context as the inputs and the event give it. */
export const reportContext: fc.Arbitrary<ReportContext> = fc.record({
  projectId: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  scanId: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  scanType: fc.constantFrom('sourceScan', 'imageScan'),
  repository: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  branch: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  scannedCommit: fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9a-f]{40}$/)),
  repositoryUrl: fc.option(fc.constant('https://github.com/octo-org/octo-repo'), { nil: undefined }),
  caveat: fc.option(hostileText, { nil: undefined }),
  baseUnavailable: fc.option(hostileText, { nil: undefined }),
  fullListAt: fc.constant('the result file (the `resultFile` output)'),
  warnOnly: fc.boolean(),
  header: fc.option(hostileText, { nil: undefined }),
  commit: fc.option(fc.stringMatching(/^[0-9a-f]{7}$/), { nil: undefined }),
  runUrl: fc.option(fc.constant('https://github.com/octo-org/octo-repo/actions/runs/4242'), { nil: undefined }),
  time: fc.option(fc.constant('2026-11-29T12:00:00Z'), { nil: undefined })
})

/** A waiver as the file may hold it, every text hostile: what the report and outputs must show safely. */
export const waiver: fc.Arbitrary<Waiver> = fc.record(
  {
    file: fc.constant('.github/ssd-waivers.yml'),
    entry: fc.integer({ min: 1, max: 500 }),
    line: fc.integer({ min: 1, max: 5000 }),
    rule: hostileText,
    path: hostileText,
    tool: hostileText,
    reason: hostileText,
    expires: fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
    approvedBy: hostileText
  },
  { requiredKeys: ['file', 'entry', 'line', 'reason', 'expires'] }
)
