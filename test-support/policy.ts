import type { Policy } from '../src/decision.ts'

/** A policy with the action's defaults but for what a test sets. */
export const policy = (threshold: number, more: Partial<Policy> = {}): Policy => ({
  threshold,
  rules: [],
  failOnInconclusive: false,
  failOnSeverity: undefined,
  ...more
})
