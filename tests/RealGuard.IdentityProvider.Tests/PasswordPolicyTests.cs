using RealGuard.IdentityProvider.Users;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>Keycloak's <c>passwordPolicy</c> syntax and messages, rule by rule.</summary>
public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Realm = PasswordPolicy.Parse("length(12) and notUsername and notEmail and passwordHistory(3)");

    private static readonly UserAccount User = new() { Realm = "r", Id = "1", Username = "frank.fisher@acme.example", Email = "frank.fisher@acme.example" };

    [Theory]
    [InlineData("short", "invalidPasswordMinLengthMessage", "Invalid password: minimum length 12.")]
    [InlineData("FRANK.FISHER@ACME.EXAMPLE", "invalidPasswordNotUsernameMessage", "Invalid password: must not be equal to the username.")]
    public void A_password_breaking_a_rule_gets_Keycloaks_message(string password, string key, string message)
    {
        var error = Realm.Validate(password, User.Username, User.Email, User);

        Assert.Equal(new PolicyError(key, message), error);
    }

    [Fact]
    public void The_email_rule_is_checked_where_username_and_email_differ()
    {
        var error = Realm.Validate("frank@acme.example", "frank", "frank@acme.example", null);

        Assert.Equal("Invalid password: must not be equal to the email.", error?.Message);
    }

    [Fact]
    public void A_long_password_unlike_name_and_email_is_accepted()
    {
        Assert.Null(Realm.Validate("correct-horse-battery", User.Username, User.Email, User));
    }

    [Fact]
    public void The_last_three_passwords_cannot_be_reused_the_fourth_can()
    {
        var user = User;
        foreach (var password in new[] { "first-password-1", "second-password-2", "third-password-3" })
        {
            user = Realm.WithPassword(user, password);
        }

        Assert.Equal("Invalid password: must not be equal to any of last 3 passwords.", Realm.Validate("first-password-1", user.Username, user.Email, user)?.Message);
        Assert.NotNull(Realm.Validate("third-password-3", user.Username, user.Email, user));

        user = Realm.WithPassword(user, "fourth-password-4");
        Assert.Null(Realm.Validate("first-password-1", user.Username, user.Email, user));
        Assert.Equal(2, user.PasswordHistory.Count);
    }

    [Theory]
    [InlineData("length", "abcdefg", "Invalid password: minimum length 8.")]
    [InlineData("digits(2) and upperCase and specialChars", "Password1!", "Invalid password: must contain at least 2 numerical digits.")]
    [InlineData("upperCase", "password", "Invalid password: must contain at least 1 upper case characters.")]
    [InlineData("maxLength(5)", "password", "Invalid password: maximum length 5.")]
    public void Rules_without_a_value_take_Keycloaks_default(string policy, string password, string message)
    {
        Assert.Equal(message, PasswordPolicy.Parse(policy).Validate(password, "someone", null, null)?.Message);
    }

    [Fact]
    public void Hashing_and_expiry_rules_are_accepted_and_ignored()
    {
        var policy = PasswordPolicy.Parse("hashAlgorithm(pbkdf2-sha512) and hashIterations(210000) and forceExpiredPasswordChange(365)");

        Assert.Null(policy.Validate("x", "someone", null, null));
    }
}
