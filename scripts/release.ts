/**
 * The release workflow's check of a tag, also run by its dry run (scripts/release.sh):
 *   node scripts/release.ts <tag> <notes-file>
 * Checks that the tag, package.json and CHANGELOG.md agree, writes the release notes to
 * <notes-file>, and prints "<latest> <major tag to move>": "true v1" for the newest release,
 * "false" alone for a patch to an older line of its major (no tag to move, not GitHub's
 * Latest). Exits 1 with every problem on stderr.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { planRelease, ReleaseError } from './release-plan.ts'

const [tag, notesFile] = process.argv.slice(2)
if (!tag || !notesFile) {
  console.error('Usage: node scripts/release.ts <tag> <notes-file>')
  process.exit(2)
}

const root = join(import.meta.dirname, '..')
try {
  const plan = planRelease({
    tag,
    packageVersion: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    changelog: readFileSync(join(root, 'CHANGELOG.md'), 'utf8'),
    existingTags: execFileSync('git', ['tag', '--list', 'v*'], { cwd: root, encoding: 'utf8' }).split('\n')
  })
  writeFileSync(notesFile, `${plan.notes}\n`)
  console.log(`${plan.latest} ${plan.moveMajorTag}`)
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error
  console.error(error.message)
  process.exit(1)
}
