package io.dyadwatch.app.wiring;

import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.alerts.rules.RuleException;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.settings.SettingsException;

/**
 * What the services believe: the catalog, its model (with CUSUM thresholds calibrated for every watched dyad
 * at start-up, not on the first event) and the alert rules, loaded once and checked against each other.
 *
 * @param catalog the scenario and indicator catalog
 * @param model   the scenario model
 * @param rules   the alert rules
 */
public record Analysis(Catalog catalog, ScenarioModel model, RuleBook rules) {

    /** Loads and checks; every watched dyad must have a profile in the catalog. */
    public static Analysis load(Settings settings) {
        Catalog catalog = Catalogs.load(settings.common());
        for (Dyad dyad : settings.common().dyads()) {
            if (!catalog.dyads().containsKey(dyad)) {
                throw new SettingsException("watched dyad " + dyad + " has no profile (baselines, priors) in the catalog "
                        + catalog.origin() + "; profiles exist for " + catalog.dyads().keySet());
            }
        }
        ScenarioModel model = new ScenarioModel(catalog);
        settings.common().dyads().forEach(model::thresholds);
        RuleBook rules;
        try {
            rules = settings.alerts().rulesFile() == null
                    ? RuleBook.loadDefault(catalog)
                    : RuleBook.load(settings.alerts().rulesFile(), catalog);
        } catch (RuleException e) {
            throw new SettingsException(e.getMessage()); // a bad rules file is a bad setting: exit 2, one line
        }
        return new Analysis(catalog, model, rules);
    }
}
