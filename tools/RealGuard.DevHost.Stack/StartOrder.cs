namespace RealGuard.DevHost;

/// <summary>Orders parts so that every part starts after the parts it references.</summary>
internal static class StartOrder
{
    /// <summary>Dependencies first; otherwise the order of the definition.</summary>
    public static IReadOnlyList<StackPart> Resolve(StackDefinition definition)
    {
        var parts = definition.Parts;
        var duplicate = parts.GroupBy(part => part.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The stack defines '{duplicate.Key}' more than once.");
        }

        var names = parts.Select(part => part.Name).ToHashSet();
        foreach (var part in parts)
        {
            var unknown = part.References.FirstOrDefault(reference => !names.Contains(reference));
            if (unknown is not null)
            {
                throw new InvalidOperationException($"'{part.Name}' references '{unknown}', which the stack does not define.");
            }
        }

        var ordered = new List<StackPart>();
        var started = new HashSet<string>();
        while (ordered.Count < parts.Count)
        {
            var next = parts.FirstOrDefault(part =>
                !started.Contains(part.Name) && part.References.All(started.Contains));
            if (next is null)
            {
                var waiting = parts.Where(part => !started.Contains(part.Name)).Select(part => part.Name);
                throw new InvalidOperationException($"The references between {string.Join(", ", waiting)} form a cycle.");
            }

            ordered.Add(next);
            started.Add(next.Name);
        }

        return ordered;
    }
}
