package se.placera.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The front ends' static files, from {@code classpath:/static/app/} and {@code classpath:/static/admin/} (the
 * jars of the {@code runtime-ui} and {@code admin-console} modules). A path without a file extension that is
 * no file is a client-side route and gets {@code index.html}; a missing file with an extension stays a 404.
 */
@Configuration(proxyBeanMethods = false)
class FrontendConfiguration implements WebMvcConfigurer {

    static final String[] APPS = {"app", "admin"};

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String app : APPS) {
            registry.addRedirectViewController("/" + app, "/" + app + "/");
            registry.addViewController("/" + app + "/").setViewName("forward:/" + app + "/index.html");
        }
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String app : APPS) {
            registry.addResourceHandler("/" + app + "/**")
                    .addResourceLocations("classpath:/static/" + app + "/")
                    // Built file names carry a content hash; index.html is revalidated by its own rule below.
                    .setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic())
                    .resourceChain(true)
                    .addResolver(new SinglePageResolver());
        }
    }

    /** Files as they are; client-side routes (no extension) fall back to the app's index.html. */
    static final class SinglePageResolver extends PathResourceResolver {
        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            if (!resourcePath.isEmpty() && !resourcePath.endsWith("/") && !resourcePath.equals("index.html")) {
                Resource file = location.createRelative(resourcePath);
                if (file.isReadable() && checkResource(file, location)) {
                    return file;
                }
                String last = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
                if (last.contains(".")) {
                    return null;
                }
            }
            Resource index = location.createRelative("index.html");
            return index.isReadable() ? new NoCacheIndex(index) : null;
        }
    }
}
