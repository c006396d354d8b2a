using System.Text.Encodings.Web;

namespace RealGuard.IdentityProvider.Pages;

/// <summary>
/// The HTML pages a user sees, with the element ids and field names of Keycloak's login theme
/// (<c>kc-form-login</c>, <c>username</c>, <c>password</c>, <c>kc-login</c>), so UI tests work against either.
/// </summary>
public static class KeycloakPages
{
    public const string InvalidCredentials = "Invalid username or password.";
    public const string AccountDisabled = "Account is disabled, contact your administrator.";

    public static IResult Login(string realmDisplayName, string action, string? username, string? error) => Page(
        $"Sign in to {realmDisplayName}", realmDisplayName, $"""
        <h1 id="kc-page-title">Sign in to your account</h1>
        {(error is null ? "" : $"""<div class="alert alert-error" role="alert"><span id="input-error" aria-live="polite">{Encode(error)}</span></div>""")}
        <form id="kc-form-login" action="{Encode(action)}" method="post">
          <div class="field">
            <label for="username">Username or email</label>
            <input tabindex="1" id="username" name="username" value="{Encode(username ?? "")}" type="text" autofocus autocomplete="username" aria-invalid="{(error is null ? "false" : "true")}">
          </div>
          <div class="field">
            <label for="password">Password</label>
            <input tabindex="2" id="password" name="password" type="password" autocomplete="current-password" aria-invalid="{(error is null ? "false" : "true")}">
          </div>
          <input type="hidden" id="id-hidden-input" name="credentialId">
          <input tabindex="4" class="button" name="login" id="kc-login" type="submit" value="Sign In">
        </form>
        """);

    public static IResult Error(string realmDisplayName, string message, int statusCode = StatusCodes.Status400BadRequest) => Page(
        "We are sorry...", realmDisplayName, $"""
        <h1 id="kc-page-title">We are sorry...</h1>
        <div id="kc-error-message"><p class="instruction">{Encode(message)}</p></div>
        """, statusCode);

    public static IResult LogoutConfirmation(string realmDisplayName, string action, string? stateFields) => Page(
        "Logging out", realmDisplayName, $"""
        <h1 id="kc-page-title">Logging out</h1>
        <p class="instruction">Do you want to log out?</p>
        <form id="kc-logout-confirm" action="{Encode(action)}" method="post">
          {stateFields}
          <input tabindex="4" class="button" name="confirmLogout" id="kc-logout" type="submit" value="Logout">
        </form>
        """);

    public static IResult LoggedOut(string realmDisplayName) => Page(
        "Logged out", realmDisplayName, """
        <h1 id="kc-page-title">You are logged out</h1>
        """);

    public static string HiddenField(string name, string? value) =>
        value is null ? "" : $"""<input type="hidden" name="{Encode(name)}" value="{Encode(value)}">""";

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);

    private static IResult Page(string title, string realmDisplayName, string body, int statusCode = StatusCodes.Status200OK) =>
        Results.Content($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex, nofollow">
              <title>{{Encode(title)}}</title>
              <style>
                body { font-family: system-ui, sans-serif; background: #f0f0f0; margin: 0; }
                #kc-header { background: #1f2a37; color: #fff; padding: 1.5rem; text-align: center; font-size: 1.5rem; letter-spacing: .05em; }
                main { max-width: 26rem; margin: 3rem auto; background: #fff; padding: 2rem; border-top: 4px solid #0066cc; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
                h1 { font-size: 1.4rem; margin-top: 0; }
                .field { margin-bottom: 1rem; }
                label { display: block; margin-bottom: .3rem; font-weight: 600; }
                input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; border: 1px solid #8a8d90; }
                .button { width: 100%; padding: .6rem; background: #0066cc; color: #fff; border: 0; font-size: 1rem; cursor: pointer; }
                .alert-error { background: #fdeeed; border-left: 3px solid #c9190b; padding: .6rem; margin-bottom: 1rem; }
              </style>
            </head>
            <body>
              <div id="kc-header">{{Encode(realmDisplayName.ToUpperInvariant())}}</div>
              <main>
            {{body}}
              </main>
            </body>
            </html>
            """, "text/html; charset=utf-8", statusCode: statusCode);
}
