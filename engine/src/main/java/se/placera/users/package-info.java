/** Users and their rights (US-1, US-2, US-4): municipalities, administrations and teams, accounts with permissions per module and method, invitations, activation and password reset (US-3); implements the security module's user directory. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security"})
package se.placera.users;
