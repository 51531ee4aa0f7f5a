package se.placera.forms.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.placera.forms.rules.RuleCompiler;

@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    RuleCompiler ruleCompiler() {
        return new RuleCompiler();
    }
}
