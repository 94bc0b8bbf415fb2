package org.ova.media.pipeline;

import java.util.Map;

/** How log lines name what a step makes ("VTTs generated for video …"). */
final class StepNames {

    private static final Map<String, String> NOUNS = Map.of(
            "thumbnail", "Thumbnail",
            "sprites", "VTTs",
            "preview", "Preview",
            "chapters", "Chapter track",
            "webproxy", "Web-playable copy");

    private StepNames() {
    }

    /** "VTTs", "Preview", …: capitalised, for the start of a sentence. */
    static String noun(ProcessingStep step) {
        return NOUNS.getOrDefault(step.name(), step.name());
    }

    /** "VTTs", "preview", …: for the middle of a sentence. */
    static String lowerNoun(ProcessingStep step) {
        String noun = noun(step);
        return noun.equals("VTTs") ? noun : Character.toLowerCase(noun.charAt(0)) + noun.substring(1);
    }
}
