/**
 * Properties over random and hostile SSD answers, through the parser, the decision, the
 * report (comment and job summary), SARIF and the outputs. Seeded: a failure names its
 * seed and path, and FC_SEED/FC_PATH replay it (see test-support/fast-check.ts). Half of
 * the properties (any documented answer, head against base) are in
 * properties-change.unit.test.ts, so that jest runs the two files side by side.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { decide, type Policy } from '../src/decision.ts'
import { renderFailure } from '../src/report.ts'
import { AnswerShapeError } from '../src/scans.ts'
import { redact } from '../src/secrets.ts'
import { cutText } from '../src/text.ts'
import {
  anyJson,
  bigAnswer,
  documentedAnswer,
  hostileText,
  PROPERTY_TOKEN,
  reportContext
} from '../test-support/arbitraries.ts'
import { propertyParameters } from '../test-support/fast-check.ts'
import { COMMENT_MAX_BYTES, parseAnswer, problemsOf, setUpOutputChecks } from '../test-support/output-problems.ts'

setUpOutputChecks()

describe('the parser', () => {
  test('any JSON at all: the scans, or an AnswerShapeError that says what was expected; never another error', () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, documentedAnswer), (text) => {
        try {
          const scans = parseAnswer(text)
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
        for (const scan of parseAnswer(text)) {
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
  test("big answers (thousands of checks, a hundred tools) under '*=10': the comment still fits", () => {
    const everyCheckFails: Policy = {
      threshold: 5,
      rules: [{ name: '*', minimum: 10, text: '*=10' }],
      failOnInconclusive: true,
      failOnSeverity: 'low'
    }
    fc.assert(
      fc.property(bigAnswer, reportContext, (text, context) => {
        const scans = parseAnswer(text)
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
