import { describe, expect, test } from '@jest/globals'
import {
  AnswerShapeError,
  checkKey,
  describeRating,
  gravestRating,
  lowestScan,
  parseScans,
  ratingOf,
  repositoryPath,
  resultCount,
  scanIdentity,
  scanName,
  scanState,
  stateOf,
  unknownStatus,
  type Scan
} from '../src/scans.ts'
import { exampleScan, runningScan } from '../test-support/ssd-simulator.ts'

describe('parseScans', () => {
  test("reads the seed's example answer", () => {
    const [scan] = parseScans([exampleScan()])
    expect(scan).toMatchObject({
      name: 'openssf',
      tool: 'Openssf',
      status: 'Completed',
      version: 'v5.3.0',
      score: 2.4,
      scoreText: '2.4'
    })
    expect(scan?.checks.find((c) => c.name === 'Binary-Artifacts')).toEqual({
      name: 'Binary-Artifacts',
      score: 10,
      reason: 'no binaries found in the repo',
      url: 'https://github.com/ossf/scorecard/blob/c22063e786c11f9dd714d777a687ff7c4599b600/docs/checks.md#binary-artifacts',
      description: 'Determines if the project has generated executable (binary) artifacts in the source repository.'
    })
    expect(scan?.checks.find((c) => c.name === 'Code-Review')?.score).toBeNull()
  })

  test.each([
    [{ error: 'x' }, /expected a JSON array of scans, got an object with keys error/],
    ['text', /got string/],
    [[1], /scan 0 to be an object, got number/],
    [[{ scanName: 'x' }], /scan 0 to have a string "status", got undefined/]
  ])('rejects %o', (answer, message) => {
    expect(() => parseScans(answer)).toThrow(AnswerShapeError)
    expect(() => parseScans(answer)).toThrow(message)
  })

  test('tolerates odd fields: items of other shapes are skipped, not fatal', () => {
    const [scan] = parseScans([
      { status: 'Completed', metadata: 'x', data: [null, 'x', { name: 'A' }, { name: 'B', score: '7' }] }
    ])
    expect(scan?.checks).toEqual([{ name: 'B', score: 7, reason: '', url: '', description: '' }])
    expect(scan?.others).toEqual([new Map([['name', 'A']])])
    expect(scan?.score).toBeUndefined()
  })

  test('a negative aggregate is inconclusive, not a score', () => {
    expect(parseScans([exampleScan({ metadata: { score: -1 } })])[0]?.score).toBeUndefined()
  })
})

test('finding-shaped items: severity normalised, rule, message, file and line', () => {
  const [scan] = parseScans([
    {
      status: 'Completed',
      data: [
        {
          severity: 'ERROR',
          rule_name: 'js.eval',
          rule_message: 'eval is dangerous',
          metadata: { file_path: 'src/a.js', line: 12 }
        },
        { severity: 'weird', rule_message: 'm' },
        { title: 'x', count: 3, nested: { a: 1 } }
      ]
    }
  ])
  expect(scan?.findings).toEqual([
    {
      severity: 'high',
      severityText: 'ERROR',
      rule: 'js.eval',
      message: 'eval is dangerous',
      file: 'src/a.js',
      inRepository: true,
      line: 12
    },
    {
      severity: undefined,
      severityText: 'weird',
      rule: '',
      message: 'm',
      file: '',
      inRepository: false,
      line: undefined
    }
  ])
  expect(scan?.others).toEqual([
    new Map([
      ['title', 'x'],
      ['count', '3'],
      ['nested.a', '1']
    ])
  ])
})

test("only an item's own fields are read, never Object's members of the same name", () => {
  const answer: unknown = JSON.parse(
    '[{"status":"Completed","metadata":{"__proto__":{"score":9}},"data":[' +
      '{"name":"toString","score":5,"metadata":{"constructor":"c"}},' +
      '{"severity":"low","constructor":"k"},' +
      '{"__proto__":"p","valueOf":"v"}]}]'
  )
  const [scan] = parseScans(answer)
  // A score under `__proto__` is a field named so, not the metadata's score.
  expect(scan?.score).toBeUndefined()
  expect(scan?.checks).toEqual([{ name: 'toString', score: 5, reason: '', url: '', description: '' }])
  // `constructor` is no rule, message or file: without one the item is not a finding.
  expect(scan?.findings).toEqual([])
  expect(scan?.others).toEqual([
    new Map([
      ['severity', 'low'],
      ['constructor', 'k']
    ]),
    new Map([
      ['__proto__', 'p'],
      ['valueOf', 'v']
    ])
  ])
  // A scan element of a different shape: `status` is read as an own field only.
  expect(() => parseScans(JSON.parse('[{"toString":"x"}]'))).toThrow(/string "status", got undefined/)
})

