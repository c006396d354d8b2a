using RealGuard.CustomerService.Iam;

namespace RealGuard.CustomerService.Tests.Unit;

public sealed class InitialPasswordTests
{
    [Fact]
    public void Passwords_are_long_mix_every_character_class_and_never_repeat()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => InitialPassword.Generate()).ToList();

        Assert.All(passwords, password =>
        {
            Assert.Equal(InitialPassword.Length, password.Length);
            Assert.Contains(password, char.IsAsciiLetterLower);
            Assert.Contains(password, char.IsAsciiLetterUpper);
            Assert.Contains(password, char.IsAsciiDigit);
            Assert.Contains(password, c => !char.IsAsciiLetterOrDigit(c));
            Assert.DoesNotContain(password, char.IsWhiteSpace);
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }
}
