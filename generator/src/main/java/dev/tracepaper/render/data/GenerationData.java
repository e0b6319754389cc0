package dev.tracepaper.render.data;

/**
 * One of a view's two generations, blue and green: a table of its own, the data source AppSync
 * reads it with, and the pipeline function that reads it when it is the live one. Readers read the
 * generation the bookkeeping table names (item {@code rebuild}/{@code <view>}, attribute {@code
 * live}); a rebuild fills the other one and then switches them, so readers never see a half-built
 * view. Blue keeps the names the view's only table had.
 *
 * @param colour {@code blue} or {@code green}
 * @param tableSuffix the table name's suffix after the stack name ({@code book-availability},
 *     {@code book-availability.green})
 * @param tableLogicalId the table's logical id ({@code BookAvailabilityTable}, {@code
 *     BookAvailabilityTableGreen})
 * @param dataSourceLogicalId its AppSync data source's logical id ({@code
 *     BookAvailabilityDataSource}, {@code BookAvailabilityDataSourceGreen})
 * @param functionLogicalId the pipeline function that reads it ({@code BookAvailabilityReadBlue})
 * @param functionFile that function's code, relative to the project: one file per colour, which
 *     every view's function of that colour shares
 */
public record GenerationData(
    String colour,
    String tableSuffix,
    String tableLogicalId,
    String dataSourceLogicalId,
    String functionLogicalId,
    String functionFile) {}
