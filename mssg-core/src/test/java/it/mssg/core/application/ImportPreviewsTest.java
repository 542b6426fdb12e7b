package it.mssg.core.application;

import it.mssg.core.api.DuplicatePolicy;
import it.mssg.core.api.ImportColumnView;
import it.mssg.core.api.ImportRowStatus;
import it.mssg.core.domain.csv.ParsedImport;
import it.mssg.core.domain.csv.ParsedRow;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPreviewsTest {

    final ImportPreviews previews = new ImportPreviews(new CoreProperties("", "2026-11", DataSize.ofMegabytes(50), 200_000, 200,
            Duration.ofMinutes(30), 4, Duration.ofMinutes(2)), new CoreClock());

    /** A parsed file of {@code rows} rows by {@code columns} columns (the rows share one row object: only sizes matter). */
    static ParsedImport file(int rows, int columns) {
        List<ImportColumnView> cols = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            cols.add(new ImportColumnView(i, "c" + i, ImportColumnView.Role.FIELD, "c" + i));
        }
        ParsedRow row = new ParsedRow(2, ImportRowStatus.VALID, "+393330000000", "+393330000000", null, null, List.of(),
                Map.of(), false, null, null, null);
        return new ParsedImport(",", cols, List.of(), Collections.nCopies(rows, row));
    }

    @Test
    void keepsAtMostTheConfiguredNumberOldestFirst() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(previews.add("f" + i + ".csv", file(10, 3), DuplicatePolicy.SKIP).id());
        }
        assertThat(previews.get(ids.get(0))).isEmpty();
        assertThat(ids.subList(1, 5)).allMatch(id -> previews.get(id).isPresent());
    }

    @Test
    void bigPreviewsLeftOpenCannotFillTheHeapTogether() {
        // each 40 % of what may be kept: the third pushes the first out, though four would be allowed by count
        int rows = (int) (ImportPreviews.MAX_CELLS_KEPT * 2 / 5 / 10);
        String first = previews.add("a.csv", file(rows, 10), DuplicatePolicy.SKIP).id();
        String second = previews.add("b.csv", file(rows, 10), DuplicatePolicy.SKIP).id();
        String third = previews.add("c.csv", file(rows, 10), DuplicatePolicy.SKIP).id();
        assertThat(previews.get(first)).isEmpty();
        assertThat(previews.get(second)).isPresent();
        assertThat(previews.get(third)).isPresent();
        // one preview larger than the bound alone is still kept: the user is looking at it
        String huge = previews.add("d.csv", file((int) (ImportPreviews.MAX_CELLS_KEPT / 10) + 1, 10), DuplicatePolicy.SKIP).id();
        assertThat(previews.get(huge)).isPresent();
        assertThat(previews.get(second)).isEmpty();
        assertThat(previews.get(third)).isEmpty();
    }
}
