namespace Canopy.Architectures;

/// <summary>The datasets whose classifier size and input resolution fix a benchmark network's cost.</summary>
public enum Dataset
{
    /// <summary>CIFAR-10: 32×32 RGB, 10 classes.</summary>
    Cifar10,

    /// <summary>CIFAR-100: 32×32 RGB, 100 classes.</summary>
    Cifar100,

    /// <summary>ImageNet16-120: 16×16 RGB, 120 classes.</summary>
    ImageNet16,
}
