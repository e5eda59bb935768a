/**
 * The modules of src/ import one another in one direction only: a cycle (the comparison and
 * the decision once imported each other) makes load order matter and the flow hard to follow.
 */
import { expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../test-support/runner.ts'

const SRC = join(ROOT, 'src')

/** Each module's imports of other modules of src/, static, type-only or dynamic. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of readdirSync(SRC).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(SRC, file), 'utf8')
    const imports = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)'\.\/([\w-]+\.ts)'/g)].map(([, name]) => name!)
    graph.set(file, imports)
  }
  return graph
}

/** The first cycle found, as the path around it, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const done = new Set<string>()
  const visit = (node: string, path: string[]): string[] | undefined => {
    if (path.includes(node)) return [...path.slice(path.indexOf(node)), node]
    if (done.has(node)) return undefined
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next, [...path, node])
      if (cycle) return cycle
    }
    done.add(node)
    return undefined
  }
  for (const node of graph.keys()) {
    const cycle = visit(node, [])
    if (cycle) return cycle
  }
  return undefined
}

test('the checker finds a cycle when there is one', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['a.ts']]
  ])
  expect(findCycle(graph)).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts'])
  expect(
    findCycle(
      new Map([
        ['a.ts', ['b.ts']],
        ['b.ts', []]
      ])
    )
  ).toBeUndefined()
})

test('no module of src/ imports itself back, through any path', () => {
  const graph = importGraph()
  expect(graph.get('main.ts')).toContain('decision.ts')
  expect(findCycle(graph)).toBeUndefined()
})
