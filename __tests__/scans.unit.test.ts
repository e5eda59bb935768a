import { describe, expect, test } from '@jest/globals'
import {
  AnswerShapeError,
  describeRating,
  gravestRating,
  parseScans,
  ratingOf,
  scanState,
  stateOf,
  unknownStatus
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
