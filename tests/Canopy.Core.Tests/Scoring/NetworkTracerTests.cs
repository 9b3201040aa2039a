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

    [Theory]
    [InlineData(0, 12, 4)]  // a dense 3 × 3 window at stride 2 reads all 4 input positions of each output position
    [InlineData(2, 6, 2)]   // a factorized reduction reads 2 of them
    [InlineData(1, 3, 1)]   // a dilated window at stride 2 reads 1 of them
    public void StrideSharesOnlyPositionsRead(int positionsRead, int expectedAmortizedRank, int expectedShare)
    {
        // The image gives each of its 1,024 positions 3 dimensions. A ReLU'd copy of it with 48 channels is read through
        // 9 taps at stride 2, so each of the 256 outputs reads 432 hyperplanes in a budget of 3 dimensions per input
        // position read.
        int amortizedRank = 0;
        double naturalLog = NetworkTracer.Count(LocalBudget.Amortized, 3072, tracer =>
        {
            int image = tracer.Input(3, 1024);
            int wide = tracer.Convolve(image, outChannels: 48, window: 1, stride: 1, reluBefore: false);
            int reduced = tracer.Convolve(wide, outChannels: 48, window: 9, stride: 2, reluBefore: true, positionsRead);
            amortizedRank = tracer[reduced].AmortizedRank;
        });

        Assert.Equal(expectedAmortizedRank, amortizedRank);
        Assert.Equal(256 * ExactZaslavsky.Ln(9 * 48, 3 * expectedShare), naturalLog, 9);
    }

    [Fact]
    public void ConcatenationReluSkipsCountedParts()
    {
        // Parts a and b each have 16 channels of full rank at 64 positions. A 3 × 3 convolution has read ReLU(a), so a
        // ReLU of the concatenation [a, b, a] adds only b's 16 hyperplanes per position: 2^16 regions, not 2^48.
        double naturalLog = NetworkTracer.Count(LocalBudget.ReceptiveField, 3072, tracer =>
        {
            int image = tracer.Input(16, 64);
            int a = tracer.Convolve(image, outChannels: 16, window: 1, stride: 1, reluBefore: false);
            int b = tracer.Convolve(image, outChannels: 16, window: 9, stride: 1, reluBefore: false);
            _ = tracer.Convolve(a, outChannels: 16, window: 9, stride: 1, reluBefore: true);
            int output = tracer.Concatenate(new[] { a, b, a });
            _ = tracer.Convolve(output, outChannels: 16, window: 1, stride: 1, reluBefore: true);
        });

        double expected = 64 * ExactZaslavsky.Ln(9 * 16, 16) + 64 * ExactZaslavsky.Ln(16, 16);
        Assert.Equal(expected, naturalLog, 9);
    }

    [Fact]
    public void ConcatenationReluSkipsConstantsAndRepeats()
    {
        // Part b has 16 channels of full rank at 64 positions. A constant, zero or batch norm's shift, has no hyperplane,
        // and a repeated part adds none, so a 1 × 1 reading of [b, zero, b, shift] counts b's 16 hyperplanes once.
        double naturalLog = NetworkTracer.Count(LocalBudget.ReceptiveField, 3072, tracer =>
        {
            int image = tracer.Input(16, 64);
            int b = tracer.Convolve(image, outChannels: 16, window: 9, stride: 1, reluBefore: false);
            int zero = tracer.Constant(16, 64);
            int shift = tracer.Convolve(zero, outChannels: 16, window: 1, stride: 1, reluBefore: true);
            int output = tracer.Concatenate(new[] { b, zero, b, shift });
            _ = tracer.Convolve(output, outChannels: 16, window: 1, stride: 1, reluBefore: true);
        });

        Assert.Equal(64 * ExactZaslavsky.Ln(16, 16), naturalLog, 9);
    }

    [Fact]
    public void RepeatedPoolingIsOneTensor()
    {
        int average = 0;
        int averageAgain = 0;
        int averageStrided = 0;
        int max = 0;
        int maxAgain = 0;
        NetworkTracer.Count(LocalBudget.ReceptiveField, 3072, tracer =>
        {
            int image = tracer.Input(3, 1024);
            int source = tracer.Convolve(image, outChannels: 16, window: 9, stride: 1, reluBefore: false);
            average = tracer.AveragePool(source, window: 9, stride: 1);
            averageAgain = tracer.AveragePool(source, window: 9, stride: 1);
            averageStrided = tracer.AveragePool(source, window: 9, stride: 2);
            max = tracer.MaxPool(source, window: 9, stride: 1);
            maxAgain = tracer.MaxPool(source, window: 9, stride: 1);
        });

        Assert.Equal(average, averageAgain);
        Assert.NotEqual(average, averageStrided);
        Assert.NotEqual(average, max);
        Assert.Equal(max, maxAgain);
    }

    [Fact]
    public void NonZeroConstantMakesSumNewTensor()
    {
        int withZero = 0;
        int withShift = 0;
        int input = 0;
        NetworkTracer.Count(LocalBudget.ReceptiveField, 3072, tracer =>
        {
            input = tracer.Input(3, 1024);
            int zero = tracer.Constant(3, 1024);
            int shift = tracer.Convolve(zero, outChannels: 3, window: 9, stride: 1, reluBefore: true);
            withZero = tracer.Sum(new[] { input, zero }, 3, 1024);
            withShift = tracer.Sum(new[] { input, tracer.AveragePool(shift, window: 9, stride: 1) }, 3, 1024);
        });

        Assert.Equal(input, withZero);
        Assert.NotEqual(input, withShift);
    }

    [Fact]
    public void SumOfConstantsKeepsShift()
    {
        // A sum of batch norm's shift and zero is still the shift, so adding that sum to the input moves the input's
        // hyperplanes.
        int input = 0;
        int withShift = 0;
        NetworkTracer.Count(LocalBudget.ReceptiveField, 3072, tracer =>
        {
            input = tracer.Input(3, 1024);
            int zero = tracer.Constant(3, 1024);
            int shift = tracer.Convolve(zero, outChannels: 3, window: 9, stride: 1, reluBefore: true);
            int constantNode = tracer.Sum(new[] { shift, zero }, 3, 1024);
            withShift = tracer.Sum(new[] { input, constantNode }, 3, 1024);
        });

        Assert.NotEqual(input, withShift);
    }
}
