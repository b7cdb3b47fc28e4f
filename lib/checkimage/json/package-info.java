/**
 * JSON for the rest of check-image, on jackson-core's streaming parser and generator; see
 * {@link checkimage.json.Json}. The only package that imports {@code com.fasterxml.jackson} (LayeringSpec); it
 * imports nothing else from {@code checkimage}.
 *
 * <p>Why jackson-core and not jackson-jr's binding to records: the readers of token responses, registry error
 * bodies, manifests and credential files are lenient member by member on purpose (a {@code token} that is a
 * number is absent, an {@code expires_in} that is text means 60 s, a malformed entry of {@code errors} is skipped
 * and the rest kept, a credential file's wrong member is named by its key path), which a record binding turns
 * into one failure for the whole document. So this package gives them the parsed tree and each builds its own
 * typed records from it ({@code Token}, {@code RegistryError}, {@code Platform}, {@code AuthFile}).
 *
 * <p>Start-up, measured with {@code scripts/bench}'s plain-java contender (AppCDS archive of each jar, 16
 * interleaved rounds, medians of paired differences) against the hand-written reader and writer it replaced:
 * see CHANGELOG.md (issue 10) for the numbers; jackson-core adds about 80 classes (all from the class-data
 * archive) and about 15-20 ms of CPU at 1 image, none measurable at 200.
 */
package checkimage.json;
