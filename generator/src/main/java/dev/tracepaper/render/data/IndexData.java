package dev.tracepaper.render.data;

/**
 * A global secondary index of a view's table.
 *
 * @param name the index name ({@code byPractitionerId})
 * @param hashKey the attribute it is partitioned by
 * @param hashKeyType its DynamoDB type ({@code S} or {@code N})
 * @param rangeKey the attribute it is sorted by; empty when none
 * @param rangeKeyType its DynamoDB type; empty when none
 */
public record IndexData(
    String name, String hashKey, String hashKeyType, String rangeKey, String rangeKeyType) {}
