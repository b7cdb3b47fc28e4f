// A company network: Docker Hub through a pull-through mirror, a private registry signed by the
// corporate CA, tokens from the environment, and a few rules. Relative paths resolve against this
// file's directory. A policy is Groovy code: review it like a build script.

registry('docker.io') {
    mirror 'https://mirror.corp.example:5000'
}
registry('registry.corp.example:5000') {
    caFile 'corp-ca.pem'                          // EXAMPLE CA next to this file; use your own
    credentials { helper 'corp-sso' }             // docker-credential-corp-sso
}
registry('ghcr.io') {
    credentials { env 'GHCR_USER', 'GHCR_TOKEN' } // read when the policy is loaded
}
registry('*.dkr.ecr.*.amazonaws.com') {
    credentials { helper 'ecr-login' }
}
credentials { dockerConfig(); podmanAuth() }      // default chain for every other registry

allow 'docker.io/library/*', 'registry.corp.example:5000/**', 'ghcr.io/acme/**', '*.dkr.ecr.*.amazonaws.com/**'
deny  'docker.io/library/alpine:3.1*'             // no Alpine 3.1 or 3.1x
block 'quay.io'

tags { forbid 'latest', '*-snapshot'; requireDigest false }
platforms 'linux/amd64'
onUnknown 'fail'                                  // a gate: unknown is not good enough
limits { concurrency 16; perRegistry 4; timeout '10s'; retries 3 }
