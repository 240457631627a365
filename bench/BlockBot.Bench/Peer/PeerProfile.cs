namespace BlockBot.Bench.Peer;

/// <summary>The peers' user profile (lib/procedure.js <c>newProfile</c>), kept in the product's UserState.</summary>
public sealed class PeerProfile
{
    public string? FirstSeen { get; set; }

    public string? LastSeen { get; set; }

    public int Turns { get; set; }

    public int Tickets { get; set; }

    public string? LastLineName { get; set; }
}
