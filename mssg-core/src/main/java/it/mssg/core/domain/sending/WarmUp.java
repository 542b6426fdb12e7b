package it.mssg.core.domain.sending;

import java.util.List;
import java.util.Objects;

/**
 * Lower caps for a recently linked number, raised step by step. Day 0 is the local calendar day the number was
 * linked. Step {@code i} applies from its {@code firstDay} until the next step's first day, the last step until
 * {@code endsOnDay} (excluded); from {@code endsOnDay} on only the configured caps apply.
 */
public record WarmUp(List<Step> steps, int endsOnDay) {

    /** @param firstDay the first day (0 = link day) this step applies to */
    public record Step(int firstDay, int perHour, int perDay) {
        public Step {
            if (firstDay < 0 || perHour < 1 || perDay < 1) {
                throw new IllegalArgumentException("warm-up step needs firstDay >= 0 and caps >= 1: " + firstDay
                        + ", " + perHour + "/h, " + perDay + "/day");
            }
        }
    }

    public WarmUp {
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        if (!steps.isEmpty()) {
            if (steps.get(0).firstDay() != 0) {
                throw new IllegalArgumentException("the first warm-up step must start on day 0");
            }
            for (int i = 1; i < steps.size(); i++) {
                Step before = steps.get(i - 1);
                Step step = steps.get(i);
                if (step.firstDay() <= before.firstDay()) {
                    throw new IllegalArgumentException("warm-up steps must start on increasing days");
                }
                if (step.perHour() < before.perHour() || step.perDay() < before.perDay()) {
                    throw new IllegalArgumentException("warm-up caps must not go down from day " + step.firstDay());
                }
            }
            if (endsOnDay <= steps.get(steps.size() - 1).firstDay()) {
                throw new IllegalArgumentException("warm-up must end after its last step starts");
            }
        } else if (endsOnDay != 0) {
            throw new IllegalArgumentException("a warm-up without steps ends on day 0");
        }
    }

    public static WarmUp none() {
        return new WarmUp(List.of(), 0);
    }

    /** The step in force on {@code day} (days since linking), or null when warm-up is over. */
    public Step stepOn(long day) {
        if (day >= endsOnDay || steps.isEmpty()) {
            return null;
        }
        Step found = steps.get(0);
        for (Step step : steps) {
            if (step.firstDay() <= day) {
                found = step;
            }
        }
        return found;
    }
}
