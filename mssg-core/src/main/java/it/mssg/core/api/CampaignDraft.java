package it.mssg.core.api;

import it.mssg.core.domain.sending.MessageTemplate;
import it.mssg.core.domain.sending.TagExpression;
import it.mssg.core.domain.sending.TemplateException;

/**
 * What a campaign is: a name, who gets it (tag expression text form, e.g. {@code vip, lead -competitor}; empty =
 * everyone) and the template. Validates itself.
 */
public record CampaignDraft(String name, String tagExpression, String template) {

    public static final int MAX_NAME = 200;

    public CampaignDraft {
        name = name == null ? "" : name.strip();
        InvalidInputException.require(!name.isEmpty() && name.length() <= MAX_NAME, "name",
                "a campaign needs a name of 1 to " + MAX_NAME + " characters");
        tagExpression = tagExpression == null ? "" : tagExpression.strip();
        try {
            tagExpression = TagExpression.parse(tagExpression).toText();
        } catch (TagExpression.TagExpressionException e) {
            throw new InvalidInputException("tagExpression", e.getMessage());
        }
        try {
            MessageTemplate.parse(template);
        } catch (TemplateException e) {
            throw new InvalidInputException("template", e.getMessage());
        }
    }
}
