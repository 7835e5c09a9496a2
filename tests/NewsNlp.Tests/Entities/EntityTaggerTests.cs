using NewsNlp.Entities;

namespace NewsNlp.Tests.Entities;

public class EntityTaggerTests
{
    private static readonly NewsPipeline Pipeline = NewsPipeline.CreateDefault();

    private static List<(string Text, string Label)> Entities(string text) =>
        Pipeline.Analyze(text).Mentions.Select(m => (text[m.Range], m.Label.ToName())).ToList();

    [Fact]
    public void A_quoted_epithet_is_not_part_of_the_name()
    {
        var found = Entities("Analysts described a 'Resolute' Angela Merkel at the summit in Brussels.");
        Assert.DoesNotContain(found, e => e.Label == "PERSON" && e.Text.Contains("Resolute", StringComparison.Ordinal));
        Assert.Contains(("Angela Merkel", "PERSON"), found);
    }

    [Theory]
    [InlineData("The contract went to Zhejiang Dahua Technology Company Limited, the prosecutors said.", "Zhejiang Dahua Technology Company Limited")]
    [InlineData("Shares in Rheinmetall AG rose sharply in Frankfurt on Monday.", "Rheinmetall AG")]
    public void A_legal_form_stays_with_the_company(string text, string company) =>
        Assert.Contains((company, "ORG"), Entities(text));

    [Theory]
    [InlineData("Flights from Heathrow Airport were cancelled after the storm hit London.", "Heathrow Airport")]
    [InlineData("Fans gathered outside the Luzhniki Stadium in Moscow before the final.", "Luzhniki Stadium")]
    [InlineData("Traffic on the Kerch Bridge resumed on Sunday, Russian officials said.", "Kerch Bridge")]
    public void A_name_ending_in_a_structure_word_is_a_facility(string text, string facility) =>
        Assert.Contains((facility, "FAC"), Entities(text));

    [Theory]
    [InlineData("Some of Russia's richest men were photographed laughing with Mr Putin.")]
    [InlineData("The trip was confirmed on Friday by China's foreign affairs ministry.")]
    [InlineData("Our harvest exceeds Europe's, he said \u2013 and prices fell.")]
    public void Curly_quotes_and_dashes_read_as_their_ascii_forms(string text) =>
        Assert.Equal(Entities(text), Entities(text.Replace('\'', '\u2019').Replace('\u2013', '-')));

    [Theory]
    [InlineData("The talks ended three weeks ago in Geneva, officials said.", "three weeks ago")]
    [InlineData("Two years later, the company was sold to a rival.", "Two years later")]
    [InlineData("The former minister was jailed for five years in 2019.", "five years")]
    public void A_duration_keeps_its_unit(string text, string date) =>
        Assert.Contains((date, "DATE"), Entities(text));

    [Fact]
    public void A_date_ending_in_of_goes_on_to_its_year()
    {
        var found = Entities("The customs data covered the second half of last year, the report said.");
        Assert.Contains(found, e => e.Label == "DATE" && e.Text.EndsWith("half of last year", StringComparison.Ordinal));
    }

    [Fact]
    public void Western_alone_is_a_grouping_of_nations_not_a_person()
    {
        var found = Entities("Western governments froze the central bank's reserves, and Western diplomats left Kabul.");
        Assert.DoesNotContain(found, e => e.Text == "Western" && e.Label != "NORP");
    }

    [Fact]
    public void Finds_people_places_nationalities_and_dates_without_titles()
    {
        var found = Entities("Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday.");
        Assert.Contains(("Xi Jinping", "PERSON"), found);
        Assert.Contains(("Vladimir Putin", "PERSON"), found);
        Assert.Contains(("Moscow", "GPE"), found);
        Assert.Contains(("Monday", "DATE"), found);
        Assert.Contains(("Chinese", "NORP"), found);
        Assert.DoesNotContain(found, e => e.Text.StartsWith("President", StringComparison.Ordinal));
    }

