package org.ova.site;

/** A tag as shown on a card or video page, with its page's site-relative address. */
public record TagLink(String name, String slug, String url) {}
