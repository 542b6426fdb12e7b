package it.mssg.core.domain.sending;

import java.util.Locale;
import java.util.Map;

/**
 * What one recipient fills into a template: {@code {{first_name}}}, {@code {{name}}}, {@code {{phone}}} and
 * {@code {{field.<key>}}} from the contact's fields and custom fields. Values are inserted literally: a name
 * that looks like template syntax stays text. Blank counts as missing.
 */
public record TemplateValues(String firstName, String name, String phone, Map<String, String> fields) {

    public TemplateValues {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** The value of a known variable, or null when missing or blank. */
    String lookup(String variable) {
        String value = switch (variable) {
            case MessageTemplate.FIRST_NAME -> firstName;
            case MessageTemplate.NAME -> name;
            case MessageTemplate.PHONE -> phone;
            default -> field(variable.substring(MessageTemplate.FIELD_PREFIX.length()));
        };
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String field(String key) {
        String value = fields.get(key);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return entry.getValue();
            }
        }
        return null;
    }
}
