#!/usr/bin/env bash
# Refresh constraints.txt: resolve the newest releases that pyproject.toml allows, in a throw-away
# virtual environment, and pin exactly those. Run it when a dependency should move on, then run
# the whole suite (`.ci/run`) before committing the new file: the pins are what CI and the README's
# commands install, so a release upstream reaches the project only through this script.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q -e '.[test,dev,dask]'
{
    echo "# Exact versions for the README's commands and .ci/run (pip install -c constraints.txt)."
    echo "# pyproject.toml keeps loose lower bounds for users; refresh these with"
    echo "# scripts/refresh_constraints.sh ($(date -u +%F), Python $("$scratch/venv/bin/python" -c 'import platform; print(platform.python_version())'))."
    "$scratch/venv/bin/pip" freeze --exclude-editable
} > constraints.txt
echo "constraints.txt: $(grep -vc '^#' constraints.txt) packages pinned"
