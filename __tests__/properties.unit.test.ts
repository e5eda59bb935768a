/**
 * Properties over random and hostile SSD answers, through the parser, the decision, the
 * report (comment and job summary), SARIF and the outputs. Seeded: a failure names its
 * seed and path, and FC_SEED/FC_PATH replay it (see test-support/fast-check.ts).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pickAnnotations } from '../src/annotations.ts'
import { compare } from '../src/comparison.ts'
import { decide, findingScope, type Decision, type Policy } from '../src/decision.ts'
import { safeUrl } from '../src/markdown.ts'
import { writeOutputs } from '../src/outputs.ts'
import { renderFailure, renderReport, type ReportContext } from '../src/report.ts'
import { buildSarif } from '../src/sarif.ts'
import { AnswerShapeError, parseScans, type Scan } from '../src/scans.ts'
import { addSecret, redact } from '../src/secrets.ts'
import { cutText } from '../src/text.ts'
import type { Waived, Waiver } from '../src/waiver-outcome.ts'
import {
  anyJson,
  bigAnswer,
  documentedAnswer,
  hostileText,
  policy,
  PROPERTY_TOKEN,
  reportContext,
  waiver
} from '../test-support/arbitraries.ts'
import { propertyParameters } from '../test-support/fast-check.ts'
import { reportProblems } from '../test-support/report-checks.ts'
import { parseOutputs } from '../test-support/runner.ts'
import { sarifSchemaErrors } from '../test-support/sarif-schema.ts'

const COMMENT_MAX_BYTES = 65_000
const SUMMARY_MAX_BYTES = 1_000_000
const TOKEN_FORMS = [PROPERTY_TOKEN, PROPERTY_TOKEN.replace(/_/g, '\\_'), encodeURIComponent(PROPERTY_TOKEN)]

let outputDir = ''
beforeAll(() => {
  // Registering the secret prints the runner's ::add-mask:: command: not into the test log.
  const stdoutWrite = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  addSecret(PROPERTY_TOKEN)
  stdoutWrite.mockRestore()
  outputDir = mkdtempSync(join(tmpdir(), 'ssd-gate-properties-'))
})
afterAll(() => rmSync(outputDir, { recursive: true, force: true }))

/** Parses as the client does: JSON.parse, then the shape check. */
function parse(text: string): Scan[] {
  return parseScans(JSON.parse(text))
}

/**
 * Every problem with what one answer makes, across the report, summary, SARIF and outputs.
 * `wholeSummary: false` checks a summary's size and characters alone: rendering a megabyte
 * as GitHub does takes seconds (the small answers' summaries are checked whole).
 */
function problemsOf(scans: Scan[], decision: Decision, context: ReportContext, wholeSummary = true): string[] {
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

describe('the parser', () => {
  test('any JSON at all: the scans, or an AnswerShapeError that says what was expected; never another error', () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, documentedAnswer), (text) => {
        try {
          const scans = parse(text)
          expect(Array.isArray(scans)).toBe(true)
        } catch (error) {
          expect(error).toBeInstanceOf(AnswerShapeError)
          expect((error as Error).message).toMatch(/^expected /)
          expect((error as Error).message.isWellFormed()).toBe(true)
        }
      }),
      propertyParameters(300)
    )
  })

  test('every text the parser keeps is well-formed, whatever escapes the JSON held', () => {
    fc.assert(
      fc.property(documentedAnswer, (text) => {
        for (const scan of parse(text)) {
          const texts = [
            scan.name,
            scan.tool,
            scan.status,
            scan.error,
            scan.version,
            ...scan.checks.flatMap((c) => [c.name, c.reason, c.url, c.description]),
            ...scan.findings.flatMap((f) => [f.rule, f.message, f.file, f.severityText]),
            ...scan.others.flatMap((item) => [...item.keys(), ...item.values()])
          ]
          for (const value of texts) expect(value.isWellFormed()).toBe(true)
        }
      }),
      propertyParameters(200)
    )
  })
})