    [Fact]
    public void Organisations_and_countries()
    {
        var found = Entities("The United Nations and NATO urged Germany and France to act, the Foreign Ministry said.");
        Assert.Contains(("United Nations", "ORG"), found);
        Assert.Contains(("NATO", "ORG"), found);
        Assert.Contains(("Germany", "GPE"), found);
        Assert.Contains(("France", "GPE"), found);
    }

    [Fact]
    public void An_office_inside_an_organisation_span_separates_the_person()
    {
        var found = Entities("CIA Director William Burns travelled to Kyiv in January.");
        Assert.Contains(("William Burns", "PERSON"), found);
        Assert.DoesNotContain(found, e => e.Text.Contains("Director", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cabinet_title_does_not_swallow_the_name_and_a_city_keeps_apart_from_its_country()
    {
        const string text = "Secretary of State Antony Blinken flew to Samarkand, Uzbekistan, on Tuesday.";
        var found = Entities(text);
        Assert.Contains(("Antony Blinken", "PERSON"), found);
        Assert.DoesNotContain(found, e => e.Text.Contains("Blinken", StringComparison.Ordinal) && e.Label == "ORG");
        Assert.Contains(("Samarkand", "GPE"), found);
        Assert.Contains(found, e => e.Text == "Uzbekistan");
        Assert.DoesNotContain(found, e => e.Text.Contains(',', StringComparison.Ordinal));
        Assert.Contains(Pipeline.Analyze(text).Entities, e => e.Name == "Uzbekistan" && e.Label == EntityLabel.Gpe);
    }

    [Fact]
    public void A_surname_takes_the_label_of_the_full_name_in_the_same_document()
    {
        const string text = "Prime Minister Rishi Sunak arrived in Kyiv. Sunak said the aid would continue. Critics of Sunak disagreed.";
        var found = Entities(text);
        Assert.Contains(("Rishi Sunak", "PERSON"), found);
        Assert.Equal(2, found.Count(e => e == ("Sunak", "PERSON")));
    }

    [Theory]
    [InlineData("Trade reached $190 billion last year.", "$190 billion", "MONEY")]
    [InlineData("The deal is worth 50 billion reais.", "50 billion reais", "MONEY")]
    [InlineData("Prices rose 30% in March.", "30%", "PERCENT")]
    [InlineData("Prices rose 12 per cent in March.", "12 per cent", "PERCENT")]
    [InlineData("The quake struck 34 km from the city.", "34 km", "QUANTITY")]
    [InlineData("It was the first visit.", "first", "ORDINAL")]
    [InlineData("He last visited in 2019.", "2019", "DATE")]
    [InlineData("Police arrested 1,200 people.", "1,200", "CARDINAL")]
    public void Numeric_entities(string text, string mention, string label) => Assert.Contains((mention, label), Entities(text));

    [Fact]
    public void Mentions_are_ordered_inside_the_text_and_never_overlap()
    {
        string text = File.ReadAllText(Directory.GetFiles(TestPaths.Samples, "*.txt").Order(StringComparer.Ordinal).First());
        NewsDocument doc = Pipeline.Analyze(text);
        Assert.True(doc.Mentions.Length > 20);
        int end = 0;
        foreach (EntityMention m in doc.Mentions)
        {
            Assert.True(m.Start >= end, $"overlap at {m.Start}");
            Assert.Equal(doc.Tokens[m.FirstToken].Start, m.Start);
            Assert.Equal(doc.Tokens[m.FirstToken + m.TokenCount - 1].End, m.End);
            Assert.InRange(m.Confidence, 0f, 1f);
            end = m.End;
        }
    }

    [Fact]
    public void Entity_recognition_can_be_switched_off()
    {
        var pipeline = new NewsPipeline(new NewsPipelineOptions { RecognizeEntities = false });
        Assert.Empty(pipeline.Analyze("Xi Jinping met Vladimir Putin in Moscow.").Mentions);
    }

    [SeedsFact]
    public void Seed_articles_name_the_people_firms_and_places()
    {
        string all = string.Join("\n\n", Directory.GetFiles(TestPaths.Seeds!, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var found = Entities(all).ToHashSet();
        foreach (string name in new[] { "Xi Jinping", "Vladimir Putin", "Hua Chunying", "Qin Gang", "Dmitry Kuleba", "Dmytro Kuleba", "Volodymyr Zelensky", "Antony Blinken", "William Burns" })
        {
            Assert.Contains((name, "PERSON"), found);
        }

        foreach (string name in new[] { "Tekhkrim", "China North Industries Group Corporation Limited", "Kremlin", "TASS", "Reuters", "NATO", "CIA", "Shanghai Cooperation Organisation" })
        {
            Assert.Contains((name, "ORG"), found);
        }

        foreach (string name in new[] { "Moscow", "Russia", "China", "Ukraine", "Beijing", "Samarkand", "Turkey" })
        {
            Assert.Contains((name, "GPE"), found);
        }
    }
}

public class DatelineTests
{
    [Theory]
    [InlineData("MOSCOW, March 20 - The talks began on Monday.", "MOSCOW", "March 20")]
    [InlineData("NEW YORK (Reuters) — Stocks fell sharply on Tuesday.", "NEW YORK", null)]
    [InlineData("ANKARA, Feb. 6 – Rescue teams searched the rubble.", "ANKARA", "Feb. 6")]
    public void Datelines_give_a_place_and_a_date(string text, string place, string? date)
    {
        NewsDocument doc = NewsPipeline.CreateDefault().Analyze(text);
        string[] gpe = [.. doc.Mentions.Where(m => m.Label == EntityLabel.Gpe).Select(m => text[m.Start..m.End])];
        Assert.Contains(place, gpe);
        if (date is not null)
        {
            Assert.Contains(doc.Mentions, m => m.Label == EntityLabel.Date && text[m.Start..m.End] == date);
        }

        Assert.DoesNotContain(doc.Mentions, m => m.Start < text.IndexOf(place, StringComparison.Ordinal) + place.Length && m.End > text.IndexOf(place, StringComparison.Ordinal) + place.Length + 1);
    }

    [Fact]
    public void A_capitalised_headline_without_a_dash_is_not_a_dateline()
    {
        const string text = "UN WARNS OF FAMINE. Aid agencies said food was running out.";
        NewsDocument doc = NewsPipeline.CreateDefault().Analyze(text);
        Assert.DoesNotContain(doc.Mentions, m => m.Label == EntityLabel.Gpe && text[m.Start..m.End] == "UN WARNS OF FAMINE");
    }
}

public class OrganisationPatternTests
{
    [Theory]
    [InlineData("Customs records show that one buyer was Zarnitsa, a company registered in Kazan.", "Zarnitsa")]
    [InlineData("The parts were shipped by the Turkish company Velmora to a port in the south.", "Velmora")]
    [InlineData("Prosecutors named Brenvik Trading, a small Cypriot firm, in the indictment.", "Brenvik Trading")]
    public void Names_introduced_as_organisations_are_ORG(string text, string name)
    {
        NewsDocument doc = NewsPipeline.CreateDefault().Analyze(text);
        Assert.Contains(doc.Mentions, m => m.Label == EntityLabel.Org && text[m.Start..m.End] == name);
    }

    [Fact]
    public void A_person_with_a_description_stays_a_person()
    {
        const string text = "Angela Merkel, a former chancellor, spoke in Berlin.";
        NewsDocument doc = NewsPipeline.CreateDefault().Analyze(text);
        Assert.DoesNotContain(doc.Mentions, m => m.Label == EntityLabel.Org && text[m.Start..m.End] == "Angela Merkel");
    }
}
