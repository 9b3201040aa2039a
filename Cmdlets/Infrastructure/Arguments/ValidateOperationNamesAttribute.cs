using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>
/// Accepts a list of cell operations named as the search space names them, in any letter case. Unlike ValidateSet,
/// which stops at the first unknown name, it names every unknown operation with its edge, so that a list of 14 is
/// fixed in one pass.
/// </summary>
public sealed class ValidateOperationNamesAttribute : ValidateArgumentsAttribute
{
    public ValidateOperationNamesAttribute(SearchSpace searchSpace)
    {
        ValidValues = searchSpace == SearchSpace.Darts ? DartsOperationNames.All : NatsOperationNames.All;

        // Both spaces list the edges into each node in turn, from every earlier node: NATS-Bench from node 1 on, and
        // DARTS from node 2, the first after its two cell inputs.
        _firstNode = searchSpace == SearchSpace.Darts ? 2 : 1;
    }

    private readonly int _firstNode;

    /// <summary>The names as help lists them, under the property name that ValidateSet uses.</summary>
    public IReadOnlyList<string> ValidValues { get; }

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        object? value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        IEnumerable<object?> names = value is IEnumerable list and not string ? list.Cast<object?>() : new[] { value };

        var unknown = new List<string>();
        int edge = 0;
        foreach (object? item in names)
        {
            edge++;
            string? name = (item is PSObject inner ? inner.BaseObject : item)?.ToString();
            if (string.IsNullOrWhiteSpace(name))
            {
                unknown.Add($"an empty entry on edge {edge} ({DescribeEdge(edge)})");
            }
            else if (!ValidValues.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                unknown.Add($"'{name}' on edge {edge} ({DescribeEdge(edge)})");
            }
        }

        if (unknown.Count > 0)
        {
            string listed = unknown.Count == 1 ? unknown[0] : string.Join(", ", unknown.Take(unknown.Count - 1)) + " and " + unknown[^1];
            throw new ValidationMetadataException($"Invalid operation{(unknown.Count == 1 ? string.Empty : "s")}: {listed}; valid operations are {string.Join(", ", ValidValues)}.");
        }
    }

    // Names the nodes that edge k (from 1) joins in the standard edge order.
    private string DescribeEdge(int edge)
    {
        int remaining = edge;
        for (int node = _firstNode; ; node++)
        {
            if (remaining <= node)
            {
                return $"node {remaining - 1} to node {node}";
            }

            remaining -= node;
        }
    }
}
