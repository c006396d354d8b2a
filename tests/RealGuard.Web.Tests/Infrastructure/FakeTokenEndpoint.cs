using RealGuard.Web.Tokens;

namespace RealGuard.Web.Tests.Infrastructure;

/// <summary>The IAM's token endpoint as a unit test needs it: counts refreshes, answers what the test says.</summary>
public sealed class FakeTokenEndpoint : ITokenEndpoint
{
    private int refreshes;

    public int Refreshes => refreshes;

    public List<string> RefreshTokensUsed { get; } = [];

    public List<string> Revoked { get; } = [];

    /// <summary>What the next refresh answers; by default new tokens numbered by the refresh count.</summary>
    public Func<int, Task<RefreshResult>> Answer { get; set; } = count => Task.FromResult(RefreshResult.Refreshed(
        new TokenEndpointResponse($"access-{count + 1}", $"refresh-{count + 1}", null, 120, 1800)));

    public Task<RefreshResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        lock (RefreshTokensUsed)
        {
            RefreshTokensUsed.Add(refreshToken);
        }

        return Answer(Interlocked.Increment(ref refreshes));
    }

    public Task<bool> RevokeRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken)
    {
        Revoked.Add(refreshToken);
        return Task.FromResult(true);
    }
}
