/**
 * `npm run test:mutation:retest -- src/sarif.ts:15-45 [src/markdown.ts ...]`: drops the
 * recorded results of the mutants in those files (or line ranges) from
 * stryker-incremental.json, so the next `npm run test:mutation` tests them again.
 *
 * Why: Stryker reuses a mutant's result until its code or the tests that covered it change.
 * A static mutant (a constant, reached while a test file loads) is covered by no test in
 * particular, so a new test that kills it does not make Stryker retest it: it stays
 * "survived" in the record until it is dropped here (or a `--force` run, an hour or more).
 */
import { readFileSync, writeFileSync } from 'node:fs'

const RECORD = 'stryker-incremental.json'

interface Mutant {
  location: { start: { line: number }; end: { line: number } }
}
interface MutationRecord {
  files: Record<string, { mutants: Mutant[] }>
}

const targets = process.argv.slice(2).map((argument) => {
  const match = /^([^:]+)(?::(\d+)-(\d+))?$/.exec(argument)
  if (!match) throw new Error(`expected a file or file:from-to, got '${argument}'`)
  const [, file = '', from, to] = match
  return { file, from: from ? Number(from) : 1, to: to ? Number(to) : Infinity }
})
if (targets.length === 0) {
  console.error('usage: npm run test:mutation:retest -- src/file.ts[:from-to] ...')
  process.exit(2)
}

const record = JSON.parse(readFileSync(RECORD, 'utf8')) as MutationRecord
for (const { file, from, to } of targets) {
  const entry = record.files[file]
  if (!entry) throw new Error(`${RECORD} holds no mutants of ${file}`)
  const before = entry.mutants.length
  entry.mutants = entry.mutants.filter((mutant) => mutant.location.end.line < from || mutant.location.start.line > to)
  console.log(`${file}: ${before - entry.mutants.length} mutant result(s) dropped; the next run tests them again`)
}
writeFileSync(RECORD, `${JSON.stringify(record, null, 2)}\n`)
