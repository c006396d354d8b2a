using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using RealGuard.AppHost;

namespace RealGuard.Testing.AppHost;

internal static class ModelExtensions
{
    public static IResourceBuilder<ProjectResource> Part(this IDistributedApplicationTestingBuilder builder, string name) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == name));

    /// <summary>
    /// Removes the parts a test does not run, with their databases; the remaining parts no longer wait for them and
    /// lose their <c>services__{part}__*</c> entries (a test that needs one points it at a stand-in).
    /// </summary>
    public static void KeepOnly(this IDistributedApplicationTestingBuilder builder, IReadOnlyCollection<string> parts)
    {
        var removed = builder.Resources.OfType<ProjectResource>().Where(resource => !parts.Contains(resource.Name)).ToList();
        if (removed.Count == 0)
        {
            return;
        }

        var removedNames = removed.Select(resource => resource.Name).ToHashSet();
        var kept = builder.Resources.OfType<ProjectResource>().Except(removed).ToList();
        var theirDatabases = removed
            .SelectMany(resource => resource.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource))
            .Where(resource => resource is IResourceWithConnectionString && !kept.Any(part => part.Annotations.OfType<WaitAnnotation>().Any(wait => wait.Resource == resource)))
            .ToList();

        foreach (var resource in removed.Cast<IResource>().Concat(theirDatabases))
        {
            builder.Resources.Remove(resource);
        }

        foreach (var part in kept)
        {
            foreach (var wait in part.Annotations.OfType<WaitAnnotation>().Where(wait => removedNames.Contains(wait.Resource.Name)).ToList())
            {
                part.Annotations.Remove(wait);
            }

            builder.CreateResourceBuilder(part).WithEnvironment(context =>
            {
                foreach (var key in context.EnvironmentVariables.Keys.Where(key => removedNames.Any(name => key.StartsWith($"services__{name}__", StringComparison.Ordinal))).ToList())
                {
                    context.EnvironmentVariables.Remove(key);
                }
            });
        }
    }
}
