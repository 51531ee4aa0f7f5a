/**
 * The rule language of form methods: CEL expressions ({@code visibleWhen}, {@code optionFilter}, {@code autoAnswer})
 * compiled once against a fixed environment, with statically known answer dependencies, and evaluated on the server.
 * Exposed as the named interface {@code forms :: rules} so that other metadata kinds (process guards) use the same
 * language and limits.
 */
@org.springframework.modulith.NamedInterface("rules")
package se.placera.forms.rules;
