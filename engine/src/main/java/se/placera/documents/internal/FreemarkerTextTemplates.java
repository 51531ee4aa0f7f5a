package se.placera.documents.internal;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.placera.documents.TextTemplates;

/**
 * FreeMarker over the templates folder: {@code placera.templates.directory} when set (a municipality's own texts,
 * file by file), then the standard templates shipped in the jar ({@code classpath:templates/}). Templates are
 * plain text: nothing is HTML-escaped, and a missing value is an error rather than an empty string.
 */
@Component
class FreemarkerTextTemplates implements TextTemplates {

    private final Configuration configuration;

    FreemarkerTextTemplates(@Value("${placera.templates.directory:}") String directory) throws IOException {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (directory != null && !directory.isBlank()) {
            loaders.add(new FileTemplateLoader(new File(directory)));
        }
        loaders.add(new ClassTemplateLoader(FreemarkerTextTemplates.class.getClassLoader(), "templates"));
        configuration.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    }

    @Override
    public Rendered render(String name, Map<String, Object> model) {
        try {
            Template template = configuration.getTemplate(name);
            StringWriter out = new StringWriter();
            Environment env = template.createProcessingEnvironment(model, out);
            env.process();
            Map<String, String> assigned = new LinkedHashMap<>();
            env.getMainNamespace().toMap().forEach((key, value) -> {
                if (value instanceof String text) {
                    assigned.put(String.valueOf(key), text);
                }
            });
            return new Rendered(out.toString(), assigned);
        } catch (IOException | TemplateException e) {
            throw new IllegalArgumentException("Template " + name + " cannot be rendered: " + e.getMessage(), e);
        }
    }
}
