using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// The median of a row divided by the median of a reference row of the same class (<see cref="ReceivingSideBenchmarks"/>:
/// the identity-token cached path over the authentication floor, Cognito over plain JwtBearer). Medians, because on a
/// 2-core machine TestServer's thread hops give the means long tails that fall on whichever row was running; the issue's
/// ratios are read from these columns, the means are shown beside them.
/// </summary>
internal sealed class MedianRatioColumn(string header, string referenceMethod, params string[] rows) : IColumn
{
    public string Id => nameof(MedianRatioColumn) + header;

    public string ColumnName => header;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Median of the row / median of {referenceMethod}";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        string method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        BenchmarkCase? reference = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.WorkloadMethod.Name == referenceMethod);
        if ((method != referenceMethod && !rows.Contains(method)) || reference is null
            || summary[benchmarkCase]?.ResultStatistics is not { } row || summary[reference]?.ResultStatistics is not { } baseline)
        {
            return "-";
        }

        return (row.Median / baseline.Median).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
