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
#   SGLINT_SARIF       if set, also write a SARIF report there: always a valid one (an
#                      empty run if no draft changed or sglint could not run), so the
#                      upload step never fails on it and code scanning sees the run
#   SGLINT             the sglint command (default: sglint on PATH)
#   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY  as set by the runner; used when present
# Exit status is sglint's: 0 clean, 1 findings at or above the fail level, 2 an error
# (a configuration or input error: one annotation each, and the same line in the log).
set -euo pipefail

sglint=${SGLINT:-sglint}
base=${SGLINT_BASE:-}
read -r -d '' -a pathspecs <<<"${SGLINT_PATHS:-.}" || true
read -r -d '' -a extensions <<<"${SGLINT_EXTENSIONS:-txt text md markdown html htm}" || true
read -r -d '' -a options <<<"${SGLINT_ARGS:-}" || true
# "${options[@]}" on an empty array is an error under `set -u` in bash before 4.4 (macOS).
options=(--force-exclude ${options[@]+"${options[@]}"})

# A valid SARIF log with one empty run: sglint on an empty folder.
empty_sarif() {
    local empty
    empty=$(mktemp -d)
    "$sglint" check --format sarif "$empty" >"$SGLINT_SARIF" || true
    rmdir "$empty"
}

# Whatever happens (a bad base, a bad configuration), leave a valid report behind.
ensure_sarif() {
    if [[ -n ${SGLINT_SARIF:-} && ! -s $SGLINT_SARIF ]]; then
        empty_sarif
    fi
}
trap ensure_sarif EXIT

# sglint's error lines ("sglint: error: path:line: message"), each as one annotation on
# the file and line it names (relative to the repository), or on none.
annotate_errors() {
    local line where file row message
    while IFS= read -r line; do
        [[ $line == "sglint: error: "* ]] || continue
        message=${line#sglint: error: }
        where=""
        if [[ $message =~ ^(.+):([0-9]+):\ (.*)$ ]]; then
            file=${BASH_REMATCH[1]#"$PWD/"}
            row=${BASH_REMATCH[2]}
            message=${BASH_REMATCH[3]}
            file=${file//%/%25}
            file=${file//,/%2C}
            file=${file//:/%3A}
            where=" file=$file,line=$row,"
        fi
        message=${message//%/%25}
        echo "::error${where:- }title=sglint::${message}"
    done
}

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
    # A symbolic link in a pull request may point anywhere on the runner (its secrets,
    # the checkout's .git/config): never lint one (SECURITY.md).
    if [[ -L $file ]]; then
        echo "sglint: ${file//[$'\r\n']/?} is a symbolic link; skipped"
        continue
    fi
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
        empty_sarif
    fi
    exit 0
fi

echo "::group::sglint: ${#files[@]} draft(s) to lint"
# One line per file, never starting with "::" and with no line break inside, so that a
# file name cannot pass for a workflow command.
for file in "${files[@]}"; do
    echo "draft: ${file//[$'\r\n']/?}"
done
echo "::endgroup::"

status=0
annotations=$(mktemp)
errors=$(mktemp)
"$sglint" check --format github "${options[@]}" -- "${files[@]}" >"$annotations" \
    2>"$errors" || status=$?
# Errors (a bad configuration, an unreadable file) once: in the log as sglint wrote
# them, and as annotations. The runs below for the other reports stay quiet about them.
cat "$errors" >&2
annotate_errors <"$errors"
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
    "$sglint" check --format sarif "${options[@]}" -- "${files[@]}" >"$SGLINT_SARIF" \
        2>/dev/null || true
fi
if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
    report=$(
        cat "$errors"
        "$sglint" check --format text --color never "${options[@]}" -- "${files[@]}" \
            2>/dev/null
    ) || true
    # A fence longer than any run of backticks in the report: a draft's own ``` cannot
    # close it and turn the rest of the summary into Markdown (links, images).
    fence='```'
    while [[ $report == *"$fence"* ]]; do fence+='`'; done
    printf '### sglint\n%s\n%s\n%s\n' "$fence" "$report" "$fence" >>"$GITHUB_STEP_SUMMARY"
fi
rm -f "$errors"
exit "$status"
