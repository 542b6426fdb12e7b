package it.mssg.core.domain;

import it.mssg.core.domain.ImportUndoPlan.AddedContact;
import it.mssg.core.domain.ImportUndoPlan.KeepReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportUndoPlanTest {

    @ParameterizedTest(name = "opted out {0}, changed {1}, in use {2} → {3}")
    @CsvSource(nullValues = "removed", textBlock = """
            false, false, false, removed
            true,  false, false, OPTED_OUT
            false, true,  false, CHANGED_SINCE
            false, false, true,  IN_USE
            true,  true,  true,  OPTED_OUT
            false, true,  true,  IN_USE
            true,  true,  false, OPTED_OUT
            """)
    void whatKeepsAContact(boolean optedOut, boolean changed, boolean inUse, KeepReason expected) {
        assertThat(ImportUndoPlan.keepReason(new AddedContact(1, optedOut, changed, inUse))).isEqualTo(expected);
    }

    @Test
    void countsEachKeptContactOnceAndListsTheRestInOrder() {
        ImportUndoPlan plan = ImportUndoPlan.of(List.of(
                new AddedContact(10, false, false, false),
                new AddedContact(11, true, true, true),
                new AddedContact(12, false, true, false),
                new AddedContact(13, false, false, true),
                new AddedContact(14, false, false, false),
                new AddedContact(15, false, true, true)));
        assertThat(plan.removable()).containsExactly(10L, 14L);
        assertThat(plan.keptOptedOut()).isOne();
        assertThat(plan.keptInUse()).isEqualTo(2);
        assertThat(plan.keptChanged()).isOne();
        assertThat(plan.kept()).isEqualTo(4);
        assertThat(plan.stillThere()).isEqualTo(6);
        assertThat(ImportUndoPlan.of(List.of()).stillThere()).isZero();
    }
}
