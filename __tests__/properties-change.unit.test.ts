/**
 * Properties over any documented answer and over a pull request's head against its base,
 * with waivers: half of the properties, in its own file so that jest runs it beside
 * properties.unit.test.ts. Seeded and replayed as those are (test-support/fast-check.ts).
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { pickAnnotations } from '../src/annotations.ts'
import { compare } from '../src/comparison.ts'
import { decide, findingScope, type Policy } from '../src/decision.ts'
import type { Scan } from '../src/scans.ts'
import type { Waived, Waiver } from '../src/waiver-outcome.ts'
import { documentedAnswer, hostileText, policy, reportContext, waiver } from '../test-support/arbitraries.ts'
import { propertyParameters } from '../test-support/fast-check.ts'
import { parseAnswer, problemsOf, setUpOutputChecks } from '../test-support/output-problems.ts'

setUpOutputChecks()

describe('decision, report, SARIF and outputs', () => {
  test('any documented answer under any policy: no crash, and every output sound', () => {
    fc.assert(
      fc.property(documentedAnswer, policy, reportContext, (text, rules: Policy, context) => {
        const scans = parseAnswer(text)
        const decision = decide(scans, rules)
        expect(typeof decision.passed).toBe('boolean')
        expect(problemsOf(scans, decision, context)).toEqual([])
      }),
      propertyParameters(100)
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
          const scans = parseAnswer(headText)
          const comparison = compare(scans, { branch: baseBranch, commit: '', scans: parseAnswer(baseText) })
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
      propertyParameters(80)
    )
  })
})
