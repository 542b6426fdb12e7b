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

import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
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
 * <p>
 * A file mssg exported ({@link ContactCsvWriter}: its fixed columns, in order, exactly) is read by position:
 * every column after the fixed ones is a custom field, whatever its name, so an export imports back as it was.
 * <p>
 * Memory: a preview keeps every row for minutes, beside other previews, in an app with a 512 MB heap. So the
 * upload is kept only as its bytes and parsed as a stream (never also as one decoded string), a row's custom
 * fields are one string ({@link RowFields}), and the cells read (rows × columns read) are bounded by
 * {@link ImportLimits#maxCells()}, checked while reading.
 */
public final class CsvImportReader {

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int MAX_TAGS_PER_ROW = 20;
    /** ; and | as people write them, and " ::: " as Google Contacts joins labels ("* myContacts ::: Friends") */
    private static final java.util.regex.Pattern TAG_SEPARATORS = java.util.regex.Pattern.compile("[;|]|:::");
    /** Google Contacts writes several values of one kind into one cell this way: "+39 333… ::: +39 347…" */
    private static final String GOOGLE_SEPARATOR = ":::";
    /** The delimiter is sniffed from the first lines; this much text is plenty for them. */
    private static final int SNIFF_CHARS = 1 << 20;
    /** The upload is kept in pieces of this size: no buffer that doubles as it grows, no copy at the end. */
    private static final int PIECE = 1 << 20;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, Role> ALIASES = new HashMap<>();

    static {
        alias(Role.PHONE, "phone", "phone number", "phone no", "telephone", "telephone number", "tel", "telefono",
                "numero", "numero di telefono", "numero telefono", "number", "mobile", "mobile phone", "mobile number",
                "cell", "cellulare", "cell phone", "cellphone", "whatsapp", "whatsapp number", "msisdn", "handy",
                "telefon", "telefone", "movil", "portable", "phone 1 value", "primary phone",
                // Google Contacts' further numbers: second phone columns, read when the first is empty in a row
                "phone 2 value", "phone 3 value");
        alias(Role.NAME, "name", "full name", "fullname", "nome", "display name", "contact", "contact name", "contatto",
                "nome completo", "nominativo", "nombre", "nom", "ragione sociale");
        alias(Role.FIRST_NAME, "first name", "firstname", "given name", "nome proprio");
        alias(Role.LAST_NAME, "last name", "lastname", "surname", "family name", "cognome", "apellido", "nachname");
        alias(Role.TAGS, "tags", "tag", "labels", "label", "etichette", "etichetta", "groups", "group", "gruppi",
                "gruppo", "categories", "category", "categoria", "categorie", "group membership");
        // columns our own export writes that are not the user's to set: read back as nothing
        alias(Role.IGNORED, "push name", "whatsapp id", "business", "source");
        alias(Role.NOTES, "notes", "note", "comment", "comments", "commento", "commenti", "nota", "description",
                "descrizione");
    }

    /** Headers of the opt-out column (as {@link #normaliseHeader} leaves them); the first such column is OPTED_OUT. */
    private static final Set<String> OPT_OUT_HEADERS = Set.of("opted out", "opt out", "optout");
    /** Values that mark a contact opted out: the export's own {@code yes} and what spreadsheets and people write. */
    private static final Set<String> YES = Set.of("yes", "true", "1", "x");
    private static final Set<String> NO = Set.of("no", "false", "0");

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
        Upload upload = Upload.read(in, limits.maxBytes());
        List<String> warnings = new ArrayList<>();
        Encoding encoding = encoding(upload, warnings);
        String head = upload.text(encoding, SNIFF_CHARS);
        if (head.indexOf('\0') >= 0) {
            throw new ImportRejectedException("this is not a text (CSV) file");
        }
        char delimiter = sniffDelimiter(wholeLines(head));

        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .get();
        List<RawRow> raw = new ArrayList<>();
        Mapping mapping = null;
        try (LineTracker text = new LineTracker(upload.reader(encoding)); CSVParser parser = format.parse(text)) {
            for (CSVRecord record : parser) {
                int line = text.lineOf(record.getCharacterPosition());
                if (isBlank(record)) continue;
                if (mapping == null) {
                    if (record.size() > limits.maxColumns()) {
                        throw new ImportRejectedException("the file has " + record.size() + " columns; at most "
                                + limits.maxColumns() + " are allowed. Is it a contact list?");
                    }
                    mapping = map(record, defaultRegion, warnings);
                    if (!mapping.headerRow) {
                        raw.add(rawRow(record, line, mapping));
                    }
                    continue;
                }
                if (raw.size() >= limits.maxRows()) {
                    throw new ImportRejectedException("the file has more than " + limits.maxRows()
                            + " rows; split it into smaller files");
                }
                if ((long) (raw.size() + 1) * mapping.used > limits.maxCells()) {
                    throw tooManyCells(mapping.used, raw.size());
                }
                raw.add(rawRow(record, line, mapping));
            }
        } catch (UncheckedIOException | IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("EOF reached before encapsulated token finished")) {
                throw new ImportRejectedException("a quoted value (\") is opened and never closed" + lineHint(msg));
            }
            if (msg.contains("invalid char between encapsulated token and delimiter")) {
                throw new ImportRejectedException("a quoted value is followed by other text before the separator"
                        + lineHint(msg));
            }
            throw new ImportRejectedException("the file cannot be read as CSV: " + msg);
        }
        if (mapping == null) {
            throw new ImportRejectedException("the file is empty");
        }
        List<ImportColumnView> columns = mapping.columns;
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
            if (res instanceof PhoneNumbers.Valid v) {
                e164[i] = v.e164().equals(r.phone) ? r.phone : v.e164(); // written as E.164 (as exports are): one string
            } else {
                problem[i] = ((PhoneNumbers.Invalid) res).reason();
            }
        });

        List<ParsedRow> rows = new ArrayList<>(raw.size());
        Map<String, Integer> firstLineByNumber = new HashMap<>();
        int optedOut = 0; // rows that will be imported (not repeats) marked opted out
        for (int i = 0; i < raw.size(); i++) {
            RawRow r = raw.get(i);
            raw.set(i, null); // each read row is garbage once it is a parsed row
            if (r.reason != null) {
                rows.add(ParsedRow.invalid(r.line, r.phone, r.name, r.reason));
            } else if (problem[i] != null) {
                rows.add(ParsedRow.invalid(r.line, r.phone, r.name, problem[i]));
            } else {
                ParsedRow row = new ParsedRow(r.line, ImportRowStatus.VALID, r.phone, e164[i], r.name, r.notes, r.tags,
                        r.fields, r.optedOut, null, null, null);
                Integer first = firstLineByNumber.putIfAbsent(e164[i], r.line);
                rows.add(first == null ? row : row.duplicateInFile(first));
                if (first == null && r.optedOut) optedOut++;
            }
        }
        if (mapping.optedOut >= 0 && optedOut > 0) {
            warnings.add("column " + (mapping.optedOut + 1) + " (" + columns.get(mapping.optedOut).header() + "): "
                    + optedOut + (optedOut == 1 ? " row is" : " rows are") + " marked opted out. New contacts from them are"
                    + " stored as opted out, and stored contacts with these numbers are opted out too; an import never"
                    + " opts anyone back in.");
        }
        if (mapping.severalNumbers > 0) {
            warnings.add(mapping.severalNumbers + (mapping.severalNumbers == 1 ? " row holds" : " rows hold") + " several"
                    + " numbers in one cell (as Google Contacts writes them, joined by :::): only the first number of each"
                    + " is imported. Put the others on rows of their own to import them as contacts too.");
        }
        return new ParsedImport(delimiter == '\t' ? "\t" : String.valueOf(delimiter), columns, warnings, rows);
    }

    private ImportRejectedException tooManyCells(int used, int rows) {
        return new ImportRejectedException(String.format(Locale.ROOT, "the file has more than %,d rows of %d columns to"
                        + " read: more than %,d cells (rows × columns), the most one import reads. Split it into files of"
                        + " at most %,d rows each, or delete the columns you do not need.",
                rows, used, limits.maxCells(), limits.maxCells() / used));
    }

    // ---- reading bytes and text

    private record Encoding(Charset charset, int bomLength) {
    }

    /**
     * The upload as it came, in pieces. It is read as text twice or three times (check the encoding, sniff the
     * delimiter, parse), each time as a stream, so the whole text never exists as one string beside the bytes.
     */
    private static final class Upload {
        private final List<byte[]> pieces;
        private final long size;

        private Upload(List<byte[]> pieces, long size) {
            this.pieces = pieces;
            this.size = size;
        }

        static Upload read(InputStream in, long maxBytes) {
            try {
                List<byte[]> pieces = new ArrayList<>();
                long total = 0;
                while (true) {
                    byte[] piece = new byte[(int) Math.min(PIECE, maxBytes + 1 - total)];
                    int n = in.readNBytes(piece, 0, piece.length);
                    if (n == 0) break;
                    total += n;
                    if (total > maxBytes) {
                        throw new ImportRejectedException("the file is larger than " + (maxBytes / (1024 * 1024))
                                + " MB; split it into smaller files", true);
                    }
                    pieces.add(n == piece.length ? piece : Arrays.copyOf(piece, n));
                    if (n < piece.length) break;
                }
                return new Upload(pieces, total);
            } catch (IOException e) {
                throw new ImportRejectedException("the upload could not be read: " + e.getMessage());
            }
        }

        /** The unsigned byte at {@code i}, or -1 past the end. */
        int byteAt(int i) {
            return i < size && !pieces.isEmpty() && i < pieces.get(0).length ? pieces.get(0)[i] & 0xff : -1;
        }

        InputStream open(int skip) {
            List<InputStream> streams = new ArrayList<>(pieces.size());
            for (byte[] p : pieces) streams.add(new ByteArrayInputStream(p));
            InputStream in = new SequenceInputStream(Collections.enumeration(streams));
            try {
                in.skipNBytes(Math.min(skip, size));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // in memory: does not happen
            }
            return in;
        }

        Reader reader(Encoding e) {
            return new InputStreamReader(open(e.bomLength()), e.charset());
        }

        /** Up to {@code maxChars} of the text from its start. */
        String text(Encoding e, int maxChars) {
            char[] buf = new char[(int) Math.min(maxChars, size)];
            int n = 0;
            try (Reader r = reader(e)) {
                int k;
                while (n < buf.length && (k = r.read(buf, n, buf.length - n)) > 0) n += k;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return new String(buf, 0, n);
        }
    }

    private static Encoding encoding(Upload u, List<String> warnings) {
        if (u.byteAt(0) == 0xEF && u.byteAt(1) == 0xBB && u.byteAt(2) == 0xBF) {
            return utf8OrWindows1252(u, 3, warnings);
        }
        if (u.byteAt(0) == 0xFF && u.byteAt(1) == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2);
        }
        if (u.byteAt(0) == 0xFE && u.byteAt(1) == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2);
        }
        return utf8OrWindows1252(u, 0, warnings);
    }

    /** UTF-8 if every byte after the BOM is valid UTF-8 (checked as a stream, nothing kept), else Windows-1252. */
    private static Encoding utf8OrWindows1252(Upload u, int bom, List<String> warnings) {
        var strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(u.open(bom), strict)) {
            char[] buf = new char[8192];
            while (r.read(buf) >= 0) {
                // only checking
            }
            return new Encoding(StandardCharsets.UTF_8, bom);
        } catch (CharacterCodingException e) {
            warnings.add("the file is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters.");
            return new Encoding(WINDOWS_1252, bom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text up to its last line break, when there is one: a line cut short would skew the sniffing. */
    private static String wholeLines(String head) {
        if (head.length() < SNIFF_CHARS) return head;
        int end = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
        return end > 0 ? head.substring(0, end) : head;
    }

    /** The separator that splits the first lines most consistently; {@code ,} when none appears. */
    static char sniffDelimiter(String text) {
        List<String> lines = new ArrayList<>();
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

    /**
     * Passes the text to the parser and notes, without keeping the text, on which physical line each record's
     * first visible character is (the parser reports only where a record begins, which is where the empty lines
     * before it begin). Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}. A NUL character means the file
     * is not text.
     */
    private static final class LineTracker extends FilterReader {
        private long position;          // characters passed so far
        private int line = 1;           // line of the next character
        private long lineStart;
        private boolean lineNoted;      // the current line has a visible character and is in the queue
        private boolean afterCr;
        // lines with a visible character, passed to the parser but not yet asked about: oldest first
        private int[] queuedLines = new int[64];
        private long[] queuedStarts = new long[64];
        private int queueHead, queueTail;

        LineTracker(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) pass((char) c);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) pass(buf[off + i]);
            return n;
        }

        private void pass(char c) {
            if (c == '\0') {
                throw new ImportRejectedException("this is not a text (CSV) file");
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r' || !afterCr) line++;
                lineStart = position + 1;
                lineNoted = false;
                afterCr = c == '\r';
            } else {
                afterCr = false;
                if (!lineNoted && c != ' ' && c != '\t') {
                    queue(line, lineStart);
                    lineNoted = true;
                }
            }
            position++;
        }

        private void queue(int l, long start) {
            if (queueTail == queuedLines.length) {
                int live = queueTail - queueHead;
                if (live * 2 > queuedLines.length) {
                    queuedLines = Arrays.copyOf(queuedLines, queuedLines.length * 2);
                    queuedStarts = Arrays.copyOf(queuedStarts, queuedStarts.length * 2);
                }
                System.arraycopy(queuedLines, queueHead, queuedLines, 0, live);
                System.arraycopy(queuedStarts, queueHead, queuedStarts, 0, live);
                queueHead = 0;
                queueTail = live;
            }
            queuedLines[queueTail] = l;
            queuedStarts[queueTail] = start;
            queueTail++;
        }

        /** The line of the first visible character at or after {@code recordStart}; ask in increasing order. */
        int lineOf(long recordStart) {
            while (queueHead < queueTail && queuedStarts[queueHead] < recordStart) queueHead++;
            return queueHead < queueTail ? queuedLines[queueHead] : line;
        }
    }

    private static String lineHint(String msg) {
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
        int phone = -1, name = -1, first = -1, last = -1, tags = -1, notes = -1, optedOut = -1;
        /** the next phone column (Mobile beside Phone, Google's Phone 2): the number of a row whose phone cell is empty */
        int phone2 = -1;
        /** columns read as custom fields, and their names (in the same order, shared by every row's RowFields) */
        int[] fieldColumns = new int[0];
        String[] fieldKeys = new String[0];
        /** columns read: what a data row costs against {@link ImportLimits#maxCells()} */
        int used;
        /** tag names as first spelled in the file: rows share one string per tag */
        final Map<String, String> tagNames = new HashMap<>();
        /** rows whose phone cell holds several numbers (Google's " ::: "): only the first is read */
        int severalNumbers;
    }

    private Mapping map(CSVRecord header, String defaultRegion, List<String> warnings) {
        Mapping m = new Mapping();
        List<String> cells = header.toList();
        m.headerText = String.join(" ", cells);
        boolean ownExport = isOwnExport(cells);
        Role[] roles = new Role[cells.size()];
        boolean anyKnown = false;
        for (int i = 0; i < cells.size(); i++) {
            String h = normaliseHeader(cells.get(i));
            if (ownExport && i >= ContactCsvWriter.FIXED.size()) {
                roles[i] = Role.FIELD; // the export's custom fields, whatever their names
            } else if (OPT_OUT_HEADERS.contains(h)) {
                roles[i] = m.optedOut < 0 ? Role.OPTED_OUT : Role.IGNORED;
                if (m.optedOut < 0) {
                    m.optedOut = i;
                } else {
                    warnings.add("column " + (i + 1) + " (" + cells.get(i).strip() + ") is a second opt-out column and is"
                            + " ignored: only column " + (m.optedOut + 1) + " is read");
                }
            } else {
                roles[i] = ALIASES.get(h);
            }
            anyKnown |= roles[i] != null && roles[i] != Role.IGNORED && roles[i] != Role.FIELD;
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
                    m.optedOut = -1;
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
                    m.used = m.name >= 0 ? 2 : 1;
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
        List<Integer> fieldColumns = new ArrayList<>();
        List<Integer> unnamed = new ArrayList<>();
        List<Integer> overLimit = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String h = cells.get(i) == null ? "" : cells.get(i).strip();
            Role r = roles[i] == null ? Role.FIELD : roles[i];
            if (r == Role.NAME && hasLast && !hasFirst) r = Role.FIRST_NAME; // "Nome" next to "Cognome"
            int taken = switch (r) { // the column that already has this role, if any
                case PHONE -> m.phone;
                case NAME -> m.name;
                case FIRST_NAME -> m.first;
                case LAST_NAME -> m.last;
                case TAGS -> m.tags;
                case NOTES -> m.notes;
                default -> -1;
            };
            // a second column for a built-in role (two "phone" columns, "Mobile" beside "Phone"): it is read as a
            // custom field of that name, and the preview says so rather than letting it pass unnoticed
            String repeats = null;
            if (taken >= 0) {
                boolean fallback = r == Role.PHONE && m.phone2 < 0;
                if (fallback) m.phone2 = i;
                repeats = "column " + (i + 1) + " (" + h + ") is a second " + roleName(r) + " column: only column "
                        + (taken + 1) + " is read as the " + roleName(r)
                        + (fallback ? " (this one where column " + (taken + 1) + " is empty)" : "");
                r = Role.FIELD;
            }
            if (r != Role.FIELD) {
                set(m, i, r);
                m.columns.add(new ImportColumnView(i, h, r, null));
                if (r != Role.IGNORED || i == m.optedOut) m.used++;
                continue;
            }
            String key = ownExport && CustomFieldKeys.isValid(h) ? CustomFieldKeys.normalise(h) : fieldKey(h);
            if (key != null && fieldColumns.size() == ContactEdit.MAX_FIELDS) {
                // a contact holds at most this many (its page could not save more): the rest are not read
                overLimit.add(i + 1);
                m.columns.add(new ImportColumnView(i, h, Role.IGNORED, null));
            } else if (key == null) {
                unnamed.add(i + 1);
                m.columns.add(new ImportColumnView(i, h, Role.IGNORED, null));
            } else if (!fieldKeys.add(key.toLowerCase(Locale.ROOT))) {
                warnings.add(repeats != null ? repeats + "; this one is ignored"
                        : "column " + (i + 1) + " (" + h + ") repeats an earlier column name and is ignored");
                m.columns.add(new ImportColumnView(i, h, Role.IGNORED, null));
            } else {
                if (repeats != null) {
                    warnings.add(repeats + "; this one is kept as the custom field \"" + key + "\"");
                }
                fieldColumns.add(i);
                m.columns.add(new ImportColumnView(i, h, Role.FIELD, key));
                m.used++;
            }
        }
        m.fieldColumns = fieldColumns.stream().mapToInt(Integer::intValue).toArray();
        m.fieldKeys = m.columns.stream().filter(c -> c.role() == Role.FIELD).map(ImportColumnView::fieldKey).toArray(String[]::new);
        if (m.phone < 0) {
            throw new ImportRejectedException("no phone column found: name a column \"phone\", \"number\" or \"mobile\"");
        }
        if (!overLimit.isEmpty()) {
            warnings.add("column" + (overLimit.size() > 1 ? "s " : " ") + join(overLimit) + (overLimit.size() > 1 ? " are" : " is")
                    + " ignored: a contact has at most " + ContactEdit.MAX_FIELDS + " custom fields, and the columns before"
                    + " already give that many");
        }
        if (!unnamed.isEmpty()) {
            warnings.add("column" + (unnamed.size() > 1 ? "s " : " ") + join(unnamed)
                    + (unnamed.size() > 1 ? " have" : " has") + " no usable name and " + (unnamed.size() > 1 ? "are" : "is") + " ignored");
        }
        return m;
    }

    /** The header mssg's export writes: its fixed columns first, spelled exactly so. */
    private static boolean isOwnExport(List<String> header) {
        List<String> fixed = ContactCsvWriter.FIXED;
        if (header.size() < fixed.size()) return false;
        for (int i = 0; i < fixed.size(); i++) {
            if (header.get(i) == null || !fixed.get(i).equals(header.get(i).strip())) return false;
        }
        return true;
    }

    private static String roleName(Role role) {
        return switch (role) {
            case PHONE -> "phone number";
            case NAME -> "name";
            case FIRST_NAME -> "first name";
            case LAST_NAME -> "last name";
            case TAGS -> "tags";
            case NOTES -> "notes";
            default -> role.name().toLowerCase(Locale.ROOT);
        };
    }

    private static void set(Mapping m, int i, Role role) {
        switch (role) {
            case PHONE -> m.phone = i;
            case NAME -> m.name = i;
            case FIRST_NAME -> m.first = i;
            case LAST_NAME -> m.last = i;
            case TAGS -> m.tags = i;
            case NOTES -> m.notes = i;
            default -> { }
        }
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
                          RowFields fields, boolean optedOut, String reason) {
    }

    private RawRow rawRow(CSVRecord rec, int line, Mapping m) {
        String phoneCell = cell(rec, m.phone);
        String phone = firstValue(phoneCell);
        if (phone == null) {
            phoneCell = cell(rec, m.phone2);
            phone = firstValue(phoneCell);
        }
        if (phone != null && phoneCell.contains(GOOGLE_SEPARATOR)
                && java.util.Arrays.stream(phoneCell.split(GOOGLE_SEPARATOR)).filter(v -> !v.isBlank()).count() > 1) {
            m.severalNumbers++;
        }
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
                t = t.strip();
                if (t.startsWith("* ")) {
                    // Google's own groups: "* myContacts" is on every contact and says nothing; "* starred" is a choice
                    t = t.substring(2);
                    if (t.equalsIgnoreCase("mycontacts")) continue;
                }
                if (t.isBlank()) continue;
                String tag;
                try {
                    tag = TagRules.name(t);
                } catch (InvalidInputException e) {
                    return bad(line, phone, name, "tag \"" + cut(t.strip()) + "\": " + e.getMessage());
                }
                if (seen.add(tag.toLowerCase(Locale.ROOT))) tags.add(m.tagNames.computeIfAbsent(tag, x -> x));
            }
            if (tags.size() > MAX_TAGS_PER_ROW) {
                return bad(line, phone, name, "more than " + MAX_TAGS_PER_ROW + " tags");
            }
        }
        String notes = cell(rec, m.notes);
        if (notes != null && notes.length() > ContactEdit.MAX_NOTES) {
            return bad(line, phone, name, "notes are longer than " + ContactEdit.MAX_NOTES + " characters");
        }
        boolean optedOut = false;
        String optOutCell = cell(rec, m.optedOut);
        if (optOutCell != null) {
            String v = optOutCell.toLowerCase(Locale.ROOT);
            if (YES.contains(v)) {
                optedOut = true;
            } else if (!NO.contains(v)) {
                // a consent flag is not guessed: the user says what it means, and the row waits until then
                return bad(line, phone, name, "opted out: \"" + cut(optOutCell) + "\" is neither yes nor no (write yes,"
                        + " true, 1 or x for a contact who opted out; no, false, 0 or nothing otherwise)");
            }
        }
        List<String> values = new ArrayList<>(m.fieldColumns.length);
        for (int f = 0; f < m.fieldColumns.length; f++) {
            String v = cell(rec, m.fieldColumns[f]);
            if (v != null && v.length() > ContactEdit.MAX_FIELD_VALUE) {
                return bad(line, phone, name, m.fieldKeys[f] + " is longer than " + ContactEdit.MAX_FIELD_VALUE + " characters");
            }
            values.add(v);
        }
        if (phone == null) {
            return bad(line, null, name, "no phone number");
        }
        return new RawRow(line, phone, name, notes, List.copyOf(tags), RowFields.of(m.fieldKeys, values), optedOut, null);
    }

    /** The first of several values Google Contacts put in one cell, else the cell itself. */
    private static String firstValue(String cell) {
        if (cell == null || !cell.contains(GOOGLE_SEPARATOR)) return cell;
        for (String v : cell.split(GOOGLE_SEPARATOR)) {
            if (!v.isBlank()) return v.strip();
        }
        return null;
    }

    private static RawRow bad(int line, String phone, String name, String reason) {
        return new RawRow(line, phone, name, null, List.of(), null, false, reason);
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
}