describe('scanState', () => {
  test.each([
    ['Completed', 'completed'],
    ['COMPLETED', 'completed'],
    ['completed', 'completed'],
    ['pending', 'running'],
    ['scanning', 'running'],
    ['fail', 'failed'],
    ['Failed', 'failed'],
    ['error', 'failed'],
    // SSD's RiskStatus enum: the four verdicts are a finished scan, paused is a scan that stopped.
    ['lowrisk', 'completed'],
    ['MediumRisk', 'completed'],
    ['highrisk', 'completed'],
    [' APOCALYPSERISK ', 'completed'],
    ['paused', 'paused'],
    ['Paused', 'paused'],
    // A word the action does not know is waited on as a running scan.
    ['queued', 'running'],
    ['risky', 'running']
  ])('%s is %s', (status, state) => {
    expect(scanState(parseScans([runningScan(status)])[0]!)).toBe(state)
  })

  test('an error text with no data means failed, whatever the status', () => {
    expect(scanState(parseScans([runningScan('scanning', { error: 'boom' })])[0]!)).toBe('failed')
  })
})

describe("SSD's words for a scan", () => {
  test('a risk verdict is a rating; nothing else is', () => {
    expect(ratingOf('HighRisk')).toBe('highrisk')
    expect(ratingOf(' apocalypserisk ')).toBe('apocalypserisk')
    for (const word of ['completed', 'risk', 'highrisky', 'high risk', '', 'fail'])
      expect(ratingOf(word)).toBeUndefined()
  })

  test('the gravest rating among statuses wins, whatever their order', () => {
    expect(gravestRating(['Completed', 'mediumrisk', 'lowrisk'])).toBe('mediumrisk')
    expect(gravestRating(['highrisk', 'apocalypserisk', 'lowrisk'])).toBe('apocalypserisk')
    expect(gravestRating(['lowrisk', 'LOWRISK'])).toBe('lowrisk')
    expect(gravestRating(['completed', 'pending'])).toBeUndefined()
    expect(gravestRating([])).toBeUndefined()
  })

  test('ratings as the report words them', () => {
    expect(describeRating('lowrisk')).toBe('low risk')
    expect(describeRating('mediumrisk')).toBe('medium risk')
    expect(describeRating('highrisk')).toBe('high risk')
    expect(describeRating('apocalypserisk')).toBe('apocalypse risk')
  })

  test('unknownStatus names a word the schema does not have, and only that', () => {
    expect(unknownStatus(' Queued ')).toBe('Queued')
    for (const known of [
      'pending',
      'SCANNING',
      'paused',
      'completed',
      'fail',
      'failed',
      'error',
      'HighRisk',
      '',
      ' '
    ]) {
      expect(unknownStatus(known)).toBe('')
    }
    // Bounded: it goes into log lines and the timeout message.
    expect(unknownStatus('x'.repeat(500)).length).toBeLessThanOrEqual(40)
    expect(stateOf('x'.repeat(500))).toBe('running')
    // A word that names an object's own machinery is a word like any other.
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(stateOf(word)).toBe('running')
      expect(unknownStatus(word)).toBe(word)
    }
  })
})

