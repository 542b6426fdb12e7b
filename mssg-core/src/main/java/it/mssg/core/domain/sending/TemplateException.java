package it.mssg.core.domain.sending;

import java.util.List;
import java.util.stream.Collectors;

/** A template text that cannot be used, with every problem found and where it is. */
public final class TemplateException extends IllegalArgumentException {

    private final transient List<TemplateProblem> problems;

    public TemplateException(List<TemplateProblem> problems) {
        super(problems.stream().map(TemplateProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