describe('decision, report, SARIF and outputs', () => {
  test('any documented answer under any policy: no crash, and every output sound', () => {
    fc.assert(
      fc.property(documentedAnswer, policy, reportContext, (text, rules: Policy, context) => {
        const scans = parse(text)
        const decision = decide(scans, rules)
        expect(typeof decision.passed).toBe('boolean')
        expect(problemsOf(scans, decision, context)).toEqual([])
      }),
      propertyParameters(150)
    )
  })

  test("big answers (thousands of checks, a hundred tools) under '*=10': the comment still fits", () => {
    const everyCheckFails: Policy = {
      threshold: 5,
      rules: [{ name: '*', minimum: 10, text: '*=10' }],
      failOnInconclusive: true,
      failOnSeverity: 'low'
    }
    fc.assert(
      fc.property(bigAnswer, reportContext, (text, context) => {
        const scans = parse(text)
        expect(problemsOf(scans, decide(scans, everyCheckFails), context, false)).toEqual([])
      }),
      propertyParameters(2)
    )
  })

  test('the failure report: any message, within the limit and well-formed', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 400 }), (lines) => {
        const report = renderFailure(lines.join('\n'), COMMENT_MAX_BYTES, { header: lines[0] })
        expect(Buffer.byteLength(report)).toBeLessThanOrEqual(COMMENT_MAX_BYTES)
        expect(report.isWellFormed()).toBe(true)
        expect(report).not.toContain(PROPERTY_TOKEN)
      }),
      propertyParameters(100)
    )
  })
})

describe('text', () => {
  test('cutText: within the length, well-formed, a prefix of the text or the text itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(220), (text, max) => {
        const cut = cutText(text, max)
        expect(cut.length).toBeLessThanOrEqual(Math.max(max, 0))
        expect(cut.isWellFormed()).toBe(true)
        if (cut !== text && cut !== '') expect(text.startsWith(cut.slice(0, -1))).toBe(true)
      }),
      propertyParameters(500)
    )
  })

  test('redaction never lengthens a text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(redact(text).length).toBeLessThanOrEqual(text.length)
      }),
      propertyParameters(300)
    )
  })
})

describe('gating the change', () => {
  /** Which of the answer's findings and checks a waiver takes, picked by the booleans. */
  function waive(scans: Scan[], picks: boolean[], waivers: Waiver[]): Waived[] {
    const items = scans.flatMap((scan) => [
      ...scan.findings.map((finding) => ({ kind: 'finding' as const, scan, finding })),
      ...scan.checks.map((check) => ({ kind: 'check' as const, scan, check }))
    ])
    return items.flatMap((item, i) => {
      const chosen = waivers[i % Math.max(1, waivers.length)]
      return picks[i % Math.max(1, picks.length)] && chosen ? [{ ...item, waiver: chosen } as Waived] : []
    })
  }

  test('any head and base answers, any waivers: the counts add up, and every output stays sound', () => {
    fc.assert(
      fc.property(
        documentedAnswer,
        documentedAnswer,
        policy,
        reportContext,
        hostileText,
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.array(waiver, { maxLength: 5 }),
        (headText, baseText, rules: Policy, context, baseBranch, picks, waivers) => {
          const scans = parse(headText)
          const comparison = compare(scans, { branch: baseBranch, commit: '', scans: parse(baseText) })
          const waived = waive(scans, picks, waivers)
          const scope = findingScope(true, baseBranch, { comparison })
          const decision = decide(scans, rules, { comparison, scope, waived })
          // Each severe finding is counted, or already on the base branch, or waived: exactly one.
          const everything = decide(scans, rules)
          expect(decision.severeFindings + decision.severeBaseFindings + decision.severeWaivedFindings).toBe(
            everything.severeFindings
          )
          // Waivers and the base branch only ever take away: never a new failed check or broken rule.
          for (const name of decision.failedChecks) expect(everything.failedChecks).toContain(name)
          expect(decision.ruleBreaks.length).toBeLessThanOrEqual(everything.ruleBreaks.length)
          const annotated = pickAnnotations(scans, decision, { error: 99, warning: 99, notice: 99 }).annotations.length
          expect(annotated).toBe(
            scans
              .flatMap((scan) => scan.findings)
              .filter((f) => !decision.waivedFindings.has(f) && !decision.baseFindings.has(f)).length
          )
          const withWaivers = {
            ...context,
            comparison,
            addedWaivers: waivers,
            waiversFile: '.github/ssd-waivers.yml',
            today: '2026-12-04'
          }
          expect(problemsOf(scans, decision, withWaivers)).toEqual([])
        }
      ),
      propertyParameters(100)
    )
  })
})
