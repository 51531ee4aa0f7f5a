package se.placera.documents.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.XHTMLOutputFormat;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import se.placera.documents.ArchivalDocuments.TemplateFailure;
import se.placera.documents.ArchivalDocuments.TemplateProblem;

/**
 * FreeMarker for templates that are metadata (agreement bodies), sandboxed: no {@code ?new} (no class may be
 * instantiated), no {@code ?api}, a wrapper that exposes only maps, lists, strings, numbers, booleans and dates
 * (no methods of Java objects, so no way to a class), no includes or imports (no template loader), XHTML
 * auto-escaping, and a time limit: rendering runs on its own thread with interruption checks in every loop and is
 * stopped when the limit passes.
 */
final class SandboxedXhtmlTemplates implements AutoCloseable {

    private final Configuration configuration;
    private final Duration timeLimit;
    private final ExecutorService executor;

    SandboxedXhtmlTemplates(Duration timeLimit) {
        this.timeLimit = timeLimit;
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(null);
        configuration.setLocalizedLookup(false);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocale(Locale.forLanguageTag("sv-SE"));
        configuration.setOutputFormat(XHTMLOutputFormat.INSTANCE);
        configuration.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        configuration.setNumberFormat("computer");
        configuration.setBooleanFormat("c");
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "agreement-template");
            t.setDaemon(true);
            return t;
        });
    }

    /** Parses a body; problems with line and column. */
    Template parse(String name, String body) {
        try {
            Template template = new Template(name, new StringReader(body), configuration);
            _CoreAPI.addThreadInterruptedChecks(template);
            return template;
        } catch (ParseException e) {
            throw new TemplateFailure(new TemplateProblem(e.getLineNumber(), e.getColumnNumber(), null,
                    "The template does not parse: " + e.getEditorMessage()));
        } catch (IOException e) {
            throw new TemplateFailure(new TemplateProblem(0, 0, null, "The template cannot be read: " + e.getMessage()));
        }
    }

    String render(String name, String body, Map<String, Object> model) {
        Template template = parse(name, body);
        Future<String> future = executor.submit(() -> {
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        });
        try {
            return future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TemplateFailure(new TemplateProblem(0, 0, null, "The template took longer than "
                    + timeLimit.toMillis() + " ms to render and was stopped."));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TemplateFailure(new TemplateProblem(0, 0, null, "Rendering was interrupted."));
        } catch (ExecutionException e) {
            throw new TemplateFailure(problem(e.getCause(), body));
        }
    }

    private static TemplateProblem problem(Throwable cause, String body) {
        if (cause instanceof InvalidReferenceException e) {
            String name = dottedName(body, orZero(e.getLineNumber()), orZero(e.getColumnNumber()),
                    e.getBlamedExpressionString());
            return new TemplateProblem(orZero(e.getLineNumber()), orZero(e.getColumnNumber()), name,
                    "The template uses '" + name + "', which has no value here (line " + e.getLineNumber() + ").");
        }
        if (cause instanceof TemplateException e) {
            String message = e.getMessageWithoutStackTop();
            int cut = message.indexOf("\n----");
            return new TemplateProblem(orZero(e.getLineNumber()), orZero(e.getColumnNumber()),
                    e.getBlamedExpressionString(), "The template fails at line " + e.getLineNumber() + ": "
                    + (cut > 0 ? message.substring(0, cut) : message).strip());
        }
        return new TemplateProblem(0, 0, null, "The template fails: " + cause);
    }

    /** The whole name read where a value was missing ({@code client.name}, not only {@code client}). */
    static String dottedName(String body, int line, int column, String blamed) {
        String[] lines = body.split("\n", -1);
        if (blamed == null || line < 1 || line > lines.length || column < 1 || column > lines[line - 1].length()) {
            return blamed;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")
                .matcher(lines[line - 1]);
        if (m.find(column - 1) && m.start() == column - 1 && m.group().startsWith(blamed)) {
            return m.group();
        }
        return blamed;
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
