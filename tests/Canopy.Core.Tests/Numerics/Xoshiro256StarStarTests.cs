using System.Linq;
using Canopy.Numerics;
using Xunit;

namespace Canopy.Tests.Numerics;

public class Xoshiro256StarStarTests
{
    [Fact]
    public void MatchesPublishedReferenceOutputs()
    {
        // The outputs of Blackman and Vigna's xoshiro256starstar.c from state {1, 2, 3, 4}, as listed in the
        // "reference" test of the rand_xoshiro crate (github.com/rust-random/rngs).
        var random = new Xoshiro256StarStar(1, 2, 3, 4);
        ulong[] expected =
        {
            11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
            607988272756665600, 16172922978634559625, 8476171486693032832,
            10595114339597558777, 2904607092377533576,
        };

        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(_ => random.NextUInt64()).ToArray());
    }

    [Fact]
    public void SeedsThroughSplitMix64()
    {
        // The reference splitmix64.c started from 0 gives E220A8397B1DCDAF, 6E789E6AA1B965F4, 06C45D188009454F, F88BB8A8724C81EC.
        var seeded = new Xoshiro256StarStar(0);
        var direct = new Xoshiro256StarStar(0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, 0xF88BB8A8724C81EC);

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(direct.NextUInt64(), seeded.NextUInt64());
        }
    }

    [Fact]
    public void BoundedDrawsAreUniform()
    {
        var random = new Xoshiro256StarStar(5);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++)
        {
            counts[random.NextInt32(7)]++;
        }

        // Each count is Binomial(70000, 1/7): mean 10000, standard deviation about 93; allow five of them.
        Assert.All(counts, count => Assert.InRange(count, 9535, 10465));
    }

    [Fact]
    public void StreamsDiffer()
    {
        ulong first = Xoshiro256StarStar.ForStream(1, 0).NextUInt64();
        ulong second = Xoshiro256StarStar.ForStream(1, 1).NextUInt64();
        ulong again = Xoshiro256StarStar.ForStream(1, 0).NextUInt64();

        Assert.NotEqual(first, second);
        Assert.Equal(first, again);
    }
}
