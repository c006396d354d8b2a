namespace RealGuard.Web.Extensions;

/// <summary>Configuration section <c>Ui</c>.</summary>
public sealed class UiOptions
{
    public const string Section = "Ui";

    /// <summary>How often open pages fetch the systems' state again (alarms are raised by devices, not by this page).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
