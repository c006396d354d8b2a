using RealGuard.DevHost;

namespace RealGuard.Benchmarks;

/// <summary>
/// Counts the HTTP requests the identity provider receives, from its request log ("Request starting HTTP/1.1 GET
/// http://localhost:1234/realms/realguard/protocol/openid-connect/certs - - -"). Other parts' lines are dropped,
/// except errors, which are echoed.
/// </summary>
internal sealed class IamRequestCounter : IStackOutput
{
    private int total;
    private int token;
    private int keys;

    public readonly record struct Counts(int Total, int Token, int Keys)
    {
        public static Counts operator -(Counts after, Counts before) =>
            new(after.Total - before.Total, after.Token - before.Token, after.Keys - before.Keys);

        public static Counts operator +(Counts a, Counts b) => new(a.Total + b.Total, a.Token + b.Token, a.Keys + b.Keys);

        public override string ToString() => $"{Total} (token requests {Token}, discovery/JWKS {Keys})";
    }

    public Counts Current => new(Volatile.Read(ref total), Volatile.Read(ref token), Volatile.Read(ref keys));

    public void PartLine(string part, string line)
    {
        if (part == StackResources.Keycloak && line.TrimStart().StartsWith("Request starting ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref total);
            if (line.Contains("/protocol/openid-connect/token", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref token);
            }
            else if (line.Contains("/protocol/openid-connect/certs", StringComparison.Ordinal) || line.Contains("/.well-known/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref keys);
            }
        }
        else if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"[{part}] {line}");
        }
    }

    public void Status(string message) => Console.WriteLine($"  {message}");
}
