package org.ova.repo.yaml;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Checks the events of a YAML parser as the composer takes them: no value longer than
 * {@link YamlLimits#MAX_TEXT_CHARS}, and no more than {@link YamlLimits#MAX_EXPANDED_CHARS} of
 * text once aliases are expanded (a file of a few anchors used many times, each alias of a
 * collection of aliases, stands for gigabytes while the parsed tree stays small, until the site
 * writes every copy out). The size of each anchored value is summed as its events pass, so the
 * check costs a counter per event and never expands anything.
 */
final class SizeLimitingParser implements Parser {

    private final Parser parser;
    private final Path file;
    private final Map<String, Long> anchoredSizes = new HashMap<>();
    /** The text size so far of each open collection, innermost first, with its anchor. */
    private final Deque<Open> open = new ArrayDeque<>();

    private long expanded;

    private static final class Open {
        final String anchor;
        long size;

        Open(String anchor) {
            this.anchor = anchor;
        }
    }

    SizeLimitingParser(Parser parser, Path file) {
        this.parser = parser;
        this.file = file;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = parser.getEvent();
        if (event instanceof ScalarEvent scalar) {
            int length = scalar.getValue().length();
            if (length > YamlLimits.MAX_TEXT_CHARS) {
                throw problem(
                        event.getStartMark(),
                        "this value has " + length + " characters, more than the limit of "
                                + YamlLimits.size(YamlLimits.MAX_TEXT_CHARS) + " per value: shorten it");
            }
            remember(scalar.getAnchor(), length);
            add(length, event);
        } else if (event instanceof CollectionStartEvent start) {
            open.push(new Open(start.getAnchor()));
        } else if (event instanceof CollectionEndEvent) {
            Open closed = open.pop();
            remember(closed.anchor, closed.size);
            if (!open.isEmpty()) {
                open.peek().size = saturatedSum(open.peek().size, closed.size);
            }
        } else if (event instanceof AliasEvent alias) {
            add(anchoredSizes.getOrDefault(alias.getAnchor(), 0L), event);
        }
        return event;
    }

    private void remember(String anchor, long size) {
        if (anchor != null) {
            anchoredSizes.put(anchor, size);
        }
    }

    private void add(long size, Event event) {
        if (!open.isEmpty()) {
            open.peek().size = saturatedSum(open.peek().size, size);
        }
        expanded = saturatedSum(expanded, size);
        if (expanded > YamlLimits.MAX_EXPANDED_CHARS) {
            throw problem(
                    event.getStartMark(),
                    "with its aliases (*name) expanded, the file holds more than "
                            + YamlLimits.size(YamlLimits.MAX_EXPANDED_CHARS)
                            + " of text, the limit; write the values out"
                            + " or use fewer aliases");
        }
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private YamlProblem problem(Mark mark, String reason) {
        return mark == null
                ? new YamlProblem(file, 1, 1, reason)
                : new YamlProblem(file, mark.getLine() + 1, mark.getColumn() + 1, reason);
    }
}
