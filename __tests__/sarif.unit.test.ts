import { describe, expect, test } from '@jest/globals'
import { parseCheckRules } from '../src/config.ts'
import { decide } from '../src/decision.ts'
import { artifactLocation, buildSarif, checkLevel, runCategories } from '../src/sarif.ts'
import { parseScans } from '../src/scans.ts'
import { policy } from '../test-support/policy.ts'
import { sarifSchemaErrors } from '../test-support/sarif-schema.ts'
import { exampleScan } from '../test-support/ssd-simulator.ts'

interface Run {
  automationDetails: { id: string }
  tool: { driver: { rules: Array<{ id: string; name: string }> } }
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

  test("the schema checker's uniqueItems: two equal rules in one run are refused, in whatever key order", () => {
    const sarif = sarifOf([exampleScan()]) as unknown as { runs: Array<{ tool: { driver: { rules: object[] } } }> }
    const driver = sarif.runs[0]!.tool.driver
    expect(driver.rules.length).toBeGreaterThan(0)
    const first = driver.rules[0]!
    const reversed = Object.fromEntries(Object.entries(first).reverse())
    const withTwin = (twin: object) => ({
      ...sarif,
      runs: [{ ...sarif.runs[0], tool: { driver: { ...driver, rules: [...driver.rules, twin] } } }]
    })
    expect(sarifSchemaErrors(withTwin(reversed))).toEqual([
      '/runs/0/tool/driver/rules must pass "uniqueItems" keyword validation'
    ])
    expect(sarifSchemaErrors(withTwin({ ...first, id: 'another' }))).toEqual([])
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
    // The first of the names that share an id describes the rule.
    expect(sarif.runs[0]!.tool.driver.rules[0]).toMatchObject({ shortDescription: { text: 'Foo Bar' } })
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

describe('a small result, whole', () => {
  const answer = [
    {
      scanName: 'openssf',
      scanTool: 'Openssf',
      status: 'Completed',
      error: '',
      metadata: { version: 'v5.3.0', score: 6 },
      data: [
        {
          name: 'Fuzzing',
          score: 0,
          reason: 'project is not fuzzed',
          metadata: { url: 'https://example.com/fuzzing', short: 'Determines if the project uses fuzzing.' }
        },
        { name: 'License', score: 10, reason: 'license file detected', metadata: { url: 'javascript:alert(1)' } },
        { name: 'Code Review', score: 3, reason: '', metadata: {} }
      ]
    },
    {
      scanName: 'semgrep',
      scanTool: 'Semgrep',
      status: 'Completed',
      error: '',
      metadata: {},
      data: [
        {
          severity: 'ERROR',
          rule_name: 'js.eval-injection',
          rule_message: 'eval of user input',
          metadata: { file_path: '/ws/src/run.js', line: 21.7 }
        },
        { severity: 'INFO', rule_name: 'js.note', rule_message: '', metadata: { file_path: 'src/a.js', line: 0 } },
        { severity: 'WARNING', rule_name: 'js.here', rule_message: 'somewhere', metadata: {} }
      ]
    }
  ]
  const scans = parseScans(answer)
  const sarif = (): { runs: Array<Record<string, unknown>> } =>
    buildSarif(scans, decide(scans, policy(5, { rules: parseCheckRules('Code Review=4') })), '/ws/', {
      ...provenance,
      header: 'My Gate',
      commit: ''
    }) as { runs: Array<Record<string, unknown>> }
  const root = {
    physicalLocation: { artifactLocation: { uri: '.', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } }
  }
  const tags = { tags: ['supply-chain', 'security'] }

  test("the checks' run: a rule per check, a result per failing check, the scan's version and score", () => {
    expect(sarif().runs[0]).toEqual({
      tool: {
        driver: {
          name: 'Openssf',
          semanticVersion: '5.3.0',
          version: 'v5.3.0',
          informationUri: 'https://www.opsmx.com/',
          rules: [
            {
              id: 'Fuzzing',
              name: 'Fuzzing',
              shortDescription: { text: 'Determines if the project uses fuzzing.' },
              fullDescription: { text: 'Determines if the project uses fuzzing.' },
              helpUri: 'https://example.com/fuzzing',
              help: { text: 'Determines if the project uses fuzzing.' },
              defaultConfiguration: { level: 'warning' },
              properties: tags
            },
            {
              id: 'License',
              name: 'License',
              shortDescription: { text: 'License' },
              fullDescription: { text: 'License' },
              help: { text: 'License' },
              defaultConfiguration: { level: 'note' },
              properties: tags
            },
            {
              id: 'Code-Review',
              name: 'CodeReview',
              shortDescription: { text: 'Code Review' },
              fullDescription: { text: 'Code Review' },
              help: { text: 'Code Review' },
              defaultConfiguration: { level: 'warning' },
              properties: tags
            }
          ]
        }
      },
      automationDetails: { id: 'opsmx-ssd/0x29ab7/sourceScan/My-Gate/openssf/' },
      results: [
        {
          ruleId: 'Fuzzing',
          level: 'warning',
          message: { text: 'Fuzzing scored 0, below the threshold 5: project is not fuzzed' },
          locations: [root],
          partialFingerprints: { checkName: 'Fuzzing' }
        },
        {
          ruleId: 'Code-Review',
          level: 'warning',
          message: { text: 'Code Review scored 3, below its minimum (Code Review=4): no reason given' },
          locations: [root],
          partialFingerprints: { checkName: 'Code Review' }
        }
      ],
      properties: { score: 6, ssdScanId: '0x29ab8', repository: 'octo-repo', branch: 'feature' }
    })
  })

  test("the findings' run: a rule per rule, each finding at its file and line (the workspace taken off), or at the root", () => {
    expect(sarif().runs[1]).toEqual({
      tool: {
        driver: {
          name: 'Semgrep',
          informationUri: 'https://www.opsmx.com/',
          rules: [
            {
              id: 'js.eval-injection',
              name: 'JsEvalInjection',
              shortDescription: { text: 'js.eval-injection' },
              defaultConfiguration: { level: 'error' }
            },
            {
              id: 'js.note',
              name: 'JsNote',
              shortDescription: { text: 'js.note' },
              defaultConfiguration: { level: 'note' }
            },
            {
              id: 'js.here',
              name: 'JsHere',
              shortDescription: { text: 'js.here' },
              defaultConfiguration: { level: 'warning' }
            }
          ]
        }
      },
      automationDetails: { id: 'opsmx-ssd/0x29ab7/sourceScan/My-Gate/semgrep/' },
      results: [
        {
          ruleId: 'js.eval-injection',
          level: 'error',
          message: { text: 'eval of user input' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'src/run.js', uriBaseId: '%SRCROOT%' },
                region: { startLine: 21 }
              }
            }
          ]
        },
        {
          ruleId: 'js.note',
          level: 'note',
          message: { text: 'js.note' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'src/a.js', uriBaseId: '%SRCROOT%' },
                region: { startLine: 1 }
              }
            }
          ]
        },
        { ruleId: 'js.here', level: 'warning', message: { text: 'somewhere' }, locations: [root] }
      ],
      properties: { ssdScanId: '0x29ab8', repository: 'octo-repo', branch: 'feature' }
    })
    expect(sarifSchemaErrors(sarif())).toEqual([])
  })

  test('the commit, when known, is in every run', () => {
    const withCommit = buildSarif(scans, decide(scans, policy(5)), '/ws', provenance) as {
      runs: Array<{ properties: object }>
    }
    for (const run of withCommit.runs) expect(run.properties).toMatchObject({ commit: 'a1b2c3d' })
  })

  test('rule names in PascalCase: separators dropped, each word capitalised; no letter or digit: the name as it is', () => {
    const names = ['code review', '--js..eval-injection--', 'CII-Best-Practices', 'x', '-*-', 'é a']
    const scans = parseScans([
      {
        scanName: 'tool',
        status: 'Completed',
        data: names.map((name) => ({ name, score: 1, reason: '' }))
      }
    ])
    const run = (buildSarif(scans, decide(scans, policy(5)), '/ws', provenance) as { runs: Run[] }).runs[0]!
    expect(run.tool.driver.rules.map((rule) => rule.name)).toEqual([
      'CodeReview',
      'JsEvalInjection',
      'CIIBestPractices',
      'X',
      '-*-',
      'A'
    ])
  })

  test('names made safe: categories and rule ids without spaces, never empty', () => {
    const odd = parseScans([
      {
        scanName: ' -- ',
        scanTool: '',
        status: 'Completed',
        metadata: {},
        data: [{ name: '  ', score: 1, reason: '' }]
      },
      { scanName: 'a  b', scanTool: '', status: 'Completed', metadata: {}, data: [] }
    ])
    expect(runCategories(odd, { ...provenance, header: '  My   Gate!  ' })).toEqual([
      'opsmx-ssd/0x29ab7/sourceScan/My-Gate/unnamed/',
      'opsmx-ssd/0x29ab7/sourceScan/My-Gate/a-b/'
    ])
    const run = (buildSarif(odd, decide(odd, policy(5)), '/ws', provenance) as { runs: Run[] }).runs[0]!
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['unnamed'])
  })

  // /^-+|-+$/g tried the end's pattern from each '-' of a long run: 17 s for a 100,000
  // character scanName here, and a SARIF file is written synchronously (no timer ends it).
  test("a scan named with a long run of '-': its category at once, cut to 60", () => {
    const scans = parseScans([{ scanName: `a${'-'.repeat(100_000)}b-`, scanTool: '', status: 'Completed', data: [] }])
    const started = Date.now()
    const [category] = runCategories(scans, provenance)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(category).toBe(`opsmx-ssd/0x29ab7/sourceScan/a${'-'.repeat(59)}/`)
  })

  test("a name's '-'s are taken off both its ends, however many", () => {
    const scans = parseScans([{ scanName: '--x--', scanTool: '', status: 'Completed', data: [] }])
    expect(runCategories(scans, provenance)).toEqual(['opsmx-ssd/0x29ab7/sourceScan/x/'])
  })
})

