package it.mssg.core.store;

import it.mssg.core.api.ContactSource;
import it.mssg.core.domain.ContactText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

@Entity
@Table(name = "contact")
class ContactEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "wa_id")
    String waId;

    @Column(name = "phone_e164")
    String phoneE164;

    @Column(name = "display_name")
    String displayName;

    @Column(name = "push_name")
    String pushName;

    @Column(name = "business", nullable = false)
    boolean business;

    @Column(name = "notes")
    String notes;

    @Column(name = "opted_out", nullable = false)
    boolean optedOut;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    ContactSource source;

    @Column(name = "search_text", nullable = false)
    String searchText;

    @Column(name = "sort_name", nullable = false)
    String sortName;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "contact_field", joinColumns = @JoinColumn(name = "contact_id"))
    @MapKeyColumn(name = "field_key")
    @Column(name = "field_value", nullable = false)
    Map<String, String> fields = new HashMap<>();

    @ManyToMany
    @JoinTable(name = "contact_tag", joinColumns = @JoinColumn(name = "contact_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    Set<TagEntity> tags = new HashSet<>();

    protected ContactEntity() {
    }

    ContactEntity(ContactSource source, Instant now) {
        this.source = source;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Recomputes the search and sort columns and stamps the update time; call after every change. */
    void touch(Instant now) {
        searchText = ContactText.searchText(displayName, pushName, phoneE164, waId);
        sortName = ContactText.sortName(displayName, pushName, phoneE164, waId);
        updatedAt = now;
    }
}
