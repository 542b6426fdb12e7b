package it.mssg.core.domain.csv;

import it.mssg.core.api.ImportColumnView.Role;
import it.mssg.core.api.ImportRejectedException;
import it.mssg.core.api.ImportRowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CsvImportReaderTest {

    private final CsvImportReader reader = new CsvImportReader(ImportLimits.DEFAULTS);

    private ParsedImport read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private ParsedImport read(byte[] bytes) {
        return reader.read(new ByteArrayInputStream(bytes), "IT");
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t", "|"})
    void findsTheDelimiter(String d) {
        String csv = String.join(d, "name", "phone", "tags") + "\n"
                + String.join(d, "Mario Rossi", "333 1234567", "vip") + "\n"
                + String.join(d, "Anna Bianchi", "+39 347 1234567", "") + "\n";
        ParsedImport p = read(csv);
        assertThat(p.delimiter()).isEqualTo(d);
        assertThat(p.rows()).extracting(ParsedRow::status, ParsedRow::e164, ParsedRow::name).containsExactly(
                tuple(ImportRowStatus.VALID, "+393331234567", "Mario Rossi"),
                tuple(ImportRowStatus.VALID, "+393471234567", "Anna Bianchi"));
    }

    @Test
    void semicolonFileWithCommasInsideValues() {
        ParsedImport p = read("Nome;Telefono;Note\n\"Rossi, Mario\";333 1234567;\"uno, due; tre\"\n");
        assertThat(p.delimiter()).isEqualTo(";");
        assertThat(p.rows().get(0).name()).isEqualTo("Rossi, Mario");
        assertThat(p.rows().get(0).notes()).isEqualTo("uno, due; tre");
    }

    @Test
    void utf8BomIsIgnored() {
        byte[] body = "phone,name\n3331234567,Zoë 😀\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        ParsedImport p = read(withBom);
        assertThat(p.columns().get(0).role()).isEqualTo(Role.PHONE);
        assertThat(p.columns().get(0).header()).isEqualTo("phone");
        assertThat(p.rows().get(0).name()).isEqualTo("Zoë 😀");
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void utf16WithBomAsExcelUnicodeTextWritesIt() {
        byte[] body = "phone\tname\r\n3331234567\tZoë\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] b = new byte[body.length + 2];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xFE;
        System.arraycopy(body, 0, b, 2, body.length);
        ParsedImport p = read(b);
        assertThat(p.rows()).extracting(ParsedRow::name).containsExactly("Zoë");
    }

    @Test
    void windows1252IsReadWithAWarning() {
        ParsedImport p = read("phone;name\n3331234567;Niccolò\n".getBytes(Charset.forName("windows-1252")));
        assertThat(p.rows().get(0).name()).isEqualTo("Niccolò");
        assertThat(p.warnings()).anyMatch(w -> w.contains("not UTF-8"));
    }

    @Test
    void quotesEscapedQuotesAndValuesOverSeveralLines() {
        String csv = "phone,name,notes\r\n"
                + "3331234567,\"Mario \"\"Super\"\" Rossi\",\"line one\r\nline two\"\r\n"
                + "3471234567,Anna,\r\n";
        ParsedImport p = read(csv);
        assertThat(p.rows()).extracting(ParsedRow::line, ParsedRow::name, ParsedRow::notes).containsExactly(
                tuple(2, "Mario \"Super\" Rossi", "line one\r\nline two"),
                tuple(4, "Anna", null));
    }

    @Test
    void emptyLinesAndSeparatorOnlyLinesAreSkippedButLineNumbersStayTrue() {
        String csv = "phone,name\n\n3331234567,A\n   \n,,\n\n3471234567,B\nabc,C\n";
        ParsedImport p = read(csv);
        assertThat(p.rows()).extracting(ParsedRow::line, ParsedRow::status).containsExactly(
                tuple(3, ImportRowStatus.VALID), tuple(7, ImportRowStatus.VALID), tuple(8, ImportRowStatus.INVALID));
    }

    @Test
    void tenThousandColumnsRejectTheFileClearly() {
        StringBuilder header = new StringBuilder("phone");
        for (int i = 1; i < 10_000; i++) header.append(",c").append(i);
        assertThatThrownBy(() -> read(header + "\n3331234567\n"))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("10000 columns").hasMessageContaining("at most 200");
    }

    @Test
    void aRowWithTooManyColumnsIsARowError() {
        String wide = "3331234567,A" + ",x".repeat(300);
        ParsedImport p = read("phone,name\n" + wide + "\n3471234567,B\n");
        assertThat(p.rows()).extracting(ParsedRow::line, ParsedRow::status).containsExactly(
                tuple(2, ImportRowStatus.INVALID), tuple(3, ImportRowStatus.VALID));
        assertThat(p.rows().get(0).reason()).contains("302 columns");
    }

    @Test
    void invalidAndAmbiguousNumbersAreRowErrorsWithTheirLine() {
        String csv = """
                phone,name
                3331234567,ok
                ,no number
                12,short
                Mario,letters
                3.93331E+11,excel
                447911123456,ambiguous-in-DE-only
                +999 1234567,unknown country
                """;
        ParsedImport p = read(csv);
        assertThat(p.rows()).extracting(ParsedRow::line, ParsedRow::status).containsExactly(
                tuple(2, ImportRowStatus.VALID), tuple(3, ImportRowStatus.INVALID), tuple(4, ImportRowStatus.INVALID),
                tuple(5, ImportRowStatus.INVALID), tuple(6, ImportRowStatus.INVALID), tuple(7, ImportRowStatus.VALID),
                tuple(8, ImportRowStatus.INVALID));
        assertThat(p.rows().get(1).reason()).isEqualTo("no phone number");
        assertThat(p.rows().get(2).reason()).contains("too short");
        assertThat(p.rows().get(4).reason()).contains("spreadsheet");
        assertThat(p.rows().get(6).reason()).contains("unknown country code");

        ParsedImport de = reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "DE");
        assertThat(de.rows().get(5).status()).isEqualTo(ImportRowStatus.INVALID);
        assertThat(de.rows().get(5).reason()).contains("ambiguous").contains("+447911123456");
    }

    @Test
    void duplicatesInsideTheFilePointToTheFirstLine() {
        ParsedImport p = read("phone,name\n333 1234567,A\n+39 333 123 4567,B\n0039 3331234567,C\n3471234567,D\n");
        assertThat(p.rows()).extracting(ParsedRow::status, ParsedRow::firstLine).containsExactly(
                tuple(ImportRowStatus.VALID, null), tuple(ImportRowStatus.DUPLICATE_IN_FILE, 2),
                tuple(ImportRowStatus.DUPLICATE_IN_FILE, 2), tuple(ImportRowStatus.VALID, null));
        assertThat(p.rows().get(1).reason()).isEqualTo("same number as line 2");
    }

    @Test
    void duplicatesAgainstTheDatabaseAreMarkedFromALookup() {
        ParsedImport p = read("phone,name\n3331234567,A\n3471234567,B\n").markStored(Map.of("+393471234567", 42L));
        assertThat(p.rows()).extracting(ParsedRow::status, ParsedRow::existingContactId).containsExactly(
                tuple(ImportRowStatus.VALID, null), tuple(ImportRowStatus.DUPLICATE_IN_DB, 42L));
        assertThat(p.counts()).containsEntry(ImportRowStatus.VALID, 1).containsEntry(ImportRowStatus.DUPLICATE_IN_DB, 1);
    }

    @Test
    void hostileTextIsKeptIntact() {
        String name = "<script>alert('x')</script>";
        String rtl = "\u202Eevil\u202C \u200Fשלום\u200F";
        String emoji = "👩‍👩‍👧 Family 🇮🇹";
        ParsedImport p = read("phone,name,notes\n3331234567,\"" + name + "\",\"" + rtl + "\"\n3471234567,\"" + emoji + "\",\n");
        assertThat(p.rows().get(0).name()).isEqualTo(name);
        assertThat(p.rows().get(0).notes()).isEqualTo(rtl);
        assertThat(p.rows().get(1).name()).isEqualTo(emoji);
    }

    @Test
    void headersMapToRolesAndOtherColumnsToCustomFields() {
        ParsedImport p = read("Cellulare,Nome,Cognome,Etichette,Note,Città,E-mail,Data (gg/mm),,città\n"
                + "3331234567,Mario,Rossi,vip; clienti|Vip,ciao,Roma,m@x.it,01/02,ignored,dup\n");
        assertThat(p.columns()).extracting(c -> c.role()).containsExactly(Role.PHONE, Role.FIRST_NAME, Role.LAST_NAME,
                Role.TAGS, Role.NOTES, Role.FIELD, Role.FIELD, Role.FIELD, Role.IGNORED, Role.IGNORED);
        ParsedRow r = p.rows().get(0);
        assertThat(r.name()).isEqualTo("Mario Rossi");
        assertThat(r.tags()).containsExactly("vip", "clienti");
        assertThat(r.notes()).isEqualTo("ciao");
        assertThat(r.fields()).containsExactly(Map.entry("Città", "Roma"), Map.entry("E-mail", "m@x.it"),
                Map.entry("Data gg mm", "01/02"));
        assertThat(p.warnings()).anyMatch(w -> w.contains("column 10")).anyMatch(w -> w.contains("column 9"));
    }

    @Test
    void aFileWithoutHeaderIsReadAsPhoneAndName() {
        ParsedImport p = read("3331234567,Mario\n3471234567,Anna\n");
        assertThat(p.rows()).extracting(ParsedRow::line, ParsedRow::name).containsExactly(tuple(1, "Mario"), tuple(2, "Anna"));
        assertThat(p.warnings()).anyMatch(w -> w.contains("no header row"));
    }

    @Test
    void aFileWithoutAPhoneColumnIsRejected() {
        assertThatThrownBy(() -> read("name,city\nMario,Roma\n"))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("no phone column");
    }

    @Test
    void aWrongSeparatorGivesOneColumnAndAHint() {
        ParsedImport p = read("phone:name\n3331234567:Mario\n");
        assertThat(p.columns()).hasSize(1);
        assertThat(p.warnings()).anyMatch(w -> w.contains("only one column"));
        assertThat(p.rows().get(0).status()).isEqualTo(ImportRowStatus.INVALID);
    }

    @Test
    void emptyBinaryOversizedAndBrokenFilesAreRejected() {
        assertThatThrownBy(() -> read("")).isInstanceOf(ImportRejectedException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("\n\n  \n")).isInstanceOf(ImportRejectedException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read(new byte[]{'P', 'K', 3, 4, 0, 0, 1})).isInstanceOf(ImportRejectedException.class);
        CsvImportReader small = new CsvImportReader(new ImportLimits(100, 2, 200, 10_000));
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(new byte[101]), "IT"))
                .isInstanceOf(ImportRejectedException.class).satisfies(e -> assertThat(((ImportRejectedException) e).tooLarge()).isTrue());
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream("phone\n1\n2\n3\n".getBytes()), "IT"))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("more than 2 rows");
        assertThatThrownBy(() -> read("phone,name\n3331234567,\"never closed\n3471234567,x\n"))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("never closed");
    }

    @Test
    void longCellsNamesAndTagsAreRowErrors() {
        ParsedImport p = read("phone,name,tags,notes\n"
                + "3331234567," + "n".repeat(201) + ",,\n"
                + "3471234567,ok," + "t".repeat(51) + ",\n"
                + "3481234567,ok,,\"" + "x".repeat(10_001) + "\"\n"
                + "3491234567,ok,a;b,fine\n");
        assertThat(p.rows()).extracting(ParsedRow::status).containsExactly(ImportRowStatus.INVALID, ImportRowStatus.INVALID,
                ImportRowStatus.INVALID, ImportRowStatus.VALID);
        assertThat(p.rows().get(0).reason()).contains("name is longer");
        assertThat(p.rows().get(1).reason()).contains("tag");
        assertThat(p.rows().get(2).reason()).contains("column 4 is longer");
    }

    @Test
    void anExportedFileImportsBackToTheSameValues() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ContactCsvWriter w = new ContactCsvWriter(out, List.of("Città", "formula"))) {
            w.write("+393331234567", "=HYPERLINK(\"http://x\")", null, "393331234567@c.us", false, false, "CSV",
                    List.of("vip", "a b"), "-notes", Map.of("città", "Roma", "formula", "@SUM(A1)"));
        }
        ParsedImport p = read(out.toByteArray());
        ParsedRow r = p.rows().get(0);
        assertThat(r.status()).isEqualTo(ImportRowStatus.VALID);
        assertThat(r.e164()).isEqualTo("+393331234567");
        assertThat(r.name()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(r.notes()).isEqualTo("-notes");
        assertThat(r.tags()).containsExactly("vip", "a b");
        assertThat(r.fields()).containsEntry("Città", "Roma").containsEntry("formula", "@SUM(A1)");
    }

    @Test
    void aHundredThousandRowsReadQuickly() {
        StringBuilder b = new StringBuilder("phone,name,tags,city\n");
        for (int i = 0; i < 100_000; i++) {
            b.append("+39 333 ").append(1_000_000 + i).append(",Person ").append(i).append(",t").append(i % 10)
                    .append(",City ").append(i % 100).append('\n');
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        read(bytes); // warm up
        long t = System.nanoTime();
        ParsedImport p = read(bytes);
        long ms = (System.nanoTime() - t) / 1_000_000;
        System.out.println("read 100k rows in " + ms + " ms");
        assertThat(p.rows()).hasSize(100_000).allMatch(r -> r.status() == ImportRowStatus.VALID);
        assertThat(ms).as("a loose guard only; the target (with commit) is 3 s on an idle machine").isLessThan(20_000);
    }
}
