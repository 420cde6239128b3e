#!/usr/bin/env bash
# Packs the project as npm would publish it, installs the tarball globally into a temporary prefix,
# and runs the installed program from another directory: what a user of the package gets.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
npm install --global --prefix "$work/prefix" --no-audit --no-fund "$work/$tarball" > "$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
bin="$work/prefix/bin/study-planner"
mkdir "$work/elsewhere"
cd "$work/elsewhere"
export STUDY_PLANNER_STORE_DIR="$work/store"
fail() { echo "check-package: $1" >&2; exit 1; }
[ "$("$bin" --version)" = "$(node -p "require('$OLDPWD/package.json').version")" ] || fail "--version differs from package.json"
"$bin" fees --residency local --json | grep -q '"chargedCredits":30' || fail "fees --json gave the wrong figures"
examples="$work/prefix/lib/node_modules/study-planner/examples"
"$bin" check "$examples/dissertation.json" > /dev/null || fail "the shipped example does not check as valid"
"$bin" plan --residency local --mode part-time --core epidemiology LGT5037 --elective "Big Data Computing" "Health Care Ethics" \
  --route dissertation --name packaged --out starter.json > /dev/null 2>&1 || fail "plan from the package failed"
"$bin" check starter.json > /dev/null || fail "the plan written by the package does not check"
echo "check-package: $tarball installs and runs from another directory ($(tar -tzf "$work/$tarball" | wc -l) files)"
