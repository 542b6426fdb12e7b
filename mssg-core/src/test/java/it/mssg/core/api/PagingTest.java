package it.mssg.core.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @ParameterizedTest(name = "page {0} size {1}")
    @CsvSource({"0, 1", "0, 500", "1000000, 500"})
    void pagesInRange(int page, int size) {
        assertThat(Paging.of(page, size).offset()).isEqualTo((long) page * size);
    }

    @ParameterizedTest(name = "page {0} size {1}: {2}")
    @CsvSource({"-1, 50, page must be between 0 and 1000000",
            // a screen links to page + 1: the largest int would turn into a negative page there
            "2147483647, 50, page must be between 0 and 1000000",
            "0, 0, size must be between 1 and 500", "0, 501, size must be between 1 and 500"})
    void pagesOutOfRangeAreRefusedInWords(int page, int size, String message) {
        assertThatThrownBy(() -> Paging.of(page, size)).isInstanceOf(InvalidInputException.class).hasMessage(message);
    }
}
