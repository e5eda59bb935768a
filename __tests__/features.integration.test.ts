/**
 * Per-check gates, a comment that follows the PR, SARIF, every SSD tool, and the result
 * file, through the shipped bundle run as the runner runs it.
 */
import { describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runGate, TOKEN, useServers } from '../test-support/harness.ts'
import { sarifSchemaErrors } from '../test-support/sarif-schema.ts'
import { makeTempDir, pullRequestEvent, type RunOptions, type RunResult } from '../test-support/runner.ts'
import { exampleScan } from '../test-support/ssd-simulator.ts'

const servers = useServers(() => ({ json: [scorecard()] }))
const run = (inputs: RunOptions['inputs'] = {}, options: Partial<RunOptions> = {}): Promise<RunResult> =>
  runGate(servers, inputs, options)

/** A Scorecard answer that passes the default threshold of 5. */
const scorecard = (overrides: Parameters<typeof exampleScan>[0] = {}) =>
  exampleScan({ metadata: { version: 'v5.3.0', score: 7.1 }, ...overrides })

const semgrep = {
  scanName: 'semgrep',
  scanTool: 'Semgrep',
  status: 'Completed',
  error: '',
  metadata: { version: '1.90.0' },
  data: [
    {
      severity: 'WARNING',
      confidence: 'MEDIUM',
      rule_name: 'js.weak-hash',
      rule_message: 'md5 is weak',
      metadata: { file_path: 'src/hash.js', line: 3 },
      cwe: ['CWE-327']
    },
    {
      severity: 'ERROR',
      confidence: 'HIGH',
      rule_name: 'js.eval-injection',
      rule_message: 'eval of user input',
      metadata: { file_path: 'src/run.js', line: 41 }
    },
    {
      severity: 'INFO',
      rule_name: 'js.console-log',
      rule_message: 'console.log left in',
      metadata: { file_path: 'src/log.js', line: 7 }
    }
  ]
}

const mystery = {
  scanName: 'kubescape',
  scanTool: 'Kubescape',
  status: 'Completed',
  error: '',
  metadata: {},
  data: [
    {
      controlID: 'C-0017',
      name_of_control: 'Immutable container filesystem',
      failed: 3,
      nested: { deep: { deeper: 1 } }
    },
    42,
    null
  ]
}

describe('checkThresholds', () => {
  test('a named check below its minimum fails the step although the score passes; the comment and outputs say which rule', async () => {
    const result = await run({ checkThresholds: 'Dangerous-Workflow=10\nLicense=8' })

    expect(result.code).toBe(1)
    expect(result.outputs.score).toBe('7.1')
    expect(result.stdout).toMatch(
      /::error::Check Dangerous-Workflow scored 0, below its minimum \(Dangerous-Workflow=10\) \(on main too: this predates the pull request\)\./
    )
    expect(JSON.parse(result.outputs.failedCheckRules ?? '')).toEqual([
      { check: 'Dangerous-Workflow', score: 0, rule: 'Dangerous-Workflow=10' }
    ])
    expect(JSON.parse(result.outputs.failedChecks ?? '')).toContain('Dangerous-Workflow')
    const body = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(body).toContain('Dangerous-Workflow scored 0, below its minimum (Dangerous-Workflow=10)')
    expect(body).toMatch(/\| ❌ \| \[Dangerous-Workflow\]\([^)]*\) \| 0 \| \*\*rule Dangerous-Workflow=10\*\* · /)
  })

  test('a *=N floor, and a named rule, in any case, over it', async () => {
    servers.ssd.respond = () => ({
      json: [
        scorecard({
          data: [
            { name: 'Fuzzing', score: 6 },
            { name: 'SAST', score: 9 }
          ]
        })
      ]
    })
    expect((await run({ checkThresholds: '*=6' })).code).toBe(0)
    const named = await run({ checkThresholds: '*=6\nsast=10' })
    expect(named.code).toBe(1)
    expect(JSON.parse(named.outputs.failedCheckRules ?? '')).toEqual([{ check: 'SAST', score: 9, rule: 'sast=10' }])
    const floor = await run({ checkThresholds: '*=7' })
    expect(JSON.parse(floor.outputs.failedCheckRules ?? '')).toEqual([{ check: 'Fuzzing', score: 6, rule: '*=7' }])
  })

  test('inconclusive on a named check passes by default and fails with failOnInconclusive', async () => {
    servers.ssd.respond = () => ({
      json: [scorecard({ data: [{ name: 'Branch-Protection', score: -1, reason: 'no remote' }] })]
    })
    const lenient = await run({ checkThresholds: 'Branch-Protection=8' })
    expect(lenient.code).toBe(0)
    const strict = await run({ checkThresholds: 'Branch-Protection=8', failOnInconclusive: 'true' })
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(
      /::error::Check Branch-Protection is inconclusive \(-1\), which fails with failOnInconclusive/
    )
  })

  test('warnOnly turns a broken rule into a warning too', async () => {
    const result = await run({ checkThresholds: 'Dangerous-Workflow=10', warnOnly: 'true' })
    expect(result.code).toBe(0)
    expect(result.outputs.passed).toBe('false')
    expect(result.stdout).toMatch(/::warning::Check Dangerous-Workflow scored 0, below its minimum/)
  })

  test('a rule naming no check is a warning, so a typo cannot silently disable a gate', async () => {
    const result = await run({ checkThresholds: 'Dangerus-Workflow=10' })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /::warning::checkThresholds names 'Dangerus-Workflow=10', but no check in the SSD answer has that name/
    )
    expect(servers.github.comments.get(7)?.[0]?.body).toContain(
      'checkThresholds names Dangerus-Workflow=10, but no check'
    )
  })
})

