using System.Text.Json.Nodes;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>How a call reaches the portal: an incoming webhook's URL, or the REST endpoint plus an OAuth access token.</summary>
public interface IBitrix24Credentials
{
    /// <summary>The URL for the method; may add the access token to the parameters.</summary>
    Task<Uri> PrepareAsync(string method, JsonObject parameters, CancellationToken cancellationToken);

    /// <summary>Gets a new access token after the portal said the current one expired; false when this kind cannot.</summary>
    Task<bool> RefreshAsync(CancellationToken cancellationToken);
}
