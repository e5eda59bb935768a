#!/usr/bin/env bash
# A release, step by step, as .github/workflows/release.yml runs it on a pushed tag vX.Y.Z:
#   scripts/release.sh verify  vX.Y.Z  lint, types, tests and dist/ is what the source builds
#                                      (.ci/run); the tag, package.json and CHANGELOG.md agree
#   scripts/release.sh publish vX.Y.Z  the GitHub release, its notes from CHANGELOG.md, and the
#                                      major tag vX moved to it (needs gh and a token that can write)
#   scripts/release.sh dry-run vX.Y.Z  both, here: verify runs, publishing prints what it would do
set -euo pipefail
cd "$(dirname "$0")/.."
# The project's Node 24 once npm ci has installed it (the machine's own node may be older);
# in the workflow, before that, the Node 24 of actions/setup-node.
PATH="$PWD/node_modules/.bin:$PATH"

usage() {
  echo "usage: scripts/release.sh verify|publish|dry-run vX.Y.Z" >&2
  exit 2
}
mode="${1:-}"
tag="${2:-}"
case "$mode" in verify | publish | dry-run) ;; *) usage ;; esac
[ -n "$tag" ] || usage
repository="${GITHUB_REPOSITORY:-opsmx/ssd-gate-action}"
notes="$(mktemp)"
trap 'rm -f "$notes"' EXIT

# In the workflow the tag exists and is checked out; in a dry run it is usually not made yet,
# and HEAD is the commit that would be tagged.
tagged_commit() {
  if git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
    git rev-parse "$tag^{commit}"
  else
    git rev-parse HEAD
  fi
}

# scripts/release.ts is TypeScript, which Node runs as is from version 24 (type stripping).
release_plan() {
  if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
    echo "scripts/release.sh needs Node 24: run npm ci first (it installs it), or actions/setup-node." >&2
    exit 1
  fi
  node scripts/release.ts "$tag" "$notes"
}

verify() {
  if [ "$(tagged_commit)" != "$(git rev-parse HEAD)" ]; then
    echo "$tag is not the commit checked out; check out $tag before verifying it." >&2
    exit 1
  fi
  bash .ci/run # npm ci first: on a clean clone it also brings the Node 24 that release_plan needs
  release_plan >/dev/null
  echo "$tag: the tests pass, dist/ is what the source builds, package.json and CHANGELOG.md agree."
}

# Runs a command, or in a dry run shows it.
run() {
  if [ "$mode" = dry-run ]; then
    printf 'would run:'
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}

publish() {
  local plan major latest commit
  plan="$(release_plan)" # a plain assignment, so that a failed check stops the script
  read -r latest major <<<"$plan"
  commit="$(tagged_commit)"
  echo "Release notes for $tag (from CHANGELOG.md):"
  sed 's/^/  | /' "$notes"

  # A rerun of a half-done release updates it rather than failing on "already exists".
  if [ "$mode" = publish ] && gh release view "$tag" >/dev/null 2>&1; then
    run gh release edit "$tag" --notes-file "$notes"
  else
    # A patch to an older line must not become "Latest" over a newer release.
    run gh release create "$tag" --verify-tag --title "$tag" --notes-file "$notes" --latest="$latest"
  fi

  if [ -z "$major" ]; then
    echo "A later ${tag%%.*}.x release exists: ${tag%%.*} stays where it is."
  elif [ "$mode" = publish ] && ! gh api "repos/$repository/git/ref/tags/$major" --silent 2>/dev/null; then
    run gh api --method POST "repos/$repository/git/refs" -f "ref=refs/tags/$major" -f "sha=$commit" --silent
  else
    # Through the API rather than git push, so the checkout keeps no credentials.
    run gh api --method PATCH "repos/$repository/git/refs/tags/$major" -f "sha=$commit" -F force=true --silent
    [ "$mode" = publish ] || echo "  (or, while $major does not exist yet: POST repos/$repository/git/refs with ref=refs/tags/$major)"
  fi
  [ -z "$major" ] || echo "$major -> $tag ($commit)"
}

case "$mode" in
  verify) verify ;;
  publish) publish ;;
  dry-run)
    verify
    publish
    ;;
esac
