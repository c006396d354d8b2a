namespace RealGuard.Benchmarks;

/// <summary>
/// How hard and how long: <c>--concurrency 1,16 --warmup 2 --duration 12 --rounds 3</c> (seconds). Each concurrency
/// level measures both paths for <c>duration</c> seconds, alternating between them in <c>rounds</c> slices so that
/// a change in the machine's load hits both alike.
/// </summary>
internal sealed record BenchmarkSettings(IReadOnlyList<int> Concurrency, TimeSpan Warmup, TimeSpan Duration, int Rounds)
{
    // One token serves the whole run: it must not expire in the middle (access tokens live 120 s).
    private static readonly TimeSpan TokenBudget = TimeSpan.FromSeconds(100);

    public static BenchmarkSettings Parse(string[] args)
    {
        var settings = new BenchmarkSettings([1, 16], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(12), 3);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--concurrency" => settings with { Concurrency = [.. value.Split(',').Select(int.Parse)] },
                "--warmup" => settings with { Warmup = TimeSpan.FromSeconds(int.Parse(value)) },
                "--duration" => settings with { Duration = TimeSpan.FromSeconds(int.Parse(value)) },
                "--rounds" => settings with { Rounds = int.Parse(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --concurrency 1,16 --warmup S --duration S --rounds N."),
            };
        }

        if (settings.Concurrency.Count == 0 || settings.Concurrency.Any(level => level < 1) || settings.Rounds < 1)
        {
            throw new ArgumentException("Concurrency levels and rounds must be at least 1.");
        }

        if ((settings.Warmup + settings.Duration) * 2 * settings.Concurrency.Count > TokenBudget)
        {
            throw new ArgumentException($"(warm-up + duration) x 2 paths x {settings.Concurrency.Count} levels must stay under {TokenBudget.TotalSeconds:0} s: the one access token lives 120 s.");
        }

        return settings;
    }
}
