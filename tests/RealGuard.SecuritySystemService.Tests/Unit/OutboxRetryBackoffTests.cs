using RealGuard.SecuritySystemService.Outbox;

namespace RealGuard.SecuritySystemService.Tests.Unit;

public sealed class OutboxRetryBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(1000, 30)]
    public void Pauses_double_after_each_failure_up_to_half_a_minute(int consecutiveFailures, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), OutboxRetryBackoff.After(consecutiveFailures));
    }

    [Fact]
    public void The_longest_pause_can_be_configured()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), OutboxRetryBackoff.After(5, longest: TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(1), OutboxRetryBackoff.After(1, longest: TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void There_is_no_pause_before_a_failure()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OutboxRetryBackoff.After(0));
    }
}
