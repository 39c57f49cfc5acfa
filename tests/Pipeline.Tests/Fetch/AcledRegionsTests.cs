using Pipeline.Fetch;

namespace Pipeline.Tests.Fetch;

/// <summary>The embedded ACLED region table and its parser.</summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class AcledRegionsTests
{
    [Fact]
    public void Embedded_table_holds_acleds_region_codes()
    {
        Assert.Equal(17, AcledRegions.All.Count);
        Assert.Equal(("Northern Africa", new DateOnly(1997, 1, 1)), AcledRegions.All[5]);
        Assert.Equal(("Middle East", new DateOnly(2015, 1, 1)), AcledRegions.All[11]);
        Assert.False(AcledRegions.All.ContainsKey(6));
    }

    [Fact]
    public void Malformed_lines_are_named_by_line_and_column()
    {
        Assert.Contains("line 1", Assert.Throws<FormatException>(() => AcledRegions.Parse("code,name\n")).Message, StringComparison.Ordinal);
        Assert.Contains("line 2, column region", Assert.Throws<FormatException>(() => AcledRegions.Parse("region,region_name,first_event_date\nX,Europe,2018-01-01\n")).Message, StringComparison.Ordinal);
        Assert.Contains("line 3, column first_event_date", Assert.Throws<FormatException>(() => AcledRegions.Parse("region,region_name,first_event_date\n12,Europe,2018-01-01\n13,Asia,2018\n")).Message, StringComparison.Ordinal);
        Assert.Contains("expected 3 cells", Assert.Throws<FormatException>(() => AcledRegions.Parse("region,region_name,first_event_date\n12,Europe\n")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Country_check_corrects_case_and_notes_an_early_start_without_a_request()
    {
        var (query, note) = AcledCountryCheck.Check(new AcledQuery("TURKEY", new DateOnly(2015, 1, 1), new DateOnly(2016, 12, 31)));

        Assert.Equal("Turkey", query.Country);
        Assert.Contains("ACLED covers Turkey from 2016", note, StringComparison.Ordinal);
        Assert.Null(AcledCountryCheck.Check(new AcledQuery("Libya", new DateOnly(2011, 1, 1), new DateOnly(2011, 2, 1))).Note);
    }
}
