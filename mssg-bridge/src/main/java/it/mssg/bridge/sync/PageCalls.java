package it.mssg.bridge.sync;

import it.mssg.bridge.browser.PageCallFailed;

/** Calls into the shim's {@code window.__mssg} commands, as the session offers them. */
public interface PageCalls {

    /** @param command a command of {@code window.__mssg}; {@code arguments} go as a JSON array */
    Object call(String command, Object... arguments) throws PageCallFailed;
}
