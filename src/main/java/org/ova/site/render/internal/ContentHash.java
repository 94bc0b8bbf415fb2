package org.ova.site.render.internal;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An MD5 digest of a tree of values (records, collections, optionals, strings, numbers), walked
 * component by component, so that it changes whenever any value in the tree does. Walking the records
 * is much cheaper than hashing the {@code toString()} of a whole library. A fingerprint that detects
 * changes, not a defence against forgery (hence MD5, the quickest of the JDK's digests here). Values of other
 * types count by their {@code toString()}. Each value is tagged by its kind and length, so
 * {@code ["ab", "c"]} and {@code ["a", "bc"]} differ. Small values are gathered in a buffer and
 * handed to the digest in blocks.
 */
public final class ContentHash {

    /** Never updated, only cloned: looking MD5 up among the security providers costs more than a small hash. */
    private static final MessageDigest MD5;

    static {
        try {
            MD5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    private final MessageDigest digest;
    private final ByteBuffer pending = ByteBuffer.allocate(1024);

    public ContentHash() {
        try {
            digest = (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 can be cloned", e);
        }
    }

    /** Adds {@code value} and everything it holds. */
    public ContentHash add(Object value) {
        if (value == null) {
            word(0);
        } else if (value instanceof String text) {
            word(1);
            text(text);
        } else if (value instanceof Double || value instanceof Float) {
            word(2);
            word(Double.doubleToLongBits(((Number) value).doubleValue()));
        } else if (value instanceof Number number) {
            word(3);
            word(number.longValue());
        } else if (value instanceof Boolean bool) {
            word(bool ? 4 : 5);
        } else if (value instanceof Enum<?> constant) {
            word(6);
            text(constant.name());
        } else if (value instanceof Optional<?> optional) {
            word(7);
            add(optional.orElse(null));
        } else if (value instanceof OptionalInt optional) {
            word(13);
            word(optional.isPresent() ? optional.getAsInt() : Long.MIN_VALUE);
        } else if (value instanceof OptionalLong optional) {
            word(8);
            word(optional.isPresent() ? optional.getAsLong() : Long.MIN_VALUE);
        } else if (value instanceof OptionalDouble optional) {
            word(14);
            word(optional.isPresent() ? Double.doubleToLongBits(optional.getAsDouble()) : Long.MIN_VALUE);
        } else if (value instanceof Collection<?> items) {
            word(9);
            word(items.size());
            items.forEach(this::add);
        } else if (value instanceof Map<?, ?> map) {
            word(10);
            word(map.size());
            map.forEach((key, item) -> add(key).add(item));
        } else if (value instanceof Record record) {
            record(record);
        } else {
            word(11);
            text(value.getClass().getName());
            text(value.toString());
        }
        return this;
    }

    /** Adds raw bytes (a file's content). */
    public ContentHash bytes(byte[] content) {
        word(15);
        word(content.length);
        flush();
        digest.update(content);
        return this;
    }

    /** Adds the {@link #digest} of another hash, as one value (parts may be hashed on several threads). */
    public ContentHash addDigest(byte[] digest) {
        word(16);
        return bytes(digest);
    }

    /** The hash as 32 hex digits; ends this hash. */
    public String hex() {
        return HexFormat.of().formatHex(digest());
    }

    /** The hash's bytes; ends this hash. */
    public byte[] digest() {
        flush();
        return digest.digest();
    }

    private void record(Record record) {
        word(12);
        text(record.getClass().getName());
        for (Method accessor : RecordAccessors.of(record.getClass()).inOrder()) {
            try {
                add(accessor.invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(
                        "cannot read a component of " + record.getClass().getName(), e);
            }
        }
    }

    private void text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        word(bytes.length);
        if (bytes.length > pending.remaining()) {
            flush();
            digest.update(bytes);
        } else {
            pending.put(bytes);
        }
    }

    private void word(long value) {
        if (pending.remaining() < Long.BYTES) {
            flush();
        }
        pending.putLong(value);
    }

    private void flush() {
        digest.update(pending.array(), 0, pending.position());
        pending.clear();
    }
}
