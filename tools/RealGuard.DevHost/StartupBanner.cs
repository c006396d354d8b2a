using System.Text;

namespace RealGuard.DevHost;

/// <summary>What a developer needs once the stack is up: where each part is and whom to log in as.</summary>
internal static class StartupBanner
{
    public static string For(LocalStack stack)
    {
        var text = new StringBuilder();
        text.AppendLine("RealGuard is running. Ctrl+C stops it.");
        foreach (var name in stack.StartOrder)
        {
            var description = stack.Definition[name].Description;
            text.AppendLine($"  {name,-24} {stack.Url(name),-24} {description}".TrimEnd());
            if (name == StackResources.Keycloak)
            {
                text.AppendLine($"  {"",-24} discovery: {stack.DiscoveryDocumentUrl()}");
            }
        }

        if (stack.StartOrder.Contains(StackResources.Keycloak))
        {
            text.AppendLine($"Demo users (realm {StackResources.Realm}):");
            foreach (var user in DemoUsers.All)
            {
                text.AppendLine($"  {user.UserName,-8} {user.Password,-20} {user.Description}");
            }
        }

        return text.ToString().TrimEnd();
    }
}
