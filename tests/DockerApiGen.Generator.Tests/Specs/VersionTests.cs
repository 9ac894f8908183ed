using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Tests.Specs;

public sealed class VersionTests
{
    [Theory]
    [InlineData("1.41", 1, 41)]
    [InlineData("v1.9", 1, 9)]
    [InlineData("V1_55", 1, 55)]
    public void Parses_the_forms_users_write(string text, int major, int minor)
        => Assert.Equal(new ApiVersion(major, minor), ApiVersion.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.x")]
    [InlineData("1.41.2")]
    public void Rejects_what_is_not_a_version(string text)
        => Assert.Contains("not an API version", Assert.Throws<FormatException>(() => ApiVersion.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Orders_numerically_not_textually()
    {
        Assert.True(ApiVersion.Parse("1.9") < ApiVersion.Parse("1.10"));
        Assert.Equal("V1_9", ApiVersion.Parse("1.9").Identifier);
        Assert.Equal("v1.9.yaml", ApiVersion.Parse("1.9").SpecFileName);
    }

    [Theory]
    [InlineData("all", "1.25", true)]
    [InlineData("1.48+", "1.47", false)]
    [InlineData("1.48+", "1.55", true)]
    [InlineData("1.25-1.38", "1.38", true)]
    [InlineData("1.25-1.38", "1.39", false)]
    [InlineData("1.41", "1.41", true)]
    public void Ranges_include_their_bounds(string range, string version, bool expected)
        => Assert.Equal(expected, VersionRange.Parse(range).Contains(ApiVersion.Parse(version)));

    [Fact]
    public void A_range_that_ends_before_it_starts_is_an_error()
        => Assert.Throws<FormatException>(() => VersionRange.Parse("1.40-1.30"));

    [Theory]
    [InlineData("2024-08", 2024, 8)]
    [InlineData("V2024_08", 2024, 8)]
    [InlineData(" 2025-03 ", 2025, 3)]
    public void Parses_dated_snapshots(string text, int year, int month)
        => Assert.Equal(new ApiVersion(year, month, VersionScheme.Date), ApiVersion.Parse(text, VersionScheme.Date));

    [Theory]
    [InlineData("2024-8")]
    [InlineData("2024-13")]
    [InlineData("24-08")]
    [InlineData("1.41")]
    public void Rejects_what_is_not_a_dated_snapshot(string text)
        => Assert.Contains("not a dated snapshot", Assert.Throws<FormatException>(() => ApiVersion.Parse(text, VersionScheme.Date)).Message, StringComparison.Ordinal);

    [Fact]
    public void Dated_snapshots_are_named_and_ordered_by_date()
    {
        var august = ApiVersion.Parse("2024-08", VersionScheme.Date);
        var march = ApiVersion.Parse("2025-03", VersionScheme.Date);
        Assert.True(august < march);
        Assert.Equal(("2024-08", "2024-08", "2024-08.yaml", "V2024_08"), (august.ToString(), august.Label, august.SpecFileName, august.Identifier));
        Assert.Equal("v1.41", ApiVersion.Parse("1.41").Label);
    }

    [Theory]
    [InlineData("2024-08-2025-03", "2024-12", true)]
    [InlineData("2024-08-2025-03", "2025-04", false)]
    [InlineData("2025-03+", "2024-08", false)]
    [InlineData("2025-03+", "2026-01", true)]
    [InlineData("2024-08", "2024-08", true)]
    public void Ranges_of_dated_snapshots_split_at_the_dash_between_two_dates(string range, string version, bool expected)
        => Assert.Equal(expected, VersionRange.Parse(range, VersionScheme.Date).Contains(ApiVersion.Parse(version, VersionScheme.Date)));
}
