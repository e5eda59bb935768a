/**
 * Checks the workflow examples in README.md against action.yml, so an example a user pastes
 * sets only inputs that exist, reads only outputs that exist, runs somewhere (`runs-on`), and
 * never expands a step output inside a shell script (script injection: pass it through `env:`).
 *
 * A block may be a whole workflow (`jobs:`), one job (`steps:`), a list of steps, or an `env:`
 * mapping; any other shape is reported, so a new example cannot slip past unchecked.
 */
import MarkdownIt from 'markdown-it'
import { parseDocument } from 'yaml'

/** What action.yml declares. */
export interface ActionInterface {
  inputs: ReadonlySet<string>
  outputs: ReadonlySet<string>
}

export interface YamlBlock {
  /** 1-based line of the block's opening fence in the markdown. */
  line: number
  text: string
}

export interface ExampleCheck {
  problems: string[]
  /** Steps that use this action, and `steps.<id>.outputs.<name>` reads of them: what was checked. */
  actionSteps: number
  outputReads: number
  /** Examples of a waivers file (a mapping of `waivers:` alone), for the waivers parser to check. */
  waiverFiles: string[]
}

type Mapping = Record<string, unknown>

export function readActionInterface(actionYml: string): ActionInterface {
  const action = parseDocument(actionYml).toJS() as Mapping
  return {
    inputs: new Set(Object.keys((action.inputs as Mapping | undefined) ?? {})),
    outputs: new Set(Object.keys((action.outputs as Mapping | undefined) ?? {}))
  }
}

export function yamlBlocks(markdown: string): YamlBlock[] {
  return new MarkdownIt()
    .parse(markdown, {})
    .filter((token) => token.type === 'fence' && /^ya?ml\b/.test(token.info.trim()))
    .map((token) => ({ line: (token.map?.[0] ?? 0) + 1, text: token.content }))
}

/** Every problem in every yaml block of a README, each prefixed with the block's line. */
export function checkReadme(markdown: string, action: ActionInterface): ExampleCheck {
  const total: ExampleCheck = { problems: [], actionSteps: 0, outputReads: 0, waiverFiles: [] }
  for (const block of yamlBlocks(markdown)) {
    const check = checkExample(block.text, action)
    total.problems.push(...check.problems.map((problem) => `README line ${block.line}: ${problem}`))
    total.actionSteps += check.actionSteps
    total.outputReads += check.outputReads
    total.waiverFiles.push(...check.waiverFiles)
  }
  return total
}

export function checkExample(text: string, action: ActionInterface): ExampleCheck {
  const check: ExampleCheck = { problems: [], actionSteps: 0, outputReads: 0, waiverFiles: [] }
  const document = parseDocument(text)
  if (document.errors.length > 0) {
    check.problems.push(`not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`)
    return check
  }
  const example: unknown = document.toJS()
  if (Array.isArray(example)) {
    checkJob({ steps: example }, 'the list of steps', action, check, false)
  } else if (isMapping(example) && isMapping(example.jobs)) {
    for (const [name, job] of Object.entries(example.jobs)) {
      if (isMapping(job)) checkJob(job, `job "${name}"`, action, check, true)
      else check.problems.push(`job "${name}" is not a mapping`)
    }
  } else if (isMapping(example) && 'steps' in example) {
    checkJob(example, 'the job', action, check, true)
  } else if (isMapping(example) && Object.keys(example).join() === 'waivers') {
    check.waiverFiles.push(text)
  } else if (!(isMapping(example) && Object.keys(example).every((key) => key === 'env'))) {
    check.problems.push('not a workflow (jobs:), a job (steps:), a list of steps or an env: mapping')
  }
  check.problems = [...new Set(check.problems)]
  return check
}

function checkJob(job: Mapping, where: string, action: ActionInterface, check: ExampleCheck, isJob: boolean): void {
  // A job that calls a reusable workflow (`uses:` on the job) takes no runner of its own.
  if (isJob && !('runs-on' in job) && !('uses' in job)) check.problems.push(`${where} has no runs-on`)
  if (!Array.isArray(job.steps)) {
    if (!('uses' in job)) check.problems.push(`${where} has no list of steps`)
    return
  }
  const steps = job.steps as unknown[]
  const ids = new Set<string>()
  const actionIds = new Set<string>()
  steps.forEach((step, index) => {
    if (!isMapping(step)) {
      check.problems.push(`${where}, step ${index + 1} is not a mapping`)
      return
    }
    if (typeof step.id === 'string') ids.add(step.id)
    if (!usesThisAction(step.uses)) return
    check.actionSteps += 1
    if (typeof step.id === 'string') actionIds.add(step.id)
    const inputs = step.with ?? {}
    if (!isMapping(inputs)) {
      check.problems.push(`${where}, ${stepName(step, index)}: with: is not a mapping`)
      return
    }
    for (const input of Object.keys(inputs)) {
      if (!action.inputs.has(input)) {
        check.problems.push(
          `${where}, ${stepName(step, index)} sets input "${input}", which action.yml does not declare`
        )
      }
    }
  })

  for (const [index, step] of steps.entries()) {
    if (isMapping(step) && typeof step.run === 'string' && step.run.includes('${{')) {
      check.problems.push(
        `${where}, ${stepName(step, index)} expands \${{ }} inside its run: script; pass the value through env: instead (script injection)`
      )
    }
  }

  for (const text of strings(job)) {
    for (const [, id, output] of text.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
      if (!ids.has(id!)) {
        check.problems.push(`${where} reads steps.${id}.outputs.${output}, but no step has id "${id}"`)
      } else if (actionIds.has(id!)) {
        check.outputReads += 1
        if (!action.outputs.has(output!)) {
          check.problems.push(`${where} reads steps.${id}.outputs.${output}, which action.yml does not declare`)
        }
      }
    }
  }
}

function usesThisAction(uses: unknown): boolean {
  return typeof uses === 'string' && (uses === './' || /^opsmx\/ssd-gate-action@[\w.-]+$/.test(uses))
}

function stepName(step: Mapping, index: number): string {
  return typeof step.id === 'string' ? `step "${step.id}"` : `step ${index + 1}`
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Every string in a parsed YAML value, keys included. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value
  else if (Array.isArray(value)) for (const item of value) yield* strings(item)
  else if (isMapping(value)) {
    for (const [key, item] of Object.entries(value)) {
      yield key
      yield* strings(item)
    }
  }
}
