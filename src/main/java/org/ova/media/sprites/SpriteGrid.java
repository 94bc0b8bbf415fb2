package org.ova.media.sprites;

/**
 * How scrub thumbnails are tiled: {@code columns × rows} tiles of {@code tileWidth × tileHeight}
 * pixels per sheet, filled row by row, sheet after sheet.
 */
public record SpriteGrid(int columns, int rows, int tileWidth, int tileHeight) {

    public SpriteGrid {
        if (columns < 1 || rows < 1 || tileWidth < 2 || tileHeight < 2) {
            throw new IllegalArgumentException(
                    "bad sprite grid " + columns + "x" + rows + " of " + tileWidth + "x" + tileHeight);
        }
    }

    public int tilesPerSheet() {
        return columns * rows;
    }

    /** The sheet (from 0) that holds frame number {@code frame}. */
    public int sheetOf(int frame) {
        return frame / tilesPerSheet();
    }

    /** The {@code #xywh=} fragment of frame number {@code frame} within its sheet. */
    public String xywh(int frame) {
        int tile = frame % tilesPerSheet();
        int x = tile % columns * tileWidth;
        int y = tile / columns * tileHeight;
        return "#xywh=" + x + "," + y + "," + tileWidth + "," + tileHeight;
    }

    /**
     * The tile height that keeps the picture's shape at {@code tileWidth}, rounded to an even number
     * because encoders need even sizes.
     */
    public static int evenHeight(int tileWidth, int displayWidth, int displayHeight) {
        long height = Math.round((double) tileWidth * displayHeight / displayWidth / 2.0) * 2;
        return (int) Math.max(2, height);
    }
}
