/** Who the current user is: authentication (local login, HTTP Basic, Keycloak), per-module permissions, the administrations a user may see (access scope) and access rules per endpoint. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package se.placera.security;
