using NUnit.Framework;

// Fixtures run side by side; each owns its hosts, so they never share state.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(8)]
