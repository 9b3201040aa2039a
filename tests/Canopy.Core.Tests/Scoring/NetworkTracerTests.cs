using Canopy.Scoring;
using Xunit;

namespace Canopy.Tests.Scoring;

public class NetworkTracerTests
{
    [Fact]
    public void AmortizedRankNeverExceedsLocalRank()
    {
        // A 2-channel layer caps each position at 2 dimensions. A stride-2 read of 2 taps then spans at most 4 per
        // position, although sharing the 2,048 dimensions of the narrow tensor over 256 positions would allow 8.
        int localRank = 0;
        int amortizedRank = 0;
        NetworkTracer.Count(LocalBudget.Amortized, 3072, tracer =>
        {
            int image = tracer.Input(3, 1024);
            int narrow = tracer.Convolve(image, outChannels: 2, window: 1, stride: 1, reluBefore: false);
            int reduced = tracer.Convolve(narrow, outChannels: 48, window: 2, stride: 2, reluBefore: true);
            localRank = tracer[reduced].LocalRank;
            amortizedRank = tracer[reduced].AmortizedRank;
        });

        Assert.Equal(4, localRank);
        Assert.Equal(4, amortizedRank);
    }
}
