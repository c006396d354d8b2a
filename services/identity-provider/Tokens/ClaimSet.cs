namespace RealGuard.IdentityProvider.Tokens;

/// <summary>A JWT payload under construction: nested claims (<c>realm_access.roles</c>) and an <c>aud</c> that grows.</summary>
public sealed class ClaimSet
{
    private readonly Dictionary<string, object> _claims = new(StringComparer.Ordinal);
    private readonly List<string> _audiences = [];

    public void Set(IReadOnlyList<string> path, object value)
    {
        if (path.Count == 0)
        {
            return;
        }
        var node = _claims;
        foreach (var segment in path.Take(path.Count - 1))
        {
            if (node.GetValueOrDefault(segment) is not Dictionary<string, object> child)
            {
                node[segment] = child = new Dictionary<string, object>(StringComparer.Ordinal);
            }
            node = child;
        }
        node[path[^1]] = value;
    }

    public void Set(string name, object value) => Set([name], value);

    public void AddAudience(string audience)
    {
        if (!_audiences.Contains(audience))
        {
            _audiences.Add(audience);
        }
    }

    public Dictionary<string, object> ToDictionary()
    {
        var result = new Dictionary<string, object>(_claims, StringComparer.Ordinal);
        if (_audiences.Count > 0)
        {
            result["aud"] = _audiences.Count == 1 ? _audiences[0] : _audiences.ToArray();
        }
        return result;
    }
}
