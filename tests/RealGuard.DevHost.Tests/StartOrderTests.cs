namespace RealGuard.DevHost.Tests;

public sealed class StartOrderTests
{
    private static StackPart Part(string name, params string[] references) =>
        new(name, $"services/{name}/{name}.csproj", 5000) { References = references };

    [Fact]
    public void Referenced_parts_start_first_and_the_definition_order_holds_otherwise()
    {
        var definition = new StackDefinition(
        [
            Part("web", "gateway", "keycloak"),
            Part("gateway", "keycloak", "customer-service", "security-system-service"),
            Part("security-system-service", "keycloak", "customer-service"),
            Part("notification-service", "keycloak"),
            Part("customer-service", "keycloak"),
            Part("keycloak"),
        ]);

        var order = StartOrder.Resolve(definition).Select(part => part.Name);

        Assert.Equal(
            ["keycloak", "notification-service", "customer-service", "security-system-service", "gateway", "web"],
            order);
    }

    [Fact]
    public void A_reference_to_an_undefined_part_names_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            StartOrder.Resolve(new StackDefinition([Part("web", "gateway")])));

        Assert.Equal("'web' references 'gateway', which the stack does not define.", error.Message);
    }

    [Fact]
    public void A_cycle_names_the_parts_in_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            StartOrder.Resolve(new StackDefinition([Part("keycloak"), Part("a", "b"), Part("b", "a")])));

        Assert.Equal("The references between a, b form a cycle.", error.Message);
    }

    [Fact]
    public void A_name_defined_twice_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            StartOrder.Resolve(new StackDefinition([Part("web"), Part("web")])));

        Assert.Contains("'web'", error.Message);
    }
}
