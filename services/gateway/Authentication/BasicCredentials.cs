using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;

namespace RealGuard.Gateway.Authentication;

/// <summary>API credentials as API clients send them: <c>Authorization: Basic base64(client_id:client_secret)</c> (RFC 7617).</summary>
internal sealed record BasicCredentials(string ClientId, string ClientSecret)
{
    public const string Scheme = "Basic";

    public static bool IsBasic(string? authorization) =>
        authorization is not null
        && authorization.Length > Scheme.Length
        && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
        && authorization[Scheme.Length] == ' ';

    /// <summary>Reads the header; false when it is not Basic or not <c>id:secret</c> with both parts present.</summary>
    public static bool TryParse(string? authorization, [NotNullWhen(true)] out BasicCredentials? credentials)
    {
        credentials = null;
        if (!IsBasic(authorization) || !AuthenticationHeaderValue.TryParse(authorization, out var header) || header.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
                .GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }

        // RFC 7617: the user-id cannot contain a colon; the password may.
        var separator = decoded.IndexOf(':');
        if (separator <= 0 || separator == decoded.Length - 1)
        {
            return false;
        }

        credentials = new BasicCredentials(decoded[..separator], decoded[(separator + 1)..]);
        return true;
    }

    // Never print the secret, not even by accident in a debugger view or a log of the record.
    public override string ToString() => $"BasicCredentials {{ ClientId = {ClientId} }}";
}
