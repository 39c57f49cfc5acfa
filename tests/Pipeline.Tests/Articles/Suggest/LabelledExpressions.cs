namespace Pipeline.Tests.Articles.Suggest;

/// <summary>One dated expression a person marked in a labelled paragraph: its words and the span it means.</summary>
/// <param name="Trigger">The words, found in the paragraph after the previous label's position.</param>
/// <param name="Start">First day it means.</param>
/// <param name="End">Last day it means (inclusive).</param>
internal sealed record Label(string Trigger, string Start, string End);

/// <summary>A paragraph written for the measurement (fiction, in our own words) and every dated expression in it.</summary>
internal sealed record LabelledParagraph(string Text, params Label[] Labels);

/// <summary>
/// The labelled set for <c>DateExpressionFinder</c>, written after its rules were frozen: invented news paragraphs
/// (no article's sentences) covering each form, plus traps that must not be read as dates (pages, ages, counts,
/// "2,014 people", times, phone numbers, money, model years). All are read as published on Wednesday 2021-06-16.
/// Relative expressions are labelled by the documented conventions: a week runs Monday to Sunday; "N years ago"
/// means that calendar year; "in recent months" the three months before publication, "recent weeks" four weeks,
/// "recent years" five years; "recently" the three months before publication; a weekday the latest such day on or
/// before publication; a month without a year its latest occurrence not after the publication month. A day and month
/// without a year is labelled by what the sentence means (a planned meeting is in the future).
/// </summary>
internal static class LabelledExpressions
{
    public static readonly DateOnly Published = new(2021, 6, 16);

