package io.dyadwatch.model.settings;

/** A setting that cannot be used: unknown key, unreadable file, invalid value. The message says which. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
