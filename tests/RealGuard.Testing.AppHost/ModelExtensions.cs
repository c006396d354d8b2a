using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using RealGuard.AppHost;

namespace RealGuard.Testing.AppHost;

internal static class ModelExtensions
{
    public static IResourceBuilder<ProjectResource> Part(this IDistributedApplicationTestingBuilder builder, string name) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == name));
}
