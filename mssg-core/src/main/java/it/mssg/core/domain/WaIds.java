package it.mssg.core.domain;

import java.util.Optional;

/**
 * WhatsApp ids: {@code 393331234567@c.us} is a person by phone, {@code …@lid} a person by a hidden id,
 * {@code …@g.us} a group; {@code status@broadcast}, {@code …@broadcast} and {@code …@newsletter} are not
 * conversations we keep.
 */
public final class WaIds {

    public static final String PERSON = "@c.us";
    public static final String LID = "@lid";
    public static final String GROUP = "@g.us";

    private WaIds() {
    }

    /** {@code +393331234567} → {@code 393331234567@c.us} */
    public static String forPhone(String e164) {
        if (e164 == null || !e164.startsWith("+") || e164.length() < 2) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
        return e164.substring(1) + PERSON;
    }

    /** {@code 393331234567@c.us} → {@code +393331234567}; empty for groups, lids and anything else. */
    public static Optional<String> phoneOf(String waId) {
        if (waId == null || !waId.endsWith(PERSON)) return Optional.empty();
        String user = waId.substring(0, waId.length() - PERSON.length());
        if (user.isEmpty() || user.length() > 17 || !user.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of("+" + user);
    }

    public static boolean isGroup(String waId) {
        return waId != null && waId.endsWith(GROUP);
    }

    /** A one-to-one conversation partner ({@code @c.us} or {@code @lid}). */
    public static boolean isPerson(String waId) {
        return waId != null && (waId.endsWith(PERSON) || waId.endsWith(LID)) && waId.indexOf('@') > 0;
    }

    /** Status broadcasts, broadcast lists, channels: not stored. */
    public static boolean isIgnored(String waId) {
        return waId == null || waId.isBlank() || !(isPerson(waId) || isGroup(waId));
    }
}
