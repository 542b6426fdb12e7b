package it.mssg.web.drills;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CsvMutatorTest {

    @Test
    void theSameSeedAndFileNumberGiveTheSameBytes() {
        for (int i = 0; i < 200; i++) {
            CsvMutator.Mutant a = CsvMutator.mutate(SeedFiles.file(i), 42, i);
            CsvMutator.Mutant b = CsvMutator.mutate(SeedFiles.file(i), 42, i);
            assertThat(a.bytes()).isEqualTo(b.bytes());
            assertThat(a.kinds()).isEqualTo(b.kinds());
        }
    }

    @Test
    void anotherSeedGivesOtherFiles() {
        int same = 0;
        for (int i = 0; i < 200; i++) {
            if (java.util.Arrays.equals(CsvMutator.mutate(SeedFiles.file(i), 1, i).bytes(), CsvMutator.mutate(SeedFiles.file(i), 2, i).bytes())) {
                same++;
            }
        }
        assertThat(same).as("files equal under two seeds (untouched ones, about one in ten each)").isLessThan(20);
    }

    @ParameterizedTest
    @EnumSource(CsvMutator.Kind.class)
    void everyKindOfDamageChangesTheFile(CsvMutator.Kind kind) {
        byte[] good = SeedFiles.file(0);
        Random random = new Random(7);
        boolean changed = false;
        for (int i = 0; i < 10 && !changed; i++) {
            changed = !java.util.Arrays.equals(good, CsvMutator.apply(kind, good, random));
        }
        assertThat(changed).isTrue();
    }

    @Test
    void aRunOfTwoThousandFilesUsesEveryKindOfDamage() {
        Set<CsvMutator.Kind> seen = EnumSet.noneOf(CsvMutator.Kind.class);
        for (int i = 0; i < 2_000; i++) {
            seen.addAll(CsvMutator.mutate(SeedFiles.file(i), 42, i).kinds());
        }
        assertThat(seen).containsExactlyInAnyOrder(CsvMutator.Kind.values());
    }

    @Test
    void seedFilesHaveNumbersOfTheirOwn() {
        String a = new String(SeedFiles.file(10), StandardCharsets.UTF_8);
        String b = new String(SeedFiles.file(11), StandardCharsets.UTF_8);
        assertThat(a).contains("+39 347 000 1000");
        assertThat(b).contains("347 0001100").doesNotContain("000 1000");
    }
}
