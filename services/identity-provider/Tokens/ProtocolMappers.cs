using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Tokens;

/// <summary>
/// Keycloak's OpenID Connect protocol mappers, as configured in the realm's client scopes and clients:
/// they decide which claims each kind of token carries, and under which names.
/// </summary>
public static partial class ProtocolMappers
{
    public static void Apply(ProtocolMapperRepresentation mapper, TokenSubject subject, TokenKind kind, ClaimSet claims)
    {
        var config = mapper.Config ?? [];
        if (!AppliesTo(config, kind, mapper.ProtocolMapper))
        {
            return;
        }

        var user = subject.User;
        switch (mapper.ProtocolMapper)
        {
            case "oidc-usermodel-property-mapper":
            case "oidc-usermodel-attribute-mapper":
                var attribute = config.GetValueOrDefault("user.attribute");
                var values = attribute is null ? [] : UserAttribute(subject, attribute);
                if (values.Count > 0)
                {
                    claims.Set(ClaimName(config, subject), Typed(config, values));
                }
                break;
            case "oidc-full-name-mapper":
                if (user.FullName is { } name)
                {
                    claims.Set(["name"], name);
                }
                break;
            case "oidc-usermodel-realm-role-mapper":
                var prefix = config.GetValueOrDefault("usermodel.realmRoleMapping.rolePrefix") ?? "";
                var realmRoles = subject.Realm.ExpandRoles(user).RealmRoles.Select(r => prefix + r).ToList();
                if (realmRoles.Count > 0)
                {
                    claims.Set(ClaimName(config, subject, "realm_access.roles"), realmRoles);
                }
                break;
            case "oidc-usermodel-client-role-mapper":
                var onlyClient = NullIfEmpty(config.GetValueOrDefault("usermodel.clientRoleMapping.clientId"));
                foreach (var (client, roles) in subject.Realm.ExpandRoles(user).ClientRoles)
                {
                    if (onlyClient is null || onlyClient == client)
                    {
                        var template = config.GetValueOrDefault("claim.name") ?? "resource_access.${client_id}.roles";
                        claims.Set(SplitClaimName(template.Replace("${client_id}", client)), roles.ToList());
                    }
                }
                break;
            case "oidc-audience-resolve-mapper":
                foreach (var (client, roles) in subject.Realm.ExpandRoles(user).ClientRoles)
                {
                    if (roles.Count > 0 && client != subject.Client.ClientId)
                    {
                        claims.AddAudience(client);
                    }
                }
                break;
            case "oidc-audience-mapper":
                if (NullIfEmpty(config.GetValueOrDefault("included.client.audience")) is { } clientAudience)
                {
                    claims.AddAudience(clientAudience);
                }
                if (NullIfEmpty(config.GetValueOrDefault("included.custom.audience")) is { } customAudience)
                {
                    claims.AddAudience(customAudience);
                }
                break;
            case "oidc-allowed-origins-mapper":
                if (subject.Client.WebOrigins.Count > 0)
                {
                    claims.Set(["allowed-origins"], subject.Client.WebOrigins.ToList());
                }
                break;
            case "oidc-acr-mapper":
                claims.Set(["acr"], subject.Acr);
                break;
            case "oidc-sub-mapper":
                claims.Set(["sub"], user.Id);
                break;
            case "oidc-usersessionmodel-note-mapper":
                var note = config.GetValueOrDefault("user.session.note");
                if (note is not null && subject.SessionNotes.TryGetValue(note, out var noteValue))
                {
                    claims.Set(ClaimName(config, subject), Typed(config, [noteValue]));
                }
                break;
            case "oidc-hardcoded-claim-mapper":
                if (config.GetValueOrDefault("claim.value") is { } hardcoded)
                {
                    claims.Set(ClaimName(config, subject), Typed(config, [hardcoded]));
                }
                break;
            // Other mapper types (groups, organizations, address, pairwise...) are not used by RealGuard.
        }
    }

    private static bool AppliesTo(Dictionary<string, string?> config, TokenKind kind, string? type)
    {
        // The audience-resolve and allowed-origins mappers have no switches: they shape access tokens only.
        if (type is "oidc-audience-resolve-mapper" or "oidc-allowed-origins-mapper")
        {
            return kind is TokenKind.Access or TokenKind.Introspection;
        }
        var key = kind switch
        {
            TokenKind.Access => "access.token.claim",
            TokenKind.Id => "id.token.claim",
            TokenKind.UserInfo => "userinfo.token.claim",
            _ => "introspection.token.claim",
        };
        return config.TryGetValue(key, out var value)
            ? value == "true"
            : kind == TokenKind.Introspection && config.GetValueOrDefault("access.token.claim") == "true";
    }

    private static IReadOnlyList<string> UserAttribute(TokenSubject subject, string attribute)
    {
        var user = subject.User;
        string? property = attribute switch
        {
            "username" => user.Username,
            "email" => user.Email,
            "firstName" => user.FirstName,
            "lastName" => user.LastName,
            "emailVerified" => user.EmailVerified ? "true" : "false",
            "id" => user.Id,
            "createdTimestamp" => user.CreatedTimestamp.ToString(CultureInfo.InvariantCulture),
            "enabled" => user.Enabled ? "true" : "false",
            _ => null,
        };
        if (property is not null)
        {
            return [property];
        }
        return user.Attributes.TryGetValue(attribute, out var values) ? values : [];
    }

    private static object Typed(Dictionary<string, string?> config, IReadOnlyList<string> values)
    {
        var type = config.GetValueOrDefault("jsonType.label");
        var converted = values.Select(v => Convert(type, v)).ToList();
        return config.GetValueOrDefault("multivalued") == "true" ? converted : converted[0];
    }

    private static object Convert(string? type, string value) => type switch
    {
        "boolean" => bool.TryParse(value, out var b) ? b : value,
        "long" => long.TryParse(value, CultureInfo.InvariantCulture, out var l) ? l : value,
        "int" => int.TryParse(value, CultureInfo.InvariantCulture, out var i) ? i : value,
        "JSON" => TryParseJson(value),
        _ => value,
    };

    private static object TryParseJson(string value)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(value);
        }
        catch (JsonException)
        {
            return value;
        }
    }

    private static IReadOnlyList<string> ClaimName(Dictionary<string, string?> config, TokenSubject subject, string? fallback = null)
    {
        var name = NullIfEmpty(config.GetValueOrDefault("claim.name")) ?? fallback ?? "";
        return SplitClaimName(name.Replace("${client_id}", subject.Client.ClientId));
    }

    /// <summary>Keycloak nests claims on dots; <c>\.</c> is a literal dot.</summary>
    private static IReadOnlyList<string> SplitClaimName(string name) =>
        UnescapedDot().Split(name).Select(part => part.Replace("\\.", ".")).Where(part => part.Length > 0).ToList();

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex(@"(?<!\\)\.")]
    private static partial Regex UnescapedDot();
}
