/**
 * How every property runs: seeded, so a failure names its seed and path and replays with
 *   FC_SEED=<seed> FC_PATH=<path> npm test -- <file>
 * FC_RUNS sets how many cases each property tries (for a long hunt: FC_RUNS=2000);
 * FC_NO_SHRINK=1 reports a failure as first found, without shrinking it.
 */
import fc from 'fast-check'
import { cutText } from '../src/text.ts'

/** Longest line of a failure's report: a counterexample can be a megabyte of JSON. */
const MAX_LINE = 4000

export function propertyParameters<T>(defaultRuns: number): fc.Parameters<T> {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined
  const path = seed !== undefined ? process.env.FC_PATH || undefined : undefined
  const numRuns = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : defaultRuns
  return {
    ...(seed !== undefined ? { seed } : {}),
    ...(path ? { path } : {}),
    numRuns,
    // A property over big answers must not hold CI for long, even while it shrinks a failure.
    interruptAfterTimeLimit: 120_000,
    // FC_NO_SHRINK=1 reports the first failure as found: quicker, when a shrink takes long.
    endOnFailure: process.env.FC_NO_SHRINK === '1',
    reporter: (details) => {
      if (!details.failed) return
      // Each line cut on its own: the seed and path lines stay whole however long the counterexample.
      const report = (fc.defaultReportMessage(details) ?? 'property failed')
        .split('\n')
        .map((line) => cutText(line, MAX_LINE, '…'))
        .join('\n')
      const error =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
      throw new Error(
        `${report}\nError: ${cutText(error, MAX_LINE, '…')}\n` +
          `Replay: FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ''} npm test -- <this file>`
      )
    }
  }
}
