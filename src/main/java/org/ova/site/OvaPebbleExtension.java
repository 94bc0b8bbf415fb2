package org.ova.site;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every filter and function ova's templates use, in one place:
 * <ul>
 *   <li>{@code url(target)}: a site-relative address as seen from the current page</li>
 *   <li>{@code card(video, url)}: {@code partials/card.peb} for one video, linking to {@code url}; each
 *       card is rendered once per build and page depth (a video appears on many list pages)</li>
 *   <li>{@code x | duration}: seconds as a clock, {@code 1:05}</li>
 *   <li>{@code x | stars}: a rating as {@code ★★★★☆}</li>
 *   <li>{@code x | seconds}: seconds for attributes, {@code 2} or {@code 1.5}</li>
 *   <li>{@code x | json}: JSON safe inside a {@code <script>} element, unescaped</li>
 * </ul>
 */
final class OvaPebbleExtension extends AbstractExtension {

    static final String CARD_TEMPLATE = "partials/card.peb";

    private final java.util.function.BiFunction<String, Map<String, Object>, String> renderer;
    private final Map<String, SafeString> cards = new ConcurrentHashMap<>();

    /**
     * @param renderer  renders a template with variables (the engine this extension belongs to)
     */
    OvaPebbleExtension(java.util.function.BiFunction<String, Map<String, Object>, String> renderer) {
        this.renderer = renderer;
    }

    /** Forgets rendered cards: their videos may have changed since. */
    void clearCaches() {
        cards.clear();
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(
                "duration", (SimpleFilter) input -> Formats.duration(number(input)),
                // as character references: a page of Latin-1 text stays a compact string all the way to its bytes
                "stars", (SimpleFilter) input -> new SafeString(Formats.stars((int) number(input))
                        .replace("\u2605", "&#9733;").replace("\u2606", "&#9734;")),
                "seconds", (SimpleFilter) input -> Formats.seconds(number(input)),
                "json", (SimpleFilter) input -> new SafeString(ScriptJson.write(input)));
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "url", new OneArgument("target", (target, context) -> {
                    PageMeta page = (PageMeta) context.getVariable("page");
                    return SiteUrls.fromPage(page.root(), String.valueOf(target));
                }),
                "card", new Card());
    }

    private static double number(Object input) {
        return input instanceof Number number ? number.doubleValue() : 0;
    }

    /** {@code card(video, url)}, cached by page depth, address and video. */
    private final class Card implements Function {

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int lineNumber) {
            PageMeta page = (PageMeta) context.getVariable("page");
            VideoView video = (VideoView) args.get("video");
            String url = String.valueOf(args.get("url"));
            String key = page.root() + "\u0000" + url + "\u0000" + video.id();
            SafeString card = cards.get(key);
            if (card == null) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("page", page);
                variables.put("video", video);
                variables.put("cardUrl", url);
                card = new SafeString(renderer.apply(CARD_TEMPLATE, variables));
                cards.put(key, card);
            }
            return card;
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of("video", "url");
        }
    }

    /** A filter without arguments. */
    private interface SimpleFilter extends Filter {

        Object apply(Object input);

        @Override
        default Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int lineNumber) {
            return apply(input);
        }

        @Override
        default List<String> getArgumentNames() {
            return null;
        }
    }

    /** A function of one argument that may read the page's variables. */
    private record OneArgument(String name, java.util.function.BiFunction<Object, EvaluationContext, Object> body)
            implements Function {

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int lineNumber) {
            return body.apply(args.get(name), context);
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of(name);
        }
    }
}