describe('a comment that follows the PR', () => {
  test('each update names the commit and links the run', async () => {
    // Each push to the PR's branch makes SSD scan it again; the gate follows the new head.
    const branch = servers.ssd.targetOf('feature')
    servers.ssd.push(branch, '0123456789abcdef0123456789abcdef01234567')
    await run({}, { event: pullRequestEvent(7, { headSha: '0123456789abcdef0123456789abcdef01234567' }) })
    const body = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(body).toMatch(
      /<sub>Updated for commit 0123456 · \[workflow run\]\(https:\/\/github\.com\/octo-org\/octo-repo\/actions\/runs\/4242\) · \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/sub>/
    )
    servers.ssd.push(branch, 'fedcba9876543210fedcba9876543210fedcba98')
    await run({}, { event: pullRequestEvent(7, { headSha: 'fedcba9876543210fedcba9876543210fedcba98' }) })
    expect(servers.github.comments.get(7)).toHaveLength(1)
    expect(servers.github.comments.get(7)?.[0]?.body).toContain('commit fedcba9')
  })

  test('commentHeader keeps two steps on the same project in separate comments', async () => {
    await run({ commentHeader: 'Source scan' })
    await run({ commentHeader: 'Nightly policy' })
    await run({ commentHeader: 'Source scan' })
    const comments = servers.github.comments.get(7) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0]?.body).toContain('· Source scan')
    expect(comments[1]?.body).toContain('· Nightly policy')
  })
})

describe('SARIF', () => {
  test('sarifFile writes a log that validates against the SARIF 2.1.0 schema', async () => {
    servers.ssd.respond = () => ({ json: [exampleScan(), semgrep] })
    const workspace = makeTempDir('ssd-gate-workspace-')
    const result = await run({ sarifFile: 'results/ssd.sarif' }, { env: { GITHUB_WORKSPACE: workspace } })

    const path = join(workspace, 'results', 'ssd.sarif')
    expect(result.outputs.sarifFile).toBe(path)
    const sarif = JSON.parse(readFileSync(path, 'utf8'))
    expect(sarifSchemaErrors(sarif)).toEqual([])
    // The validator can fail: a log without its version is not SARIF.
    expect(sarifSchemaErrors({ ...sarif, version: undefined })).not.toEqual([])

    const [scorecardRun, semgrepRun] = sarif.runs
    expect(scorecardRun.tool.driver).toMatchObject({ name: 'Openssf', version: 'v5.3.0' })
    const rule = scorecardRun.tool.driver.rules.find((r: { id: string }) => r.id === 'Dangerous-Workflow')
    expect(rule).toMatchObject({
      shortDescription: { text: "Determines if the project's GitHub Action workflows avoid dangerous patterns." },
      helpUri: expect.stringContaining('checks.md#dangerous-workflow')
    })
    expect(scorecardRun.tool.driver.rules).toHaveLength(12)
    const levels = Object.fromEntries(
      scorecardRun.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])
    )
    // Scorecard's risk table: Critical/High → error, Medium → warning; only checks below 5 are results.
    expect(levels).toMatchObject({
      'Dangerous-Workflow': 'error',
      'Token-Permissions': 'error',
      'Security-Policy': 'warning'
    })
    expect(levels).not.toHaveProperty('License')
    expect(levels).not.toHaveProperty('Branch-Protection')
    expect(semgrepRun.results.map((r: { level: string }) => r.level).sort()).toEqual(['error', 'note', 'warning'])
    expect(semgrepRun.results[1].locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'src/run.js' },
      region: { startLine: 41 }
    })
    expect(readFileSync(path, 'utf8')).not.toContain(TOKEN)
  })

  test('a SARIF file that cannot be written is a warning; the verdict and the comment stand', async () => {
    const workspace = makeTempDir('ssd-gate-workspace-')
    const result = await run({ sarifFile: '.' }, { env: { GITHUB_WORKSPACE: workspace } })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'Completed', passed: 'true', sarifFile: '' })
    expect(result.stdout).toMatch(/::warning::Could not write the SARIF file: .*EISDIR/)
    expect(servers.github.comments.get(7)?.[0]?.body).toContain('✅ OpsMx SSD gate passed')
  })

  test('no sarifFile, no SARIF', async () => {
    const result = await run()
    expect(result.outputs.sarifFile).toBe('')
  })
})

