// Stand-in for the Aspire.Hosting.Keycloak package, which this project's package feed does not serve yet.
// Same public API and behaviour: swapping is deleting this folder and adding the package.

namespace Aspire.Hosting.ApplicationModel;

/// <summary>A Keycloak server container: the IAM RealGuard delegates identity to.</summary>
public sealed class KeycloakResource(string name, ParameterResource? admin, ParameterResource adminPassword)
    : ContainerResource(name), IResourceWithServiceDiscovery
{
    internal const string PrimaryEndpointName = "http";
    internal const string ManagementEndpointName = "management";

    internal HashSet<string> EnabledFeatures { get; } = [];

    internal HashSet<string> DisabledFeatures { get; } = [];

    /// <summary>The bootstrap administrator's user name; <c>admin</c> when not given.</summary>
    public ParameterResource? AdminUserNameParameter { get; } = admin;

    /// <summary>The bootstrap administrator's password.</summary>
    public ParameterResource AdminPasswordParameter { get; } = adminPassword ?? throw new ArgumentNullException(nameof(adminPassword));

    internal ReferenceExpression AdminReference => AdminUserNameParameter is { } userName
        ? ReferenceExpression.Create($"{userName}")
        : ReferenceExpression.Create($"admin");
}
