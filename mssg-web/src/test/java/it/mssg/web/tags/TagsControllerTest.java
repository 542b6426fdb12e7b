package it.mssg.web.tags;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.NewTag;
import it.mssg.core.api.TagCommands;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TagsController.class)
class TagsControllerTest extends WebSliceTest {

    @MockitoBean TagQueries tags;
    @MockitoBean TagCommands commands;

    @BeforeEach
    void data() {
        TagView vip = new TagView(1, "vip", "#aa0000", 3);
        when(tags.list()).thenReturn(List.of(vip));
        when(tags.get(1)).thenReturn(vip);
    }

    @Test
    void listsTagsWithTheirCountsAndADeleteThatSaysHowManyItTouches() throws Exception {
        mvc.perform(get("/tags").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("data-color=\"#aa0000\"")))
                .andExpect(content().string(containsString("It is on 3 contacts")))
                .andExpect(content().string(containsString("Delete (3 contacts)")));
        mvc.perform(get("/tags").with(owner()).header("HX-Request", "true"))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"tag-list\"")));
    }

    @Test
    void createsATag() throws Exception {
        when(commands.create(new NewTag("friends", "#00ff00"))).thenReturn(new TagView(2, "friends", "#00ff00", 0));
        mvc.perform(post("/tags").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("name", "friends").param("color", "#00FF00"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Created the tag")));
    }

    @Test
    void aTakenNameKeepsTheFormAndSaysWhy() throws Exception {
        when(commands.create(new NewTag("VIP", null))).thenThrow(new ConflictException("name", "a tag named VIP exists already"));
        mvc.perform(post("/tags").with(owner()).with(csrf().asHeader()).header("HX-Request", "true").param("name", "VIP"))
                .andExpect(status().is(422))
                .andExpect(header().string("HX-Reswap", "none"))
                .andExpect(header().string("HX-Trigger", containsString("exists already")));
    }

    @Test
    void renamesAndRecoloursOnlyWhatChanged() throws Exception {
        when(commands.rename(1, "gold")).thenReturn(new TagView(1, "gold", "#aa0000", 3));
        mvc.perform(post("/tags/1").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("name", "gold").param("color", "#AA0000"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Saved the tag")));
        verify(commands).rename(1, "gold");
        verify(commands, never()).recolor(anyLong(), anyString());
    }

    @Test
    void deleteReportsTheContactsItTouched() throws Exception {
        when(commands.delete(1)).thenReturn(3);
        mvc.perform(post("/tags/1/delete").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("from 3 contacts")));
    }

    @Test
    void tagsNoContactHasGoInOneStepOfferedOnlyWhenThereAreAny() throws Exception {
        mvc.perform(get("/tags").with(owner()))
                .andExpect(content().string(not(containsString("/tags/delete-unused"))));
        when(tags.list()).thenReturn(List.of(new TagView(1, "vip", "#aa0000", 3), new TagView(2, "a", "#aa0000", 0),
                new TagView(3, "b", "#aa0000", 0)));
        mvc.perform(get("/tags").with(owner()))
                .andExpect(content().string(containsString("Delete the 2 tags no contact has")));
        when(commands.deleteUnused()).thenReturn(2);
        mvc.perform(post("/tags/delete-unused").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Deleted 2 tags no contact had.")));
        verify(commands).deleteUnused();
    }

    @Test
    void thousandsOfTagsArePagedTwoHundredAtATime() throws Exception {
        List<TagView> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 450; i++) many.add(new TagView(i, String.format("t%03d", i), "#aa0000", 1));
        when(tags.list()).thenReturn(many);
        String second = mvc.perform(get("/tags").param("page", "1").with(owner()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains(">t201<", ">t400<", "Page 2 of 3 (450 tags)", "href=\"/tags?page=0\"",
                "href=\"/tags?page=2\"").doesNotContain(">t200<", ">t401<");
        mvc.perform(get("/tags").param("page", "99").with(owner()))
                .andExpect(content().string(containsString("Page 3 of 3")));
    }
}
