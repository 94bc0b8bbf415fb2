package org.ova.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The VR page's scene as vr.js sets it up, read from A-Frame and three.js in a real Chromium (not
 * from pixels): the sample's 360° clip is marked side-by-side stereo here, so the page gets one
 * sphere per eye, each showing its half of the frame on its own three.js layer, with the left eye's
 * layer taken off the main camera while in VR. Other layouts are checked on spheres added to the
 * same live scene. From {@code file://} the page explains itself and starts no scene.
 */
class VrPageBrowserTest extends SampleSiteSession {

    private static final String VR_METADATA = ".ova-repo/metadata/VR/Alpine lake_360.mp4.yaml";

    /**
     * Per mesh of a sphere entity: its layer mask, its arc, and the u/v range of the texture
     * coordinates its triangles use (three.js keeps a few unused pole vertices just outside 0…1).
     */
    private static final String MESHES = """
            const mesh = arguments[0].getObject3D('mesh');
            return mesh.children.map((m) => {
              const uv = m.geometry.attributes.uv;
              const index = m.geometry.index;
              let u0 = 1, u1 = 0, v0 = 1, v1 = 0;
              for (let k = 0; k < index.count; k++) {
                const i = index.getX(k);
                u0 = Math.min(u0, uv.getX(i)); u1 = Math.max(u1, uv.getX(i));
                v0 = Math.min(v0, uv.getY(i)); v1 = Math.max(v1, uv.getY(i));
              }
              const p = m.geometry.parameters;
              return { layers: m.layers.mask, u: [u0, u1], v: [v0, v1],
                       phiStart: p.phiStart, phiLength: p.phiLength,
                       video: m.material.map && m.material.map.image ? m.material.map.image.id : null };
            });""";

    /** The sample with its 360° clip marked side-by-side stereo. */
    @Override
    protected SampleSite buildSite() throws IOException {
        return SampleSite.build(library -> {
            Path metadata = library.resolve(VR_METADATA);
            String yaml = Files.readString(metadata);
            assertTrue(yaml.contains("stereo: mono"), "the sample's VR clip is mono: " + yaml);
            Files.writeString(metadata, yaml.replace("stereo: mono", "stereo: sbs"));
        });
    }

    /** The VR page of the sample's 360° clip, found through its card on the library page. */
    private String vrPage(String protocol) {
        browser.open(site.base(protocol) + "index.html");
        String href = (String) browser.js("return Array.from(document.querySelectorAll('a.card'))"
                + ".find((c) => c.querySelector('.title').textContent === 'Alpine lake (360°)').href");
        return href.replace("/video/", "/vr/");
    }

    /** Opens the http VR page and waits until A-Frame has started the scene and the sphere component. */
    private void openSceneOverHttp() {
        browser.open(vrPage("http"));
        browser.await(
                "the A-Frame scene to load",
                () -> Boolean.TRUE.equals(browser.js(
                        "const s = document.querySelector('a-scene'); return !!window.AFRAME && !!s && s.hasLoaded")));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> meshes(Object entity) {
        return (List<Map<String, Object>>) browser.js(MESHES, entity);
    }

    private static List<Double> range(Map<String, Object> mesh, String axis) {
        return ((List<?>) mesh.get(axis))
                .stream().map(n -> ((Number) n).doubleValue()).toList();
    }

    private boolean mainCameraSeesLayer(int layer) {
        return Boolean.TRUE.equals(
                browser.js("return document.querySelector('a-scene').camera.layers.isEnabled(arguments[0])", layer));
    }

    @Test
    void sideBySideClipGetsOneSpherePerEyeOnLayersOneAndTwo() {
        openSceneOverHttp();
        assertEquals(
                0L,
                browser.js("return document.querySelectorAll('a-videosphere').length"),
                "stereo clips do not use the mono <a-videosphere>");
        Object entity = browser.js("return document.querySelector('[data-vr-sphere]')");
        browser.await(
                "the ova-vr-sphere component",
                () -> Boolean.TRUE.equals(browser.js("return !!arguments[0].components['ova-vr-sphere']", entity)));
        assertEquals(
                Map.of("projection", "360", "stereo", "sbs", "src", "vr-video"),
                browser.js(
                        "const d = arguments[0].components['ova-vr-sphere'].data;"
                                + " return {projection: d.projection, stereo: d.stereo, src: d.src.id}",
                        entity));

        List<Map<String, Object>> meshes = meshes(entity);
        assertEquals(2, meshes.size(), "one sphere per eye: " + meshes);
        Map<String, Object> left = meshes.get(0);
        Map<String, Object> right = meshes.get(1);
        assertEquals(1L << 1, left.get("layers"), "the left eye's sphere is on layer 1 only");
        assertEquals(1L << 2, right.get("layers"), "the right eye's sphere is on layer 2 only");
        assertEquals(List.of(0.0, 0.5), range(left, "u"), "left eye: the left half of the frame");
        assertEquals(List.of(0.5, 1.0), range(right, "u"), "right eye: the right half of the frame");
        assertEquals(List.of(0.0, 1.0), range(left, "v"));
        assertEquals(List.of(0.0, 1.0), range(right, "v"));
        for (Map<String, Object> mesh : meshes) {
            assertEquals(2 * Math.PI, ((Number) mesh.get("phiLength")).doubleValue(), 1e-9, "360°: the whole sphere");
            assertEquals("vr-video", mesh.get("video"), "textured with the page's video");
        }
        assertEquals(
                true,
                browser.js("const v = document.getElementById('vr-video');"
                        + " return v.dataset.src !== '' && v.src === new URL(v.dataset.src, location.href).href"),
                "over http the video gets its source");
        assertNoConsoleErrors();
    }

    @Test
    void leftEyeLayerLeavesTheMainCameraOnlyWhileInVr() {
        openSceneOverHttp();
        browser.await(
                "the ova-vr-sphere component",
                () -> Boolean.TRUE.equals(
                        browser.js("return !!document.querySelector('[data-vr-sphere]').components['ova-vr-sphere']")));
        assertTrue(mainCameraSeesLayer(1), "the flat view shows the left eye");
        assertTrue(!mainCameraSeesLayer(2), "the flat view never shows the right eye");

        browser.js("document.querySelector('a-scene').emit('enter-vr')");
        assertTrue(!mainCameraSeesLayer(1), "in VR each eye camera adds its own layer, so layer 1 must go");
        browser.js("document.querySelector('a-scene').emit('exit-vr')");
        assertTrue(mainCameraSeesLayer(1), "back in the flat view the left eye shows again");
    }

    @Test
    void topBottomHalfSphereGivesTheLeftEyeTheTopHalf() {
        openSceneOverHttp();
        Object entity = addSphere("180", "tb");
        List<Map<String, Object>> meshes = meshes(entity);
        assertEquals(2, meshes.size(), "one half sphere per eye: " + meshes);
        Map<String, Object> left = meshes.get(0);
        Map<String, Object> right = meshes.get(1);
        assertEquals(1L << 1, left.get("layers"));
        assertEquals(1L << 2, right.get("layers"));
        assertEquals(List.of(0.5, 1.0), range(left, "v"), "left eye: the top half (v runs bottom 0 to top 1)");
        assertEquals(List.of(0.0, 0.5), range(right, "v"), "right eye: the bottom half");
        assertEquals(List.of(0.0, 1.0), range(left, "u"));
        for (Map<String, Object> mesh : meshes) {
            assertEquals(Math.PI / 2, ((Number) mesh.get("phiStart")).doubleValue(), 1e-9, "180° faces forward");
            assertEquals(Math.PI, ((Number) mesh.get("phiLength")).doubleValue(), 1e-9, "180°: half the sphere");
        }
        assertNoConsoleErrors();
    }

    @Test
    void monoSphereIsOneMeshOnTheDefaultLayer() {
        openSceneOverHttp();
        List<Map<String, Object>> meshes = meshes(addSphere("360", "mono"));
        assertEquals(1, meshes.size(), "one sphere for both eyes: " + meshes);
        assertEquals(1L, meshes.get(0).get("layers"), "layer 0, seen by every camera");
        assertEquals(List.of(0.0, 1.0), range(meshes.get(0), "u"), "the whole frame");
        assertEquals(List.of(0.0, 1.0), range(meshes.get(0), "v"));
        assertNoConsoleErrors();
    }

    @Test
    void theHintNamesTheButtonThatIsShown() {
        openSceneOverHttp();
        // headless desktop Chromium has no VR headset: A-Frame shows its full-screen arrows
        browser.await(
                "the hint",
                () -> String.valueOf(browser.js("return document.querySelector('.vr-hint').textContent"))
                        .contains("goes full screen"));
        assertEquals(Boolean.TRUE, browser.js("return !!document.querySelector('.a-enter-vr.fullscreen')"));
        assertNoConsoleErrors();
    }

    /** A sphere entity with the page's component, added to the live scene; returns it once built. */
    private Object addSphere(String projection, String stereo) {
        Object entity = browser.js("""
                const e = document.createElement('a-entity');
                e.setAttribute('ova-vr-sphere', {src: '#vr-video', projection: arguments[0], stereo: arguments[1]});
                document.querySelector('a-scene').appendChild(e);
                return e;""", projection, stereo);
        browser.await(
                "the added sphere to be built",
                () -> Boolean.TRUE.equals(browser.js("return !!arguments[0].getObject3D('mesh')", entity)));
        return entity;
    }

    @Test
    void filePageExplainsHowToServeItAndStartsNoScene() {
        browser.open(vrPage("file"));
        assertNull(
                browser.driver()
                        .findElement(By.cssSelector("[data-vr-file-note]"))
                        .getAttribute("hidden"),
                "the file:// note is shown");
        assertTrue(browser.driver()
                .findElement(By.cssSelector("[data-vr-file-note]"))
                .getText()
                .contains("ova serve"));
        browser.await(
                "the scene to be taken out",
                () -> Boolean.TRUE.equals(
                        browser.js("const box = document.querySelector('.vr-scene'); return !box || box.hidden")));
        assertEquals(0L, browser.js("return document.querySelectorAll('#vr-video').length"), "no video is loaded");
        assertEquals(true, browser.js("return document.querySelector('.vr-controls').hidden"));
        assertNoConsoleErrors();
    }

    @Test
    void withoutWebGlThePageSaysSoInsteadOfABlackScene() {
        String page = vrPage("http");
        // Headless Chromium here has a software WebGL; take it away for the pages opened in this test.
        Map<String, Object> script = browser.driver()
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of(
                                "source",
                                "const ovaGetContext = HTMLCanvasElement.prototype.getContext;"
                                        + " HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {"
                                        + "   return /webgl/.test(kind) ? null : ovaGetContext.call(this, kind, ...rest); };"));
        try {
            browser.open(page);
            browser.await(
                    "the no-WebGL note",
                    () -> Boolean.FALSE.equals(
                            browser.js("return document.querySelector('[data-vr-webgl-note]').hidden")));
            assertEquals(true, browser.js("return document.querySelector('[data-vr-file-note]').hidden"));
            assertEquals(true, browser.js("return document.querySelector('.vr-scene').hidden"));
            assertEquals(true, browser.js("return document.querySelector('.vr-controls').hidden"));
            assertEquals(0L, browser.js("return document.querySelectorAll('#vr-video').length"), "no video is loaded");
            assertTrue(
                    browser.driver()
                            .findElement(By.cssSelector("[data-vr-webgl-note] a"))
                            .getAttribute("href")
                            .contains("/video/"),
                    "the note links to the normal player");
            List<String> errors = browser.consoleErrors();
            assertTrue(
                    errors.stream().anyMatch(e -> e.contains("Error creating WebGL context")),
                    "A-Frame failed: " + errors);
            assertEquals(
                    List.of(),
                    errors.stream()
                            .filter(e -> !e.contains("/assets/vendor/aframe/"))
                            .toList(),
                    "the only errors are A-Frame's own, about the missing WebGL");
        } finally {
            browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", script);
        }
    }

    private void assertNoConsoleErrors() {
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }
}
