import { describe, expect, test } from '@jest/globals'
import { decide } from '../src/decision.ts'
import { artifactLocation, buildSarif, checkLevel, runCategories } from '../src/sarif.ts'
import { parseScans } from '../src/scans.ts'
import { policy } from '../test-support/policy.ts'
import { sarifSchemaErrors } from '../test-support/sarif-schema.ts'
import { exampleScan } from '../test-support/ssd-simulator.ts'

interface Run {
  automationDetails: { id: string }
  tool: { driver: { rules: Array<{ id: string }> } }
  results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>
}

const provenance = {
  projectId: '0x29ab7',
  scanType: 'sourceScan',
  header: '',
  scanId: '0x29ab8',
  repository: 'octo-repo',
  branch: 'feature',
  commit: 'a1b2c3d'
}

function sarifOf(answer: unknown[], workspace = '/home/runner/work/repo/repo'): { runs: Run[] } {
  const scans = parseScans(answer)
  return buildSarif(scans, decide(scans, policy(5)), workspace, provenance) as { runs: Run[] }
}

describe('buildSarif', () => {
  test('file paths become valid, repository-relative URIs where they can', () => {
    expect(artifactLocation('/home/runner/work/repo/repo/src/a.js', '/home/runner/work/repo/repo')).toEqual({
      uri: 'src/a.js',
      uriBaseId: '%SRCROOT%'
    })
    expect(artifactLocation('./src/my file#1.js', '/w')).toEqual({
      uri: 'src/my%20file%231.js',
      uriBaseId: '%SRCROOT%'
    })
    expect(artifactLocation('C:\\src\\b.js', '/w')).toEqual({ uri: 'file:///C:/src/b.js' })
    expect(artifactLocation('/etc/passwd', '/w')).toEqual({ uri: 'file:///etc/passwd' })
  })

  test('two runs of one tool get distinct categories; at most 20 runs', () => {
    const sarif = sarifOf(Array.from({ length: 25 }, () => exampleScan()))
    expect(sarif.runs).toHaveLength(20)
    const ids = sarif.runs.map((run) => run.automationDetails.id)
    expect(new Set(ids).size).toBe(20)
    expect(sarifSchemaErrors(sarif)).toEqual([])
  })

  test('categories name the step and the tool, not a position: stable when SSD reorders, distinct across projects', () => {
    const semgrep = exampleScan({ scanName: 'semgrep', scanTool: 'Semgrep', data: [] })
    const openssf = exampleScan()
    const scans = parseScans([openssf, semgrep])
    const reordered = parseScans([semgrep, openssf])
    expect(runCategories(scans, provenance)).toEqual([
      'opsmx-ssd/0x29ab7/sourceScan/openssf/',
      'opsmx-ssd/0x29ab7/sourceScan/semgrep/'
    ])
    expect(new Set(runCategories(reordered, provenance))).toEqual(new Set(runCategories(scans, provenance)))
    const other = runCategories(scans, { ...provenance, projectId: '0x1' })
    expect(other.filter((category) => runCategories(scans, provenance).includes(category))).toEqual([])
    expect(runCategories(scans, { ...provenance, header: 'Nightly / policy' })[0]).toBe(
      'opsmx-ssd/0x29ab7/sourceScan/Nightly-policy/openssf/'
    )
    // A tool SSD adds does not move the others.
    const added = parseScans([exampleScan({ scanName: 'trivy', scanTool: 'Trivy', data: [] }), openssf, semgrep])
    expect(runCategories(added, provenance).slice(1)).toEqual(runCategories(scans, provenance))
  })

  test('rule ids are unique in a run, across checks and findings, after normalising', () => {
    const sarif = sarifOf([
      exampleScan({
        data: [
          { name: 'Foo Bar', score: 1 },
          { name: 'Foo-Bar', score: 2 },
          {
            severity: 'high',
            rule_name: 'Foo-Bar',
            rule_message: 'm',
            metadata: { file_path: 'src/my file.js', line: 0 }
          }
        ]
      })
    ])
    const ids = sarif.runs[0]!.tool.driver.rules.map((rule) => rule.id)
    expect(ids).toEqual(['Foo-Bar'])
    expect(sarif.runs[0]!.results.every((result) => ids.includes(result.ruleId))).toBe(true)
    expect(sarifSchemaErrors(sarif)).toEqual([])
  })

  test("levels follow Scorecard's risk table", () => {
    expect(checkLevel('Dangerous-Workflow')).toBe('error')
    expect(checkLevel('code-review')).toBe('error')
    expect(checkLevel('Pinned-Dependencies')).toBe('warning')
    expect(checkLevel('License')).toBe('note')
    expect(checkLevel('Something-New')).toBe('warning')
  })
})
