package it.mssg.core.api;

import java.util.Map;
import java.util.Set;

/**
 * A contact typed in by the user (source MANUAL). {@code phone} is any spelling of a number; it is
 * normalised to E.164 with the default region unless it starts with {@code +} or {@code 00}.
 *
 * @param optedOut the person asked not to be written to (a suppression list entered by script, say): stored as opted
 *                 out; absent means no
 */
public record NewContact(String phone, String displayName, String notes, Map<String, String> fields,
                         Set<Long> tagIds, Boolean optedOut) {

    /** A contact who may be written to. */
    public NewContact(String phone, String displayName, String notes, Map<String, String> fields, Set<Long> tagIds) {
        this(phone, displayName, notes, fields, tagIds, false);
    }

    public NewContact {
        InvalidInputException.require(phone != null && !phone.isBlank(), "phone", "a phone number is required");
        phone = phone.strip();
        InvalidInputException.require(phone.length() <= 40, "phone", "phone number is too long");
        // reuse the edit's rules for the rest (its tag ids too)
        ContactEdit edit = new ContactEdit(displayName, notes, fields == null ? Map.of() : fields, tagIds, null);
        displayName = edit.displayName();
        fields = edit.fields();
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
        optedOut = Boolean.TRUE.equals(optedOut);
    }
}
