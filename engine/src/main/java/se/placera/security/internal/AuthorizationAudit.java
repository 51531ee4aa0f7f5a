package se.placera.security.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

import se.placera.shared.Audited;

/**
 * PA-11: a request refused by the access rules of the filter chain (403 for a signed-in user) is audited as
 * {@code access.denied} with outcome {@code denied}. Unauthenticated requests (401) are not: they are not
 * attempts by anyone known. Refusals decided in the modules (PlaceraException FORBIDDEN) are audited by the
 * problem-details advice.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationAudit {

    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @Bean
    DeniedRequests deniedRequests(ApplicationEventPublisher events) {
        return new DeniedRequests(events);
    }

    static final class DeniedRequests {
        private final ApplicationEventPublisher events;

        DeniedRequests(ApplicationEventPublisher events) {
            this.events = events;
        }

        @EventListener
        void on(AuthorizationDeniedEvent<?> event) {
            Authentication who = event.getAuthentication().get();
            if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()
                    || !(event.getObject() instanceof HttpServletRequest request)) {
                return;
            }
            events.publishEvent(new Audited("access.denied", "request", request.getRequestURI(), null, "denied",
                    Map.of("code", "FORBIDDEN", "method", request.getMethod())));
        }
    }
}
