#!/usr/bin/env bash
# Packs the project as npm would publish it, installs the tarball globally into a temporary prefix,
# and runs the installed program from another directory: what a user of the package gets.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
npm install --global --prefix "$work/prefix" --no-audit --no-fund "$work/$tarball" > "$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
tar -tzf "$work/$tarball" > "$work/contents"
for shipped in dist/bundle.cjs dist/bundle.cache dist/bundle.fees.cache dist/bundle.check.cache dist/bundle.subjects.cache dist/bundle.plan.cache bin/package.json; do
  grep -qx "package/$shipped" "$work/contents" || { echo "check-package: the tarball has no $shipped" >&2; exit 1; }
done
bin="$work/prefix/bin/study-planner"
package="$work/prefix/lib/node_modules/study-planner"
# The installed program must start from the bundle with the code cache V8 accepts (built by this
# Node.js in prepack), and must write nothing into its own package, which may be read-only.
node -e "const b = require(process.argv[1]); process.exit(b.bundleIsCurrent() ? 0 : 1)" "$package/bin/study-planner" \
  || { echo "check-package: the installed program would not run from its bundle (dist/bundle.cjs older than dist/)" >&2; exit 1; }
node -e "const b = require(process.argv[1]); for (const c of b.caches()) if (b.compileBundle(require('fs').readFileSync(c)).cachedDataRejected !== false) { console.error(c); process.exit(1); }" "$package/bin/study-planner" \
  || { echo "check-package: V8 rejects an installed code cache (above)" >&2; exit 1; }
touch "$work/before-runs"
mkdir "$work/elsewhere"
cd "$work/elsewhere"
export STUDY_PLANNER_STORE_DIR="$work/store"
fail() { echo "check-package: $1" >&2; exit 1; }
[ "$("$bin" --version)" = "$(node -p "require('$OLDPWD/package.json').version")" ] || fail "--version differs from package.json"
"$bin" fees --residency local --json | grep -q '"chargedCredits":30' || fail "fees --json gave the wrong figures"
examples="$package/examples"
"$bin" check "$examples/dissertation.json" > /dev/null || fail "the shipped example does not check as valid"
"$bin" plan --residency local --mode part-time --core epidemiology LGT5037 --elective "Big Data Computing" "Health Care Ethics" \
  --route dissertation --name packaged --out starter.json > /dev/null 2>&1 || fail "plan from the package failed"
"$bin" check starter.json > /dev/null || fail "the plan written by the package does not check"
written="$(find "$package" -newer "$work/before-runs" | head -n 3)"
[ -z "$written" ] || fail "running the program wrote into its package: $written"
echo "check-package: $tarball installs and runs from another directory ($(wc -l < "$work/contents") files)"
