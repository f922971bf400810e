package io.dyadwatch.streams;

/**
 * A report already counted: which event (cluster) it was merged into and when it was first seen.
 *
 * @param clusterId the cluster
 * @param firstSeen processing time, epoch milliseconds
 */
record ReportRef(String clusterId, long firstSeen) {
}
