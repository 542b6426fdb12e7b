package it.mssg.core.store;

import it.mssg.core.api.ImportRecordView;
import it.mssg.core.domain.ImportUndoPlan.AddedContact;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The committed imports (table {@code contact_import}) and, for undoing one, the contacts it added. Those are found by
 * the id range the import wrote plus its source and instant, so the import itself writes no extra index entry.
 */
@Repository
public class ImportHistoryStore {

    static final int MAX_FILE_NAME = 255;

    private static final String SELECT = "select id, file_name, committed_at, created, merged, skipped, undone_at, removed"
            + " from contact_import";

    private static final RowMapper<ImportRecordView> RECORD = (rs, n) -> new ImportRecordView(rs.getLong("id"),
            rs.getString("file_name"), Times.read(rs, "committed_at"), rs.getInt("created"), rs.getInt("merged"),
            rs.getInt("skipped"), Times.read(rs, "undone_at"), (Integer) rs.getObject("removed", Integer.class));

    /** A message in one of these states left or may have left: its recipient has been written to. */
    private static final String WRITTEN_TO = "'SENDING', 'SENT', 'DELIVERED', 'READ', 'UNCERTAIN'";

    private final JdbcTemplate jdbc;

    private final ContactIndex index;

    ImportHistoryStore(JdbcTemplate jdbc, ContactIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    /**
     * Records a committed import; call it in the import's transaction, with the instant its contacts were created at.
     *
     * @return the record's id
     */
    public long record(String fileName, Instant committedAt, ImportStore.Outcome outcome, int skipped) {
        String name = fileName == null || fileName.isBlank() ? "(a file without a name)" : fileName.strip();
        if (name.length() > MAX_FILE_NAME) name = name.substring(0, MAX_FILE_NAME - 1) + "…";
        // bound as ImportStore binds created_at, so that the two compare equal in the database's precision
        return Sql.insertReturningId(jdbc, "insert into contact_import (file_name, committed_at, first_id, last_id, created,"
                        + " merged, skipped) values (?, ?, ?, ?, ?, ?, ?)", name, Timestamp.from(committedAt),
                outcome.firstId(), outcome.lastId(), outcome.created(), outcome.merged(), skipped);
    }

    /** The latest imports, newest first. */
    public List<ImportRecordView> recent(int limit) {
        return jdbc.query(SELECT + " order by id desc fetch first ? rows only", RECORD, limit);
    }

    public Optional<ImportRecordView> find(long id) {
        return jdbc.query(SELECT + " where id = ?", RECORD, id).stream().findFirst();
    }

    /** Locks the import's record for an undo: false when it was undone already (or meanwhile). */
    public boolean claimUndo(long id, Instant at) {
        return jdbc.update("update contact_import set undone_at = ? where id = ? and undone_at is null", Times.db(at), id) == 1;
    }

    public void recordRemoved(long id, int removed) {
        jdbc.update("update contact_import set removed = ? where id = ?", removed, id);
    }

    /** The contacts the import added that are still stored, each with what may keep it. */
    public List<AddedContact> added(long importId) {
        return jdbc.query("select c.id, c.opted_out, case when c.updated_at <> c.created_at then 1 else 0 end as changed,"
                + " case when exists (select 1 from chat h where h.contact_id = c.id)"
                + " or exists (select 1 from follow_up_reminder f where f.contact_id = c.id)"
                + " or exists (select 1 from outbox_entry e where e.contact_id = c.id and e.state in (" + WRITTEN_TO + "))"
                + " then 1 else 0 end as in_use"
                + " from contact_import i join contact c on c.id between i.first_id and i.last_id"
                + " where i.id = ? and c.source = 'CSV' and c.created_at = i.committed_at order by c.id",
                (rs, n) -> new AddedContact(rs.getLong("id"), rs.getBoolean("opted_out"), rs.getInt("changed") == 1,
                        rs.getInt("in_use") == 1), importId);
    }

    /**
     * Of these contacts, those still untouched (not opted out, not changed since they were added), locked until the
     * transaction ends: an opt-out or an edit that arrives meanwhile waits, and the contact it touched is not removed.
     */
    public List<Long> lockUntouched(Collection<Long> ids) {
        List<Long> out = new java.util.ArrayList<>(ids.size());
        for (List<Long> chunk : Sql.chunks(ids, Sql.CHUNK)) {
            out.addAll(jdbc.queryForList("select id from contact where id in (" + Sql.marks(chunk.size()) + ")"
                    + " and opted_out = false and updated_at = created_at for update", Long.class, chunk.toArray()));
        }
        return out;
    }

    /**
     * Deletes these contacts (their fields, tags and reminders go with them; chats and sent messages stay, without
     * the link).
     *
     * @return how many were deleted
     */
    public int deleteContacts(Collection<Long> ids) {
        int n = 0;
        for (List<Long> chunk : Sql.chunks(ids, Sql.CHUNK)) {
            n += jdbc.update("delete from contact where id in (" + Sql.marks(chunk.size()) + ")", chunk.toArray());
        }
        index.changedMany(ids);
        return n;
    }
}
