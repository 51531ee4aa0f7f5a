/**
 * The rule language of form methods: CEL expressions ({@code visibleWhen}, {@code optionFilter}, {@code autoAnswer})
 * compiled once against a fixed environment, with statically known answer dependencies, and evaluated on the server.
 */
package se.placera.forms.rules;
