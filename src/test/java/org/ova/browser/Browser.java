package org.ova.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through {@code /usr/bin/chromedriver} so Selenium never
 * downloads a driver. Without Chromium the browser tests are skipped loudly, except under CI
 * ({@code CI=true}), where a missing browser is a failure.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Dimension WINDOW = new Dimension(1280, 900);

    /** The Chromium of {@link #shared}, started by the first class that asks; quit when the JVM exits. */
    private static Browser shared;

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a fresh headless Chromium, or skips (fails under CI) when none is installed. */
    public static Browser start() {
        return start(List.of());
    }

    /**
     * The same with {@code switches} in place of the defaults of the same names (e.g.
     * {@code --autoplay-policy=user-gesture-required}, the policy of a browser with its default settings).
     */
    public static Browser start(List<String> switches) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install the Debian packages chromium and chromium-driver to run the browser tests";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            System.err.println("!!! SKIPPING BROWSER TESTS: " + message);
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory("ova-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            List<String> arguments = new ArrayList<>(List.of(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                    "--mute-audio",
                    "--autoplay-policy=no-user-gesture-required",
                    "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
                    "--user-data-dir=" + profile));
            for (String replacement : switches) {
                String name = replacement.split("=", 2)[0];
                arguments.removeIf(argument -> argument.split("=", 2)[0].equals(name));
                arguments.add(replacement);
            }
            options.addArguments(arguments);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one Chromium the browser test classes of this JVM share (each start costs seconds of the
     * two cores), handed to each class as a new browser would be: one fresh tab (the earlier class's
     * pages closed, so none of them keeps playing or reconnecting), no cookies, cache or storage of
     * any origin, the default window size and no console messages.
     */
    static synchronized Browser shared() {
        if (shared == null) {
            Browser started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ova-quit-chromium"));
            shared = started;
        }
        shared.forgetEarlierTests();
        return shared;
    }

    private void forgetEarlierTests() {
        String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", "*", "storageTypes", "all"));
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.manage().window().setSize(WINDOW);
        consoleErrors();
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a URL and waits until the document (with its deferred scripts) is complete. */
    public void open(String url) {
        driver.get(url);
        await(() -> "complete".equals(js("return document.readyState")));
    }

    /** Runs a script in the page; {@code arguments[i]} are {@code args}. */
    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Waits up to 15 s for a condition on the page, polling (no fixed sleeps). */
    public void await(BooleanSupplier condition) {
        await("a condition on the page", condition);
    }

    /** The same, naming what was awaited in the timeout's message. */
    public void await(String what, BooleanSupplier condition) {
        // polled every 50 ms, not WebDriverWait's 500: hundreds of waits otherwise idle minutes away
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .pollingEvery(Duration.ofMillis(50))
                .withMessage(what)
                .until(d -> condition.getAsBoolean());
    }

    /** Waits until the page holds an element matching {@code css}; {@code what} names it in the timeout's message. */
    public void awaitPresent(String what, String css) {
        await(what, () -> !driver.findElements(By.cssSelector(css)).isEmpty());
    }

    /** Console messages at SEVERE level since the last call (errors, uncaught exceptions). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Saves a PNG of the viewport under {@code target/screenshots/} (kept as a test artifact). */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
