/**
 * The renderer's speed machinery, used by {@code org.ova.site}: where pages are rendered into,
 * escaping and JSON that keep pages ASCII, record attribute lookup, content hashing, the file write
 * queue and per-thread reuse of buffers. Please don't depend on the APIs implemented here as the
 * contents may change without notice; templates and themes never see any of it. Measured figures
 * for these choices are in {@code bench/README.md}.
 */
package org.ova.site.render.internal;
