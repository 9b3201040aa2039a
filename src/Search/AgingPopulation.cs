using Canopy.Numerics;
using System;
using System.Collections.Generic;

namespace Canopy.Search;

/// <summary>
/// The population of regularized evolution: a queue in order of evaluation. Once it contains
/// <see cref="Capacity"/> members, each new member pushes out the oldest one, whatever its fitness.
/// </summary>
internal sealed class AgingPopulation
{
    // A ring buffer: the oldest member sits at _head, and the tournament draws members by index.
    private readonly Evaluation[] _members;
    private int _head;

    public AgingPopulation(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _members = new Evaluation[capacity];
    }

    public int Capacity => _members.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>The members from oldest to youngest.</summary>
    public IEnumerable<Evaluation> Members
    {
        get
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }
    }

    /// <summary>The member at <paramref name="age"/> positions from the oldest one.</summary>
    private Evaluation this[int age] => _members[(_head + age) % _members.Length];

    /// <summary>Adds an accepted evaluation and returns the oldest member it pushed out, or null while the population grows.</summary>
    public Evaluation? Add(Evaluation member)
    {
        if (!member.Accepted)
        {
            throw new ArgumentException($"Evaluation {member.Step} was not accepted ({member.Status}), so it cannot join the population.", nameof(member));
        }

        if (!IsFull)
        {
            _members[(_head + Count) % _members.Length] = member;
            Count++;
            return null;
        }

        Evaluation oldest = _members[_head];
        _members[_head] = member;
        _head = (_head + 1) % _members.Length;
        return oldest;
    }

    /// <summary>
    /// Runs one tournament: draws <paramref name="sampleSize"/> members uniformly with replacement, as in Real et al.
    /// (2019, Algorithm 1), and returns the fittest of them. Of equally fit members the one evaluated first wins.
    /// </summary>
    /// <exception cref="InvalidOperationException">The population is empty.</exception>
    public Evaluation SelectParent(Xoshiro256StarStar random, int sampleSize)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        if (Count == 0)
        {
            throw new InvalidOperationException("A tournament needs at least one member in the population.");
        }

        Evaluation parent = this[random.NextInt32(Count)];
        for (int drawn = 1; drawn < sampleSize; drawn++)
        {
            Evaluation candidate = this[random.NextInt32(Count)];
            if (candidate.Beats(parent))
            {
                parent = candidate;
            }
        }

        return parent;
    }
}
