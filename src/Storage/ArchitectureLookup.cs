namespace Canopy.Storage;

/// <summary>The stored value of one column for one architecture, or its absence.</summary>
public readonly record struct ArchitectureLookup(string Architecture, bool Found, object? Value);