describe('every spelling the tools use', () => {
  const findingOf = (item: Record<string, unknown>) =>
    parseScans([{ status: 'Completed', data: [item] }])[0]!.findings[0]

  test.each([
    ['critical', 'critical'],
    [' BLOCKER ', 'critical'],
    ['High', 'high'],
    ['ERROR', 'high'],
    ['major', 'high'],
    ['Medium', 'medium'],
    ['moderate', 'medium'],
    ['WARNING', 'medium'],
    ['low', 'low'],
    ['Minor', 'low'],
    ['INFO', 'info'],
    ['informational', 'info'],
    ['note', 'info'],
    ['severe', undefined]
  ])('severity %j is %s', (word, severity) => {
    expect(findingOf({ severity: word, rule_name: 'r' })).toMatchObject({ severity, severityText: word })
  })

  test.each([
    [{ rule_id: 'a' }, { rule: 'a' }],
    [{ Check_ID: 'b' }, { rule: 'b' }],
    [{ VulnerabilityID: 'CVE-1' }, { rule: 'CVE-1' }],
    [{ ID: 'c' }, { rule: 'c' }],
    [{ rule_name: 'first', rule_id: 'second' }, { rule: 'first' }],
    [{ message: 'm' }, { message: 'm', rule: '' }],
    [{ Title: 't' }, { message: 't' }],
    [{ description: 'd' }, { message: 'd' }],
    [{ rule_message: 'rm', message: 'm' }, { message: 'rm' }],
    [
      { path: 'p.js', start_line: '7' },
      { file: 'p.js', inRepository: true, line: 7 }
    ],
    [
      { file_path: 'f.js', line: 3 },
      { file: 'f.js', inRepository: true, line: 3 }
    ],
    [
      { metadata: { file_path: 'm.js', line: 2 }, file_path: 'f.js', line: 9 },
      { file: 'm.js', line: 2 }
    ],
    [{ Target: 'package-lock.json' }, { file: 'package-lock.json', inRepository: false }],
    [{ PkgName: 'lodash' }, { file: 'lodash', inRepository: false }],
    [
      { path: 'a.js', target: 'b' },
      { file: 'a.js', inRepository: true }
    ]
  ])('%j reads as %j', (fields, expected) => {
    expect(findingOf({ severity: 'low', ...fields })).toMatchObject(expected)
  })

  test('a severity with no rule, message or file is not a finding; a line is a number or a plain numeric string', () => {
    expect(findingOf({ severity: 'low', count: 3 })).toBeUndefined()
    expect(findingOf({ severity: 'low', rule_name: 'r', line: ' 12 ' })?.line).toBe(12)
    expect(findingOf({ severity: 'low', rule_name: 'r', line: '-3.5' })?.line).toBe(-3.5)
    for (const line of ['12a', 'a12', '1.', '1e3', '', Infinity, '1 2']) {
      expect(findingOf({ severity: 'low', rule_name: 'r', line })?.line).toBeUndefined()
    }
  })
})

describe("a scan's fields", () => {
  test('the tool is scanTool, else scanName; the score and its text only when 0 or more', () => {
    const [named, zero] = parseScans([
      { status: 'Completed', scanName: 'trivy', metadata: { score: ' 7.50 ' } },
      { status: 'Completed', scanName: 'a', scanTool: 'B', metadata: { score: 0 } }
    ])
    expect(named).toMatchObject({ name: 'trivy', tool: 'trivy', score: 7.5, scoreText: '7.50' })
    expect(zero).toMatchObject({ name: 'a', tool: 'B', score: 0, scoreText: '0' })
    const [negative] = parseScans([{ status: 'Completed', metadata: { score: '-0.5' } }])
    expect(negative).toMatchObject({ score: undefined, scoreText: '' })
  })

  test('data as one object is one item; anything but a list or an object is none', () => {
    const one = parseScans([{ status: 'Completed', data: { name: 'A', score: 3 } }])[0]!
    expect(one.checks.map((check) => check.name)).toEqual(['A'])
    for (const data of ['text', 3, null, true]) {
      expect(parseScans([{ status: 'Completed', data }])[0]).toMatchObject({ checks: [], findings: [], others: [] })
    }
  })

  test("an item of no known shape keeps its first 20 fields' scalars, and 10 of each nested object's", () => {
    const wide = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, i % 2 ? i : `v${i}`]))
    const nested = {
      inner: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`n${i}`, i === 3 ? '' : `x${i}`]))
    }
    const [scan] = parseScans([{ status: 'Completed', data: [wide, nested, { empty: '', flag: false, gone: null }] }])
    expect([...scan!.others[0]!.keys()]).toEqual(Array.from({ length: 20 }, (_, i) => `k${i}`))
    expect(scan!.others[0]!.get('k1')).toBe('1')
    expect([...scan!.others[1]!.keys()]).toEqual(
      ['n0', 'n1', 'n2', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9'].map((k) => `inner.${k}`)
    )
    expect(scan!.others[2]).toEqual(new Map([['flag', 'false']]))
  })

  test('what a wrong answer was, in the error', () => {
    const refusal = (answer: unknown): string => {
      try {
        parseScans(answer)
      } catch (error) {
        expect(error).toBeInstanceOf(AnswerShapeError)
        expect((error as Error).name).toBe('AnswerShapeError')
        return (error as Error).message
      }
      throw new Error('expected a refusal')
    }
    expect(refusal(null)).toBe('expected a JSON array of scans, got null')
    expect(refusal({})).toBe('expected a JSON array of scans, got an empty object')
    expect(refusal({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })).toBe(
      'expected a JSON array of scans, got an object with keys a, b, c, d, e'
    )
    expect(refusal([[1]])).toBe('expected scan 0 to be an object, got an array')
    expect(refusal([{ status: 'ok' }, 'x'])).toBe('expected scan 1 to be an object, got string')
    expect(refusal([{ status: 3 }])).toBe('expected scan 0 to have a string "status", got number')
  })
})

