package org.ova.repo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/**
 * Writes ova's machine-data JSON compactly, but with each entry of a top-level list
 * ({@code {"version":1,"entries":[…]}}) on its own line, so the file can be read and diffed.
 * Lists inside an entry stay on its line.
 */
public final class OneEntryPerLine extends MinimalPrettyPrinter {

    // root 0, the file's object 1, its lists 2
    private static final int ENTRY_LIST_DEPTH = 2;

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw(entryList(g) ? "[\n" : "[");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(entryList(g) ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        g.writeRaw(entryList(g) ? "\n]" : "]");
    }

    private static boolean entryList(JsonGenerator g) {
        return g.getOutputContext().getNestingDepth() == ENTRY_LIST_DEPTH;
    }
}
