package se.placera.security.internal;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import se.placera.security.UserDirectory;

/** Local accounts for the password login and HTTP Basic: disabled until activated or when deactivated. */
@Component
class DirectoryUserDetailsService implements UserDetailsService {

    /** A hash no password matches, for accounts without one (so timing does not tell them apart). */
    private static final String NO_PASSWORD = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOa9/5H5jU1Oe6BDQUY4k3pdPMB4Wzn5e";

    private final UserDirectory directory;
    private final LoginAttempts attempts;

    DirectoryUserDetailsService(UserDirectory directory, LoginAttempts attempts) {
        this.directory = directory;
        this.attempts = attempts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = directory.byUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(account.user().username())
                .password(account.passwordHash() == null ? NO_PASSWORD : account.passwordHash())
                .disabled(!account.active() || account.passwordHash() == null)
                .accountLocked(attempts.isLocked(username))
                .roles(account.user().roles().toArray(String[]::new))
                .build();
    }
}
