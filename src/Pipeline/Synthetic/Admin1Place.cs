namespace Pipeline.Synthetic;

/// <summary>
/// One Libyan first-level district (sha'biyah) with a main town, its approximate coordinates and how
/// often synthetic events fall there. Coordinates are integer ten-thousandths of a degree so that
/// jitter and the four-decimal output need no floating point.
/// </summary>
/// <param name="Admin1">District name as written in <c>admin1</c> (and <c>admin2</c>, as ACLED does for Libya).</param>
/// <param name="Town">Written in <c>location</c>.</param>
/// <param name="LatitudeE4">Latitude × 10 000 of the town (approximate).</param>
/// <param name="LongitudeE4">Longitude × 10 000 of the town (approximate).</param>
internal sealed record Admin1Place(string Admin1, string Town, int LatitudeE4, int LongitudeE4);
