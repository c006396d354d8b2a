using RealGuard.Gateway.Tests.Infrastructure;

namespace RealGuard.Gateway.Tests.Hostile;

/// <summary>
/// What <see cref="HostileInputTests"/> attack: a running stack named by environment variables
/// (<c>REALGUARD_GATEWAY_URL</c>, <c>REALGUARD_REALM_URL</c>, e.g. http://localhost:5100 and
/// http://localhost:8080/realms/realguard), or, when they are not set, the stack of <see cref="RealStack"/>.
/// </summary>
public sealed class HostileTarget : IAsyncLifetime
{
    private RealStack? ownStack;

    internal ApiCaller Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("REALGUARD_GATEWAY_URL") is { Length: > 0 } gatewayUrl
            && Environment.GetEnvironmentVariable("REALGUARD_REALM_URL") is { Length: > 0 } realmUrl)
        {
            Api = new ApiCaller(gatewayUrl, realmUrl.TrimEnd('/'));
            return;
        }

        ownStack = new RealStack();
        await ownStack.InitializeAsync();
        Api = ownStack.Api;
    }

    public async Task DisposeAsync()
    {
        if (ownStack is not null)
        {
            await ownStack.DisposeAsync();
        }
        else if (Api is not null)
        {
            await Api.DisposeAsync();
        }
    }
}
