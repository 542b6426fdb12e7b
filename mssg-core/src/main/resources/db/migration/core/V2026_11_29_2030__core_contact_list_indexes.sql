-- Contact lists are filtered and ordered by an in-memory index (store/ContactIndex: a few ms at 100k
-- contacts, where a LIKE '%…%' scan costs tens). These orderings no longer need B-trees, and every
-- index left out makes a 100k-row import cheaper.
drop index ix_contact_sort_name;
drop index ix_contact_created;
drop index ix_contact_updated;
