/**
 * `npm run bench`: what a run costs, measured on the shipped bundle run as the runner runs
 * it, against the SSD simulator and the GitHub stand-in. The machine is shared and noisy,
 * so runs being compared alternate (A B A B ...) and the figures that matter are ratios of
 * medians taken in the same session. Prints a table and writes bench/results.json.
 *
 *   npm run bench [-- --runs 15] [--only cold,waivers,lag,ssd,github,render,big,bundle]
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decide } from '../src/decision.ts'
import { renderReport } from '../src/report.ts'
import { parseScans } from '../src/scans.ts'
import { startGitHubStandIn, type GitHubStandIn } from '../test-support/github-stand-in.ts'
import {
  everydayTargets,
  PR_HEAD_SHA,
  PUSH_SHA,
  pullRequestEvent,
  pushEvent,
  removeTempDirs,
  ROOT,
  runAction,
  type RunOptions
} from '../test-support/runner.ts'
import { exampleScan, runningScan, startSsdSimulator, type SsdSimulator } from '../test-support/ssd-simulator.ts'
import { EXAMPLE_WAIVERS, WAIVERS_PATH } from '../test-support/waivers.ts'

const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 12
const onlyArg = process.argv.indexOf('--only')
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]?.split(',')) : undefined
const wanted = (figure: string): boolean => !only || only.has(figure)
const WARMUP = 2
const TOKEN = 'bench-token-0123456789'

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const ms = (value: number): string => `${value.toFixed(0)} ms`

interface Row {
  figure: string
  measured: string
  target: string
  met: boolean | null
}
const rows: Row[] = []
const results: Record<string, unknown> = { node: process.version, runs: RUNS, date: new Date().toISOString() }

/** Wall time of `node -e 0` on this same binary: the floor. */
function timeNodeStart(): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now()
    spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('close', () => resolve(performance.now() - started))
  })
}

async function withServers<T>(work: (ssd: SsdSimulator, github: GitHubStandIn) => Promise<T>): Promise<T> {
  const ssd = await startSsdSimulator({ token: TOKEN, targets: everydayTargets() })
  const github = await startGitHubStandIn()
  try {
    return await work(ssd, github)
  } finally {
    await ssd.close()
    await github.close()
    removeTempDirs()
  }
}

function actionRun(
  ssd: SsdSimulator,
  github: GitHubStandIn,
  extra: Partial<RunOptions> & { inputs?: RunOptions['inputs'] } = {}
) {
  return runAction({
    ...extra,
    inputs: {
      host: ssd.url,
      token: TOKEN,
      projectId: '0x29ab7',
      pollInterval: '1',
      ...extra.inputs
    },
    env: { GITHUB_API_URL: github.apiUrl, ...extra.env }
  })
}

/** Cold runs against `node -e 0`, alternating, after a warm-up. */
async function coldRun(label: string, event: RunOptions['event'], target: number): Promise<void> {
  await withServers(async (ssd, github) => {
    const baseline: number[] = []
    const action: number[] = []
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const floor = await timeNodeStart()
      const run = await actionRun(ssd, github, { event })
      if (run.code !== 1) throw new Error(`${label}: unexpected exit ${run.code}\n${run.stdout}${run.stderr}`)
      if (i < WARMUP) continue
      baseline.push(floor)
      action.push(run.durationMs)
    }
    const ratio = median(action) / median(baseline)
    // The spread: each run against the node -e 0 just before it, middle half of the pairs.
    const pairs = action.map((value, i) => value / baseline[i]!).sort((a, b) => a - b)
    const quartile = (q: number): string => pairs[Math.floor(q * (pairs.length - 1))]!.toFixed(2)
    results[label] = { nodeStartMs: baseline, actionMs: action, ratio }
    rows.push({
      figure: `cold run, ${label}`,
      measured: `${ratio.toFixed(2)}× (${ms(median(action))} vs node -e 0 ${ms(median(baseline))}; pairs ${quartile(0.25)}–${quartile(0.75)}×)`,
      target: `≤ ${target}×`,
      met: ratio <= target
    })
  })
}

/**
 * What the waivers read costs a push run (where nothing else talks to GitHub): runs with the
 * README's waivers file (the read, the YAML parser's chunk, matching), with no file (one
 * 404), and with `waivers: ''` (no request), alternating, after a warm-up.
 */
