using RealGuard.SecuritySystemService.Endpoints;

namespace RealGuard.SecuritySystemService.Tests.Unit;

public sealed class EntityTagsTests
{
    [Fact]
    public void The_etag_is_the_version_as_a_strong_tag()
    {
        Assert.Equal("\"7\"", EntityTags.For(7));
    }

    [Theory]
    [InlineData("\"3\"", true)]
    [InlineData("*", true)]
    [InlineData("\"1\", \"3\"", true)]
    [InlineData("\"2\"", false)]
    [InlineData("W/\"3\"", false)] // If-Match compares strongly: a weak tag never matches
    public void If_match_allows_a_change_only_to_the_version_it_names(string ifMatch, bool allowed)
    {
        Assert.Equal(allowed, EntityTags.IfMatchAllows(ifMatch, version: 3));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("\"3")]
    [InlineData("version 3")]
    public void A_header_that_is_no_entity_tag_is_recognised_as_such(string ifMatch)
    {
        Assert.Null(EntityTags.IfMatchAllows(ifMatch, version: 3));
    }
}
