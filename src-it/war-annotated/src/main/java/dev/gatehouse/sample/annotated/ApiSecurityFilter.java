package dev.gatehouse.sample.annotated;

import dev.gatehouse.GatehouseFilter;
import jakarta.servlet.annotation.WebFilter;

/**
 * Gatehouse on {@code /api/*}, found by the container's annotation scan: no {@code web.xml} needed.
 * With no init-params, every setting comes from MicroProfile Config: {@code
 * META-INF/microprofile-config.properties} in this WAR, overridden by system properties and
 * environment variables ({@code GATEHOUSE_ISSUER}) when it is deployed.
 */
@WebFilter(filterName = "gatehouse", urlPatterns = "/api/*")
public class ApiSecurityFilter extends GatehouseFilter {}
