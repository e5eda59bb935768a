import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { changelogSection, planRelease, ReleaseError, type ReleaseFacts } from '../scripts/release-plan.ts'
import { ROOT } from '../test-support/runner.ts'

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

### Added

- Something not released yet.

## [1.1.0] - 2026-12-01

### Added

- The new thing.

### Fixed

- The old bug.

## [1.0.0] - 2026-11-29

The first release.

- Everything.

[Unreleased]: https://github.com/opsmx/ssd-gate-action/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/opsmx/ssd-gate-action/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/opsmx/ssd-gate-action/releases/tag/v1.0.0
`

function facts(overrides: Partial<ReleaseFacts> = {}): ReleaseFacts {
  return { tag: 'v1.1.0', packageVersion: '1.1.0', changelog: CHANGELOG, existingTags: ['v1.0.0', 'v1'], ...overrides }
}

function problems(overrides: Partial<ReleaseFacts>): string {
  try {
    planRelease(facts(overrides))
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseError)
    return (error as Error).message
  }
  throw new Error('expected a ReleaseError')
}

describe('release notes from the changelog', () => {
  test("a version's section runs to the next heading, without the heading itself", () => {
    expect(changelogSection(CHANGELOG, '1.1.0')).toEqual({
      date: '2026-12-01',
      body: '### Added\n\n- The new thing.\n\n### Fixed\n\n- The old bug.'
    })
  })

  test('the last section leaves out the link references that end the file', () => {
    expect(changelogSection(CHANGELOG, '1.0.0')?.body).toBe('The first release.\n\n- Everything.')
  })

  test('a version is matched whole: 1.0.0 is not 1.0.00 or 11.0.0, and dots are not wildcards', () => {
    expect(changelogSection(CHANGELOG, '1.1.00')).toBeUndefined()
    expect(changelogSection(CHANGELOG, '1x1x0')).toBeUndefined()
    expect(changelogSection(CHANGELOG.replace('## [1.0.0]', '## [11.0.0]'), '1.0.0')).toBeUndefined()
  })

  test('the release plan carries the notes, not the Unreleased ones', () => {
    const plan = planRelease(facts())
    expect(plan).toEqual({
      version: '1.1.0',
      notes: changelogSection(CHANGELOG, '1.1.0')!.body,
      moveMajorTag: 'v1',
      latest: true
    })
    expect(plan.notes).not.toContain('not released yet')
  })
})

describe('the tag, package.json and CHANGELOG.md must agree', () => {
  test('every disagreement is named at once, with what to do', () => {
    const message = problems({ tag: 'v1.2.0' })
    expect(message).toMatch(/package.json says version 1.1.0, the tag says 1.2.0: run npm version 1.2.0/)
    expect(message).toMatch(/CHANGELOG.md has no "## \[1.2.0\] - YYYY-MM-DD" section/)
  })

  test('a section without a date, or with nothing in it, is not ready', () => {
    expect(problems({ changelog: CHANGELOG.replace('## [1.1.0] - 2026-12-01', '## [1.1.0]') })).toMatch(
      /section for 1.1.0 has no release date/
    )
    expect(problems({ changelog: '## [1.1.0] - 2026-12-01\n\n## [1.0.0] - 2026-11-29\n- x\n' })).toMatch(
      /section for 1.1.0 is empty/
    )
  })

  test.each(['1.1.0', 'v1.1', 'v1.1.0-rc.1', 'v01.1.0', 'v1.1.0 ', 'release-1.1.0'])('tag "%s" is refused', (tag) => {
    expect(problems({ tag })).toMatch(/is not vMAJOR.MINOR.PATCH/)
  })
})

describe('the major tag and "Latest"', () => {
  const after = (existingTags: string[]) => {
    const { moveMajorTag, latest } = planRelease(facts({ existingTags }))
    return { moveMajorTag, latest }
  }

  test('the newest release moves its major tag and is Latest', () => {
    expect(after(['v1.0.0', 'v1.0.9', 'v0.9.0', 'v1'])).toEqual({ moveMajorTag: 'v1', latest: true })
  })

  test('a patch to an older line of the same major leaves both alone', () => {
    expect(after(['v1.0.0', 'v1.10.0'])).toEqual({ moveMajorTag: '', latest: false })
    expect(after(['v1.1.1'])).toEqual({ moveMajorTag: '', latest: false })
  })

  test('a patch to an older major moves that major, but is not Latest', () => {
    expect(after(['v2.0.0', 'v1.0.0'])).toEqual({ moveMajorTag: 'v1', latest: false })
  })

  test('tags that are not releases are ignored', () => {
    expect(after(['v1.9.0-rc.1', 'latest', 'v1', ''])).toEqual({ moveMajorTag: 'v1', latest: true })
  })
})

test("the repository's own package.json version has its dated CHANGELOG.md section", () => {
  const packageVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string
  const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')
  const plan = planRelease({ tag: `v${packageVersion}`, packageVersion, changelog, existingTags: [] })
  expect(plan.notes.length).toBeGreaterThan(0)
})
