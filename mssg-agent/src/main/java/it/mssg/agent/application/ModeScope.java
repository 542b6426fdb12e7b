package it.mssg.agent.application;

/** What a mode rule is set on: one of core's contacts or one of core's tags. */
public enum ModeScope { CONTACT, TAG }
