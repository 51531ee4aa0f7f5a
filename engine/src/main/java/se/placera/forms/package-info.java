/**
 * The generic form runtime: the {@code method} metadata kind (question sets with CEL rules), form state
 * (visible questions, live alternatives, automatic answers), drafts, submission with authoritative
 * validation, per-user presets of automatic answers, and the option-source SPI other modules plug into.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "metadata", "documents"})
package se.placera.forms;
