package org.ova.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequestPathsTest {

    @Test
    void decodesOnceAsUtf8() {
        assertEquals("trips/café 1.mp4", RequestPaths.relative("/trips/caf%C3%A9%201.mp4"));
        assertEquals("", RequestPaths.relative("/"));
        assertEquals(".ova-repo/site/", RequestPaths.relative("/.ova-repo/site/"));
        assertEquals("100%.mp4", RequestPaths.relative("/100%25.mp4"));
    }

    @Test
    void refusesEveryFormOfEscape() {
        for (String raw : new String[] {
            "/../a",
            "/a/..",
            "/a/./b",
            "/%2e%2e/a",
            "/%2E%2e/a",
            "/a%2fb",
            "/a%2Fb",
            "/%252e%252e/a",
            "/a\\b",
            "/a%5cb",
            "//a",
            "/a//b",
            "/C:/a",
            "/a%00b",
            "/a%0Ab",
            "/%ff",
            "/a%2",
            "/a%zz",
            "a",
            "http://h/a"
        }) {
            HttpProblem problem = assertThrows(HttpProblem.class, () -> RequestPaths.relative(raw), raw);
            assertEquals(400, problem.status(), raw);
        }
    }
}
