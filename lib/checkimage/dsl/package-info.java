/**
 * The Groovy policy DSL: {@link checkimage.dsl.PolicyScript}, the script base class; one small delegate per
 * block ({@link checkimage.dsl.TopLevelDelegate}, {@link checkimage.dsl.RegistryDelegate},
 * {@link checkimage.dsl.CredentialsDelegate}, {@link checkimage.dsl.TagsDelegate},
 * {@link checkimage.dsl.LimitsDelegate}) that builds immutable {@code checkimage.policy} records; the
 * {@link checkimage.dsl.PolicyLoader} and its {@link checkimage.dsl.Policies} facade; and
 * {@link checkimage.dsl.PolicyException}, with file and line. The only package that imports Groovy.
 */
package checkimage.dsl;
