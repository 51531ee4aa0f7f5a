package se.placera.forms.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.placera.forms.rules.RuleCompiler;
import se.placera.forms.rules.RuleLimits;

@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    /**
     * {@code placera.rules.direct-evaluation} (default true): rules of the common shapes run as compiled Java with the
     * CEL interpreter as fallback and reference; false runs every rule through the interpreter (docs/metadata.md).
     */
    @Bean
    RuleCompiler ruleCompiler(@Value("${placera.rules.direct-evaluation:true}") boolean directEvaluation) {
        return new RuleCompiler(RuleLimits.DEFAULTS, directEvaluation);
    }
}
