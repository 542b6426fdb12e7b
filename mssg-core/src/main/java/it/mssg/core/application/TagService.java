package it.mssg.core.application;

import it.mssg.core.api.NewTag;
import it.mssg.core.api.TagChoice;
import it.mssg.core.api.TagCommands;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagRules;
import it.mssg.core.api.TagView;
import it.mssg.core.domain.sending.TagExpression;
import it.mssg.core.store.CampaignStore;
import it.mssg.core.store.TagStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

@Service
@Transactional
class TagService implements TagQueries, TagCommands {

    private final TagStore store;
    private final CampaignStore campaigns;
    private final CoreClock clock;

    TagService(TagStore store, CampaignStore campaigns, CoreClock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TagView> list() {
        return store.list();
    }

    @Override
    public List<TagChoice> choices() {
        return store.choices();
    }

    @Override
    @Transactional(readOnly = true)
    public TagView get(long id) {
        return store.get(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TagView> findByName(String name) {
        return name == null || name.isBlank() ? Optional.empty() : store.findByName(name);
    }

    @Override
    public TagView create(NewTag tag) {
        return store.create(tag.name(), tag.color(), clock.instant());
    }

    @Override
    public TagView rename(long id, String newName) {
        return store.rename(id, TagRules.name(newName));
    }

    @Override
    public TagView recolor(long id, String color) {
        return store.recolor(id, TagRules.color(color));
    }

    @Override
    public int delete(long id) {
        return store.delete(id);
    }

    @Override
    public int deleteUnused() {
        Set<String> named = new HashSet<>();
        for (CampaignStore.Row c : campaigns.all()) {
            try {
                named.addAll(TagExpression.readStored(c.tagExpression()).tagsNamed());
            } catch (IllegalArgumentException unreadable) {
                // a stored audience that no longer reads names nothing this could keep
            }
        }
        List<Long> ids = store.unusedNotLabels().entrySet().stream().filter(e -> !named.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        return store.deleteUnused(ids);
    }
}