describe('helpers on scans', () => {
  const scan = (fields: Partial<Scan>): Scan => ({ ...parseScans([{ status: 'Completed' }])[0]!, ...fields })

  test('names: the tool for people, the scan name for identity', () => {
    expect(scanName({ tool: '', name: '' })).toBe('scan')
    expect(scanName({ tool: 'T', name: 'n' })).toBe('T')
    expect(scanName({ tool: '', name: 'n' })).toBe('n')
    expect(scanIdentity({ tool: 'T', name: 'n' })).toBe('n')
    expect(checkKey({ tool: 'T', name: 'OpenSSF' }, { name: 'Code-Review' })).toBe(
      checkKey({ tool: '', name: 'openssf' }, { name: 'code-review' })
    )
  })

  test('the lowest scan: the first of equal scores, none without a score', () => {
    const a = scan({ name: 'a', score: 3 })
    const b = scan({ name: 'b', score: 3 })
    const c = scan({ name: 'c', score: 9 })
    expect(lowestScan([c, a, b])).toBe(a)
    expect(lowestScan([scan({ score: undefined }), c])).toBe(c)
    expect(lowestScan([scan({ score: undefined })])).toBeUndefined()
  })

  test('a result count adds checks, findings and other items', () => {
    const [counted] = parseScans([
      {
        status: 'Completed',
        data: [{ name: 'A', score: 1 }, { severity: 'low', rule_name: 'r' }, { x: 'y' }, { z: 1 }]
      }
    ])
    expect(resultCount(counted!)).toBe(4)
  })

  test.each([
    ['src/a.js', 'src/a.js'],
    ['././src/a.js', 'src/a.js'],
    ['/abs/a.js', undefined],
    ['https://x/a.js', undefined],
    ['C:/a.js', undefined],
    ['src\\a.js', undefined],
    ['src/../a.js', undefined],
    ['src//a.js', undefined],
    ['', undefined],
    ['./', undefined],
    ['a:b/c.js', undefined],
    ['1a:b.js', '1a:b.js']
  ])('repositoryPath(%j) is %j', (file, path) => {
    expect(repositoryPath({ file, inRepository: true })).toBe(path)
    expect(repositoryPath({ file, inRepository: false })).toBeUndefined()
  })

  test('a running scan with an error and no results has failed; with results, it runs on', () => {
    expect(scanState(scan({ status: 'scanning', error: ' out of memory ' }))).toBe('failed')
    expect(scanState(scan({ status: 'scanning', error: '  ' }))).toBe('running')
    expect(scanState(scan({ status: 'completed', error: 'warning text' }))).toBe('completed')
    const withResults = parseScans([{ status: 'scanning', error: 'partial', data: [{ name: 'A', score: 1 }] }])[0]!
    expect(scanState(withResults)).toBe('running')
  })
})

describe('more of the answer', () => {
  test('a score that is no number has no text either', () => {
    expect(parseScans([{ status: 'Completed', metadata: { score: 'n/a' } }])[0]).toMatchObject({
      score: undefined,
      scoreText: ''
    })
  })

  test('a field named "undefined" is a field like any other, not a stand-in for a missing key', () => {
    const [scan] = parseScans([{ status: 'Completed', data: [{ severity: 'low', undefined: 'x', message: 'm' }] }])
    expect(scan!.findings[0]).toMatchObject({ rule: '', message: 'm' })
  })
})
