/**
 * A policy as immutable records, and its evaluation: {@link checkimage.policy.Policy} with its
 * {@link checkimage.policy.RegistryRule}s, {@link checkimage.policy.CredentialSpec}s, allow/deny/block
 * {@link checkimage.policy.Rule}s over {@link checkimage.policy.ReferenceGlob}s, {@link checkimage.policy.TagRules},
 * {@link checkimage.policy.Limits}; and the {@link checkimage.policy.PolicyEvaluator} whose
 * {@link checkimage.policy.Verdict} is separate from the engine's outcomes. No Groovy here: the DSL in
 * {@code checkimage.dsl} builds these records. Uses {@code checkimage.reference} and {@code checkimage.credentials}.
 */
package checkimage.policy;
