/**
 * What a release tag means, worked out from the repository's own files: the version, the
 * notes (CHANGELOG.md's section for it), and whether the major tag moves. Pure, so the
 * release workflow and its dry run decide the same way and a test can hold them to it.
 */

export interface ReleaseFacts {
  /** The pushed tag, e.g. v1.2.3. */
  tag: string
  /** package.json's "version". */
  packageVersion: string
  changelog: string
  /** Every tag the repository has (others than vX.Y.Z are ignored). */
  existingTags: string[]
}

export interface ReleasePlan {
  version: string
  /** The release notes: the changelog section's body, without its heading. */
  notes: string
  /** The major tag (v1) to point at this release, or '' when a later release in it exists. */
  moveMajorTag: string
  /** Whether GitHub should show it as the "Latest" release: no later release of any major exists. */
  latest: boolean
}

export class ReleaseError extends Error {}

const RELEASE_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

/** Checks that the tag, package.json and CHANGELOG.md agree; throws naming every problem. */
export function planRelease(facts: ReleaseFacts): ReleasePlan {
  const match = RELEASE_TAG.exec(facts.tag)
  if (!match) {
    throw new ReleaseError(
      `The tag "${facts.tag}" is not vMAJOR.MINOR.PATCH (e.g. v1.2.3); pre-releases are not published by this workflow.`
    )
  }
  const version = facts.tag.slice(1)
  const problems: string[] = []
  if (facts.packageVersion !== version) {
    problems.push(
      `package.json says version ${facts.packageVersion}, the tag says ${version}: run npm version ${version} --no-git-tag-version.`
    )
  }
  const section = changelogSection(facts.changelog, version)
  if (!section) {
    problems.push(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move the Unreleased notes under one.`)
  } else {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(section.date)) {
      problems.push(`CHANGELOG.md's section for ${version} has no release date: "## [${version}] - YYYY-MM-DD".`)
    }
    if (!section.body) problems.push(`CHANGELOG.md's section for ${version} is empty: say what changed.`)
  }
  if (problems.length > 0) throw new ReleaseError(problems.join('\n'))

  const major = `v${match[1]}`
  const later = facts.existingTags
    .map((tag) => RELEASE_TAG.exec(tag))
    .filter((other) => other !== null && compareVersions(other, match) > 0)
  const laterInMajor = later.some((other) => `v${other![1]}` === major)
  return { version, notes: section!.body, moveMajorTag: laterInMajor ? '' : major, latest: later.length === 0 }
}

/**
 * The section of a Keep a Changelog file for one version: its date and body, up to the next
 * `## ` heading, without the link reference definitions that end the file.
 */
export function changelogSection(changelog: string, version: string): { date: string; body: string } | undefined {
  const lines = changelog.split(/\r?\n/)
  const escaped = version.replace(/\./g, '\\.')
  const heading = new RegExp(`^## \\[?${escaped}\\]?(?:\\s+-\\s+(.*?))?\\s*$`)
  const start = lines.findIndex((line) => heading.test(line))
  if (start < 0) return undefined
  const date = heading.exec(lines[start]!)![1] ?? ''
  let end = lines.findIndex((line, index) => index > start && line.startsWith('## '))
  if (end < 0) end = lines.length
  const body = lines.slice(start + 1, end)
  while (body.length > 0 && (body.at(-1)!.trim() === '' || /^\[[^\]]+\]:\s/.test(body.at(-1)!))) body.pop()
  return { date, body: body.join('\n').trim() }
}

function compareVersions(a: RegExpExecArray, b: RegExpExecArray): number {
  for (const part of [1, 2, 3]) {
    const difference = Number(a[part]) - Number(b[part])
    if (difference !== 0) return difference
  }
  return 0
}
