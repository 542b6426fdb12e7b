package it.mssg.core.api;

public enum SortDirection {
    ASC, DESC
}
