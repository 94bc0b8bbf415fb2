package org.ova.repo.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TitleFromFileNameTest {

    @Test
    void turnsSeparatorsIntoSpacesAndCapitalises() {
        assertEquals("My holiday video 2019", TitleFromFileName.of("my_holiday-video.2019.mp4"));
    }

    @Test
    void usesOnlyTheFileNameOfAPath() {
        assertEquals("Beach", TitleFromFileName.of("trips/2019/beach.mp4"));
    }

    @Test
    void collapsesRunsOfSeparatorsAndSpaces() {
        assertEquals("A b c", TitleFromFileName.of("__a  --b.._c__.mkv"));
    }

    @Test
    void keepsDashesAndDotsBetweenDigits() {
        assertEquals("Party 2019-05-01 take 1.5", TitleFromFileName.of("party_2019-05-01_take_1.5.mp4"));
    }

    @Test
    void keepsSpacedDashes() {
        assertEquals("Lecture 3 - Graphs", TitleFromFileName.of("Lecture 3 - Graphs.webm"));
    }

    @Test
    void keepsUnicode() {
        assertEquals("Été à la plage 日本", TitleFromFileName.of("été_à_la_plage_日本.mp4"));
        assertEquals("Ärger", TitleFromFileName.of("ärger.mov"));
    }

    @Test
    void keepsALeadingNonLetter() {
        assertEquals("2019 summer", TitleFromFileName.of("2019_summer.mp4"));
    }

    @Test
    void keepsANameWithoutExtension() {
        assertEquals("Clip", TitleFromFileName.of("clip"));
    }

    @Test
    void fallsBackToTheFileNameWhenNothingIsLeft() {
        assertEquals("___.mp4", TitleFromFileName.of("___.mp4"));
        assertEquals("-.mp4", TitleFromFileName.of("dir/-.mp4"));
    }

    @Test
    void treatsAHiddenFileNameAsAllName() {
        assertEquals("Hidden", TitleFromFileName.of(".hidden"));
    }
}
