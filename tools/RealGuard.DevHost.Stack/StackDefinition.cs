namespace RealGuard.DevHost;

/// <summary>The parts of a stack and the realm they share.</summary>
public sealed record StackDefinition(IReadOnlyList<StackPart> Parts)
{
    /// <summary>The realm export the identity provider imports, relative to the repository root (or absolute).</summary>
    public string? RealmFile { get; init; }

    /// <summary>
    /// Parts whose <c>http://localhost:{Port}</c> origin appears in the realm (redirect URIs, web origins,
    /// back-channel logout); the generated realm copy points them at the ports actually used.
    /// </summary>
    public IReadOnlyList<string> RealmOrigins { get; init; } = [];

    /// <summary>The named parts and every part they reference, directly or not: a smaller stack for a test.</summary>
    public StackDefinition Only(params string[] names)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(names);
        while (pending.TryPop(out var name))
        {
            if (wanted.Add(name))
            {
                foreach (var reference in this[name].References)
                {
                    pending.Push(reference);
                }
            }
        }
        return this with { Parts = Parts.Where(part => wanted.Contains(part.Name)).ToList() };
    }

    public StackPart this[string name] =>
        Parts.FirstOrDefault(part => part.Name == name)
        ?? throw new ArgumentException($"The stack has no part named '{name}'.", nameof(name));
}
