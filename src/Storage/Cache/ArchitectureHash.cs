namespace Canopy.Storage.Cache;

/// <summary>
/// The 64-bit FNV-1a hash of a canonical architecture string's UTF-16 code units, stored beside each row so that
/// lookups use a small index of integers. Changing the function needs a new schema version, because the hashes
/// stored in existing files would no longer match.
/// </summary>
internal static class ArchitectureHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static long Compute(string canonical)
    {
        ulong hash = OffsetBasis;
        foreach (char c in canonical)
        {
            hash = (hash ^ c) * Prime;
        }

        return unchecked((long)hash);
    }
}
