// An OpenPAI cluster: which images jobs may use before they are scheduled. Best effort, like the
// runtime's image_checker.py: only a missing image or rejected credentials fail a job.
// A policy is Groovy code: review it like a build script.

registry('pai-registry.cluster.local:5000') {
    plainHttp()                                   // the cluster's own registry, inside the cluster network
}
registry('docker.io') {
    mirror 'http://pai-registry.cluster.local:5000'
}
credentials { dockerConfig() }

allow 'docker.io/openpai/**', 'docker.io/ufoym/deepo', 'docker.io/library/*', 'pai-registry.cluster.local:5000/**'
block 'quay.io', 'gcr.io'

platforms 'linux/amd64'
onUnknown 'pass'
limits { concurrency 8; perRegistry 4; timeout '30s'; retries 2 }
