#!/usr/bin/env bash
# sglint's GitHub Action, step 2 (action.yml): lint the drafts that changed and print
# GitHub annotations. Kept out of action.yml so that tests run it on a fixture repository.
#
# Settings come from the environment (action.yml maps its inputs onto these):
#   SGLINT_BASE        commit or branch the changes are measured from (fetched if absent);
#                      empty or all zeros (a new branch): every draft is linted
#   SGLINT_ALL_FILES   "true": lint every draft, changed or not
#   SGLINT_PATHS       git pathspecs limiting the files, separated by spaces or newlines
#   SGLINT_EXTENSIONS  suffixes of draft files, separated by spaces
#   SGLINT_ARGS        more `sglint check` options, e.g. "--profile news --fail-level error"
#   SGLINT_SARIF       if set, also write a SARIF report there (an empty one if no draft
#                      changed, so code scanning sees the run)
#   SGLINT             the sglint command (default: sglint on PATH)
#   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY  as set by the runner; used when present
# Exit status is sglint's: 0 clean, 1 findings at or above the fail level, 2 an error.
set -euo pipefail

sglint=${SGLINT:-sglint}
base=${SGLINT_BASE:-}
read -r -d '' -a pathspecs <<<"${SGLINT_PATHS:-.}" || true
read -r -d '' -a extensions <<<"${SGLINT_EXTENSIONS:-txt text md markdown html htm docx doc odt}" || true
read -r -d '' -a options <<<"${SGLINT_ARGS:-}" || true
# "${options[@]}" on an empty array is an error under `set -u` in bash before 4.4 (macOS).
options=(--force-exclude ${options[@]+"${options[@]}"})

# The commit to diff against, fetching it (shallow) when the checkout does not have it.
resolve_base() {
    local ref=$1 candidate
    for candidate in "refs/remotes/origin/$ref" "$ref"; do
        if git rev-parse --verify --quiet "$candidate^{commit}" >/dev/null; then
            git rev-parse "$candidate^{commit}"
            return
        fi
    done
    if git fetch --quiet --no-tags --depth=1 origin "+refs/heads/$ref:refs/remotes/origin/$ref" \
        2>/dev/null || git fetch --quiet --no-tags --depth=1 origin "$ref" 2>/dev/null; then
        git rev-parse --verify --quiet "refs/remotes/origin/$ref^{commit}" ||
            git rev-parse FETCH_HEAD
        return
    fi
    echo "::error title=sglint::cannot find or fetch the base '$ref'" >&2
    return 2
}

candidates=()
if [[ $base =~ ^0+$ ]]; then
    echo "sglint: no earlier commit to compare with (a new branch): linting every draft."
    base=""
fi
if [[ ${SGLINT_ALL_FILES:-false} == true || -z $base ]]; then
    while IFS= read -r -d '' file; do candidates+=("$file"); done \
        < <(git ls-files -z -- "${pathspecs[@]}")
else
    commit=$(resolve_base "$base") || exit 2
    # Three dots (since the merge base) when history allows; a shallow checkout of a pull
    # request's merge commit has none, and there the base commit is its first parent.
    range="$commit...HEAD"
    git merge-base "$commit" HEAD >/dev/null 2>&1 || range="$commit"
    while IFS= read -r -d '' file; do candidates+=("$file"); done \
        < <(git diff --name-only -z --diff-filter=ACMRT "$range" -- "${pathspecs[@]}")
fi

files=()
shopt -s nocasematch
for file in ${candidates[@]+"${candidates[@]}"}; do
    [[ $file == *.* && -f $file ]] || continue
    for ext in "${extensions[@]}"; do
        if [[ ${file##*.} == "${ext#.}" ]]; then
            files+=("$file")
            break
        fi
    done
done
shopt -u nocasematch

if [[ -n ${GITHUB_OUTPUT:-} ]]; then
    echo "files=${#files[@]}" >>"$GITHUB_OUTPUT"
fi

if ((${#files[@]} == 0)); then
    echo "sglint: no drafts changed; nothing to lint."
    if [[ -n ${SGLINT_SARIF:-} ]]; then
        empty=$(mktemp -d)
        "$sglint" check --format sarif "$empty" >"$SGLINT_SARIF"
        rmdir "$empty"
    fi
    exit 0
fi

echo "::group::sglint: ${#files[@]} draft(s) to lint"
printf '%s\n' "${files[@]}"
echo "::endgroup::"

status=0
annotations=$(mktemp)
"$sglint" check --format github "${options[@]}" -- "${files[@]}" >"$annotations" || status=$?
# GitHub shows only 10 annotations of each level per step and drops the rest silently:
# say so first, so that this note is never the one dropped.
counts=()
for level in error warning notice; do
    counts+=("$(grep -c "^::$level " "$annotations" || true)")
done
if ((counts[0] > 10 || counts[1] > 10 || counts[2] > 10)); then
    echo "::notice title=sglint::${counts[0]} errors, ${counts[1]} warnings and" \
        "${counts[2]} suggestions; GitHub shows 10 of each here. The job summary lists all."
fi
cat "$annotations"
rm -f "$annotations"
if [[ -n ${SGLINT_SARIF:-} ]]; then
    "$sglint" check --format sarif "${options[@]}" -- "${files[@]}" >"$SGLINT_SARIF" || true
fi
if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
    {
        echo "### sglint"
        echo '```'
        "$sglint" check --format text --color never "${options[@]}" -- "${files[@]}" || true
        echo '```'
    } >>"$GITHUB_STEP_SUMMARY"
fi
exit "$status"
