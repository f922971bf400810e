package io.dyadwatch.model.event;

import java.util.Objects;

/**
 * Who reported an event, and how far the report is trusted.
 *
 * @param name  publication or feed, never blank
 * @param url   where the report can be checked, or null
 * @param grade the Admiralty grade; {@link Grade#UNGRADED} when the report carries none
 */
public record Source(String name, String url, Grade grade) {

    public Source {
        Objects.requireNonNull(name, "source.name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("source.name must not be blank");
        }
        grade = grade == null ? Grade.UNGRADED : grade;
    }
}
