package org.ova.site;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.ova.site.render.internal.AsciiTemplateText;
import org.ova.site.render.internal.RecordAttributes;
import org.ova.site.render.internal.ScriptJson;

/**
 * Every filter and function ova's templates use, in one place:
 * <ul>
 *   <li>{@code url(target)}: a site-relative address as seen from the current page</li>
 *   <li>{@code card(video, url)}: {@code partials/card.peb} for one video, linking to {@code url}; each
 *       card is rendered once per address, and again only when its video changes (a video appears on
 *       many list pages)</li>
 *   <li>{@code x | duration}: seconds as a clock, {@code 1:05}</li>
 *   <li>{@code x | stars}: a rating as {@code ★★★★☆}</li>
 *   <li>{@code x | seconds}: seconds for attributes, {@code 2} or {@code 1.5}</li>
 *   <li>{@code x | json}: JSON safe inside a {@code <script>} element, unescaped</li>
 * </ul>
 */
final class OvaPebbleExtension extends AbstractExtension {

    static final String CARD_TEMPLATE = "partials/card.peb";
    /** Stands for the page's root prefix in cached cards; a control character no page text contains. */
    static final String ROOT_MARK = "\u0001";

    private final BiFunction<String, Map<String, Object>, String> renderer;

    /**
     * Cards rendered with {@link #ROOT_MARK} for the root prefix, and those placed on a root, each with the
     * video it shows: kept from one render to the next, and used again while the video is the same object
     * (an edit's render reuses every other video's view, see {@link SiteModelUpdate}).
     */
    private final Map<CardKey, RenderedCard<String>> markedCards = new ConcurrentHashMap<>(16_384);

    private final Map<CardKey, RenderedCard<SafeString>> cards = new ConcurrentHashMap<>(32_768);

    /**
     * @param renderer  renders a template with variables (the engine this extension belongs to)
     */
    OvaPebbleExtension(BiFunction<String, Map<String, Object>, String> renderer) {
        this.renderer = renderer;
    }

    /** One rendered card and the video it shows. */
    private record RenderedCard<T>(VideoView video, T text) {}

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(
                "duration", (SimpleFilter) input -> Formats.duration(number(input)),
                "stars", (SimpleFilter) input -> Formats.stars((int) number(input)),
                "seconds", (SimpleFilter) input -> Formats.seconds(number(input)),
                "json", (SimpleFilter) input -> new SafeString(ScriptJson.writeAscii(input)));
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "url",
                        new OneArgument("target", (target, context) -> {
                            PageMeta page = (PageMeta) context.getVariable("page");
                            return SiteUrls.fromPage(page.root(), String.valueOf(target));
                        }),
                "card", new CardFunction());
    }

    @Override
    public List<NodeVisitorFactory> getNodeVisitors() {
        return List.of(AsciiTemplateText.FACTORY);
    }

    @Override
    public List<AttributeResolver> getAttributeResolver() {
        return List.of(new RecordAttributes());
    }

    private static double number(Object input) {
        return input instanceof Number number ? number.doubleValue() : 0;
    }

    /**
     * {@code card(video, url)}: rendered once per video and address, for pages at any depth. It is
     * rendered for a stand-in page whose root prefix is {@link #ROOT_MARK}; each page puts its own
     * prefix there (every relative link is the root prefix plus a site path, see {@link SiteUrls#fromPage}).
     */
    private final class CardFunction implements Function {

        private static final List<String> ARGUMENTS = List.of("video", "url");

        @Override
        @SuppressWarnings("ReferenceEquality") // a card is kept for the same view object, not an equal one
        public Object execute(
                Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            PageMeta page = (PageMeta) context.getVariable("page");
            VideoView video = (VideoView) args.get("video");
            String url = String.valueOf(args.get("url"));
            // pages share a handful of roots ("", "../"), so each card is placed once per root
            return cards.compute(new CardKey(url, video.id(), page.root()), (key, placed) -> {
                        if (placed != null && placed.video() == video) {
                            return placed;
                        }
                        String marked = markedCards
                                .compute(new CardKey(url, video.id(), ROOT_MARK), (unused, card) -> {
                                    if (card != null && card.video() == video) {
                                        return card;
                                    }
                                    Map<String, Object> variables = new HashMap<>();
                                    variables.put("page", page.withRoot(ROOT_MARK));
                                    variables.put("video", video);
                                    variables.put("cardUrl", url);
                                    return new RenderedCard<>(video, renderer.apply(CARD_TEMPLATE, variables));
                                })
                                .text();
                        return new RenderedCard<>(video, new SafeString(marked.replace(ROOT_MARK, page.root())));
                    })
                    .text();
        }

        @Override
        public List<String> getArgumentNames() {
            return ARGUMENTS;
        }
    }

    /** A card looks the same wherever its address, its video and the page's root prefix are the same. */
    private record CardKey(String url, String videoId, String root) {}

    /** A filter without arguments. */
    private interface SimpleFilter extends Filter {

        Object apply(Object input);

        @Override
        default Object apply(
                Object input,
                Map<String, Object> args,
                PebbleTemplate self,
                EvaluationContext context,
                int lineNumber) {
            return apply(input);
        }

        @Override
        default List<String> getArgumentNames() {
            return null;
        }
    }

    /** A function of one argument that may read the page's variables. */
    private record OneArgument(String name, BiFunction<Object, EvaluationContext, Object> body) implements Function {

        @Override
        public Object execute(
                Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            return body.apply(args.get(name), context);
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of(name);
        }
    }
}