describe('SARIF at its edges', () => {
  test("every check of Scorecard's risk table at its level, whatever its case; a check not in it is a warning", () => {
    const levels = {
      error: [
        'Dangerous-Workflow',
        'Binary-Artifacts',
        'Branch-Protection',
        'Code-Review',
        'Dependency-Update-Tool',
        'Maintained',
        'Signed-Releases',
        'Token-Permissions',
        'Vulnerabilities',
        'Webhooks'
      ],
      warning: ['Fuzzing', 'Packaging', 'Pinned-Dependencies', 'SAST', 'Security-Policy', 'Something-New'],
      note: ['CI-Tests', 'CII-Best-Practices', 'Contributors', 'License']
    }
    for (const [level, names] of Object.entries(levels)) {
      for (const name of names) {
        expect([name, checkLevel(name)]).toEqual([name, level])
        expect(checkLevel(name.toUpperCase())).toBe(level)
      }
    }
  })

  const run = (data: unknown[], version = '') =>
    sarifOf([{ scanName: 'semgrep', scanTool: 'Semgrep', status: 'Completed', metadata: { version }, data }])
      .runs[0] as unknown as {
      tool: {
        driver: {
          semanticVersion?: string
          rules: Array<{
            id: string
            name: string
            shortDescription: { text: string }
            defaultConfiguration: { level: string }
          }>
        }
      }
      results: Array<{
        ruleId: string
        level: string
        message: { text: string }
        locations: Array<{ physicalLocation: { region: { startLine: number } } }>
      }>
    }

  test('a finding without a rule, severity or line: the rule is "finding", a warning, at line 1', () => {
    const { tool, results } = run([
      { severity: 'odd', rule_message: 'found it', metadata: { file_path: 'a.js' } },
      { severity: 'CRITICAL', rule_name: 'c', rule_message: '', metadata: { file_path: 'b.js', line: 0.5 } },
      { severity: 'low', rule_name: 'l', rule_message: 'm', metadata: { file_path: 'c.js', line: 7.9 } }
    ])
    expect(tool.driver.rules[0]).toEqual({
      id: 'finding',
      name: 'Finding',
      shortDescription: { text: 'Finding' },
      defaultConfiguration: { level: 'warning' }
    })
    expect(results.map((result) => [result.ruleId, result.level, result.message.text])).toEqual([
      ['finding', 'warning', 'found it'],
      ['c', 'error', 'c'],
      ['l', 'note', 'm']
    ])
    expect(results.map((result) => result.locations[0]!.physicalLocation.region.startLine)).toEqual([1, 1, 7])
  })

  test('rule ids and names from odd rule names; the first of two rules of one id is kept', () => {
    const { tool } = run([
      { severity: 'low', rule_name: 'a  b', rule_message: 'first' },
      { severity: 'high', rule_name: 'a b', rule_message: 'second' },
      { severity: 'low', rule_name: 'x--y.z', rule_message: 'm' }
    ])
    expect(tool.driver.rules).toEqual([
      { id: 'a-b', name: 'AB', shortDescription: { text: 'a  b' }, defaultConfiguration: { level: 'note' } },
      { id: 'x--y.z', name: 'XYZ', shortDescription: { text: 'x--y.z' }, defaultConfiguration: { level: 'note' } }
    ])
  })

  test('the semantic version drops only a leading v', () => {
    expect(run([], 'v1.2.3-rev4').tool.driver.semanticVersion).toBe('1.2.3-rev4')
    expect(run([], '1.2.3-dev').tool.driver.semanticVersion).toBe('1.2.3-dev')
  })

  test('at most 5,000 results a run, as GitHub shows', () => {
    const many = Array.from({ length: 5_001 }, (_, i) => ({
      severity: 'low',
      rule_name: `r${i % 3}`,
      rule_message: 'm'
    }))
    expect(run(many).results).toHaveLength(5_000)
  })

  test('paths: the workspace taken off however it ends, ./ only at the start, a drive only at the start', () => {
    expect(artifactLocation('/ws/src/a.js', '/ws//')).toEqual({ uri: 'src/a.js', uriBaseId: '%SRCROOT%' })
    expect(artifactLocation('D:\\a\\repo\\src\\a.js', 'D:\\a\\repo\\')).toEqual({
      uri: 'src/a.js',
      uriBaseId: '%SRCROOT%'
    })
    expect(artifactLocation('././a.js', '/w')).toEqual({ uri: 'a.js', uriBaseId: '%SRCROOT%' })
    expect(artifactLocation('a/./b.js', '/w')).toEqual({ uri: 'a/./b.js', uriBaseId: '%SRCROOT%' })
    expect(artifactLocation('src/c:/x.js', '/w')).toEqual({ uri: 'src/c:/x.js', uriBaseId: '%SRCROOT%' })
  })
})
