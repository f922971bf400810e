package io.dyadwatch.alerts.rules;

/** A rules file that cannot be used; the message names the rule and what is wrong. */
public final class RuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleException(String message) {
        super(message);
    }
}
