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

    [Fact]
    public void NarrowConvolutionCapsGlobalRank()
    {
        // The image spans its 3 · 1,024 = 3,072 dimensions, and 6 channels leave that whole. Two channels at 1,024
        // positions hold at most 2,048 values, so the tensor after them spans at most 2,048 dimensions.
        long wideRank = 0;
        long narrowRank = 0;
        NetworkTracer.Count(budget: null, 3072, tracer =>
        {
            int image = tracer.Input(3, 1024);
            int wide = tracer.Convolve(image, outChannels: 6, window: 9, stride: 1, reluBefore: false);
            int narrow = tracer.Convolve(wide, outChannels: 2, window: 1, stride: 1, reluBefore: true);
            wideRank = tracer[wide].GlobalRank;
            narrowRank = tracer[narrow].GlobalRank;
        });

        Assert.Equal(3072, wideRank);
        Assert.Equal(2048, narrowRank);
    }
}
