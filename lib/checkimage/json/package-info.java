/**
 * A small, strict RFC 8259 JSON reader and writer over plain Java maps, lists and scalars; see
 * {@link checkimage.json.Json}. JDK only; imports nothing else from {@code checkimage}.
 */
package checkimage.json;
