package checkimage.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * The pretty layout of check-image's JSON (the {@code --output json} document): two-space indentation, one member
 * or element per line, {@code "key": value}, and {@code {}} / {@code []} when empty. Jackson's
 * {@code DefaultPrettyPrinter} writes {@code "key" : value} and {@code [ ]}, which would change the report's bytes.
 */
final class Layout implements PrettyPrinter {

    private int depth;

    @Override
    public void writeRootValueSeparator(JsonGenerator generator) {
        // one value per document
    }

    @Override
    public void writeStartObject(JsonGenerator generator) throws IOException {
        generator.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator generator) throws IOException {
        newline(generator);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw(',');
        newline(generator);
    }

    @Override
    public void writeEndObject(JsonGenerator generator, int entries) throws IOException {
        close(generator, entries, '}');
    }

    @Override
    public void writeStartArray(JsonGenerator generator) throws IOException {
        generator.writeRaw('[');
        depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator generator) throws IOException {
        newline(generator);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw(',');
        newline(generator);
    }

    @Override
    public void writeEndArray(JsonGenerator generator, int values) throws IOException {
        close(generator, values, ']');
    }

    private void close(JsonGenerator generator, int count, char bracket) throws IOException {
        depth--;
        if (count > 0) {
            newline(generator);
        }
        generator.writeRaw(bracket);
    }

    private void newline(JsonGenerator generator) throws IOException {
        generator.writeRaw('\n');
        generator.writeRaw("  ".repeat(depth));
    }
}
