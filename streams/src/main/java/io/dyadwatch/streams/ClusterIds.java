package io.dyadwatch.streams;

import java.util.List;

/** The events (cluster ids) of one dyad, type and day: the corroboration index. */
record ClusterIds(List<String> ids) {

    ClusterIds {
        ids = List.copyOf(ids);
    }
}
