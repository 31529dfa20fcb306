/**
 * Step 2 and step 4: path and method rules decided before any token work ({@link
 * dev.gatehouse.authz.PathRules}), and the checks a verified token must pass (the filter's access
 * checks: client, revocation, claims, scopes, the application's rule).
 */
package dev.gatehouse.authz;
