package se.placera.security;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Interim local login: HTTP Basic against users from configuration, stateless (so no session cookie and
 * no CSRF exposure). Every endpoint except health and the API description needs a signed-in user; metadata
 * changes need {@link Roles#ADMIN}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/metadata/**").authenticated()
                        .requestMatchers("/api/metadata/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/autoanswer-presets/**").hasRole(Roles.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("Placera"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(LocalUsersProperties props, PasswordEncoder encoder) {
        var manager = new InMemoryUserDetailsManager();
        for (var u : props.users()) {
            manager.createUser(User.withUsername(u.username())
                    .password(encoder.encode(u.password()))
                    .roles(u.roles().toArray(String[]::new))
                    .build());
        }
        return manager;
    }

    @Bean
    CurrentUsers currentUsers(LocalUsersProperties props) {
        Map<String, CurrentUser> byName = props.users().stream()
                .map(LocalUsersProperties.LocalUser::toCurrentUser)
                .collect(Collectors.toUnmodifiableMap(CurrentUser::username, Function.identity()));
        return () -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                return Optional.empty();
            }
            CurrentUser known = byName.get(auth.getName());
            if (known != null) {
                return Optional.of(known);
            }
            var roles = auth.getAuthorities().stream()
                    .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                    .collect(Collectors.toUnmodifiableSet());
            return Optional.of(new CurrentUser(auth.getName(), auth.getName(), "", "", "", "", "", "", "", roles));
        };
    }
}