async function waiversCost(): Promise<void> {
  await withServers(async (ssd, github) => {
    github.putFile(PUSH_SHA, WAIVERS_PATH, EXAMPLE_WAIVERS)
    const kinds = {
      none: { waivers: '' },
      missing: { waivers: '.github/no-such-file.yml' },
      file: {}
    }
    const times: Record<keyof typeof kinds, number[]> = { none: [], missing: [], file: [] }
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const [kind, inputs] of Object.entries(kinds) as Array<[keyof typeof kinds, RunOptions['inputs']]>) {
        const run = await actionRun(ssd, github, { event: pushEvent, inputs })
        if (run.code !== 1) throw new Error(`waivers ${kind}: unexpected exit ${run.code}\n${run.stdout}${run.stderr}`)
        if (kind === 'file' && !run.stdout.includes('Read 2 waivers'))
          throw new Error(`waivers: not read\n${run.stdout}`)
        if (i >= WARMUP) times[kind].push(run.durationMs)
      }
    }
    // Each run against the no-waivers run of the same round, middle half of the rounds.
    const spread = (kind: keyof typeof kinds): string => {
      const deltas = times[kind].map((value, i) => value - times.none[i]!).sort((a, b) => a - b)
      return `${deltas[Math.floor(0.25 * (deltas.length - 1))]!.toFixed(0)}–${deltas[Math.floor(0.75 * (deltas.length - 1))]!.toFixed(0)} ms`
    }
    const extra = (kind: keyof typeof kinds): string => {
      const delta = median(times[kind]) - median(times.none)
      return `${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(0)} ms`
    }
    results.waivers = times
    rows.push({
      figure: "waivers read, push run: file / 404 vs waivers: ''",
      measured: `${extra('file')} (rounds ${spread('file')}) / ${extra('missing')} (rounds ${spread('missing')}); no waivers ${ms(median(times.none))}`,
      target: 'report it',
      met: null
    })
  })
}

/** The scan turns Completed at T; the action exits at T + lag. */
async function detectionLag(): Promise<void> {
  const pollInterval = 1
  const lags: number[] = []
  await withServers(async (ssd, github) => {
    for (let i = 0; i < 5; i++) {
      const completeAt = Date.now() + 1200 + i * 170
      ssd.respond = () => ({ json: [Date.now() >= completeAt ? exampleScan() : runningScan('scanning')] })
      await actionRun(ssd, github, { event: pushEvent, inputs: { pollInterval: String(pollInterval) } })
      lags.push(Date.now() - completeAt)
    }
  })
  const worst = Math.max(...lags)
  results.detectionLagMs = lags
  rows.push({
    figure: 'detection lag (pollInterval 1 s)',
    measured: `median ${ms(median(lags))}, worst ${ms(worst)}`,
    target: `≤ ${pollInterval * 1000 + 500} ms`,
    met: worst <= pollInterval * 1000 + 500
  })
}

/**
 * What SSD serves for a 5 MB answer whose scan of the head commit completes after 3 polls:
 * the action waits on the small summary and reads the results once.
 */
async function ssdTraffic(): Promise<void> {
  const big = [
    exampleScan({
      data: Array.from({ length: 2_400 }, (_, i) => ({ name: `C${i}`, score: i % 11, reason: 'x'.repeat(2_000) }))
    })
  ]
  const answerBytes = Buffer.byteLength(JSON.stringify(big))
  const measured = await withServers(async (ssd, github) => {
    const feature = ssd.targetOf('feature')
    Object.assign(feature, { headCommit: '0ddd123456789abcdef0123456789abcdef01234', result: big })
    // Looked at: stale, pending, scanning (3 polls), then completed.
    ssd.push(feature, PR_HEAD_SHA, { afterLooks: 1, result: big })
    const run = await actionRun(ssd, github, { event: pullRequestEvent(7), inputs: { pollInterval: '0.2' } })
    if (!run.stdout.includes('gating on it')) throw new Error(`ssd traffic: unexpected run\n${run.stdout}`)
    return { bytes: ssd.bytesSent, summaries: ssd.summaryRequests.length, results: ssd.requests.length }
  })
  results.ssdTraffic = { answerBytes, ...measured }
  rows.push({
    figure: 'SSD bytes, 5 MB answer completing after 3 polls',
    measured: `${(measured.bytes / answerBytes).toFixed(3)} × the answer (${measured.summaries} summaries + ${measured.results} results read)`,
    target: '≤ 1.1 × the answer',
    met: measured.bytes <= 1.1 * answerBytes
  })
}

