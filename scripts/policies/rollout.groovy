// Rolling out rules on the images themselves: warn first, deny once teams have caught up, waive what cannot yet.
//   check-image --policy scripts/policies/rollout.groovy -o json ghcr.io/acme/app:1.4 > report.json
//   (warnings[] in the report; --fail-on-warning makes them fail a stage that is ready for it)
// A policy is Groovy code: review it like a build script.

allow 'docker.io/library/*', 'ghcr.io/acme/**', 'registry.k8s.io/**'
deprecated 'k8s.gcr.io', use: 'registry.k8s.io'

// Stage 3 (enforced): everyone has rebuilt within half a year and says where the source is.
image {
    maxAge '180d'
    maxSize '2GiB'
    requireLabel 'org.opencontainers.image.source'
}

// Our own images, stricter: pinned, recent, not root, on an approved base.
match('ghcr.io/acme/**') {
    tags { requireDigest true }
    image {
        maxAge '30d'
        forbidRootUser()
        baseImage 'docker.io/library/*', 'gcr.io/distroless/**'
    }
}

// Stage 1 (announced): reported on every run, never failing it.
warn {
    tags { forbid 'latest' }
    image {
        requireLabel 'org.opencontainers.image.licenses'
        label 'org.opencontainers.image.vendor', 'ACME*'
    }
}

// Dated exceptions: until the day, the enforced rules only warn for these images; after it, they deny again
// and the report says the waiver expired.
waive 'ghcr.io/acme/legacy-*', until: '2027-03-31', reason: 'OPS-1234: legacy billing moves to distroless'
waive 'docker.io/library/postgres', until: '2027-06-30', reason: 'OPS-1301: pinned major version, rebuilt upstream'
