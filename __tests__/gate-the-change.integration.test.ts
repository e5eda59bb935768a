/**
 * On a pull request the gate judges the change, not the repository's past: findings already
 * on the base branch are shown apart and never fail it; on push, with newFindingsOnly off, or
 * without a base result, every finding counts. The findings that gate are annotated at their
 * file and line, within GitHub's per-level limit. Through the shipped bundle.
 */
import { describe, expect, test } from '@jest/globals'
import { expectTokenNowhere, runGate, useServers } from '../test-support/harness.ts'
import { pushEvent, type RunOptions, type RunResult } from '../test-support/runner.ts'
import { exampleScan } from '../test-support/ssd-simulator.ts'

const servers = useServers()
const run = (inputs: RunOptions['inputs'] = {}, options: Partial<RunOptions> = {}): Promise<RunResult> =>
  runGate(servers, { failOnSeverity: 'high', threshold: '0', ...inputs }, options)

type Hit = [rule: string, file: string, line: number, severity: string, message?: string]
const semgrep = (hits: Hit[]) => ({
  scanName: 'semgrep',
  scanTool: 'Semgrep',
  status: 'Completed',
  error: '',
  metadata: { version: '1.90.0' },
  data: hits.map(([rule, file, line, severity, message]) => ({
    severity,
    rule_name: rule,
    rule_message: message ?? `${rule} in ${file}`,
    metadata: { file_path: file, line }
  }))
})
const OLD: Hit = ['js.md5-used', 'src/hash.js', 4, 'ERROR']
/** The same finding on the pull request's branch, moved down by code added above it. */
const OLD_MOVED: Hit = ['js.md5-used', 'src/hash.js', 9, 'ERROR']
const NEW: Hit = ['js.eval-injection', 'src/run.js', 21, 'ERROR', 'eval of user input']

function scanned(head: Hit[], base: Hit[]): void {
  servers.ssd.targetOf('feature').result = [exampleScan({ metadata: { score: 7 } }), semgrep(head)]
  servers.ssd.targetOf('main').result = [exampleScan({ metadata: { score: 7 } }), semgrep(base)]
}

/** The step's annotation lines at a level, as the runner reads them. */
const annotations = (result: RunResult, level: string): string[] =>
  result.stdout.split('\n').filter((line) => line.startsWith(`::${level} `))

describe('findings that predate the pull request', () => {
  test('an old finding (its line moved) does not fail the pull request; it is shown in its own group', async () => {
    scanned([OLD_MOVED], [OLD])
    const result = await run()

    expect(result.code).toBe(0)
    expect(result.outputs.passed).toBe('true')
    expect(result.stdout).toContain(
      'SSD score 7 meets the threshold 0. No new finding at or above severity high. 1 already on main does not count.'
    )
    const comment = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(comment).toContain(
      '<details><summary>1 finding already on main: it does not fail this pull request</summary>'
    )
    expect(comment).toContain('**1 finding** (1 high): 0 new in this pull request, 1 already on main.')
    // Not annotated: it is not the pull request's to fix.
    expect(annotations(result, 'error')).toEqual([])
    expectTokenNowhere(result, servers)
  })

  test('the same old finding fails with newFindingsOnly: false, and on push', async () => {
    scanned([OLD_MOVED], [OLD])
    const everything = await run({ newFindingsOnly: 'false' })
    expect(everything.code).toBe(1)
    expect(everything.stdout).toContain('::error::1 finding at or above high (failOnSeverity).')
    expect(servers.github.comments.get(7)?.[0]?.body).toContain('ℹ️ newFindingsOnly is off: every finding counts.')

    servers.ssd.targetOf('main').result = [semgrep([OLD])]
    const push = await run({}, { event: pushEvent })
    expect(push.code).toBe(1)
    expect(push.stdout).toContain('::error::1 finding at or above high (failOnSeverity).')
    expect(push.summary).toContain('ℹ️ Not a pull request: every finding counts.')
  })

  test('a new finding fails the pull request, says it is new, and is annotated on its line', async () => {
    scanned([OLD_MOVED, NEW], [OLD])
    const result = await run()

    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      '::error::1 new finding at or above high (failOnSeverity). 1 already on main does not count.'
    )
    expect(annotations(result, 'error')).toEqual([
      '::error title=Semgrep%3A js.eval-injection,file=src/run.js,line=21::eval of user input'
    ])
    const comment = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(comment).toContain('- ❌ 1 new finding at or above high (failOnSeverity)')
    expect(comment).toContain('**1 finding new in this pull request**')
  })

  test('no base result to compare with: every finding counts, and the report says why in one line', async () => {
    scanned([OLD_MOVED], [OLD])
    servers.ssd.targets.splice(servers.ssd.targets.indexOf(servers.ssd.targetOf('main')), 1)
    const result = await run()

    expect(result.code).toBe(1)
    expect(result.stdout).toContain('::error::1 finding at or above high (failOnSeverity).')
    const comment = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(comment).toContain(
      'ℹ️ SSD has no scan of the base branch (octo-repo@\u200bmain) to compare with.\n\nℹ️ No result of main to compare with: every finding counts.'
    )
    expect(annotations(result, 'error')).toHaveLength(1)
  })

  test('a low score the base branch has too is said to predate the pull request', async () => {
    servers.ssd.targetOf('main').result = [exampleScan({ metadata: { score: 3.4 } })]
    const result = await run({ threshold: '5', failOnSeverity: '' })

    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      '::error::SSD score 2.4 is below the threshold 5 (main scores 3.4, below the threshold too: this predates the pull request).'
    )
    expect(servers.github.comments.get(7)?.[0]?.body).toContain(
      'Score **2.4** out of 10 is below the threshold **5**; main scores 3.4, below the threshold too: this predates the pull request.'
    )
  })

  test('the recipe for judging only the change: threshold 0, maxScoreDrop 0, failOnSeverity high', async () => {
    scanned([OLD_MOVED], [OLD])
    servers.ssd.targetOf('main').result = [exampleScan({ metadata: { score: 2.4 } }), semgrep([OLD])]
    servers.ssd.targetOf('feature').result = [exampleScan({ metadata: { score: 2.4 } }), semgrep([OLD_MOVED])]
    const recipe = { threshold: '0', maxScoreDrop: '0', failOnSeverity: 'high' }
    expect((await run(recipe)).code).toBe(0)
    servers.ssd.targetOf('feature').result = [exampleScan({ metadata: { score: 2.3 } }), semgrep([OLD_MOVED])]
    const dropped = await run(recipe)
    expect(dropped.code).toBe(1)
    expect(dropped.stdout).toContain('The SSD score dropped by 0.1')
  })
})

