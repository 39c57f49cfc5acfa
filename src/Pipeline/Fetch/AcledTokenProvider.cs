using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;

namespace Pipeline.Fetch;

/// <summary>
/// ACLED's OAuth tokens: a password grant (<c>username</c>, <c>password</c>, <c>grant_type=password</c>,
/// <c>client_id=acled</c>, <c>scope=authenticated</c>) posted as a form to <c>{base}/oauth/token</c>, kept
/// until a minute before <c>expires_in</c> runs out, then renewed with the refresh token (falling back to the
/// password grant when the refresh is refused). Credentials are read only when a token is first needed, so a
/// run served entirely from the cache needs none.
/// </summary>
internal sealed class AcledTokenProvider(TransientRetry http, Uri tokenUrl, Func<AcledCredentials> readCredentials, TimeProvider time, Action<string>? progress)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private AcledCredentials? credentials;
    private string? accessToken;
    private string? refreshToken;
    private DateTimeOffset expiresAt;

    /// <summary>The credentials, once read (for scrubbing messages).</summary>
    public AcledCredentials? Credentials => credentials;

    /// <summary>A valid access token, requested or renewed when needed.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (accessToken is not null && time.GetUtcNow() < expiresAt - Margin)
        {
            return accessToken;
        }

        if (refreshToken is not null)
        {
            progress?.Invoke("ACLED: access token expired or rejected; renewing it with the refresh token");
            if (await RequestAsync(RefreshForm(refreshToken), isRefresh: true, cancellationToken).ConfigureAwait(false))
            {
                return accessToken!;
            }

            progress?.Invoke("ACLED: refresh token refused; signing in again");
        }

        await RequestAsync(PasswordForm(), isRefresh: false, cancellationToken).ConfigureAwait(false);
        return accessToken!;
    }

    /// <summary>Forgets the access token (the API rejected it) but keeps the refresh token.</summary>
    public void Invalidate() => accessToken = null;

    private Dictionary<string, string> PasswordForm()
    {
        credentials ??= readCredentials();
        return new()
        {
            ["username"] = credentials.Email,
            ["password"] = credentials.Password,
            ["grant_type"] = "password",
            ["client_id"] = "acled",
            ["scope"] = "authenticated",
        };
    }

    private static Dictionary<string, string> RefreshForm(string token) => new()
    {
        ["refresh_token"] = token,
        ["grant_type"] = "refresh_token",
        ["client_id"] = "acled",
    };

    /// <summary>Posts the form; false when a refresh was refused, throws when a password grant fails.</summary>
    private async Task<bool> RequestAsync(Dictionary<string, string> form, bool isRefresh, CancellationToken cancellationToken)
    {
        using var result = await http.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form), Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } } },
            "ACLED sign-in",
            cancellationToken).ConfigureAwait(false);
        var response = result.Response;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var url = tokenUrl.GetLeftPart(UriPartial.Path);
        if (!response.IsSuccessStatusCode)
        {
            if (isRefresh && response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                refreshToken = null;
                return false;
            }

            var message = ApiError.MessageOf(body) is { } m ? credentials?.Scrub(m) ?? m : null;
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new FetchException(
                    $"ACLED rejected the sign-in with the credentials in {AcledCredentials.EmailVariable} / {AcledCredentials.PasswordVariable}",
                    "check both variables (the e-mail of your ACLED account and its current password); sign in at acleddata.com to confirm the account works and has API access",
                    url, response.StatusCode, message);
            }

            throw new FetchException($"ACLED sign-in failed{(result.GaveUp is { } g ? $" ({g})" : "")}", "the token service is unavailable; try again later", url, response.StatusCode, message);
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var access) || access.GetString() is not { Length: > 0 } token)
            {
                throw new FetchException("ACLED's token response has no access_token", "the sign-in endpoint answered unexpectedly; check {AcledFetchOptions.BaseUrl}", url, response.StatusCode, ApiError.FromElement(root));
            }

            accessToken = token;
            refreshToken = root.TryGetProperty("refresh_token", out var refresh) && refresh.ValueKind == JsonValueKind.String ? refresh.GetString() : refreshToken;
            expiresAt = time.GetUtcNow() + TimeSpan.FromSeconds(ExpiresIn(root));
            return true;
        }
        catch (JsonException ex)
        {
            throw new FetchException($"ACLED's token response is not valid JSON ({ex.Message})", "the sign-in endpoint answered unexpectedly; try again, or check {AcledFetchOptions.BaseUrl}", url, response.StatusCode);
        }
    }

    /// <summary>Seconds until expiry; one hour when the server does not say.</summary>
    private static double ExpiresIn(JsonElement root)
    {
        if (root.TryGetProperty("expires_in", out var e))
        {
            if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var n))
            {
                return n;
            }

            if (e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out n))
            {
                return n;
            }
        }

        return 3600;
    }
}
