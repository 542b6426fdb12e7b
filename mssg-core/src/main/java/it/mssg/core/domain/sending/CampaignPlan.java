package it.mssg.core.domain.sending;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A campaign's dry run: who the tag expression selects, what each of them would get, and who is skipped and
 * why. Contacts the expression does not select are not listed. The same plan (same template, same recipient
 * keys, so the same spintax choices) is what the campaign enqueues when it starts.
 *
 * @param recipients every selected contact in the order given, sent or skipped
 * @param toSend     recipients who get a message
 * @param toSendCold of those, recipients who never wrote to us (for the ETA and the cold budget)
 */
public record CampaignPlan(List<PlannedRecipient> recipients, int toSend, int toSendCold) {

    public enum SkipReason {
        /** Opted out: excluded from every campaign. */
        OPTED_OUT,
        /** A template variable had no value and no fallback ({@code detail} names it). */
        MISSING_VALUE,
        /** The message would be empty. */
        EMPTY_TEXT,
        /** The message would be too long. */
        TOO_LONG,
        /** Another selected contact has the same recipient key (e.g. the same number twice). */
        DUPLICATE_RECIPIENT
    }

    /**
     * @param recipientKey the key messages are sent to and the spintax seed (e.g. the WhatsApp id)
     * @param cold         never wrote to us
     */
    public record Candidate(String recipientKey, Set<String> tags, boolean optedOut, boolean cold,
                            TemplateValues values) {
        public Candidate {
            Objects.requireNonNull(recipientKey, "recipientKey");
            tags = Set.copyOf(tags);
            Objects.requireNonNull(values, "values");
        }
    }

    /** @param text the message when sent, else null; {@code skip} and {@code detail} the reason when skipped */
    public record PlannedRecipient(String recipientKey, String text, SkipReason skip, String detail, boolean cold) {
        public boolean sends() {
            return skip == null;
        }
    }

    public CampaignPlan {
        recipients = List.copyOf(recipients);
    }

    public static CampaignPlan plan(TagExpression expression, MessageTemplate template, Iterable<Candidate> candidates) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(template, "template");
        List<PlannedRecipient> planned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int toSend = 0;
        int toSendCold = 0;
        for (Candidate candidate : candidates) {
            if (!expression.matches(candidate.tags())) {
                continue;
            }
            String key = candidate.recipientKey();
            if (!seen.add(key)) {
                planned.add(skipped(candidate, SkipReason.DUPLICATE_RECIPIENT, "already in this campaign"));
                continue;
            }
            if (candidate.optedOut()) {
                planned.add(skipped(candidate, SkipReason.OPTED_OUT, "opted out"));
                continue;
            }
            RenderResult rendered = template.render(candidate.values(), key);
            if (!rendered.ok()) {
                SkipReason reason = switch (rendered.failure()) {
                    case MISSING_VALUE -> SkipReason.MISSING_VALUE;
                    case EMPTY_TEXT -> SkipReason.EMPTY_TEXT;
                    case TOO_LONG -> SkipReason.TOO_LONG;
                };
                planned.add(skipped(candidate, reason, rendered.message()));
                continue;
            }
            planned.add(new PlannedRecipient(key, rendered.text(), null, null, candidate.cold()));
            toSend++;
            if (candidate.cold()) {
                toSendCold++;
            }
        }
        return new CampaignPlan(planned, toSend, toSendCold);
    }

    private static PlannedRecipient skipped(Candidate candidate, SkipReason reason, String detail) {
        return new PlannedRecipient(candidate.recipientKey(), null, reason, detail, candidate.cold());
    }

    /** The expression selected no one at all, or everyone it selected is skipped: starting would send nothing. */
    public boolean sendsNothing() {
        return toSend == 0;
    }

    public int skipped() {
        return recipients.size() - toSend;
    }
}
