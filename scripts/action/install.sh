#!/usr/bin/env bash
# sglint's GitHub Action, step 1 (action.yml): install sglint into its own virtual
# environment and put its bin folder on the job's PATH.
#
#   SGLINT_INSTALL      what pip installs; default: the action's own copy, so the sglint
#                       that runs is the one at the action's ref
#   GITHUB_ACTION_PATH  the action's folder; RUNNER_TEMP, GITHUB_PATH as set by the runner
set -euo pipefail

venv="${RUNNER_TEMP:?}/sglint-venv"
python=$(command -v python3 || command -v python)
"$python" -m venv "$venv"
bin="$venv/bin"
[[ -d $bin ]] || bin="$venv/Scripts" # Windows runners
"$bin/python" -m pip install --quiet --disable-pip-version-check \
    "${SGLINT_INSTALL:-${GITHUB_ACTION_PATH:?}}"
echo "$bin" >>"${GITHUB_PATH:?}"
"$bin/sglint" --version
