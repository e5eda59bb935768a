/**
 * The base branch's result, for the comparison on pull requests: SSD's latest scan of the
 * base branch (summarydata), then its results (filedata), each asked once. It is a bonus,
 * not the verdict: anything short of a completed base scan is said in one line, and the
 * gate goes on as it would without it.
 */
import type { Config } from './config.ts'
import { compare, type Baseline, type Comparison } from './comparison.ts'
import { GateError } from './errors.ts'
import type { PullRequest } from './github-event.ts'
import { shortSha } from './scan-summary.ts'
import { scanState, type Scan } from './scans.ts'
import type { RequestOptions, SsdClient } from './ssd-client.ts'

type BaselineOutcome = { baseline: Baseline } | { unavailable: string }

/** Each request for the base branch's result gets this long; it is asked once, not polled. */
const BASE_REQUEST_TIMEOUT_MS = 30_000

/** Undefined when there is nothing to compare with: not a pull request, or compareWithBase is off. */
async function readBaseline(
  client: SsdClient,
  config: Config,
  pullRequest: PullRequest | undefined,
  signal: AbortSignal
): Promise<BaselineOutcome | undefined> {
  const branch = pullRequest?.baseRef
  if (!config.compareWithBase || !branch) return undefined
  const where = `${config.repository}@${branch}`
  if (branch === config.branch) {
    return { unavailable: `The base branch is the branch under review (${where}): nothing to compare with.` }
  }
  try {
    return await readBase(client, branch, where, { signal, timeoutMs: BASE_REQUEST_TIMEOUT_MS })
  } catch (error) {
    // The gate's own result is in hand: a fault here (a refused token, TLS) costs the comparison, not the result.
    if (!(error instanceof GateError) || error.status === 'Cancelled') throw error
    return { unavailable: `The base branch's result (${where}) could not be read: ${error.message}` }
  }
}

async function readBase(
  client: SsdClient,
  branch: string,
  where: string,
  options: RequestOptions
): Promise<BaselineOutcome> {
  const summary = await client.latestScan(branch, options)
  if (summary.kind === 'retry' || summary.kind === 'unusable') {
    return { unavailable: `SSD's summary of the base branch (${where}) could not be read: ${summary.reason}.` }
  }
  if (summary.kind === 'notFound' || !summary.answer) {
    return { unavailable: `SSD has no scan of the base branch (${where}) to compare with.` }
  }
  const latest = summary.answer
  if (latest.state !== 'completed') {
    return {
      unavailable: `SSD's latest scan of the base branch (${where}) is ${latest.status || 'not completed'}; no comparison.`
    }
  }
  const results = await client.scanResults(latest.scanId, options)
  if (results.kind !== 'answer') {
    return {
      unavailable: `The base branch's results (${where}, scan ${latest.scanId}) could not be read: ${results.reason}.`
    }
  }
  const { scans } = results.answer
  if (scans.length === 0 || scans.some((scan) => scanState(scan) !== 'completed')) {
    return { unavailable: `The base branch's results (${where}) are not complete; no comparison.` }
  }
  return { baseline: { branch, commit: latest.headCommit, scans } }
}

/** What the comparison with the base branch gave: a comparison, or why there is none (neither: none was asked for). */
export interface BaseResult {
  comparison?: Comparison
  unavailable?: string
}

/** The comparison of `scans` with the base branch's latest scan, on pull requests (see readBaseline). */
export async function compareWithBase(
  client: SsdClient,
  config: Config,
  pullRequest: PullRequest | undefined,
  scans: Scan[],
  signal: AbortSignal
): Promise<BaseResult> {
  const outcome = await readBaseline(client, config, pullRequest, signal)
  if (!outcome) return {}
  if ('unavailable' in outcome) return { unavailable: outcome.unavailable }
  return { comparison: compare(scans, outcome.baseline) }
}

/** One log line on what the comparison is against, or why there is none; '' when none was asked for. */
export function describeBase({ comparison, unavailable }: BaseResult): string {
  if (!comparison) return unavailable ?? ''
  const commit = comparison.baseCommit ? ` (commit ${shortSha(comparison.baseCommit)})` : ''
  return `Comparing with SSD's latest scan of ${comparison.baseBranch}${commit}`
}
