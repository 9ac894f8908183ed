using System.Globalization;

namespace DockerApiGen.Benchmarks.Reporting;

/// <summary>Compact, culture-invariant figures for the targets table.</summary>
public static class Units
{
    /// <summary>A time (or a difference of times) in the largest unit that keeps it at least 1 (ns, µs, ms, s).</summary>
    /// <param name="nanoseconds">The time.</param>
    public static string Time(double nanoseconds) => Math.Abs(nanoseconds) switch
    {
        < 1e3 => Format(nanoseconds, "ns"),
        < 1e6 => Format(nanoseconds / 1e3, "µs"),
        < 1e9 => Format(nanoseconds / 1e6, "ms"),
        _ => Format(nanoseconds / 1e9, "s"),
    };

    /// <summary>A size (or a difference of sizes) in B, KB or MB (1,024-based, as BenchmarkDotNet prints them); "?" when not measured.</summary>
    /// <param name="bytes">The size.</param>
    public static string Size(long? bytes) => bytes is not { } value ? "?" : Math.Abs(value) switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{value} B"),
        < 1024 * 1024 => Format(value / 1024.0, "KB"),
        _ => Format(value / (1024.0 * 1024.0), "MB"),
    };

    /// <summary>A ratio such as <c>0.42×</c>; "—" when either side is missing.</summary>
    /// <param name="numerator">Ours.</param>
    /// <param name="denominator">What ours is compared with.</param>
    public static string Ratio(double? numerator, double? denominator) =>
        numerator is { } top && denominator is { } bottom && bottom > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{top / bottom:0.00}×")
            : "—";

    private static string Format(double value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {unit}");
}
