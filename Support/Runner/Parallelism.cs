// Features run in parallel, one fixture each; the NUnit.NumberOfTestWorkers runsetting overrides this default.
[assembly: NUnit.Framework.LevelOfParallelism(2)]
