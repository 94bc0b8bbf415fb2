package org.ova.site.render.internal;

import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import java.io.Writer;

/**
 * Where Pebble renders pages: an unsynchronized builder, cleared and reused for the next page, so it
 * soon has room for any page. Pebble's usual target, a {@link java.io.StringWriter}, starts small,
 * grows by copying and locks on every write; a fresh large builder per page costs its allocation
 * (figures in {@code bench/README.md}).
 */
public final class PageWriter extends Writer implements SpecializedWriter {

    private final StringBuilder text;

    public PageWriter(int capacity) {
        text = new StringBuilder(capacity);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string) {
        text.append(string);
    }

    @Override
    public void write(String string, int offset, int length) {
        // append(CharSequence, int, int) copies character by character on Java 17; a String is copied at once
        text.append(offset == 0 && length == string.length() ? string : string.substring(offset, offset + length));
    }

    @Override
    public void writeSpecialized(int value) {
        text.append(value);
    }

    @Override
    public void writeSpecialized(long value) {
        text.append(value);
    }

    @Override
    public void writeSpecialized(double value) {
        text.append(value);
    }

    @Override
    public void writeSpecialized(float value) {
        text.append(value);
    }

    @Override
    public void writeSpecialized(short value) {
        text.append(value);
    }

    @Override
    public void writeSpecialized(byte value) {
        text.append(value);
    }

    @Override
    public void writeSpecialized(char value) {
        text.append(value);
    }

    @Override
    public void writeSpecialized(String value) {
        text.append(value);
    }

    /** How many characters fit before the text must grow. */
    public int capacity() {
        return text.capacity();
    }

    /** Empties the text, keeping its room. */
    public void clear() {
        text.setLength(0);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return text.toString();
    }
}
