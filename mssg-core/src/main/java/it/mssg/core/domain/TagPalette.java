package it.mssg.core.domain;

/** Colours for tags created without one: distinct, readable on light and dark backgrounds. */
public final class TagPalette {

    private static final String[] COLORS = {
            "#2f80ed", "#27ae60", "#eb5757", "#f2994a", "#9b51e0", "#00a3a3", "#d4a017", "#e0559b", "#6b7a8f", "#56ccf2"
    };

    private TagPalette() {
    }

    /** A colour picked from the name, so the same name always gets the same colour. */
    public static String forName(String name) {
        return COLORS[Math.floorMod(name.toLowerCase(java.util.Locale.ROOT).hashCode(), COLORS.length)];
    }

    /** A WhatsApp label colour if usable, else one from the palette. */
    public static String orDefault(String color, String name) {
        if (color != null && color.strip().matches("#[0-9a-fA-F]{6}")) {
            return color.strip().toLowerCase(java.util.Locale.ROOT);
        }
        return forName(name);
    }
}
