package org.ova.site.render.internal;

import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.Node;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.lang.reflect.Field;
import java.util.ListIterator;

/**
 * Makes a template's own text ASCII once, when it is compiled, as {@link AsciiHtmlEscaping} does for
 * values: a theme writes {@code ·} or {@code →} as it likes, and pages get <code>&amp;#183;</code> or
 * <code>&amp;#8594;</code> (inside {@code <script>} a JavaScript escape, inside {@code <style>} a CSS
 * escape). Pages stay ASCII without theme authors knowing, at no cost per page. (Pages are UTF-8, so
 * text left as written would still show right; ASCII pages are only quicker to write, see
 * {@link AsciiHtmlEscaping}.)
 */
public final class AsciiTemplateText extends AbstractNodeVisitor {

    /** For {@code Extension.getNodeVisitors()}. */
    public static final NodeVisitorFactory FACTORY = template -> new AsciiTemplateText((PebbleTemplateImpl) template);

    /** The raw-text element the template's text so far has left open: {@code script}, {@code style} or none. */
    private String open = "";

    private AsciiTemplateText(PebbleTemplateImpl template) {
        super(template);
    }

    @Override
    public void visit(BodyNode body) {
        // Pebble's parser keeps a body's nodes in a list it owns; a text node is replaced by its ASCII form
        for (ListIterator<RenderableNode> nodes = body.getChildren().listIterator(); nodes.hasNext(); ) {
            RenderableNode node = nodes.next();
            if (node instanceof TextNode text) {
                String original = new String(text.getData());
                String ascii = ascii(original);
                if (!ascii.equals(original)) {
                    nodes.set(new TextNode(ascii, text.getLineNumber()));
                }
            } else {
                node.accept(this);
            }
        }
    }

    /**
     * A node Pebble's visitor does not look into, like the {@code cache} tag's, which keeps its body to
     * itself: its body is reached through its fields. Should that fail, the text stays as written, which
     * is still right (pages are UTF-8), only slower to write.
     */
    @Override
    public void visit(Node node) {
        for (Field field : node.getClass().getDeclaredFields()) {
            if (BodyNode.class.isAssignableFrom(field.getType())) {
                try {
                    field.setAccessible(true);
                    ((BodyNode) field.get(node)).accept(this);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // left as written
                }
            }
        }
    }

    /** {@code text} with every character outside ASCII escaped for where it stands. */
    String ascii(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                open = opened(text, i, open);
            }
            if (c < 0x80) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            int codePoint = text.codePointAt(i);
            switch (open) {
                case "script" -> out.append(String.format("\\u%04x", (int) c));
                case "style" ->
                    out.append('\\').append(Integer.toHexString(codePoint)).append(' ');
                default -> out.append("&#").append(codePoint).append(';');
            }
            if (!open.equals("script")) {
                // a JavaScript escape is per UTF-16 unit, so a surrogate pair takes two; the others take the code point
                i += Character.charCount(codePoint) - 1;
            }
        }
        return out == null ? text : out.toString();
    }

    /** The element open after the tag starting at {@code at}: a {@code <script>} or {@code <style>} opens or closes. */
    private static String opened(String text, int at, String open) {
        for (String element : new String[] {"script", "style"}) {
            if (text.regionMatches(true, at + 1, element, 0, element.length())) {
                return element;
            }
            if (text.regionMatches(true, at + 1, "/" + element, 0, element.length() + 1)) {
                return "";
            }
        }
        return open;
    }
}
