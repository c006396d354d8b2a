using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealGuard.AppHost;

/// <summary>What a developer needs once the stack is up: which mode runs and why, where the parts are, whom to log in as.</summary>
internal static class StartupBanner
{
    public static IDistributedApplicationBuilder AddStartupBanner(this IDistributedApplicationBuilder builder, HostingMode mode)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        // The mode as a resource of its own, so the dashboard says it too.
        builder.AddResource(new HostingModeResource(AppHostResources.HostingModeResource))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "RealGuard mode",
                State = new ResourceStateSnapshot(mode.UsesContainers ? "Containers" : "Container-free", KnownResourceStateStyles.Info),
                Properties = [new("Mode", mode.Description), new("Reason", mode.Reason)],
            })
            .ExcludeFromManifest();

        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((@event, _) =>
        {
            var logger = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RealGuard");
            logger.LogInformation("{Banner}", Text(@event.Model, mode));
            return Task.CompletedTask;
        });
        return builder;
    }

    private static string Text(DistributedApplicationModel model, HostingMode mode)
    {
        var text = new StringBuilder();
        text.AppendLine($"RealGuard runs {mode.Description} ({mode.Reason}). Ctrl+C stops everything.");
        foreach (var part in model.Resources.OfType<IResourceWithEndpoints>().Where(r => StackResources.Parts.Contains(r.Name)))
        {
            var endpoint = part.GetEndpoints().FirstOrDefault(e => e.EndpointName == "http");
            text.AppendLine($"  {part.Name,-24} {(endpoint is { IsAllocated: true } ? endpoint.Url : "")}");
        }

        text.AppendLine($"Demo users (realm {StackResources.Realm}, development passwords):");
        foreach (var user in DemoUsers.All)
        {
            text.AppendLine($"  {user.UserName,-8} {user.Password,-20} {user.Description}");
        }

        return text.ToString().TrimEnd();
    }

    private sealed class HostingModeResource(string name) : Resource(name);
}
