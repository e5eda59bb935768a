/**
 * `npm run demo`: the whole product in one command, without an SSD server. It starts the
 * SSD simulator and a GitHub API stand-in, runs the shipped dist/index.js as the runner
 * would on a pull_request event, and prints what a user would see. The flow is SSD's real
 * one: the PR's branch was last scanned at an older commit; SSD's webhook then scans the
 * head commit (pending, scanning, completed: the seed's example scan, score 2.4); the action
 * waits for that scan and gates on it, and compares it with SSD's latest scan of main. It
 * judges the change: main's old MD5 finding (moved down a few lines) does not fail the pull
 * request, the eval injection the pull request adds does, annotated on its line; the
 * repository's waivers file waives a check until a few days from now, with a warning.
 */
import { startGitHubStandIn } from '../test-support/github-stand-in.ts'
import { PR_BASE_SHA, PR_HEAD_SHA, pullRequestEvent, removeTempDirs, runAction } from '../test-support/runner.ts'
import { exampleScan, startSsdSimulator } from '../test-support/ssd-simulator.ts'
import { daysFrom, WAIVERS_PATH, waiversFile } from '../test-support/waivers.ts'

const token = 'demo-ssd-token-0123456789'
const ssd = await startSsdSimulator({ token })
const olderCommit = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807'
/** Semgrep's findings: main has one; the PR adds one and moves the other down a few lines. */
const semgrep = (findings: Array<[rule: string, file: string, line: number, severity: string]>) => ({
  scanName: 'semgrep',
  scanTool: 'Semgrep',
  status: 'Completed',
  error: '',
  metadata: { version: '1.90.0' },
  data: findings.map(([rule, file, line, severity]) => ({
    severity,
    rule_name: rule,
    rule_message: `${rule.split('.').pop()} in ${file}`,
    metadata: { file_path: file, line }
  }))
})
const headResult = [
  exampleScan(),
  semgrep([
    ['javascript.lang.security.eval-injection', 'src/run.js', 21, 'ERROR'],
    ['javascript.lang.security.md5-used', 'src/hash.js', 7, 'ERROR']
  ])
]
// main scored 3.4: its token permissions and vulnerabilities were better than the PR's.
const mainResult = [
  exampleScan({
    metadata: { version: 'v5.3.0', score: 3.4 },
    data: exampleScan().data.map((item) => {
      const check = item as { name: string }
      if (check.name === 'Token-Permissions')
        return { ...check, score: 10, reason: 'GitHub workflow tokens follow the principle of least privilege' }
      if (check.name === 'Vulnerabilities') return { ...check, score: 6, reason: '4 existing vulnerabilities detected' }
      return check
    })
  }),
  semgrep([['javascript.lang.security.md5-used', 'src/hash.js', 4, 'ERROR']])
]
ssd.addTarget({
  projectId: '0x29ab7',
  repository: 'octo-repo',
  branch: 'main',
  scanId: '0x29ab9',
  headCommit: '4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c',
  result: mainResult
})
const feature = ssd.addTarget({
  projectId: '0x29ab7',
  repository: 'octo-repo',
  branch: 'feature',
  scanId: '0x29ab8',
  headCommit: olderCommit,
  result: [exampleScan({ metadata: { version: 'v5.3.0', score: 7.2 } })]
})
// SSD's webhook starts the scan of the head commit while the action is already waiting.
ssd.push(feature, PR_HEAD_SHA, { afterLooks: 2, result: headResult })
const github = await startGitHubStandIn()
// The repository's waivers file, at the pull request's head and base: Fuzzing, which main
// fails too, is accepted until five days from now (a warning says so).
const waivers = waiversFile([
  {
    check: 'Fuzzing',
    reason: 'fuzzing lands with the parser rewrite',
    expires: daysFrom(new Date().toISOString().slice(0, 10), 5),
    approvedBy: '@octo-org/security'
  }
])
for (const ref of [PR_HEAD_SHA, PR_BASE_SHA]) github.putFile(ref, WAIVERS_PATH, waivers)

const rule = (title: string): void =>
  console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`)
try {
  const inputs = {
    host: ssd.url,
    token,
    projectId: '0x29ab7',
    failOnSeverity: 'high',
    pollInterval: '0.5',
    timeout: '30'
  }
  rule('with:')
  for (const [name, value] of Object.entries(inputs))
    console.log(`  ${name}: ${name === 'token' ? '${{ secrets.SSD_TOKEN }}' : value}`)

  const result = await runAction({ inputs, event: pullRequestEvent(7), env: { GITHUB_API_URL: github.apiUrl } })

  rule('step log (node dist/index.js)')
  process.stdout.write(result.stdout + result.stderr)
  rule(`exit code: ${result.code} (${result.code === 0 ? 'step passed' : 'step failed'}) in ${result.durationMs} ms`)
  rule('outputs')
  for (const [name, value] of Object.entries(result.outputs)) {
    console.log(
      name === 'report' ? `  ${name}: <${value.length} characters: the comment below>` : `  ${name}: ${value}`
    )
  }
  rule('job summary (GITHUB_STEP_SUMMARY)')
  console.log(result.summary)
  rule('PR comment, as GitHub received it')
  const comments = github.comments.get(7) ?? []
  console.log(comments.map((c) => `by ${c.user.login}:\n\n${c.body}`).join('\n\n') || '(none)')
  rule('requests SSD received')
  for (const r of ssd.allRequests) console.log(`  +${r.at}ms ${r.method} ${r.path}?${new URLSearchParams(r.query)}`)
  rule('requests GitHub received')
  for (const r of github.requests)
    console.log(`  +${r.at}ms ${r.method} ${r.path}${r.query.ref ? `?ref=${r.query.ref}` : ''}`)
} finally {
  await ssd.close()
  await github.close()
  removeTempDirs()
}
