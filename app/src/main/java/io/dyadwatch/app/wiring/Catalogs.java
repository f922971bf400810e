package io.dyadwatch.app.wiring;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.settings.CommonSettings;

/** Loads the catalog the settings name: {@code catalog.file}, or the one shipped in the jar. */
public final class Catalogs {

    private Catalogs() {
    }

    /** The catalog; throws {@link io.dyadwatch.catalog.CatalogException} listing every problem. */
    public static Catalog load(CommonSettings common) {
        return common.catalogFile() == null ? Catalog.loadDefault() : Catalog.load(common.catalogFile());
    }
}
