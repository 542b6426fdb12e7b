package it.mssg.core.domain.sending;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A 64-bit fingerprint of a message text after normalisation, so that "the same text" ignores case, Unicode
 * compatibility forms, invisible characters and runs of white space. Stored with each sent outbox entry; the
 * duplicate rule and the crash reconciliation compare fingerprints, never raw texts.
 */
public final class TextFingerprint {

    private TextFingerprint() {
    }

    public static long of(String text) {
        byte[] digest = sha256(normalise(text).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    }

    /** NFKC, format characters (zero-width, joiners, BOM) removed, lower case, white space collapsed and trimmed. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(compatible.length());
        boolean pendingSpace = false;
        for (int i = 0; i < compatible.length(); ) {
            int cp = compatible.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.FORMAT) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
