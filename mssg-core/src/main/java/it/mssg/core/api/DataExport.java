package it.mssg.core.api;

import java.io.OutputStream;

/** The user's own data as one zip of CSV and JSON files, written as it is read (never held in memory). */
public interface DataExport {

    /** A file name for the zip, e.g. {@code mssg-export-2026-11-29T1930.zip}. */
    String fileName();

    /**
     * Writes the zip to {@code out}: {@code contacts.csv} and {@code contacts.json} (tags and custom fields
     * included), and one CSV and one JSON file per table of chats, messages, templates, campaigns, settings
     * and the agent's knowledge base when present. The stream is not closed.
     */
    void writeZip(OutputStream out);
}
