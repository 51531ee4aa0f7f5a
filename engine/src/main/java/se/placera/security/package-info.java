/** Who the current user is: authentication, the user's attributes that rules may read, and access rules per endpoint. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package se.placera.security;
