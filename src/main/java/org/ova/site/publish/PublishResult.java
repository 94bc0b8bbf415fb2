package org.ova.site.publish;

import org.ova.site.SiteResult;

/**
 * What one publish did.
 *
 * @param videos the videos published
 * @param site   the pages written, kept and removed
 * @param files  the videos and media linked, copied, kept and removed
 */
public record PublishResult(int videos, SiteResult site, PublishedFiles.SyncResult files) {

    /** True when the folder already held exactly this publish. */
    public boolean unchanged() {
        return site.pagesWritten() == 0
                && site.filesDeleted() == 0
                && files.linked() == 0
                && files.copied() == 0
                && files.deleted() == 0;
    }
}
