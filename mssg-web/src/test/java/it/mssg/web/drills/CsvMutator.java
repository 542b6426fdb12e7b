package it.mssg.web.drills;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damages a good CSV file the way real files get damaged, or worse: flipped bits, unbalanced quotes, stray or
 * missing separators, byte-order marks, UTF-16, cut-off ends, huge cells, hundreds of columns, mixed line ends,
 * invalid UTF-8, spreadsheet formulas, NUL bytes, repeated lines and tricky Unicode. Deterministic: the same
 * seed file, run seed and file number always give the same bytes, so a failing file can be made again.
 */
final class CsvMutator {

    enum Kind {
        FLIP_BITS, INSERT_QUOTE, REMOVE_QUOTE, INSERT_DELIMITER, REMOVE_DELIMITER, BOM, UTF16, TRUNCATE, HUGE_FIELD,
        MANY_COLUMNS, LINE_ENDINGS, INVALID_UTF8, FORMULA, NUL, REPEAT_LINES, TRICKY_UNICODE
    }

    /** A damaged file and what was done to it, in order. */
    record Mutant(byte[] bytes, List<Kind> kinds) {
    }

    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xE2, 0x28, (byte) 0xA1}, {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC},
            {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
    private static final String[] FORMULAS = {"=1+2", "=HYPERLINK(\"http://example.invalid\",\"x\")", "@SUM(A1:A9)",
            "+cmd|' /C calc'!A0", "-2+3", "=+39 347 000 0000", "\t=1", "\r=1"};
    private static final String[] UNICODE = {"\u202E", "\u200D", "👩‍👩‍👧‍👦", "e\u0301\u0301\u0301", "\uFEFF", "\u0000", "\uD83D",
            "Ω≈ç√", "\u2028", "ｐｈｏｎｅ", "٣٤٧"};
    private static final byte[] DELIMITERS = {',', ';', '\t', '|'};

    private CsvMutator() {
    }

    /** One to three damages drawn from {@code runSeed} and {@code fileNumber}; about one file in ten is left whole. */
    static Mutant mutate(byte[] seedFile, long runSeed, int fileNumber) {
        Random random = new Random(runSeed * 1_000_003L + fileNumber);
        byte[] bytes = seedFile.clone();
        List<Kind> kinds = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            return new Mutant(bytes, kinds);
        }
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            bytes = apply(kind, bytes, random);
            kinds.add(kind);
        }
        return new Mutant(bytes, kinds);
    }

    static byte[] apply(Kind kind, byte[] in, Random random) {
        return switch (kind) {
            case FLIP_BITS -> {
                byte[] out = in.clone();
                for (int i = 1 + random.nextInt(8); i > 0 && out.length > 0; i--) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield out;
            }
            case INSERT_QUOTE -> insertTimes(in, random, 1 + random.nextInt(3), () -> new byte[]{'"'});
            case REMOVE_QUOTE -> removeOne(in, random, b -> b == '"');
            case INSERT_DELIMITER -> insertTimes(in, random, 1 + random.nextInt(4),
                    () -> new byte[]{DELIMITERS[random.nextInt(DELIMITERS.length)]});
            case REMOVE_DELIMITER -> removeOne(in, random, b -> b == ',' || b == ';' || b == '\t' || b == '|');
            case BOM -> switch (random.nextInt(4)) {
                case 0 -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, in);
                case 1 -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, in);
                case 2 -> concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, in); // a UTF-16 mark on UTF-8 bytes
                default -> insertAt(in, random.nextInt(in.length + 1), new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            };
            case UTF16 -> {
                String text = new String(in, StandardCharsets.UTF_8);
                yield switch (random.nextInt(4)) {
                    case 0 -> concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
                    case 1 -> text.getBytes(StandardCharsets.UTF_16); // big-endian with its mark
                    case 2 -> text.getBytes(StandardCharsets.UTF_16LE); // no mark at all
                    default -> {
                        byte[] whole = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
                        yield java.util.Arrays.copyOf(whole, whole.length - 1); // an odd number of bytes
                    }
                };
            }
            case TRUNCATE -> java.util.Arrays.copyOf(in, in.length == 0 ? 0 : random.nextInt(in.length));
            case HUGE_FIELD -> {
                int length = random.nextBoolean() ? 1_000 + random.nextInt(9_000) : 9_990 + random.nextInt(50_000);
                StringBuilder cell = new StringBuilder(length + 2);
                boolean quoted = random.nextBoolean();
                if (quoted) cell.append('"');
                for (int i = 0; i < length; i++) {
                    cell.append(quoted && i % 997 == 0 ? '\n' : (char) ('a' + random.nextInt(26)));
                }
                if (quoted) cell.append('"');
                yield insertAt(in, lineBoundary(in, random), (cell + ",").getBytes(StandardCharsets.UTF_8));
            }
            case MANY_COLUMNS -> {
                StringBuilder extra = new StringBuilder();
                byte delimiter = DELIMITERS[random.nextInt(DELIMITERS.length)];
                for (int i = 100 + random.nextInt(300); i > 0; i--) {
                    extra.append((char) delimiter).append("col").append(i);
                }
                int firstLineEnd = indexOf(in, (byte) '\n');
                int at = random.nextBoolean() || firstLineEnd < 0 ? (firstLineEnd < 0 ? in.length : firstLineEnd) : lineEnd(in, random);
                yield insertAt(in, at, extra.toString().getBytes(StandardCharsets.UTF_8));
            }
            case LINE_ENDINGS -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
                String[] endings = {"\n", "\r\n", "\r", "\n\n", "\r\r\n"};
                for (byte b : in) {
                    if (b == '\n') out.writeBytes(endings[random.nextInt(endings.length)].getBytes(StandardCharsets.US_ASCII));
                    else out.write(b);
                }
                yield out.toByteArray();
            }
            case INVALID_UTF8 -> insertTimes(in, random, 1 + random.nextInt(3), () -> INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
            case FORMULA -> insertTimes(in, random, 1 + random.nextInt(3), () -> {
                String f = FORMULAS[random.nextInt(FORMULAS.length)];
                return (random.nextBoolean() ? f : "\"" + f.replace("\"", "\"\"") + "\"").getBytes(StandardCharsets.UTF_8);
            }, true);
            case NUL -> insertTimes(in, random, 1 + random.nextInt(3), () -> new byte[]{0});
            case REPEAT_LINES -> {
                String text = new String(in, StandardCharsets.ISO_8859_1); // byte for byte, whatever the encoding
                String[] lines = text.split("\n", -1);
                StringBuilder out = new StringBuilder(text.length() * 2);
                for (int i = 0; i < lines.length; i++) {
                    out.append(lines[i]);
                    if (random.nextInt(3) == 0 && i > 0) out.append('\n').append(lines[i]);
                    if (i < lines.length - 1) out.append('\n');
                }
                yield out.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            case TRICKY_UNICODE -> insertTimes(in, random, 1 + random.nextInt(3),
                    () -> UNICODE[random.nextInt(UNICODE.length)].getBytes(StandardCharsets.UTF_8));
        };
    }

    private static byte[] insertTimes(byte[] in, Random random, int times, java.util.function.Supplier<byte[]> what) {
        return insertTimes(in, random, times, what, false);
    }

    /** Inserts {@code times} pieces at random places, or just after a separator or line start when {@code atCellStart}. */
    private static byte[] insertTimes(byte[] in, Random random, int times, java.util.function.Supplier<byte[]> what, boolean atCellStart) {
        byte[] out = in;
        for (int i = 0; i < times; i++) {
            int at = atCellStart ? cellStart(out, random) : random.nextInt(out.length + 1);
            out = insertAt(out, at, what.get());
        }
        return out;
    }

    private static byte[] removeOne(byte[] in, Random random, java.util.function.IntPredicate which) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (which.test(in[i])) found.add(i);
        }
        if (found.isEmpty()) return in;
        int at = found.get(random.nextInt(found.size()));
        byte[] out = new byte[in.length - 1];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + 1, out, at, in.length - at - 1);
        return out;
    }

    private static int cellStart(byte[] in, Random random) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == ',' || in[i] == ';' || in[i] == '\t' || in[i] == '\n') starts.add(i + 1);
        }
        return starts.get(random.nextInt(starts.size()));
    }

    private static int lineBoundary(byte[] in, Random random) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') starts.add(i + 1);
        }
        return starts.get(random.nextInt(starts.size()));
    }

    private static int lineEnd(byte[] in, Random random) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') ends.add(i);
        }
        ends.add(in.length);
        return ends.get(random.nextInt(ends.size()));
    }

    private static int indexOf(byte[] in, byte b) {
        for (int i = 0; i < in.length; i++) {
            if (in[i] == b) return i;
        }
        return -1;
    }

    private static byte[] insertAt(byte[] in, int at, byte[] piece) {
        byte[] out = new byte[in.length + piece.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(in, at, out, at + piece.length, in.length - at);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insertAt(b, 0, a);
    }
}
