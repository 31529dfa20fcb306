package dev.gatehouse.it;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The fields of {@code GET /api/me} that every sample application answers with. */
@JsonIgnoreProperties(ignoreUnknown = true)
record Me(String subject, List<String> scopes, @JsonProperty("client_id") String clientId) {}
