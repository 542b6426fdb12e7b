package it.mssg.core.domain.csv;

import it.mssg.core.api.ContactEdit;
import it.mssg.core.api.CustomFieldKeys;
import it.mssg.core.api.ImportColumnView;
import it.mssg.core.api.ImportColumnView.Role;
import it.mssg.core.api.ImportRejectedException;
import it.mssg.core.api.ImportRowStatus;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.TagRules;
import it.mssg.core.domain.PhoneNumbers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads a contact CSV into rows with a status each. Pure: no database; duplicates against stored
 * contacts are marked afterwards with {@link ParsedImport#markStored}.
 * <p>
 * Encoding: UTF-8 (BOM or not); UTF-16 with a BOM; anything that is not valid UTF-8 is read as
 * Windows-1252 with a warning. Delimiter: sniffed among {@code , ; tab |} from the first lines.
 * Empty lines and lines with only separators are skipped. Line numbers are physical lines of the file
 * (the header is line 1), also when a quoted value spans lines.
 */
public final class CsvImportReader {

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int MAX_TAGS_PER_ROW = 20;
    private static final java.util.regex.Pattern TAG_SEPARATORS = java.util.regex.Pattern.compile("[;|]");

    private static final Map<String, Role> ALIASES = new HashMap<>();

    static {
        alias(Role.PHONE, "phone", "phone number", "phone no", "telephone", "telephone number", "tel", "telefono",
                "numero", "numero di telefono", "numero telefono", "number", "mobile", "mobile phone", "mobile number",
                "cell", "cellulare", "cell phone", "cellphone", "whatsapp", "whatsapp number", "msisdn", "handy",
                "telefon", "telefone", "movil", "portable", "phone 1 value", "primary phone");
        alias(Role.NAME, "name", "full name", "fullname", "nome", "display name", "contact", "contact name", "contatto",
                "nome completo", "nominativo", "nombre", "nom", "ragione sociale");
        alias(Role.FIRST_NAME, "first name", "firstname", "given name", "nome proprio");
        alias(Role.LAST_NAME, "last name", "lastname", "surname", "family name", "cognome", "apellido", "nachname");
        alias(Role.TAGS, "tags", "tag", "labels", "label", "etichette", "etichetta", "groups", "group", "gruppi",
                "gruppo", "categories", "category", "categoria", "categorie");
        // columns our own export writes that are not the user's to set: read back as nothing
        alias(Role.IGNORED, "push name", "whatsapp id", "business", "opted out", "source");
        alias(Role.NOTES, "notes", "note", "comment", "comments", "commento", "commenti", "nota", "description",
                "descrizione");
    }

    private static void alias(Role role, String... names) {
        for (String n : names) ALIASES.put(n, role);
    }

    private final ImportLimits limits;

    public CsvImportReader(ImportLimits limits) {
        this.limits = limits;
    }

    /**
     * @param defaultRegion region for numbers without {@code +}; may be null (then such numbers are invalid)
     * @throws ImportRejectedException the file cannot be read as a contact list at all
     */
    public ParsedImport read(InputStream in, String defaultRegion) {
        byte[] bytes = readBounded(in);
        List<String> warnings = new ArrayList<>();
        String text = decode(bytes, warnings);
        if (text.isBlank()) {
            throw new ImportRejectedException("the file is empty");
        }
        if (text.indexOf('\0') >= 0) {
            throw new ImportRejectedException("this is not a text (CSV) file");
        }
        char delimiter = sniffDelimiter(text);
        int[] lineStarts = lineStarts(text);

        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .get();
        List<RawRow> raw = new ArrayList<>();
        List<ImportColumnView> columns = null;
        Mapping mapping = null;
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                int line = lineOf(lineStarts, firstVisible(text, record.getCharacterPosition()));
                if (isBlank(record)) continue;
                if (mapping == null) {
                    if (record.size() > limits.maxColumns()) {
                        throw new ImportRejectedException("the file has " + record.size() + " columns; at most "
                                + limits.maxColumns() + " are allowed. Is it a contact list?");
                    }
                    mapping = map(record, defaultRegion, warnings);
                    columns = mapping.columns;
                    if (!mapping.headerRow) {
                        raw.add(rawRow(record, line, mapping));
                    }
                    continue;
                }
                if (raw.size() >= limits.maxRows()) {
                    throw new ImportRejectedException("the file has more than " + limits.maxRows()
                            + " rows; split it into smaller files");
                }
                raw.add(rawRow(record, line, mapping));
            }
        } catch (UncheckedIOException | IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("EOF reached before encapsulated token finished")) {
                throw new ImportRejectedException("a quoted value (\") is opened and never closed" + lineHint(msg, lineStarts));
            }
            if (msg.contains("invalid char between encapsulated token and delimiter")) {
                throw new ImportRejectedException("a quoted value is followed by other text before the separator"
                        + lineHint(msg, lineStarts));
            }
            throw new ImportRejectedException("the file cannot be read as CSV: " + msg);
        }
        if (mapping == null) {
            throw new ImportRejectedException("the file is empty");
        }
        if (columns.size() == 1 && mapping.headerRow) {
            for (char c : new char[]{',', ';', '\t', '|', ':'}) {
                if (mapping.headerText.indexOf(c) >= 0) {
                    warnings.add("only one column was found; the header contains '" + (c == '\t' ? "tab" : String.valueOf(c))
                            + "'. Save the file separated by commas or semicolons.");
                    break;
                }
            }
        }

        // numbers in parallel: libphonenumber is thread-safe and this is the slow part of large files
        String[] e164 = new String[raw.size()];
        String[] problem = new String[raw.size()];
        IntStream.range(0, raw.size()).parallel().forEach(i -> {
            RawRow r = raw.get(i);
            if (r.reason != null) return;
            PhoneNumbers.Result res = PhoneNumbers.normalise(r.phone, defaultRegion);
            if (res instanceof PhoneNumbers.Valid v) e164[i] = v.e164();
            else problem[i] = ((PhoneNumbers.Invalid) res).reason();
        });

        List<ParsedRow> rows = new ArrayList<>(raw.size());
        Map<String, Integer> firstLineByNumber = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            RawRow r = raw.get(i);
            if (r.reason != null) {
                rows.add(ParsedRow.invalid(r.line, r.phone, r.name, r.reason));
            } else if (problem[i] != null) {
                rows.add(ParsedRow.invalid(r.line, r.phone, r.name, problem[i]));
            } else {
                ParsedRow row = new ParsedRow(r.line, ImportRowStatus.VALID, r.phone, e164[i], r.name, r.notes, r.tags,
                        r.fields, null, null, null);
                Integer first = firstLineByNumber.putIfAbsent(e164[i], r.line);
                rows.add(first == null ? row : row.duplicateInFile(first));
            }
        }
        return new ParsedImport(delimiter == '\t' ? "\t" : String.valueOf(delimiter), columns, warnings, rows);
    }

    // ---- reading bytes and text

    private byte[] readBounded(InputStream in) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw new ImportRejectedException("the file is larger than " + (limits.maxBytes() / (1024 * 1024))
                            + " MB; split it into smaller files", true);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ImportRejectedException("the upload could not be read: " + e.getMessage());
        }
    }

    static String decode(byte[] b, List<String> warnings) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return strict(b, 3, StandardCharsets.UTF_8, warnings);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        return strict(b, 0, StandardCharsets.UTF_8, warnings);
    }

    private static String strict(byte[] b, int offset, Charset cs, List<String> warnings) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
        } catch (CharacterCodingException e) {
            warnings.add("the file is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters.");
            return new String(b, offset, b.length - offset, Charset.forName("windows-1252"));
        }
    }

    /** The separator that splits the first lines most consistently; {@code ,} when none appears. */
    static char sniffDelimiter(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        boolean inQuotes = false;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length() && lines.size() < 20; i++) {
            char c = text.charAt(i);
            if (c == '"') inQuotes = !inQuotes;
            if (!inQuotes && (c == '\n' || c == '\r')) {
                if (!current.toString().isBlank()) lines.add(current.toString());
                current.setLength(0);
                continue;
            }
            if (!inQuotes) current.append(c);
            else if (c != '"') current.append(' '); // quoted content never counts
        }
        if (lines.size() < 20 && !current.toString().isBlank()) lines.add(current.toString());
        char best = ',';
        double bestScore = 0;
        for (char d : DELIMITERS) {
            int[] counts = lines.stream().mapToInt(l -> (int) l.chars().filter(ch -> ch == d).count()).toArray();
            if (counts.length == 0) continue;
            int first = counts[0];
            long withIt = Arrays.stream(counts).filter(x -> x > 0).count();
            if (withIt == 0) continue;
            long same = Arrays.stream(counts).filter(x -> x == first).count();
            // consistency first (same count on every line as the header), then how many columns it gives
            double score = (double) withIt / counts.length * 10 + (double) same / counts.length * 10 + Math.min(first, 50) / 50.0;
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') starts.add(i + 1);
            else if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Records after skipped empty lines report where the skipping began; their line is where text begins. */
    private static long firstVisible(String text, long position) {
        int p = (int) position;
        while (p < text.length()) {
            char c = text.charAt(p);
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') break;
            p++;
        }
        return p;
    }

    static int lineOf(int[] starts, long position) {
        int idx = Arrays.binarySearch(starts, (int) position);
        return (idx >= 0 ? idx : -idx - 2) + 1;
    }

    private static String lineHint(String msg, int[] starts) {
        // commons-csv reports "(startline N)" in its messages
        var m = java.util.regex.Pattern.compile("startline (\\d+)").matcher(msg);
        return m.find() ? " (line " + m.group(1) + ")" : "";
    }

    private static boolean isBlank(CSVRecord r) {
        for (String v : r) {
            if (v != null && !v.isBlank()) return false;
        }
        return true;
    }

    // ---- header

    private static final class Mapping {
        boolean headerRow;
        String headerText = "";
        final List<ImportColumnView> columns = new ArrayList<>();
        int phone = -1, name = -1, first = -1, last = -1, tags = -1, notes = -1;
        final Map<Integer, String> fields = new LinkedHashMap<>();
    }

    private Mapping map(CSVRecord header, String defaultRegion, List<String> warnings) {
        Mapping m = new Mapping();
        List<String> cells = header.toList();
        m.headerText = String.join(" ", cells);
        Role[] roles = new Role[cells.size()];
        boolean anyKnown = false;
        for (int i = 0; i < cells.size(); i++) {
            roles[i] = ALIASES.get(normaliseHeader(cells.get(i)));
            anyKnown |= roles[i] != null && roles[i] != Role.IGNORED;
        }
        if (!anyKnown || Arrays.stream(roles).noneMatch(r -> r == Role.PHONE)) {
            // a phone-ish header such as "Phone 1 - Type"? take the first one that mentions a number
            for (int i = 0; i < cells.size(); i++) {
                String h = normaliseHeader(cells.get(i));
                if (roles[i] == null && h.matches(".*\\b(phone|tel|telefono|mobile|cell|cellulare|numero|number|whatsapp)\\b.*")) {
                    roles[i] = Role.PHONE;
                    anyKnown = true;
                    break;
                }
            }
        }
        if (!anyKnown) {
            // no header? then the first line must be data: a number in one of the first columns
            for (int i = 0; i < Math.min(3, cells.size()); i++) {
                if (PhoneNumbers.normalise(cells.get(i), defaultRegion).valid()) {
                    m.headerRow = false;
                    m.phone = i;
                    for (int j = 0; j < cells.size(); j++) {
                        if (j == i) {
                            m.columns.add(new ImportColumnView(j, "column " + (j + 1), Role.PHONE, null));
                        } else if (m.name < 0 && j < 3) {
                            m.name = j;
                            m.columns.add(new ImportColumnView(j, "column " + (j + 1), Role.NAME, null));
                        } else {
                            m.columns.add(new ImportColumnView(j, "column " + (j + 1), Role.IGNORED, null));
                        }
                    }
                    warnings.add("no header row found: column " + (m.phone + 1) + " is read as the phone number"
                            + (m.name >= 0 ? ", column " + (m.name + 1) + " as the name" : "")
                            + "; name your columns (phone, name, tags, notes, …) to import more");
                    return m;
                }
            }
            String shown = m.headerText.length() > 80 ? m.headerText.substring(0, 80) + "…" : m.headerText;
            throw new ImportRejectedException("no phone column found: name a column \"phone\", \"number\" or \"mobile\""
                    + " (the first line reads: " + shown + ")");
        }
        m.headerRow = true;
        boolean hasLast = Arrays.stream(roles).anyMatch(r -> r == Role.LAST_NAME);
        boolean hasFirst = Arrays.stream(roles).anyMatch(r -> r == Role.FIRST_NAME);
        Set<String> fieldKeys = new LinkedHashSet<>();
        List<Integer> unnamed = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String h = cells.get(i) == null ? "" : cells.get(i).strip();
            Role r = roles[i];
            if (r == Role.NAME && hasLast && !hasFirst) r = Role.FIRST_NAME; // "Nome" next to "Cognome"
            Role assigned = switch (r == null ? Role.FIELD : r) {
                case PHONE -> m.phone < 0 ? set(m, i, Role.PHONE) : Role.FIELD;
                case NAME -> m.name < 0 ? set(m, i, Role.NAME) : Role.FIELD;
                case FIRST_NAME -> m.first < 0 ? set(m, i, Role.FIRST_NAME) : Role.FIELD;
                case LAST_NAME -> m.last < 0 ? set(m, i, Role.LAST_NAME) : Role.FIELD;
                case TAGS -> m.tags < 0 ? set(m, i, Role.TAGS) : Role.FIELD;
                case NOTES -> m.notes < 0 ? set(m, i, Role.NOTES) : Role.FIELD;
                case IGNORED -> Role.IGNORED;
                default -> Role.FIELD;
            };
            if (assigned == Role.FIELD) {
                String key = fieldKey(h);
                if (key == null) {
                    unnamed.add(i + 1);
                    m.columns.add(new ImportColumnView(i, h, Role.IGNORED, null));
                } else if (!fieldKeys.add(key.toLowerCase(Locale.ROOT))) {
                    warnings.add("column " + (i + 1) + " (" + h + ") repeats an earlier column name and is ignored");
                    m.columns.add(new ImportColumnView(i, h, Role.IGNORED, null));
                } else {
                    m.fields.put(i, key);
                    m.columns.add(new ImportColumnView(i, h, Role.FIELD, key));
                }
            } else {
                m.columns.add(new ImportColumnView(i, h, assigned, null));
            }
        }
        if (m.phone < 0) {
            throw new ImportRejectedException("no phone column found: name a column \"phone\", \"number\" or \"mobile\"");
        }
        if (!unnamed.isEmpty()) {
            warnings.add("column" + (unnamed.size() > 1 ? "s " : " ") + join(unnamed)
                    + (unnamed.size() > 1 ? " have" : " has") + " no usable name and " + (unnamed.size() > 1 ? "are" : "is") + " ignored");
        }
        return m;
    }

    private static Role set(Mapping m, int i, Role role) {
        switch (role) {
            case PHONE -> m.phone = i;
            case NAME -> m.name = i;
            case FIRST_NAME -> m.first = i;
            case LAST_NAME -> m.last = i;
            case TAGS -> m.tags = i;
            case NOTES -> m.notes = i;
            default -> { }
        }
        return role;
    }

    private static String join(List<Integer> xs) {
        if (xs.size() > 10) return xs.subList(0, 10).toString().replaceAll("[\\[\\]]", "") + " and " + (xs.size() - 10) + " more";
        return xs.toString().replaceAll("[\\[\\]]", "");
    }

    static String normaliseHeader(String h) {
        if (h == null) return "";
        String s = Normalizer.normalize(h, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return s;
    }

    /** A custom field name from a header: invalid characters become spaces; null when nothing usable is left. */
    static String fieldKey(String header) {
        if (header == null) return null;
        String s = header.replaceAll("[^\\p{L}\\p{N} _.\\-]", " ").replaceAll("\\s+", " ").strip();
        s = s.replaceFirst("^[^\\p{L}\\p{N}]+", "");
        if (s.length() > CustomFieldKeys.MAX_LENGTH) s = s.substring(0, CustomFieldKeys.MAX_LENGTH).strip();
        return s.isEmpty() || !CustomFieldKeys.isValid(s) ? null : CustomFieldKeys.normalise(s);
    }

    // ---- rows

    private record RawRow(int line, String phone, String name, String notes, List<String> tags,
                          Map<String, String> fields, String reason) {
    }

    private RawRow rawRow(CSVRecord rec, int line, Mapping m) {
        String phone = cell(rec, m.phone);
        String name;
        if (m.name >= 0) {
            name = cell(rec, m.name);
        } else {
            String f = cell(rec, m.first), l = cell(rec, m.last);
            name = f == null ? l : l == null ? f : f + " " + l;
        }
        if (rec.size() > limits.maxColumns()) {
            return bad(line, phone, name, "has " + rec.size() + " columns; at most " + limits.maxColumns() + " are allowed");
        }
        for (int i = 0; i < rec.size(); i++) {
            String v = rec.get(i);
            if (v != null && v.length() > limits.maxCellLength()) {
                return bad(line, cut(phone), cut(name), "column " + (i + 1) + " is longer than " + limits.maxCellLength() + " characters");
            }
        }
        if (name != null && name.length() > ContactEdit.MAX_NAME) {
            return bad(line, phone, cut(name), "name is longer than " + ContactEdit.MAX_NAME + " characters");
        }
        List<String> tags = new ArrayList<>();
        String tagCell = cell(rec, m.tags);
        if (tagCell != null) {
            Set<String> seen = new HashSet<>();
            for (String t : TAG_SEPARATORS.split(tagCell)) {
                if (t.isBlank()) continue;
                String tag;
                try {
                    tag = TagRules.name(t);
                } catch (InvalidInputException e) {
                    return bad(line, phone, name, "tag \"" + cut(t.strip()) + "\": " + e.getMessage());
                }
                if (seen.add(tag.toLowerCase(Locale.ROOT))) tags.add(tag);
            }
            if (tags.size() > MAX_TAGS_PER_ROW) {
                return bad(line, phone, name, "more than " + MAX_TAGS_PER_ROW + " tags");
            }
        }
        String notes = cell(rec, m.notes);
        if (notes != null && notes.length() > ContactEdit.MAX_NOTES) {
            return bad(line, phone, name, "notes are longer than " + ContactEdit.MAX_NOTES + " characters");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (var e : m.fields.entrySet()) {
            String v = cell(rec, e.getKey());
            if (v == null) continue;
            if (v.length() > ContactEdit.MAX_FIELD_VALUE) {
                return bad(line, phone, name, e.getValue() + " is longer than " + ContactEdit.MAX_FIELD_VALUE + " characters");
            }
            fields.put(e.getValue(), v);
        }
        if (phone == null) {
            return bad(line, null, name, "no phone number");
        }
        return new RawRow(line, phone, name, notes, tags, fields, null);
    }

    private static RawRow bad(int line, String phone, String name, String reason) {
        return new RawRow(line, phone, name, null, List.of(), Map.of(), reason);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /** The stripped cell, null when absent or blank; undoes the export's formula escaping. */
    private static String cell(CSVRecord r, int i) {
        if (i < 0 || i >= r.size()) return null;
        String v = r.get(i);
        if (v == null) return null;
        v = v.strip();
        return v.isEmpty() ? null : CsvCells.unsafe(v);
    }

    private static final class HashSet<T> extends java.util.HashSet<T> {
    }
}
