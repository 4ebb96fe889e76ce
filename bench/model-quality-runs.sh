#!/usr/bin/env bash
# The runs behind bench-results/model-quality*.json (docs/benchmarks.md, "Model quality vs
# scikit-learn baselines"). Needs Debian's python3-sklearn and python3-pandas (benchmark only).
# Usage: bench/model-quality-runs.sh [scratch dir, default /tmp/mq] [step: all (default),
# sample, generated, equal-frauds]; all: about 2 hours on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
S=${1:-/tmp/mq}
STEP=${2:-all}
PY=/usr/bin/python3
export MICROMODELS_JAVA_OPTS=${MICROMODELS_JAVA_OPTS:--Xmx10g}
mkdir -p "$S"

quality() { # warehouse, configs, export, min test frauds, result name
  bin/micromodels --warehouse "$1" bench quality --as-of 2025-10-07 --test-days 42 \
    --min-test-frauds "$4" --python "$PY" --export "$3" --configs "$2"
  cp bench-results/model-quality.json "$S/$5.json"
}

configs() { # folder, sed expression applied to every config
  mkdir -p "$1/clients"
  cp -r data-samples/assertions "$1/"
  cp data-samples/clients/*.yaml "$1/clients/"
  for i in $(seq 5 24); do
    c=$(printf client-%03d "$i")
    # a global micromodel must be declared alike by every client: the bundled email grid
    sed -e "s/CLIENT/$c/" jobs/src/main/resources/bench/standard-training.yaml \
      | "$PY" -c 'import sys; s = sys.stdin.read(); print(s.replace("    inputs: [email]\n    regularisation: {grid: [0.001, 0.01, 0.1, 1.0]}", "    inputs: [email]\n    regularisation: {grid: [0.01, 0.1, 1.0]}"), end="")' \
      > "$1/clients/$c.yaml"
  done
  sed -i "$2" "$1"/clients/*.yaml
}

step() { [ "$STEP" = all ] || [ "$STEP" = "$1" ]; }

# The sample warehouse, bundled configs (tabular) and the binned variant.
if step sample; then
bin/micromodels --warehouse "$S/sample-wh" ingest data-samples/events
mkdir -p "$S/sample-binned/clients"
cp -r data-samples/assertions "$S/sample-binned/"
for f in data-samples/clients/*.yaml; do
  sed 's/type: tabular/type: binned/' "$f" > "$S/sample-binned/clients/$(basename "$f")"
done
quality "$S/sample-wh" data-samples/clients "$S/export-sample" 5 model-quality
quality "$S/sample-wh" "$S/sample-binned/clients" "$S/export-sample-binned" 5 model-quality-binned
fi

# A generated warehouse of 24 clients: the bundled four plus the training template per client.
if step generated; then
bin/micromodels sample --clients 24 --customers 60000 --days 160 --start 2025-05-01 --seed 7 \
  --out "$S/generated"
bin/micromodels --warehouse "$S/gen-wh" ingest "$S/generated/events"
configs "$S/gen-tab" 's/^$//'
configs "$S/gen-bin" 's/type: tabular/type: binned/'
quality "$S/gen-wh" "$S/gen-tab/clients" "$S/export-gen-tab" 50 model-quality-generated
quality "$S/gen-wh" "$S/gen-bin/clients" "$S/export-gen-bin" 50 model-quality-generated-binned
for t in none standardise log1p; do
  configs "$S/gen-$t" "s/^    type: tabular\$/    type: tabular\n    params: {transform: $t}/"
  quality "$S/gen-wh" "$S/gen-$t/clients" "$S/export-gen-$t" 50 "model-quality-generated-$t"
done

# The baselines again on the generated exports with 20 test frauds as the threshold.
for v in tab bin; do
  "$PY" -c "import json,sys; d = json.load(open(sys.argv[1]))
for c in d['clients']: c['evaluated'] = c['test_frauds'] >= 20
json.dump(d, open(sys.argv[2], 'w'))" "$S/export-gen-$v/manifest.json" "$S/export-gen-$v/manifest20.json"
  "$PY" bench/quality_baselines.py --manifest "$S/export-gen-$v/manifest20.json" \
    --out "$S/min20-$v.json" > /dev/null
done
fi

# 24 clients sized so that each expects the same number of frauds (--client-sizes EQUAL_FRAUDS):
# every client reaches the issue's 50 test frauds.
if step equal-frauds; then
bin/micromodels sample --clients 24 --customers 460000 --days 160 --start 2025-05-01 --seed 11 \
  --client-sizes EQUAL_FRAUDS --out "$S/equal"
bin/micromodels --warehouse "$S/equal-wh" ingest "$S/equal/events"
configs "$S/gen-tab" 's/^$//'
quality "$S/equal-wh" "$S/gen-tab/clients" "$S/export-equal-tab" 50 model-quality-equal-frauds
fi
echo "results in $S/*.json"
