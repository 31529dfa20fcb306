/** Step 4: deciding whether a verified token may make the request. */
package dev.gatehouse.authz;
