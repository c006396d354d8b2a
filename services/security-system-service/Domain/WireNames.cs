using System.Diagnostics.CodeAnalysis;

namespace RealGuard.SecuritySystemService.Domain;

/// <summary>The upper-case names states and actions have in JSON, the database, audit entries and events.</summary>
public static class WireNames
{
    /// <summary>Recorded (audit, events) for the transition a device causes; not an action anyone may request.</summary>
    public const string AlarmRaised = "ALARM";

    public static string ToWireName(this SecuritySystemState state) => state.ToString().ToUpperInvariant();

    public static string ToWireName(this SecuritySystemAction action) => action.ToString().ToUpperInvariant();

    public static SecuritySystemState ParseState(string value) => Enum.Parse<SecuritySystemState>(value, ignoreCase: true);

    /// <summary>Exactly ARM, DISARM or ACKNOWLEDGE, as the contract spells them.</summary>
    public static bool TryParseAction(string? value, [NotNullWhen(true)] out SecuritySystemAction? action)
    {
        foreach (var candidate in Enum.GetValues<SecuritySystemAction>())
        {
            if (candidate.ToWireName() == value)
            {
                action = candidate;
                return true;
            }
        }
        action = null;
        return false;
    }

    public static IReadOnlyList<string> ActionNames { get; } =
        [.. Enum.GetValues<SecuritySystemAction>().Select(action => action.ToWireName())];
}
