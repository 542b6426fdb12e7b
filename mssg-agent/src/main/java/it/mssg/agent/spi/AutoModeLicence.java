package it.mssg.agent.spi;

/**
 * Whether the licence lets the agent send on its own (AUTO mode). Implemented where the licence is known (the
 * web application, from licensing's entitlements). Without a licence an AUTO decision degrades to a suggestion
 * with reason {@link it.mssg.agent.api.ReasonCode#AUTO_NOT_LICENSED}; nothing is sent. Without any
 * implementation (the agent module on its own, in its tests) AUTO is allowed.
 */
public interface AutoModeLicence {

    boolean autoModeAllowed();
}
