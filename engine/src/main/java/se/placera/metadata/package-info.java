/**
 * Versioned JSON metadata: the kinds (method, codelist, area, and later agreement template, report definition,
 * process rule), their meta-schemas, the draft → published → retired lifecycle, bundles, and the start-up
 * import of the {@code metadata/} folder. A kind plugs in as one {@link se.placera.metadata.MetadataKind} bean.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security"})
package se.placera.metadata;
