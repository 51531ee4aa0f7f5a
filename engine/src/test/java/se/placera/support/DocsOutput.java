package se.placera.support;

import java.nio.file.Path;

/**
 * Where tests write what is also shown in {@code docs/} (screenshots, module diagrams). A plain test run writes
 * under {@code target/docs/} so that {@code mvn verify} leaves the working tree clean; the documented refresh
 * command ({@code -Dplacera.docs.refresh=true}, see README) writes into {@code docs/} itself.
 */
public final class DocsOutput {

    /** The system property (passed through by Surefire from {@code mvn -D…}) that writes into {@code docs/}. */
    public static final String REFRESH = "placera.docs.refresh";

    private DocsOutput() {
    }

    /** {@code ../docs/<sub>} when refreshing the docs, else {@code target/docs/<sub>} (relative to engine/). */
    public static Path folder(String sub) {
        return Boolean.getBoolean(REFRESH) ? Path.of("..", "docs", sub) : Path.of("target", "docs", sub);
    }
}
