namespace Canopy.Statistics;

/// <summary>A record that a proxy could not pair with the target, and the two statuses that explain why.</summary>
/// <param name="Record">The record's number, counting from 1 in input order.</param>
/// <param name="Proxy">The status of the proxy's value.</param>
/// <param name="Target">The status of the target's value.</param>
public readonly record struct LeftOutRecord(int Record, ValueStatus Proxy, ValueStatus Target);
