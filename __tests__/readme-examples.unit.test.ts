import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument, type Document } from 'yaml'
import { checkExample, checkReadme, readActionInterface, yamlBlocks } from '../test-support/readme-examples.ts'
import { ROOT } from '../test-support/runner.ts'
import { parseWaivers } from '../src/waivers.ts'

// Read at test time: when action.yml gains or loses an input, the README is held to it.
const action = readActionInterface(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

test('every yaml example in the README passes, and the check saw the examples it should', () => {
  const check = checkReadme(readme, action)
  expect(check.problems).toEqual([])
  // Not a vacuous pass: the README has several steps of this action and reads its outputs.
  expect(yamlBlocks(readme).length).toBeGreaterThanOrEqual(8)
  expect(check.actionSteps).toBeGreaterThanOrEqual(6)
  expect(check.outputReads).toBeGreaterThanOrEqual(3)
})

test('action.yml declares what the examples use', () => {
  expect(action.inputs).toContain('projectId')
  expect(action.outputs).toContain('passed')
})

/**
 * A README workflow where a step of this action has an id and a later step reads its
 * outputs through env: the example the mistakes below are planted into.
 */
function workflowReadingOutputs(): { document: Document; job: string; actionStep: number; readerStep: number } {
  for (const block of yamlBlocks(readme)) {
    const document = parseDocument(block.text)
    const jobs = (document.toJS() as { jobs?: Record<string, { steps?: Array<Record<string, unknown>> }> }).jobs
    for (const [job, { steps = [] }] of Object.entries(jobs ?? {})) {
      const actionStep = steps.findIndex((step) => /^opsmx\/ssd-gate-action@/.test(String(step.uses)) && step.id)
      const readerStep = steps.findIndex((step, index) => index > actionStep && step.env && step.run)
      if (actionStep >= 0 && readerStep >= 0) return { document, job, actionStep, readerStep }
    }
  }
  throw new Error('README has no workflow whose later step reads the action outputs through env:')
}

function plant(change: (document: Document, job: string, actionStep: number, readerStep: number) => void): string[] {
  const { document, job, actionStep, readerStep } = workflowReadingOutputs()
  change(document, job, actionStep, readerStep)
  return checkExample(String(document), action).problems
}

describe('a mistake planted into a README example is reported', () => {
  test('the unchanged copy passes', () => {
    expect(plant(() => {})).toEqual([])
  })

  test('an input action.yml does not declare (a typo)', () => {
    const problems = plant((document, job, step) =>
      document.setIn(['jobs', job, 'steps', step, 'with', 'treshold'], '6')
    )
    expect(problems).toEqual([expect.stringMatching(/sets input "treshold", which action.yml does not declare/)])
  })

  test('an undeclared input on a step that uses the action as ./', () => {
    const problems = plant((document, job, step) => {
      document.setIn(['jobs', job, 'steps', step, 'uses'], './')
      document.setIn(['jobs', job, 'steps', step, 'with', 'project-id'], 'x')
    })
    expect(problems).toEqual([expect.stringMatching(/sets input "project-id"/)])
  })

  test('an output action.yml does not declare', () => {
    const problems = plant((document, job, actionStep, readerStep) => {
      const id = document.getIn(['jobs', job, 'steps', actionStep, 'id'])
      document.setIn(['jobs', job, 'steps', readerStep, 'env', 'PLANTED'], `\${{ steps.${id}.outputs.scroe }}`)
    })
    expect(problems).toEqual([
      expect.stringMatching(/reads steps\.\w+\.outputs\.scroe, which action.yml does not declare/)
    ])
  })

  test('an output read from a step id that does not exist', () => {
    const problems = plant((document, job, _actionStep, readerStep) =>
      document.setIn(['jobs', job, 'steps', readerStep, 'env', 'PLANTED'], '${{ steps.gate.outputs.score }}')
    )
    expect(problems).toEqual([expect.stringMatching(/reads steps\.gate\.outputs\.score, but no step has id "gate"/)])
  })

  test('an output expanded inside a run: script', () => {
    const problems = plant((document, job, actionStep, readerStep) => {
      const id = document.getIn(['jobs', job, 'steps', actionStep, 'id'])
      document.setIn(['jobs', job, 'steps', readerStep, 'run'], `echo "score \${{ steps.${id}.outputs.score }}"`)
    })
    expect(problems).toEqual([
      expect.stringMatching(/expands \$\{\{ \}\} inside its run: script; pass the value through env:/)
    ])
  })

  test('a job without runs-on', () => {
    const problems = plant((document, job) => document.deleteIn(['jobs', job, 'runs-on']))
    expect(problems).toEqual([expect.stringMatching(/job "[\w-]+" has no runs-on/)])
  })
})

describe('shapes of examples', () => {
  test('a job fragment needs runs-on too', () => {
    const problems = checkExample('steps:\n  - uses: opsmx/ssd-gate-action@v1\n', action).problems
    expect(problems).toEqual(['the job has no runs-on'])
  })

  test('a list of steps is checked like a job', () => {
    const text = '- uses: opsmx/ssd-gate-action@v1\n  with: { host: h, hots: h }\n'
    expect(checkExample(text, action).problems).toEqual([expect.stringMatching(/sets input "hots"/)])
  })

  test('a block of another shape, or not YAML at all, is reported rather than skipped', () => {
    expect(checkExample('with:\n  threshold: 5\n', action).problems).toEqual([expect.stringMatching(/not a workflow/)])
    expect(checkExample('a: [b\n', action).problems).toEqual([expect.stringMatching(/not valid YAML/)])
  })

  test('other actions and ${{ }} outside run: are left alone', () => {
    const text = [
      'runs-on: ubuntu-latest',
      'steps:',
      '  - uses: actions/checkout@v5',
      '    with: { anything: "${{ github.sha }}" }'
    ].join('\n')
    expect(checkExample(text, action).problems).toEqual([])
  })
})

test("the README's waivers file example is one the waivers parser takes, as documented", () => {
  const [example, ...more] = checkReadme(readme, action).waiverFiles
  expect(more).toEqual([])
  const waivers = parseWaivers(example ?? '', '.github/ssd-waivers.yml')
  expect(waivers.map((waiver) => waiver.rule ?? `check ${waiver.check}`)).toEqual([
    'javascript.lang.security.audit.md5-used',
    'check Fuzzing'
  ])
  expect(waivers[0]).toMatchObject({ path: 'src/legacy/**', tool: 'semgrep', approvedBy: '@acme/security' })
})
