// The smallest useful policy: official Docker Hub images and our own, never a floating :latest.
//   jshell> checkimage.dsl.Policies.load("scripts/policies/minimal.groovy").evaluate(ImageReference.parse("ubuntu"))
// A policy is Groovy code: review it like a build script.

allow 'docker.io/library/*', 'ghcr.io/acme/**'
tags { forbid 'latest' }
