import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { checkExample, readActionInterface } from '../test-support/readme-examples.ts'
import { ROOT } from '../test-support/runner.ts'

// The repository's own workflows hold what Scorecard's Pinned-Dependencies and
// Token-Permissions checks look at: a change that unpins an action or widens a token fails here.
const directory = join(ROOT, '.github', 'workflows')
const workflows = readdirSync(directory)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => ({ name, text: readFileSync(join(directory, name), 'utf8') }))

test('the repository has its CI and release workflows', () => {
  expect(workflows.map(({ name }) => name).sort()).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']))
})

describe.each(workflows)('$name', ({ text }) => {
  test('every third-party action is pinned by full commit SHA, with its version in a comment', () => {
    const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)].map(([, ref, rest]) => `${ref}${rest}`)
    expect(uses.length).toBeGreaterThan(0)
    const unpinned = uses.filter(
      (line) => !line.startsWith('./') && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\b/.test(line)
    )
    expect(unpinned).toEqual([])
  })

  test('no permission by default; each job names the least it needs', () => {
    const workflow = parse(text) as { permissions?: unknown; jobs: Record<string, { permissions?: unknown }> }
    expect(workflow.permissions).toEqual({})
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect([name, job.permissions]).toEqual([name, expect.any(Object)])
      const levels = Object.values(job.permissions as Record<string, string>)
      expect(levels.every((level) => level === 'read' || level === 'write')).toBe(true)
    }
  })

  test('steps of this action (uses: ./) set declared inputs and read declared outputs', () => {
    const action = readActionInterface(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
    expect(checkExample(text, action).problems).toEqual([])
  })
})

test('write access is where it is needed only: the release to publish, the self-test to comment', () => {
  const writes = workflows.flatMap(({ name, text }) =>
    Object.entries((parse(text) as { jobs: Record<string, { permissions?: Record<string, string> }> }).jobs).flatMap(
      ([job, { permissions = {} }]) =>
        Object.entries(permissions)
          .filter(([, level]) => level === 'write')
          .map(([scope]) => `${name} ${job}: ${scope}`)
    )
  )
  expect(writes.sort()).toEqual(['ci.yml self-test: pull-requests', 'release.yml publish: contents'])
})

test("the README's release section describes the steps release.yml runs", () => {
  const release = parse(workflows.find(({ name }) => name === 'release.yml')!.text) as {
    on: { push: { tags: string[] } }
    jobs: Record<string, { needs?: string; steps: Array<{ run?: string }> }>
  }
  expect(release.on.push.tags).toEqual(['v*.*.*'])
  expect(release.jobs.publish!.needs).toBe('verify')
  const modes = Object.values(release.jobs).flatMap(({ steps }) =>
    steps.flatMap(({ run = '' }) => [...run.matchAll(/scripts\/release\.sh (\S+) "\$TAG"/g)].map(([, mode]) => mode))
  )
  expect(modes).toEqual(['verify', 'publish'])

  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('### Releasing'))
  expect(section).toMatch(/^### Releasing/)
  for (const mode of [...modes, 'dry-run']) expect(section).toContain(`scripts/release.sh ${mode} vX.Y.Z`)
  expect(section).toContain('`vX.Y.Z`')
})
