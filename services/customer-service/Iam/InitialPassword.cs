using System.Security.Cryptography;

namespace RealGuard.CustomerService.Iam;

/// <summary>A strong random password for a newly provisioned person, shown to the caller once and never stored here.</summary>
public static class InitialPassword
{
    public const int Length = 20;

    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!#%*+-=?@_";
    private const string All = Lower + Upper + Digits + Symbols;

    /// <summary>
    /// <see cref="Length"/> characters drawn uniformly from a cryptographic source (about 124 bits), with at least one
    /// of each class so that a realm password policy asking for them accepts it.
    /// </summary>
    public static string Generate()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(All, Length);
            if (password.AsSpan().IndexOfAny(Lower) >= 0 && password.AsSpan().IndexOfAny(Upper) >= 0
                && password.AsSpan().IndexOfAny(Digits) >= 0 && password.AsSpan().IndexOfAny(Symbols) >= 0)
            {
                return password;
            }
        }
    }
}
