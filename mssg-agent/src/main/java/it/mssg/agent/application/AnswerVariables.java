package it.mssg.agent.application;

import it.mssg.core.api.ContactView;

import java.util.HashMap;
import java.util.Map;

/** The values an approved answer may use, as core's templates name them: first_name, name, phone, field.key. */
final class AnswerVariables {

    private AnswerVariables() {
    }

    static Map<String, String> of(ContactView contact) {
        Map<String, String> values = new HashMap<>();
        if (contact == null) return values;
        String name = contact.label();
        values.put("name", name);
        String source = notBlank(contact.displayName()) ? contact.displayName()
                : notBlank(contact.pushName()) ? contact.pushName() : null;
        if (source != null) values.put("first_name", source.strip().split("\\s+")[0]);
        if (contact.phoneE164() != null) values.put("phone", contact.phoneE164());
        contact.fields().forEach((k, v) -> values.put("field." + k, v));
        return values;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
