#!/usr/bin/env sh
# Renders each overlay into rendered/<overlay>.yaml, the manifests exactly as
# `kubectl apply -k overlays/<overlay>` would send them. The renders are committed, so that a
# review shows what a change of the base or an overlay really does; the tests in
# deploy/local-stack (package io.reelay.deploy) read them, and check that they are what
# kustomize renders today.
#
#   deploy/k8s/render.sh          # needs kubectl (with its built-in kustomize) or kustomize
#   RENDERED_DIR=/tmp/x deploy/k8s/render.sh    # somewhere else (the test compares the two)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
if command -v kubectl >/dev/null 2>&1; then
  render() { kubectl kustomize "$1"; }
elif command -v kustomize >/dev/null 2>&1; then
  render() { kustomize build "$1"; }
else
  echo "render.sh needs kubectl or kustomize on the PATH" >&2
  exit 1
fi

target=${RENDERED_DIR:-$here/rendered}
mkdir -p "$target"
for overlay in "$here"/overlays/*/; do
  name=$(basename "$overlay")
  out="$target/$name.yaml"
  {
    echo "# Rendered by deploy/k8s/render.sh from deploy/k8s/overlays/$name: do not edit, change the overlay"
    echo "# or the base and run render.sh again."
    render "$overlay"
  } > "$out.tmp"
  mv "$out.tmp" "$out"
  echo "rendered $out" >&2
done
