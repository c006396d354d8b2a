using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using System.Text.RegularExpressions;
using RealGuard.CustomerService.Domain;
using RealGuard.ServiceDefaults.Validation;
using RealGuard.ServiceDefaults;

namespace RealGuard.CustomerService.Endpoints;

/// <summary>An e-mail address the IAM accepts as a username: one plain address, no display name or comments.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ContactEmailAttribute() : ValidationAttribute("Not a valid e-mail address.")
{
    public override bool IsValid(object? value) => value is not string text || string.IsNullOrWhiteSpace(text) || IsEmailAddress(text.Trim());

    private static bool IsEmailAddress(string email) =>
        email.Length <= FieldLimits.EmailLength
        && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>' or '(' or ')' or ',' or ';' or ':' or '\\')
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.User.Length is > 0 and <= 64
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.') && !address.Host.Contains("..");
}

/// <summary>An optional phone number: digits, spaces and + ( ) - . only, with at least 3 digits.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed partial class ContactPhoneAttribute()
    : ValidationAttribute("Not a valid phone number: digits, spaces and + ( ) - . only, with at least 3 digits.")
{
    public override bool IsValid(object? value)
    {
        var phone = (value as string)?.Trim();
        return string.IsNullOrEmpty(phone)
            || (phone.Length <= FieldLimits.PhoneLength && PhonePattern().IsMatch(phone) && phone.Count(char.IsAsciiDigit) >= 3);
    }

    [GeneratedRegex(@"^\+?[0-9 ()\-.]+$")]
    private static partial Regex PhonePattern();
}

/// <summary>A role a customer can hold (<see cref="DataRoles.CustomerRoles"/>), case-sensitively.</summary>
public sealed class CustomerRoleNameAttribute() : OneOfAttribute([.. DataRoles.CustomerRoles])
{
    protected override string MessageFor(string value) => RoleMessage(value, "a customer can hold", Allowed);

    internal static string RoleMessage(string value, string where, IReadOnlyList<string> allowed) =>
        $"{(Shown(value) == "This value" ? "This role" : Shown(value))} is not a role {where}. Roles: {string.Join(", ", allowed)}.";
}

/// <summary>A role that can be held at a location (<see cref="DataRoles.LocationRoles"/>): not COMPANY_ROLE_ADMIN.</summary>
public sealed class LocationRoleNameAttribute() : OneOfAttribute([.. DataRoles.LocationRoles])
{
    protected override string MessageFor(string value) =>
        CustomerRoleNameAttribute.RoleMessage(value, "that can be held at a location", Allowed);
}
