package it.mssg.licensing.api;

import java.util.List;

/** Every value licensing stores on this machine, and the only values it sends to the licence server. */
public record StoredDataView(List<Item> storedHere, List<String> sentToServer, String serverUrl) {

    public StoredDataView {
        storedHere = List.copyOf(storedHere);
        sentToServer = List.copyOf(sentToServer);
    }

    /** A stored value: its name, the value itself (null when not set) and why it is kept. */
    public record Item(String name, String value, String purpose) {
    }
}
