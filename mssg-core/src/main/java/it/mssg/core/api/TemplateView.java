package it.mssg.core.api;

import java.time.Instant;
import java.util.Set;

/** A saved template and the variables it uses. */
public record TemplateView(long id, String name, String body, Set<String> variables, Instant createdAt,
                           Instant updatedAt) {
}
