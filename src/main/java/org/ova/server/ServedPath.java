package org.ova.server;

import io.undertow.util.AttachmentKey;

/**
 * A request's path once {@link RequestPaths} accepted it, attached to the exchange for the handlers.
 *
 * @param relative relative to the library folder, no leading slash; {@code ""} for {@code /}
 */
record ServedPath(String relative) {

    static final AttachmentKey<ServedPath> KEY = AttachmentKey.create(ServedPath.class);
}
