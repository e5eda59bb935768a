/**
 * summarydata's `scannedFiledData` in each shape SSD has been seen to use (grouped by
 * category, a flat map, a list), hostile ones too, and what the wait line makes of it.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { describeFiles, failedFiles, parseScannedFiles, parseSummary, type ScannedFile } from '../src/scan-summary.ts'
import { propertyParameters } from '../test-support/fast-check.ts'

const entry = (name: string, status: string, error = '') => ({
  scanName: name,
  scanTool: name,
  resultFile: `octo-repo/feature/${name}.json`,
  status,
  error
})

/** The shape OpsMx's own client reads: category, then tool. */
const GROUPED = {
  OpenSSF: { openssf: entry('openssf', 'completed') },
  SAST: { semgrep: entry('semgrep', 'scanning'), opengrep: entry('opengrep', 'fail', 'semgrep: out of memory') },
  SBOM: { sbom: entry('sbom', 'pending') }
}

const names = (files: ScannedFile[]) => files.map((file) => `${file.group}/${file.key}:${file.state}`)

describe('parseScannedFiles', () => {
  test('the grouped object: every tool with its category, in the order SSD gave them', () => {
    const files = parseScannedFiles(GROUPED)
    expect(names(files)).toEqual([
      'OpenSSF/openssf:completed',
      'SAST/semgrep:running',
      'SAST/opengrep:failed',
      'SBOM/sbom:running'
    ])
    expect(files[2]).toEqual({
      group: 'SAST',
      key: 'opengrep',
      scanName: 'opengrep',
      scanTool: 'opengrep',
      resultFile: 'octo-repo/feature/opengrep.json',
      status: 'fail',
      error: 'semgrep: out of memory',
      state: 'failed'
    })
  })

  test('a flat map of tools, and a flat list: no category', () => {
    const map = parseScannedFiles({ openssf: entry('openssf', 'completed'), semgrep: entry('semgrep', 'scanning') })
    expect(names(map)).toEqual(['/openssf:completed', '/semgrep:running'])
    const list = parseScannedFiles([entry('openssf', 'completed'), { scanTool: 'Trivy', status: 'paused' }])
    expect(names(list)).toEqual(['/openssf:completed', '/Trivy:paused'])
  })

  test('anything that is no tool is skipped, never fatal; only own fields are read', () => {
    for (const value of [undefined, null, 'openssf', 42, true, [], {}, [null, 1, 'x', []], { SAST: 'semgrep' }]) {
      expect(parseScannedFiles(value)).toEqual([])
    }
    const hostile = JSON.parse(
      '{"__proto__":{"status":"completed"},"constructor":{"toString":{"status":"fail"}},"SAST":{"x":{"scanName":{"a":1},"status":7}}}'
    ) as unknown
    const files = parseScannedFiles(hostile)
    // `__proto__` as JSON wrote it is a tool called so, not the object's prototype.
    expect(names(files)).toEqual(['/__proto__:completed', 'constructor/toString:failed'])
    expect(files[0]?.status).toBe('completed')
    expect(Object.getPrototypeOf(files[0])).toBe(Object.prototype)
    // A number where a string is expected: read as text; an object: nothing.
    expect(parseScannedFiles({ x: { scanName: { a: 1 }, status: 'completed', error: 3 } })[0]).toMatchObject({
      scanName: '',
      error: '3'
    })
  })

  test('a summary with a thousand tools keeps fifty', () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`tool${i}`, entry(`tool${i}`, 'scanning')]))
    expect(parseScannedFiles({ SAST: many })).toHaveLength(50)
  })

  test('parseSummary reads it from scannedFiledData, and an absent one is no tools', () => {
    const summary = parseSummary({ scanId: '0x1', status: 'scanning', scannedFiledData: GROUPED })
    expect(summary?.files).toHaveLength(4)
    expect(parseSummary({ scanId: '0x1', status: 'scanning' })?.files).toEqual([])
    expect(parseSummary({ scanId: '0x1', status: 'highrisk' })?.state).toBe('completed')
  })

  test('any JSON value: no throw, every field a well-formed string, at most fifty tools', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (inner, outer) => {
        for (const value of [inner, outer, { G: inner }, { G: { k: inner } }, [inner, outer]]) {
          const files = parseScannedFiles(value)
          expect(files.length).toBeLessThanOrEqual(50)
          for (const file of files) {
            for (const text of [file.group, file.key, file.scanName, file.status, file.error]) {
              expect(typeof text).toBe('string')
              expect(text.isWellFormed()).toBe(true)
            }
            expect(['completed', 'failed', 'running', 'paused']).toContain(file.state)
          }
          const line = describeFiles({ status: 'scanning', files })
          expect(line.length).toBeLessThanOrEqual(10 * 64 + 20)
          expect(line).not.toMatch(/[\r\n]/)
        }
      }),
      propertyParameters(300)
    )
  })
})

describe('the wait line and failed tools', () => {
  test("names each tool's state when they say more than the summary's status", () => {
    const files = parseScannedFiles(GROUPED)
    expect(describeFiles({ status: 'scanning', files })).toBe(
      'openssf completed, semgrep scanning, opengrep fail, sbom pending'
    )
    const pending = parseScannedFiles({ OpenSSF: { openssf: entry('openssf', 'pending') } })
    expect(describeFiles({ status: 'Pending', files: pending })).toBe('')
    expect(describeFiles({ status: 'scanning', files: [] })).toBe('')
  })

  test('more than ten tools: ten named, the rest counted; untrusted names on one line', () => {
    const files = parseScannedFiles(
      Array.from({ length: 13 }, (_, i) => entry(i === 0 ? 'evil\n::error::x' : `t${i}`, 'scanning'))
    )
    const line = describeFiles({ status: 'pending', files })
    expect(line).toMatch(/^evil ::error::x scanning, t1 scanning, .*t9 scanning, 3 more$/)
  })

  test('a failed tool is one with a failed status, or an error text and no completion', () => {
    const files = parseScannedFiles({
      a: entry('a', 'fail'),
      b: entry('b', 'scanning', 'clone failed'),
      c: entry('c', 'completed', 'a warning SSD kept'),
      d: entry('d', 'scanning')
    })
    expect(failedFiles({ files }).map((file) => file.key)).toEqual(['a', 'b'])
  })
})
