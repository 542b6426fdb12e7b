package it.mssg.core.api;

/** Something asked for by id does not exist (web: 404 problem detail). */
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, Object id) {
        super(kind + " not found: " + id);
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    /** e.g. "contact", "tag", "chat", "import preview" */
    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