/** GitHub requests of a rerun (the comment exists) on a PR with many comments. */
async function githubRequests(): Promise<void> {
  const counts: Record<number, { reads: number; writes: number }> = {}
  for (const existing of [0, 150, 1000]) {
    await withServers(async (ssd, github) => {
      for (let i = 0; i < existing; i++) github.addComment(7, `comment ${i}`, 'someone')
      await actionRun(ssd, github, { event: pullRequestEvent(7) })
      github.requests.length = 0
      await actionRun(ssd, github, { event: pullRequestEvent(7) })
      const reads = github.requests.filter((r) => r.method === 'GET' || r.path.endsWith('/graphql')).length
      counts[existing] = { reads, writes: github.requests.length - reads }
    })
  }
  results.githubRequests = counts
  rows.push({
    figure: 'GitHub requests of a rerun, 0 / 150 / 1,000 comments',
    measured: Object.values(counts)
      .map((c) => `${c.reads} read(s) + ${c.writes} write`)
      .join(' / '),
    target: '≤ 1 write + ⌈comments/100⌉ reads',
    met: Object.entries(counts).every(([n, c]) => c.writes <= 1 && c.reads <= Math.ceil((Number(n) + 1) / 100))
  })
}

/** Time from the answer received to exit, and peak RSS, for big answers. */
async function bigAnswers(): Promise<void> {
  const probe = join(tmpdir(), 'ssd-gate-rss-probe.mjs')
  writeFileSync(
    probe,
    `import { writeFileSync } from 'node:fs'\nprocess.on('exit', () => writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS * 1024)))\n`
  )
  const fiftyMegabytes = Array.from({ length: 25_000 }, (_, i) => ({
    name: `C${i}`,
    score: i % 11,
    reason: 'x'.repeat(2_000)
  }))
  // The answer alone (no base comparison), then with a base branch whose answer is as big.
  const cases: Array<[label: string, data: unknown[] | undefined, compareWithBase: boolean]> = [
    // The seed's example: the run's own footprint, which bigger answers are measured against.
    ['small answer (baseline)', undefined, false],
    [
      '20,000 checks',
      Array.from({ length: 20_000 }, (_, i) => ({
        name: `Check-${i}`,
        score: i % 11,
        reason: `reason text for check ${i}`,
        metadata: { url: `https://example.com/checks/${i}` }
      })),
      false
    ],
    ['50 MB answer', fiftyMegabytes, false],
    ['50 MB answer, and a base branch of 50 MB', fiftyMegabytes, true]
  ]
  let baselineRss = 0
  for (const [label, data, compareWithBase] of cases) {
    const raw = JSON.stringify([data ? exampleScan({ data }) : exampleScan()])
    const afterAnswer: number[] = []
    const rss: number[] = []
    await withServers(async (ssd, github) => {
      let answered = 0
      ssd.respond = () => {
        // The answer is written at once; the client has it when its last byte is flushed.
        setImmediate(() => (answered = Date.now()))
        return { raw, headers: { 'content-type': 'application/json' } }
      }
      for (let i = 0; i < 3; i++) {
        const rssFile = join(tmpdir(), `ssd-gate-rss-${i}`)
        await actionRun(ssd, github, {
          event: pullRequestEvent(7),
          inputs: { timeout: '60', compareWithBase: String(compareWithBase) },
          env: { NODE_OPTIONS: `--import=${probe}`, RSS_OUT: rssFile }
        })
        afterAnswer.push(Date.now() - answered)
        rss.push(Number(readFileSync(rssFile, 'utf8')))
      }
    })
    const peak = median(rss)
    results[label] = { bytes: raw.length, afterAnswerMs: afterAnswer, peakRssBytes: rss }
    const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`
    if (!data) {
      baselineRss = peak
      rows.push({
        figure: `run footprint: ${label}`,
        measured: `answer → exit ${ms(median(afterAnswer))}; peak RSS ${mb(peak)}`,
        target: 'report it',
        met: null
      })
      continue
    }
    // What the answer adds to the run's own footprint (Node, the bundle, the GitHub client).
    const added = peak - baselineRss
    rows.push({
      figure: `big answer: ${label} (${(raw.length / 1e6).toFixed(1)} MB)`,
      measured: `answer → exit ${ms(median(afterAnswer))}; peak RSS ${mb(peak)}, +${mb(added)} over the baseline (${(added / raw.length).toFixed(1)}× the answer)`,
      target: compareWithBase ? 'report it' : 'added RSS ≤ 4× the answer',
      met: compareWithBase ? null : added <= 4 * raw.length
    })
  }
}

/** Rendering alone, in this process, for 20,000 checks. */
function renderTime(): void {
  const data = Array.from({ length: 20_000 }, (_, i) => ({
    name: `Check-${i}`,
    score: i % 11,
    reason: `reason ${i}`,
    metadata: { url: `https://example.com/${i}` }
  }))
  const answer = JSON.stringify([exampleScan({ data })])
  const context = {
    projectId: '0x29ab7',
    scanId: '0x29ab8',
    scanType: 'sourceScan',
    repository: 'octo-repo',
    branch: 'main',
    scannedCommit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    warnOnly: false,
    fullListAt: 'the result file'
  }
  const times: number[] = []
  for (let i = 0; i < 3 + RUNS; i++) {
    const started = performance.now()
    const scans = parseScans(JSON.parse(answer))
    const decision = decide(scans, { threshold: 5, rules: [], failOnInconclusive: false, failOnSeverity: undefined })
    renderReport(scans, decision, context, { maxBytes: 65_000, fullResultsAt: 'the job summary' })
    renderReport(scans, decision, context, { maxBytes: 1_000_000, fullResultsAt: 'SSD' })
    if (i >= 3) times.push(performance.now() - started)
  }
  results.render20kMs = times
  rows.push({
    figure: 'parse + decide + render comment and summary, 20,000 checks',
    measured: ms(median(times)),
    target: '≤ 250 ms',
    met: median(times) <= 250
  })
}

