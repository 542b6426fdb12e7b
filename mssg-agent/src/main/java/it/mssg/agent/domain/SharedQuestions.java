package it.mssg.agent.domain;

import it.mssg.agent.api.KnowledgeEntryView;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An example question may belong to one enabled entry only: a message that matches a question of two entries
 * scores the same for both, and the agent stays silent on a tie (AMBIGUOUS). Disabled entries are not matched,
 * so they cannot tie; enabling one is a save that is checked again.
 */
public final class SharedQuestions {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private SharedQuestions() {
    }

    /** A question of the entry being saved that {@code other} already has. */
    public record Clash(String question, KnowledgeEntryView other) {
    }

    /** A question as the user means it: case and runs of white space do not make it another question. */
    static String comparable(String question) {
        return WHITE_SPACE.matcher(question.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /**
     * The first of {@code questions} that another enabled entry already has.
     *
     * @param selfId   the entry being saved, or null for a new one (its own questions never clash)
     * @param enabled  whether the entry being saved is enabled
     * @param existing all stored entries
     */
    public static Optional<Clash> first(Long selfId, boolean enabled, List<String> questions,
                                        List<KnowledgeEntryView> existing) {
        if (!enabled) return Optional.empty();
        Set<String> mine = new HashSet<>();
        questions.forEach(q -> mine.add(comparable(q)));
        for (KnowledgeEntryView other : existing) {
            if (!other.enabled() || (selfId != null && other.id() == selfId)) continue;
            for (String question : other.questions()) {
                if (mine.contains(comparable(question))) return Optional.of(new Clash(question, other));
            }
        }
        return Optional.empty();
    }
}
