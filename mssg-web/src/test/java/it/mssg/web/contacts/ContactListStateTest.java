package it.mssg.web.contacts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContactListStateTest {

    @ParameterizedTest(name = "[{index}] q={0} tags={1} sort={2} page={3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // q      | tags | sort     | page | toggle 2                              | sort by name        | next page
            "NULL     | NULL | NULL     | 0    | /contacts?tag=2                       | /contacts?sort=-name | /contacts?page=1",
            "anna     | 1    | name     | 0    | /contacts?q=anna&tag=1&tag=2          | /contacts?q=anna&tag=1&sort=-name | /contacts?q=anna&tag=1&page=1",
            "anna     | 1,2  | -name    | 3    | /contacts?q=anna&tag=1&sort=-name     | /contacts?q=anna&tag=1&tag=2 | /contacts?q=anna&tag=1&tag=2&sort=-name&page=4",
            "+39 333  | NULL | NULL     | 0    | /contacts?q=%2B39+333&tag=2           | /contacts?q=%2B39+333&sort=-name | /contacts?q=%2B39+333&page=1",
            "a&b=c    | NULL | phone    | 0    | /contacts?q=a%26b%3Dc&tag=2&sort=phone| /contacts?q=a%26b%3Dc | /contacts?q=a%26b%3Dc&sort=phone&page=1",
            "zoë 👩   | NULL | NULL     | 0    | /contacts?q=zo%C3%AB+%F0%9F%91%A9&tag=2 | /contacts?q=zo%C3%AB+%F0%9F%91%A9&sort=-name | /contacts?q=zo%C3%AB+%F0%9F%91%A9&page=1",
    })
    void buildsLinks(String q, String tags, String sort, int page, String toggle, String byName, String next) {
        List<Long> tagIds = tags == null ? null : Arrays.stream(tags.split(",")).map(Long::valueOf).toList();
        ContactListState state = ContactListState.of(q, tagIds, sort, page);
        assertThat(state.toggleTagUrl(2)).isEqualTo(toggle);
        assertThat(state.sortUrl("name")).isEqualTo(byName);
        assertThat(state.pageUrl(page + 1)).isEqualTo(next);
    }
}