describe('annotations', () => {
  const many = (count: number, severity: string, prefix: string): Hit[] =>
    Array.from({ length: count }, (_, i): Hit => [`${prefix}.${i}`, `src/${prefix}/f${i}.js`, i + 1, severity])

  test('30 new findings: at most 10 per level with room for the step failing, most severe first, the rest counted', async () => {
    scanned([...many(12, 'INFO', 'info'), ...many(12, 'ERROR', 'err'), ...many(6, 'WARNING', 'warn')], [])
    const result = await run()

    expect(result.code).toBe(1)
    // The step's own failure is one of the ten errors GitHub keeps.
    expect(annotations(result, 'error')).toHaveLength(9)
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::error::'))).toHaveLength(1)
    expect(annotations(result, 'warning')).toHaveLength(6)
    expect(annotations(result, 'notice')).toHaveLength(10)
    expect(annotations(result, 'error')[0]).toBe(
      '::error title=Semgrep%3A err.0,file=src/err/f0.js,line=1::err.0 in src/err/f0.js'
    )
    expect(result.stdout).toContain(
      '5 more findings are not annotated: GitHub shows at most 10 annotations of each level per step. Every finding is in the PR comment and the job summary.'
    )
  })

  test("the action's own warnings leave room: warnOnly's closing warning takes one", async () => {
    scanned(many(12, 'WARNING', 'warn'), [])
    const result = await run({ failOnSeverity: 'medium', warnOnly: 'true' })
    expect(result.code).toBe(0)
    expect(annotations(result, 'warning')).toHaveLength(9)
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::warning::'))).toHaveLength(1)
  })

  test('no file= for a path outside the repository; properties and message escaped as the runner reads them', async () => {
    scanned(
      [
        ['a', '../../etc/passwd', 1, 'ERROR'],
        ['b', '/home/runner/.ssh/id_rsa', 2, 'ERROR'],
        ['c', 'https://evil.example/x.js', 3, 'ERROR'],
        ['rule,with:odd%chars', 'src/dir,with:odd%/x.js', 4, 'ERROR', 'line one\r\nline two 100%\n::error::forged']
      ],
      []
    )
    const result = await run()
    const lines = annotations(result, 'error')
    expect(lines).toEqual([
      '::error title=Semgrep%3A a::a in ../../etc/passwd',
      '::error title=Semgrep%3A b::b in /home/runner/.ssh/id_rsa',
      '::error title=Semgrep%3A c::c in https://evil.example/x.js',
      '::error title=Semgrep%3A rule%2Cwith%3Aodd%25chars,file=src/dir%2Cwith%3Aodd%25/x.js,line=4::line one%0D%0Aline two 100%25%0A::error::forged'
    ])
    // Nothing in a finding starts a workflow command of its own.
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::error::forged'))).toEqual([])
  })

  test('annotations: false writes none; findings on push are annotated', async () => {
    scanned([NEW], [])
    expect(annotations(await run({ annotations: 'false' }), 'error')).toEqual([])
    servers.ssd.targetOf('main').result = [semgrep([NEW])]
    expect(annotations(await run({}, { event: pushEvent }), 'error')).toHaveLength(1)
  })
})
