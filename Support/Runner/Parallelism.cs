// Workers: features and scenarios run in parallel, and a scenario mostly waits on the network, so more
// workers than cores pay off. The NUnit.NumberOfTestWorkers runsetting (run-tests.ps1 -Parallel) overrides it.
[assembly: NUnit.Framework.LevelOfParallelism(4)]