describe('every SSD tool in the answer', () => {
  test('checks, findings grouped by severity with file:line, and an unknown shape as a generic table', async () => {
    servers.ssd.respond = () => ({ json: [scorecard(), semgrep, mystery] })
    const result = await run()

    expect(result.code).toBe(0)
    const body = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(body).toContain('### Openssf v5.3.0 · score 7.1')
    expect(body).toContain('### Semgrep 1.90.0')
    expect(body).toContain('3 findings: 1 high, 1 medium, 1 info')
    const high = body.indexOf('js.eval-injection')
    const medium = body.indexOf('js.weak-hash')
    const low = body.indexOf('js.console-log')
    expect(high).toBeLessThan(medium)
    expect(medium).toBeLessThan(low)
    expect(body).toMatch(/\| 🟧 high \(ERROR\) \| js.eval-injection \| \[src/)
    expect(body).toContain('src/run.js:41')
    expect(body).toContain('### Kubescape')
    // Nested objects are flattened one level; deeper ones are left out.
    expect(body).toContain('| controlID | name\\_of\\_control | failed |')
    expect(body).toContain('| C-0017 | Immutable container filesystem | 3 |')
  })

  // The base branch answers as the head does here, so every finding is an old one: these
  // gate on every finding (newFindingsOnly off), as they did before findings were told apart.
  const everyFinding = { newFindingsOnly: 'false' }

  test('an answer of findings alone is gated on failOnSeverity, not failed for want of a score', async () => {
    servers.ssd.respond = () => ({ json: [semgrep] })
    expect((await run()).code).toBe(1) // no score, no failOnSeverity: nothing to gate on
    const lenient = await run({ failOnSeverity: 'critical', ...everyFinding })
    expect(lenient.code).toBe(0)
    expect(lenient.stdout).toContain('No finding at or above severity critical')
    expect((await run({ failOnSeverity: 'high', ...everyFinding })).code).toBe(1)
  })

  test('warnOnly softens failOnSeverity on a findings-only answer too', async () => {
    servers.ssd.respond = () => ({ json: [semgrep] })
    const result = await run({ failOnSeverity: 'high', warnOnly: 'true', ...everyFinding })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/::warning::1 finding at or above high \(failOnSeverity\)/)
    expect(servers.github.comments.get(7)?.[0]?.body).toContain('⚠️ OpsMx SSD gate failed (warning only)')
  })

  test('Trivy-style items (Severity, VulnerabilityID, PkgName) and a data object are recognised', async () => {
    const trivy = {
      scanName: 'trivy',
      scanTool: 'Trivy',
      status: 'Completed',
      error: '',
      metadata: { score: 9 },
      data: [{ VulnerabilityID: 'CVE-2024-0001', PkgName: 'openssl', Severity: 'CRITICAL', Title: 'heap overflow' }]
    }
    const report = {
      scanName: 'sonarqube',
      scanTool: 'SonarQube',
      status: 'Completed',
      error: '',
      metadata: {},
      data: { qualityGate: 'OK', bugs: 0 }
    }
    servers.ssd.respond = () => ({ json: [scorecard(), trivy, report] })
    const result = await run({ failOnSeverity: 'critical', ...everyFinding })
    expect(result.code).toBe(1)
    const body = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(body).toMatch(/\| 🟥 critical \| CVE-2024-0001 \| openssl \| heap overflow \|/)
    expect(body).toContain('| qualityGate | bugs |')
    expect(body).toContain('| OK | 0 |')
  })

  test('failOnSeverity fails on a finding at or above the severity', async () => {
    servers.ssd.respond = () => ({ json: [scorecard(), semgrep] })
    expect((await run({ failOnSeverity: 'critical', ...everyFinding })).code).toBe(0)
    const high = await run({ failOnSeverity: 'high', ...everyFinding })
    expect(high.code).toBe(1)
    expect(high.stdout).toMatch(/::error::1 finding at or above high \(failOnSeverity\)/)
    const medium = await run({ failOnSeverity: 'medium', ...everyFinding })
    expect(medium.stdout).toMatch(/2 findings at or above medium/)
  })
})

describe('resultFile', () => {
  test('a token the server echoed, even JSON-escaped, is not in the file', async () => {
    const escaped = TOKEN.replace(/_/g, '\\u005f')
    const raw = JSON.stringify([scorecard({ data: [{ name: 'Echo', score: 9, reason: 'TOKEN' }] })]).replace(
      '"TOKEN"',
      `"${escaped}"`
    )
    servers.ssd.respond = () => ({ raw, headers: { 'content-type': 'application/json' } })
    const result = await run()
    const text = readFileSync(result.outputs.resultFile ?? '', 'utf8')
    expect(JSON.stringify(JSON.parse(text))).not.toContain(TOKEN)
    expect(JSON.parse(text)[0].data[0].reason).toBe('***')
  })

  test('the full answer is written under RUNNER_TEMP for later steps', async () => {
    const result = await run()
    const path = result.outputs.resultFile ?? ''
    expect(path).toMatch(/runner-temp\/opsmx-ssd-gate\/0x29ab7-0x29ab8-__opsmx_ssd-gate-action\.json$/)
    expect(existsSync(path)).toBe(true)
    const answer = JSON.parse(readFileSync(path, 'utf8'))
    expect(answer[0].data).toHaveLength(12)
  })
})
