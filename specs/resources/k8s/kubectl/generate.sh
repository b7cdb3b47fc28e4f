#!/usr/bin/env bash
# Regenerates the kubectl outputs the manifest specs read (kubectl v1.32, kustomize v5.5). They are committed,
# so CI needs no kubectl; run this by hand after changing it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
k() { kubectl "$@" --dry-run=client; }
k create deployment web --image=nginx:1.27 --image=redis:7 -n shop -o yaml > deployment.yaml
k create deployment web --image=nginx:1.27 -o json > deployment.json
k create job migrate --image=ghcr.io/acme/migrate:v2 -o yaml > job.yaml
k create cronjob hello --image=busybox:1.36 --schedule='*/5 * * * *' -o yaml > cronjob.yaml
k create serviceaccount builder -n shop -o yaml > serviceaccount.yaml
# a throwaway password: the specs check that it never shows
k create secret docker-registry regcred -n shop --docker-server=registry.example.com \
  --docker-username=robot --docker-password=kubectl-spec-password-0451 -o yaml > secret.yaml
kubectl kustomize kustomize/overlay > kustomize-overlay.yaml
