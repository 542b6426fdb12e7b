package it.mssg.agent.matching;

import java.util.List;

/** A small English knowledge base of a shop: opening hours, prices and delivery. */
final class FixtureKnowledge {

    static final long HOURS = 1, PRICES = 2, DELIVERY = 3;

    static final List<MatchableEntry> ENTRIES = List.of(
            new MatchableEntry(HOURS, List.of(
                    "What are your opening hours?",
                    "When are you open?",
                    "What time do you close today?",
                    "Are you open on Sunday?"), List.of()),
            new MatchableEntry(PRICES, List.of(
                    "How much does it cost?",
                    "What are your prices?",
                    "Can you send me the price list?",
                    "How much is a haircut?"), List.of()),
            new MatchableEntry(DELIVERY, List.of(
                    "Do you deliver?",
                    "How long does shipping take?",
                    "Where is my order?",
                    "How much is delivery to my address?"), List.of()));

    /** Messages a customer might send about one of the entries, none of them an example question. */
    static final List<Object[]> ON_TOPIC = List.of(
            new Object[]{"what time do you open?", HOURS},
            new Object[]{"are you open tomorrow morning?", HOURS},
            new Object[]{"when do you close on saturday", HOURS},
            new Object[]{"what's the price?", PRICES},
            new Object[]{"how much do you charge for a haircut", PRICES},
            new Object[]{"when will my order arrive?", DELIVERY});

    /**
     * Right entry first, but below the default threshold: the agent stays silent rather than guess. Adding an
     * example question close to it ("Do you ship to my city?") is how the user teaches it.
     */
    static final List<Object[]> NEAR_MISS = List.<Object[]>of(
            new Object[]{"do you ship to Milan?", DELIVERY});

    static final List<String> OFF_TOPIC = List.of(
            "ok thanks", "hello", "thank you!", "see you later", "good morning", "lol", "👍", "can you call me back?");

    private FixtureKnowledge() {
    }
}
