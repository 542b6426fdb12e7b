package it.mssg.core.api;

public enum MessageDirection {
    INBOUND, OUTBOUND
}
