package org.ova.site.publish;

/** A publish that cannot start (a folder it must not write to, a subset naming nothing); nothing was written. */
public final class PublishException extends RuntimeException {

    public PublishException(String message) {
        super(message);
    }
}
