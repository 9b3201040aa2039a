using System.Management.Automation;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>Selects a table view of Canopy.Format.ps1xml for one output object by its type name.</summary>
internal static class OutputViews
{
    /// <summary>Wraps the object with <paramref name="typeName"/> first among its type names, so that view applies.</summary>
    public static PSObject WithView(object record, string typeName)
    {
        var wrapped = new PSObject(record);
        wrapped.TypeNames.Insert(0, typeName);
        return wrapped;
    }
}
