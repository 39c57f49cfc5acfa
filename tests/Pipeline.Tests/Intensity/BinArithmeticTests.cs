using System.Globalization;
using Pipeline.Intensity;

namespace Pipeline.Tests.Intensity;

/// <summary>
/// Bin arithmetic and the placebo formulas at their edges (issue 14: the mutation-testing survivors): every
/// assertion here fails under some planted bug in <see cref="Bins"/> or <see cref="PlaceboInference"/>.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class BinArithmeticTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(BinUnit.Day, "2019-04-04", "2019-04-05")]
    [InlineData(BinUnit.IsoWeek, "2019-04-01", "2019-04-08")]
    [InlineData(BinUnit.AcledWeek, "2019-03-30", "2019-04-06")]
    [InlineData(BinUnit.Month, "2019-01-01", "2019-02-01")]
    [InlineData(BinUnit.Month, "2019-12-01", "2020-01-01")]
    public void Next_moves_one_bin(BinUnit unit, string start, string next) =>
        Assert.Equal(D(next), Bins.Next(D(start), unit));

    [Theory]
    [InlineData("2019-04-01", BinUnit.IsoWeek, "2019-04-01")] // Monday is its own start
    [InlineData("2019-04-06", BinUnit.IsoWeek, "2019-04-01")] // Saturday
    [InlineData("2019-04-07", BinUnit.AcledWeek, "2019-04-06")] // Sunday → the Saturday before
    [InlineData("2019-04-30", BinUnit.Month, "2019-04-01")]
    public void Start_of_each_bin_kind(string date, BinUnit unit, string start) =>
        Assert.Equal(D(start), Bins.Start(D(date), unit));

    [Fact]
    public void Range_is_inclusive_of_the_bin_holding_the_last_day()
    {
        Assert.Equal([D("2019-04-01")], Bins.Range(D("2019-04-03"), D("2019-04-03"), BinUnit.IsoWeek));
        Assert.Equal([D("2019-04-01"), D("2019-04-08")], Bins.Range(D("2019-04-03"), D("2019-04-08"), BinUnit.IsoWeek));
        Assert.Equal([D("2019-04-01"), D("2019-04-08")], Bins.Range(D("2019-04-01"), D("2019-04-14"), BinUnit.IsoWeek));
        Assert.Equal([D("2019-04-03"), D("2019-04-04")], Bins.Range(D("2019-04-03"), D("2019-04-04"), BinUnit.Day));
        Assert.Equal([D("2019-11-01"), D("2019-12-01"), D("2020-01-01")], Bins.Range(D("2019-11-30"), D("2020-01-01"), BinUnit.Month));
        var ex = Assert.Throws<ArgumentException>(() => Bins.Range(D("2019-04-03"), D("2019-04-02"), BinUnit.Day));
        Assert.StartsWith("empty date range: 2019-04-02 is before 2019-04-03", ex.Message);
        Assert.Equal("to", ex.ParamName);
    }

    [Theory]
    [InlineData(BinUnit.Day, "2019-04-03", "2019-04-03", 0)]
    [InlineData(BinUnit.Day, "2019-04-03", "2019-04-13", 10)]
    [InlineData(BinUnit.Day, "2019-04-03", "2019-04-01", -2)]
    [InlineData(BinUnit.IsoWeek, "2019-04-01", "2019-04-07", 0)] // Sunday: same ISO week
    [InlineData(BinUnit.IsoWeek, "2019-04-01", "2019-04-08", 1)]
    [InlineData(BinUnit.IsoWeek, "2019-04-01", "2019-04-24", 3)]
    [InlineData(BinUnit.IsoWeek, "2019-04-01", "2019-03-31", -1)]
    [InlineData(BinUnit.AcledWeek, "2019-03-30", "2019-04-12", 1)] // Friday ends the second ACLED week
    [InlineData(BinUnit.AcledWeek, "2019-03-30", "2019-04-13", 2)]
    [InlineData(BinUnit.Month, "2019-11-01", "2019-11-30", 0)]
    [InlineData(BinUnit.Month, "2019-11-01", "2020-02-15", 3)] // across a year: 12 × 1 + 2 − 11
    [InlineData(BinUnit.Month, "2019-11-01", "2021-01-01", 14)]
    [InlineData(BinUnit.Month, "2019-11-01", "2019-09-15", -2)]
    public void Offset_counts_whole_bins(BinUnit unit, string firstStart, string date, int offset) =>
        Assert.Equal(offset, Bins.Offset(D(firstStart), D(date), unit));

    [Theory]
    [InlineData("day", BinUnit.Day)]
    [InlineData(" Week ", BinUnit.IsoWeek)]
    [InlineData("ISO-WEEK", BinUnit.IsoWeek)]
    [InlineData("acled-week", BinUnit.AcledWeek)]
    [InlineData("Month", BinUnit.Month)]
    public void Parse_trims_and_ignores_case(string name, BinUnit unit) => Assert.Equal(unit, Bins.Parse(name));

    [Theory]
    [InlineData(BinUnit.Day, "day")]
    [InlineData(BinUnit.IsoWeek, "week")]
    [InlineData(BinUnit.AcledWeek, "acled-week")]
    [InlineData(BinUnit.Month, "month")]
    public void Name_is_what_parse_accepts(BinUnit unit, string name)
    {
        Assert.Equal(name, Bins.Name(unit));
        Assert.Equal(unit, Bins.Parse(Bins.Name(unit)));
    }

    [Fact]
    public void Unknown_names_and_units_are_refused_naming_the_choices()
    {
        var ex = Assert.Throws<ParameterException>(() => Bins.Parse("fortnight"));
        Assert.StartsWith("unknown bin 'fortnight'; use day, week, acled-week or month", ex.Message);
        Assert.Equal("IntensityOptions.Bin", ex.ParamName); // the library names its parameter; the CLI shows --bin
        var bad = (BinUnit)99;
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => Bins.Start(D("2019-04-04"), bad)).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => Bins.Next(D("2019-04-04"), bad)).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => Bins.Offset(D("2019-04-04"), D("2019-04-04"), bad)).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => Bins.Name(bad)).ParamName);
    }

    [Fact]
    public void Half_width_is_the_floor_n_over_20_th_largest_absolute_placebo()
    {
        // n = 20..39: r = 1, the largest |p|; n = 40: r = 2. Signs are ignored and order does not matter.
        var twenty = Enumerable.Range(1, 20).Select(i => i % 2 == 0 ? -(double)i : i).Reverse().ToArray();
        Assert.Equal(20, PlaceboInference.HalfWidth(twenty));
        var thirtyNine = Enumerable.Range(1, 39).Select(i => -(double)i).ToArray();
        Assert.Equal(39, PlaceboInference.HalfWidth(thirtyNine));
        var sixty = Enumerable.Range(1, 60).Select(i => (double)i).ToArray();
        Assert.Equal(58, PlaceboInference.HalfWidth(sixty)); // r = 3
        var ex = Assert.Throws<ArgumentException>(() => PlaceboInference.HalfWidth(thirtyNine[..19]));
        Assert.StartsWith("at least 20 placebo values are needed (got 19)", ex.Message);
        Assert.Equal("placebo", ex.ParamName);
    }

    [Fact]
    public void P_value_counts_placebos_at_least_as_extreme_on_either_side()
    {
        double[] placebo = [-3, -1, 0, 1, 2, 3];
        Assert.Equal(3.0 / 7, PlaceboInference.PValue(3, placebo), 12); // −3 and 3 tie: both count
        Assert.Equal(3.0 / 7, PlaceboInference.PValue(-2.5, placebo), 12);
        Assert.Equal(1.0 / 7, PlaceboInference.PValue(3.5, placebo), 12);
        Assert.Equal(1.0, PlaceboInference.PValue(0, placebo), 12);
        Assert.Equal(1.0, PlaceboInference.PValue(5, []), 12);
    }
}
