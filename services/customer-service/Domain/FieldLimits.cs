namespace RealGuard.CustomerService.Domain;

/// <summary>Longest values accepted and stored.</summary>
public static class FieldLimits
{
    public const int NameLength = 200;
    public const int PersonNameLength = 100;
    public const int EmailLength = 254;
    public const int PhoneLength = 32;
    public const int UserIdLength = 64;
    public const int RoleNameLength = 64;
}
