package org.ova.site;

/** Rendering or writing the site failed; the message names the page, template or file and the fix. */
public final class SiteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SiteException(String message, Throwable cause) {
        super(message, cause);
    }

    public SiteException(String message) {
        super(message);
    }
}
