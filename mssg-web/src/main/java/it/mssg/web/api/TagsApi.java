package it.mssg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.mssg.core.api.NewTag;
import it.mssg.core.api.TagCommands;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/tags")
@Tag(name = "Tags")
class TagsApi {

    private final TagQueries tags;
    private final TagCommands commands;

    TagsApi(TagQueries tags, TagCommands commands) {
        this.tags = tags;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "All tags by name, each with how many contacts carry it")
    List<TagView> list() {
        return tags.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One tag")
    TagView get(@PathVariable long id) {
        return tags.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a tag", description = "Names are unique ignoring case (409 otherwise); color is #rrggbb or omitted.")
    ResponseEntity<TagView> create(@RequestBody NewTag tag) {
        TagView created = commands.create(tag);
        return ResponseEntity.created(URI.create("/api/tags/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename and/or recolour a tag")
    TagView change(@PathVariable long id, @RequestBody TagChange change) {
        TagView tag = tags.get(id);
        if (change.name() != null) {
            tag = commands.rename(id, change.name());
        }
        if (change.color() != null) {
            tag = commands.recolor(id, change.color());
        }
        return tag;
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a tag", description = "Removes it from every contact; answers how many contacts carried it.")
    TagDeleted delete(@PathVariable long id) {
        return new TagDeleted(id, commands.delete(id));
    }

    record TagChange(String name, String color) {
    }

    record TagDeleted(long id, int contactsTouched) {
    }
}
