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
 * <p>Start-up (issue 10), {@code scripts/bench}'s plain-java contender ({@code java -jar} with each jar's own AppCDS
 * archive), the hand-written reader and writer (before) against jackson-core (after), interleaved rounds, medians
 * of the paired differences, on a shared 2-core machine at load average 25-35. user+sys CPU at 1 image: +20, +15
 * and +10 ms in three runs of 12-16 rounds; at 200 images: +20, -35 and -35 ms. Loaded classes: 3474 → 3554 at 1
 * image, 3508 → 3605 at 200 (all of jackson's from the archive). Wall times were 7 to 12 times the idle ones at
 * that load and their paired differences (+130 to +285 ms at 1 image, -1565 to +330 ms at 200) are contention,
 * not code; CPU time is the measure that holds, and it stays within the 20 ms budget, narrowly at 1 image.
 * The first parse in a fresh JVM is the cost: jackson's factory, parser and buffers, run by the interpreter.
 * If a quieter machine shows more than 20 ms of wall time at 1 image, the hand-written reader and writer are in
 * the history (the commit before "json: jackson-core streaming parser").
 */
package checkimage.json;
