package io.dyadwatch.producer.importing;

/** Thrown by row parsers when a row cannot be read; the importer records it and moves on. */
public final class MalformedRowException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A row refused for the given reason. */
    public MalformedRowException(String reason) {
        super(reason);
    }
}