function bundleSize(): void {
  const dist = join(ROOT, 'dist')
  const files = readdirSync(dist).map((name) => ({ name, bytes: statSync(join(dist, name)).size }))
  const js = files.filter((f) => f.name.endsWith('.js'))
  const main = files.find((f) => f.name === 'index.js')?.bytes ?? 0
  const total = js.reduce((sum, f) => sum + f.bytes, 0)
  results.bundle = files
  rows.push({
    figure: 'bundle (dist/*.js)',
    measured: `${(total / 1024).toFixed(0)} KiB in ${js.length} files; index.js ${(main / 1024).toFixed(0)} KiB loaded on every run`,
    target: 'report it',
    met: null
  })
}

console.log(`Benchmarking dist/index.js on Node ${process.version}, ${RUNS} runs per figure after ${WARMUP} warm-up...`)
if (wanted('cold')) {
  await coldRun('pull_request rerun (comment updated)', pullRequestEvent(7), 4.8)
  await coldRun('push (no comment)', pushEvent, 3.8)
}
if (wanted('waivers')) await waiversCost()
if (wanted('lag')) await detectionLag()
if (wanted('ssd')) await ssdTraffic()
if (wanted('github')) await githubRequests()
if (wanted('render')) renderTime()
if (wanted('big')) await bigAnswers()
if (wanted('bundle')) bundleSize()

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [r.figure, r.measured, r.target][i]!.length), 8))
const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
console.log()
console.log(line(['figure', 'measured', 'target']) + ' met |')
console.log(line(widths.map((w) => '-'.repeat(w))) + ' --- |')
for (const row of rows)
  console.log(line([row.figure, row.measured, row.target]) + ` ${row.met === null ? '—' : row.met ? 'yes' : 'NO'} |`)

mkdirSync(join(ROOT, 'bench'), { recursive: true })
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify({ ...results, rows }, null, 2))
console.log('\nFigures written to bench/results.json')
