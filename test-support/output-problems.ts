/**
 * What the properties check of every output one answer makes: the comment and the job
 * summary (their markdown, sizes and links), SARIF against its schema, the outputs as the
 * runner reads them back, and never the secret. Shared by the property files, so that each
 * runs in its own jest worker.
 */
import { afterAll, beforeAll, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Decision } from '../src/decision.ts'
import { safeUrl } from '../src/markdown.ts'
import { writeOutputs } from '../src/outputs.ts'
import { renderReport, type ReportContext } from '../src/report.ts'
import { buildSarif } from '../src/sarif.ts'
import { parseScans, type Scan } from '../src/scans.ts'
import { addSecret, redact } from '../src/secrets.ts'
import { PROPERTY_TOKEN } from './arbitraries.ts'
import { reportProblems } from './report-checks.ts'
import { parseOutputs } from './runner.ts'
import { sarifSchemaErrors } from './sarif-schema.ts'

export const COMMENT_MAX_BYTES = 65_000
const SUMMARY_MAX_BYTES = 1_000_000
const TOKEN_FORMS = [PROPERTY_TOKEN, PROPERTY_TOKEN.replace(/_/g, '\\_'), encodeURIComponent(PROPERTY_TOKEN)]

let outputDir = ''

/** Registers the property token as a secret and a scratch directory for the outputs file. */
export function setUpOutputChecks(): void {
  beforeAll(() => {
    // Registering the secret prints the runner's ::add-mask:: command: not into the test log.
    const stdoutWrite = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    addSecret(PROPERTY_TOKEN)
    stdoutWrite.mockRestore()
    outputDir = mkdtempSync(join(tmpdir(), 'ssd-gate-properties-'))
  })
  afterAll(() => rmSync(outputDir, { recursive: true, force: true }))
}

/** Parses as the client does: JSON.parse, then the shape check. */
export function parseAnswer(text: string): Scan[] {
  return parseScans(JSON.parse(text))
}

/**
 * Every problem with what one answer makes, across the report, summary, SARIF and outputs.
 * `wholeSummary: false` checks a summary's size and characters alone: rendering a megabyte
 * as GitHub does takes seconds (the small answers' summaries are checked whole).
 */
export function problemsOf(scans: Scan[], decision: Decision, context: ReportContext, wholeSummary = true): string[] {
  const links = new Set<string>(scans.flatMap((scan) => scan.checks.map((check) => safeUrl(check.url) ?? '')))
  if (context.runUrl) links.add(context.runUrl)
  const linkPrefixes: string[] = []
  if (context.repositoryUrl && context.scannedCommit) {
    links.add(`${context.repositoryUrl}/commit/${context.scannedCommit}`)
    linkPrefixes.push(`${context.repositoryUrl}/blob/${context.scannedCommit}/`)
  }
  const expected = { marker: '', links, linkPrefixes, secrets: TOKEN_FORMS }
  const comment = renderReport(scans, decision, context, { maxBytes: COMMENT_MAX_BYTES, fullResultsAt: 'the summary' })
  const summary = renderReport(scans, decision, context, { maxBytes: SUMMARY_MAX_BYTES, fullResultsAt: 'SSD' })
  const problems = [
    ...reportProblems(redact(comment), expected).map((problem) => `comment: ${problem}`),
    ...(Buffer.byteLength(comment) > COMMENT_MAX_BYTES ? ['comment: over its byte budget'] : []),
    ...(Buffer.byteLength(summary) > SUMMARY_MAX_BYTES ? ['summary: over 1 MB'] : []),
    ...(summary.isWellFormed() ? [] : ['summary: a broken character'])
  ]
  // The summary is larger than a comment may be; everything else must hold of it too.
  if (wholeSummary) {
    problems.push(
      ...reportProblems(redact(summary), expected)
        .filter((problem) => !problem.includes("over GitHub's"))
        .map((problem) => `summary: ${problem}`)
    )
  }

  const provenance = {
    projectId: 'p',
    scanType: 'sourceScan',
    header: '',
    scanId: 's',
    repository: 'r',
    branch: 'b',
    commit: ''
  }
  const sarif = buildSarif(scans, decision, '/home/runner/work/repo/repo', provenance)
  const sarifText = redact(JSON.stringify(sarif)) // as writeSarifFile writes it
  problems.push(...sarifSchemaErrors(JSON.parse(sarifText)).map((error) => `SARIF: ${error}`))
  if (!sarifText.isWellFormed()) problems.push('SARIF: a broken character')
  for (const form of TOKEN_FORMS) if (sarifText.includes(form)) problems.push('SARIF: the secret')

  // The output file is UTF-8: a broken character would come back as U+FFFD, unequal to the comment.
  const outputs = outputsOf(decision, comment)
  if (outputs.report !== redact(comment)) problems.push('outputs: report is not the comment')
  for (const [name, value] of Object.entries(outputs)) {
    for (const form of TOKEN_FORMS) if (value.includes(form)) problems.push(`outputs: the secret in ${name}`)
  }
  const failed = JSON.parse(outputs.failedChecks ?? '[]') as string[]
  // Outputs are redacted: a check named with the token is listed with `***` in its place.
  const names = new Set(scans.flatMap((scan) => scan.checks.map((check) => redact(check.name))))
  if (!failed.every((name) => names.has(name) && name.isWellFormed())) {
    problems.push('failedChecks: a name the answer does not have, or a broken one')
  }
  return problems
}

/** The outputs as the runner reads them back from GITHUB_OUTPUT. */
function outputsOf(decision: Decision, report: string): Record<string, string> {
  const file = join(outputDir, 'output')
  writeFileSync(file, '')
  const previous = process.env.GITHUB_OUTPUT
  process.env.GITHUB_OUTPUT = file
  // A list cut to fit warns through a workflow command: kept out of the test run's own log,
  // where a CI runner would read it as an annotation.
  const stdoutWrite = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    writeOutputs({
      status: 'Completed',
      score: decision.scoreText,
      passed: decision.passed,
      failedChecks: decision.failedChecks,
      failedCheckRules: decision.ruleBreaks,
      report
    })
  } finally {
    stdoutWrite.mockRestore()
    process.env.GITHUB_OUTPUT = previous
  }
  return parseOutputs(readFileSync(file, 'utf8'))
}
