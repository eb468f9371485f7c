using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>The columns of <see cref="ReceivingSideBenchmarks"/>: the medians, and the two ratios on them.</summary>
internal sealed class ReceivingSideConfig : ManualConfig
{
    public ReceivingSideConfig()
    {
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        AddColumn(new MedianRatioColumn("Median ÷ floor", nameof(ReceivingSideBenchmarks.Floor), nameof(ReceivingSideBenchmarks.IamIdentityTokenCached)));
        AddColumn(new MedianRatioColumn("Median ÷ JwtBearer", nameof(ReceivingSideBenchmarks.JwtBearer), nameof(ReceivingSideBenchmarks.Cognito)));
    }
}