    public static readonly LabelledParagraph[] Paragraphs =
    [
        // Full dates in the common English forms.
        new("The ceasefire was signed on 3 January 2020 in a hotel by the lake, and broke down on 14 February 2020.",
            new Label("3 January 2020", "2020-01-03", "2020-01-03"), new Label("14 February 2020", "2020-02-14", "2020-02-14")),
        new("Talks opened on January 3, 2020, and a second round followed on March 21, 2020, after weeks of delay.",
            new Label("January 3, 2020", "2020-01-03", "2020-01-03"), new Label("March 21, 2020", "2020-03-21", "2020-03-21")),
        new("The militia said it entered the town on the 5th of April 2019; residents put the date at April 6th, 2019.",
            new Label("5th of April 2019", "2019-04-05", "2019-04-05"), new Label("April 6th, 2019", "2019-04-06", "2019-04-06")),
        new("According to the log dated 2019-11-27, the convoy left before dawn; a later entry, 2019-12-02, lists the losses.",
            new Label("2019-11-27", "2019-11-27", "2019-11-27"), new Label("2019-12-02", "2019-12-02", "2019-12-02")),
        new("The form was stamped 25/12/2019 at the border and returned on 13/1/2020, which the clerk initialled.",
            new Label("25/12/2019", "2019-12-25", "2019-12-25"), new Label("13/1/2020", "2020-01-13", "2020-01-13")),
        new("A shorter note says the vote took place on Sept. 9, 2018, not on 10 Sept 2018 as first reported.",
            new Label("Sept. 9, 2018", "2018-09-09", "2018-09-09"), new Label("10 Sept 2018", "2018-09-10", "2018-09-10")),
        new("Observers arrived on 1 Mar 2016 and left on Dec 31, 2016 without publishing findings.",
            new Label("1 Mar 2016", "2016-03-01", "2016-03-01"), new Label("Dec 31, 2016", "2016-12-31", "2016-12-31")),

        // Day and month without a year (the latest such day not after publication).
        new("The drones struck the airbase on 2 June, and again on May 28, according to the governor's office.",
            new Label("2 June", "2021-06-02", "2021-06-02"), new Label("May 28", "2021-05-28", "2021-05-28")),
        new("Negotiators plan to meet on 12 December, a date both sides have now accepted.",
            new Label("12 December", "2021-12-12", "2021-12-12")),

        // Month and year.
        new("Fighting spread to the southern oases in March 2019 and had reached the coast by August 2019.",
            new Label("March 2019", "2019-03-01", "2019-03-31"), new Label("August 2019", "2019-08-01", "2019-08-31")),
        new("In October 2011 the old leader was killed; by July of 2012 the country had voted.",
            new Label("October 2011", "2011-10-01", "2011-10-31"), new Label("July of 2012", "2012-07-01", "2012-07-31")),
        new("The port has been closed since February 2020, costing the treasury dearly.",
            new Label("since February 2020", "2020-02-01", "2021-06-16")),
        new("Between March and June 2020 the front barely moved, while from November 2019 to January 2020 it shifted daily.",
            new Label("Between March and June 2020", "2020-03-01", "2020-06-30"), new Label("from November 2019 to January 2020", "2019-11-01", "2020-01-31")),
        new("Early reports from Jan. 2018 described the clashes as tribal; by Dec 2018 that view had changed.",
            new Label("Jan. 2018", "2018-01-01", "2018-01-31"), new Label("Dec 2018", "2018-12-01", "2018-12-31")),

        // Years.
        new("The parliament chosen in 2014 split within months, and by 2016 two governments claimed the capital.",
            new Label("2014", "2014-01-01", "2014-12-31"), new Label("2016", "2016-01-01", "2016-12-31")),
        new("Oil output, which had peaked in 2010, fell to a fraction of that level in 2011.",
            new Label("2010", "2010-01-01", "2010-12-31"), new Label("2011", "2011-01-01", "2011-12-31")),
        new("The 2019 offensive on the capital was the third such attempt, after failed pushes in 2015 and 2017.",
            new Label("2019", "2019-01-01", "2019-12-31"), new Label("2015", "2015-01-01", "2015-12-31"), new Label("2017", "2017-01-01", "2017-12-31")),
        new("A treaty of 1912 gave the territory to a colonial power; independence came in 1951.",
            new Label("1912", "1912-01-01", "1912-12-31"), new Label("1951", "1951-01-01", "1951-12-31")),
        new("The colonel seized power in 1969 and ruled until his death in 2011.",
            new Label("1969", "1969-01-01", "1969-12-31"), new Label("2011", "2011-01-01", "2011-12-31")),
        new("Since 2011 the country has had no single army; many trace the split to 2013.",
            new Label("Since 2011", "2011-01-01", "2021-06-16"), new Label("2013", "2013-01-01", "2013-12-31")),
        new("The mission's mandate, renewed in September 2020, runs through 2022 under the current text.",
            new Label("September 2020", "2020-09-01", "2020-09-30"), new Label("2022", "2022-01-01", "2022-12-31")),

        // Year ranges.
        new("The border war of 1978 to 1987 left deep scars, as did the sanctions of 1992-1999.",
            new Label("1978 to 1987", "1978-01-01", "1987-12-31"), new Label("1992-1999", "1992-01-01", "1999-12-31")),
        new("Between 2011 and 2014 at least three interim bodies governed, and from 2016 to 2020 a unity council tried.",
            new Label("Between 2011 and 2014", "2011-01-01", "2014-12-31"), new Label("from 2016 to 2020", "2016-01-01", "2020-12-31")),
        new("The 2014-15 winter was the worst for the coastal towns; the 2017–2018 budget was never passed.",
            new Label("2014-15", "2014-01-01", "2015-12-31"), new Label("2017–2018", "2017-01-01", "2018-12-31")),
        new("Elections were held in 2012 and 2014, and each time the losers refused the result.",
            new Label("2012", "2012-01-01", "2012-12-31"), new Label("2014", "2014-01-01", "2014-12-31")),

        // Decades.
        new("In the 1990s the regime jailed hundreds of dissidents, and in the early 2000s it sought to end its isolation.",
            new Label("the 1990s", "1990-01-01", "1999-12-31"), new Label("the early 2000s", "2000-01-01", "2003-12-31")),
        new("Smuggling routes laid down in the late 1980s are still used, much as they were in the '70s.",
            new Label("the late 1980s", "1987-01-01", "1989-12-31"), new Label("the '70s", "1970-01-01", "1979-12-31")),

        // Relative to publication: days and weeks.
        new("Yesterday the coast guard intercepted two boats; the day before yesterday it found none.",
            new Label("Yesterday", "2021-06-15", "2021-06-15"), new Label("the day before yesterday", "2021-06-14", "2021-06-14")),
        new("Shelling resumed this week after a lull last week, the monitors said.",
            new Label("this week", "2021-06-14", "2021-06-16"), new Label("last week", "2021-06-07", "2021-06-13")),
        new("Five days ago a convoy was ambushed, and two weeks ago a checkpoint was overrun.",
            new Label("Five days ago", "2021-06-11", "2021-06-11"), new Label("two weeks ago", "2021-05-31", "2021-06-06")),
        new("On Monday the minister resigned; on Sunday his deputy had already left the country.",
            new Label("On Monday", "2021-06-14", "2021-06-14"), new Label("on Sunday", "2021-06-13", "2021-06-13")),
        new("The council met on Wednesday and will meet again next week to vote on the budget.",
            new Label("on Wednesday", "2021-06-16", "2021-06-16"), new Label("next week", "2021-06-21", "2021-06-27")),
        new("In recent weeks aid deliveries have slowed, and over the past two weeks none reached the south.",
            new Label("In recent weeks", "2021-05-19", "2021-06-16"), new Label("over the past two weeks", "2021-06-02", "2021-06-16")),

        // Relative to publication: months.
        new("Last month the central bank froze transfers; this month it reversed course.",
            new Label("Last month", "2021-05-01", "2021-05-31"), new Label("this month", "2021-06-01", "2021-06-16")),
        new("Three months ago the airport reopened, and a month ago the first foreign airline returned.",
            new Label("Three months ago", "2021-03-01", "2021-03-31"), new Label("a month ago", "2021-05-01", "2021-05-31")),
        new("In recent months the militias have recruited heavily, and the government has been weakened over the past six months.",
            new Label("In recent months", "2021-03-16", "2021-06-16"), new Label("over the past six months", "2020-12-16", "2021-06-16")),
        new("Earlier this month a curfew was imposed; since April the capital has seen nightly protests.",
            new Label("Earlier this month", "2021-06-01", "2021-06-15"), new Label("since April", "2021-04-01", "2021-06-16")),
        new("The rains came in March and the harvest failed in August, a pattern unseen since September.",
            new Label("in March", "2021-03-01", "2021-03-31"), new Label("in August", "2020-08-01", "2020-08-31"), new Label("since September", "2020-09-01", "2021-06-16")),
        new("A donor conference is planned for next month, the organisers announced.",
            new Label("next month", "2021-07-01", "2021-07-31")),

        // Relative to publication: years.
        new("Last year the oil blockade cost billions; earlier this year the fields reopened.",
            new Label("Last year", "2020-01-01", "2020-12-31"), new Label("earlier this year", "2021-01-01", "2021-06-15")),
        new("Two years ago the front line ran through the southern suburbs; four years ago it was far to the east.",
            new Label("Two years ago", "2019-01-01", "2019-12-31"), new Label("four years ago", "2017-01-01", "2017-12-31")),
        new("This year has been calmer, though in recent years few people have trusted any ceasefire.",
            new Label("This year", "2021-01-01", "2021-06-16"), new Label("in recent years", "2016-06-16", "2021-06-16")),
        new("Over the past three years foreign fighters have arrived in waves, and a year ago the first of them left.",
            new Label("Over the past three years", "2018-06-16", "2021-06-16"), new Label("a year ago", "2020-01-01", "2020-12-31")),
        new("The new constitution is due next year, but the drafting body has recently stalled.",
            new Label("next year", "2022-01-01", "2022-12-31"), new Label("recently", "2021-03-16", "2021-06-16")),
        new("The port has lost business since last year, and the town has been shrinking for the last ten years.",
            new Label("since last year", "2020-01-01", "2021-06-16"), new Label("the last ten years", "2011-06-16", "2021-06-16")),

        // Mixed paragraphs.
        new("When the rebels entered the city on 20 August 2011, many expected elections in 2012; they came in July 2012, and by 2014 the country was split again.",
            new Label("20 August 2011", "2011-08-20", "2011-08-20"), new Label("2012", "2012-01-01", "2012-12-31"), new Label("July 2012", "2012-07-01", "2012-07-31"), new Label("2014", "2014-01-01", "2014-12-31")),
        new("The envoy, appointed in 2017, resigned in March 2020 and was replaced last year by a diplomat who had served in the region in the 2000s.",
            new Label("2017", "2017-01-01", "2017-12-31"), new Label("March 2020", "2020-03-01", "2020-03-31"), new Label("last year", "2020-01-01", "2020-12-31"), new Label("the 2000s", "2000-01-01", "2009-12-31")),
        new("Satellite images from 4 May 2021 show new trenches; by Sunday they had been extended, and yesterday a second line appeared.",
            new Label("4 May 2021", "2021-05-04", "2021-05-04"), new Label("Sunday", "2021-06-13", "2021-06-13"), new Label("yesterday", "2021-06-15", "2021-06-15")),
        new("A 2019 report counted the checkpoints; a follow-up in 2020 found twice as many.",
            new Label("2019", "2019-01-01", "2019-12-31"), new Label("2020", "2020-01-01", "2020-12-31")),
        new("The agreement of 17 December 2015 created a council that reached the capital in March 2016 and lost its mandate in 2017.",
            new Label("17 December 2015", "2015-12-17", "2015-12-17"), new Label("March 2016", "2016-03-01", "2016-03-31"), new Label("2017", "2017-01-01", "2017-12-31")),
        new("During 2018 the southern tribes clashed often; the worst week was in late September 2018.",
            new Label("2018", "2018-01-01", "2018-12-31"), new Label("September 2018", "2018-09-01", "2018-09-30")),
        new("The investigators' report, published on June 1, 2021, covers incidents from 2016 to 2021.",
            new Label("June 1, 2021", "2021-06-01", "2021-06-01"), new Label("from 2016 to 2021", "2016-01-01", "2021-12-31")),
        new("Since March 2019 the pipeline has been attacked repeatedly; the latest attack came on 9 June.",
            new Label("Since March 2019", "2019-03-01", "2021-06-16"), new Label("9 June", "2021-06-09", "2021-06-09")),
        new("In the summer of 2015 the coastal road was cut, and it stayed closed until the spring of 2017.",
            new Label("summer of 2015", "2015-06-01", "2015-08-31"), new Label("spring of 2017", "2017-03-01", "2017-05-31")),
        new("The old airport, built in 1934, was bombed in 2019 and again in 2020.",
            new Label("1934", "1934-01-01", "1934-12-31"), new Label("2019", "2019-01-01", "2019-12-31"), new Label("2020", "2020-01-01", "2020-12-31")),
        new("Two decades ago the city was a quiet fishing port; in the mid-2000s a building boom began.",
            new Label("Two decades ago", "2001-01-01", "2001-12-31"), new Label("the mid-2000s", "2003-01-01", "2006-12-31")),
        new("The UN panel's reports of 2017, 2018 and 2019 all described the same supply routes.",
            new Label("2017", "2017-01-01", "2017-12-31"), new Label("2018", "2018-01-01", "2018-12-31"), new Label("2019", "2019-01-01", "2019-12-31")),
        new("A decree issued on 30/06/2020 dissolved the committee set up in 2018.",
            new Label("30/06/2020", "2020-06-30", "2020-06-30"), new Label("2018", "2018-01-01", "2018-12-31")),
        new("Late last year the two sides swapped prisoners, and at the start of 2021 they reopened the coastal road.",
            new Label("Late last year", "2020-09-01", "2020-12-31"), new Label("2021", "2021-01-01", "2021-12-31")),

        // Traps: nothing in these paragraphs is a date.
        new("The full list of names appears on page 2014 of the appendix, and the maps on pages 1998 to 2003."),
        new("The ambush killed 2,014 people according to one count, while another put the toll at 1,987."),
        new("Rescuers said 1500 people were still missing and that 2019 families had lost their homes."),
        new("The commander, aged 45, and his deputy, 38, were arrested with 12 others at 21:30 local time."),
        new("Call the hotline on +218 21 2014 5567 or the office on 0044 2019 3344 for information."),
        new("The unit bought a 2020 Toyota pickup for the patrol and sold an older truck for $1999."),
        new("At least 2000 fighters crossed the border, and more than 1800 civilians fled the fighting."),
        new("The convoy travelled 1200 km in 36 hours; the drone flew at 2000 feet before it was shot down."),
        new("Resolution 2259 endorsed the deal, and resolution 1973 had authorised the earlier air campaign."),
        new("The shop on Route 1960 sells 2010 litres of fuel a week at 3.5 dinars a litre, its owner said."),
        new("She was 19 when she left, and her brother, now 72, still lives in the house at number 1910."),
        new("The final score was 3-1, and the referee stopped the match at 1945 hours because of the shooting."),
        new("The militia may march on the port; officials say the march would be a disaster for the city."),
        new("Room 1918 of the hotel served as the delegation's office, and flight 2012 brought the negotiators."),
    ];

    /// <summary>The number of labelled expressions.</summary>
    public static int Count => Paragraphs.Sum(p => p.Labels.Length);
}
