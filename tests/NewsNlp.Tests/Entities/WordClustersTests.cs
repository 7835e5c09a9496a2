using NewsNlp.Entities;

namespace NewsNlp.Tests.Entities;

public class WordClustersTests
{
    [Fact]
    public void The_shipped_clusters_know_common_words_and_group_like_words()
    {
        WordClusters clusters = WordClusters.Default;
        Assert.True(clusters.Count >= 100_000, $"only {clusters.Count} words");
        uint monday = clusters.Lookup("Monday");
        Assert.NotEqual(WordClusters.Unknown, monday);
        Assert.Equal(monday, clusters.Lookup("monday"));

        // Weekdays share a fine cluster; an office is elsewhere.
        Assert.Equal(WordClusters.FineOf(monday), WordClusters.FineOf(clusters.Lookup("Thursday")));
        Assert.NotEqual(WordClusters.FineOf(monday), WordClusters.FineOf(clusters.Lookup("minister")));
        Assert.NotEqual(WordClusters.Unknown, clusters.Lookup("Kharkiv"));
        Assert.Equal(WordClusters.Unknown, clusters.Lookup("qxzvtrplkw"));
    }

    [Fact]
    public void Clusters_round_trip_and_bad_files_get_a_clear_error()
    {
        var clusters = new WordClusters([WordClusters.Key("apple"), WordClusters.Key("pear")], [3, 7], new byte[WordClusters.Fine], new byte[WordClusters.Fine], "test");
        using var stream = new MemoryStream();
        clusters.Save(stream);
        byte[] good = stream.ToArray();
        WordClusters back = WordClusters.Load(new MemoryStream(good));
        Assert.Equal(4u, WordClusters.FineOf(back.Lookup("Apple")));
        Assert.Equal(8u, WordClusters.FineOf(back.Lookup("PEAR")));
        Assert.Equal(WordClusters.Unknown, back.Lookup("plum"));

        Assert.Throws<InvalidDataException>(() => WordClusters.Load(new MemoryStream([])));
        Assert.Throws<InvalidDataException>(() => WordClusters.Load(new MemoryStream(good[..(good.Length / 2)])));
        using var model = new MemoryStream();
        EntityTagger.Default.Model.Save(model);
        Assert.Throws<InvalidDataException>(() => WordClusters.Load(new MemoryStream(model.ToArray())));
    }
}
