#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Runs the whole contract suite N times in a row and reports every scenario whose verdict was not the
  same in every run.

.DESCRIPTION
  Builds once, then runs ./run-tests.ps1 -NoBuild N times (default 20), each run into its own report
  folder, and reads each run's summary.json. A scenario is unstable when its verdict differs between runs
  or it is missing from a run (the run died, or the scenario was not reached). Scenarios that never pass
  but always give the same verdict (a warning or not-applicable by design of the target) are listed
  separately: they are stable, and the suite's own exit code is what judges them.

  Writes <ReportRoot>/flake.json (runs, exit codes, durations, per-scenario verdict counts) and prints
  a table. Exit code: 0 every scenario stable, 1 at least one unstable scenario or a run without a
  summary, 2 usage or build error.

.EXAMPLE
  dotnet pwsh ./tools/flake/run-flake.ps1                       # 20 runs against the embedded sandbox
  dotnet pwsh ./tools/flake/run-flake.ps1 -Runs 5 -Tags '@refresh' -Parallel 4
#>
[CmdletBinding()]
param(
    # How many times the suite runs.
    [ValidateRange(2, 1000)] [int] $Runs = 20,
    # Passed to run-tests.ps1 (an environment name or file).
    [string] $Environment = 'local',
    # Passed to run-tests.ps1: a tag expression limiting the scenarios.
    [string] $Tags,
    # Passed to run-tests.ps1: workers; 0 = its default (the number of cores).
    [int] $Parallel = 0,
    # Each run's reports go to <ReportRoot>/run-NN (emptied first).
    [string] $ReportRoot = 'reports/flake',
    # Skip the one build before the runs.
    [switch] $NoBuild,
    # Keep only the unstable runs' report folders (the others are deleted once read).
    [switch] $KeepOnlyUnstable
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$runTests = Join-Path $repo 'run-tests.ps1'
$root = [IO.Path]::GetFullPath($ReportRoot, (Get-Location).Path)

if (-not $NoBuild) {
    Write-Host 'Building the suite (Release)...'
    & dotnet build (Join-Path $repo 'Rator.Contract.Tests.csproj') -c Release --nologo -v quiet | Out-Null
    if ($LASTEXITCODE -ne 0) { [Console]::Error.WriteLine('The suite does not build.'); exit 2 }
}
if (Test-Path $root) { Remove-Item -Recurse -Force $root }
New-Item -ItemType Directory -Force $root | Out-Null

# scenario name -> verdict -> count (names compared exactly: outline rows may differ only in letter case).
$verdicts = [Collections.Specialized.OrderedDictionary]::new([StringComparer]::Ordinal)
$runRecords = [Collections.Generic.List[object]]::new()
Push-Location $repo
try {
    for ($i = 1; $i -le $Runs; $i++) {
        $dir = Join-Path $root ('run-{0:d2}' -f $i)
        $arguments = @('pwsh', '-NoProfile', '-File', $runTests, '-NoBuild', '-Environment', $Environment, '-ReportDir', $dir)
        if ($Tags) { $arguments += @('-Tags', $Tags) }
        if ($Parallel -gt 0) { $arguments += @('-Parallel', $Parallel) }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        # A separate process per run: run-tests.ps1 sets environment variables and exits with its code.
        & dotnet @arguments *> (Join-Path $root ('run-{0:d2}.log' -f $i))
        $code = $LASTEXITCODE
        $watch.Stop()
        $summaryFile = Join-Path $dir 'summary.json'
        $names = @()
        if (Test-Path $summaryFile) {
            $summary = Get-Content -Raw $summaryFile | ConvertFrom-Json
            foreach ($scenario in $summary.scenarios) {
                if (-not $verdicts.Contains($scenario.name)) { $verdicts[$scenario.name] = [Collections.Specialized.OrderedDictionary]::new([StringComparer]::Ordinal) }
                $counts = $verdicts[$scenario.name]
                $counts[$scenario.verdict] = 1 + $(if ($counts.Contains($scenario.verdict)) { $counts[$scenario.verdict] } else { 0 })
                $names += $scenario.name
            }
        }
        $runRecords.Add([pscustomobject]@{
            run = $i; exitCode = $code; seconds = [math]::Round($watch.Elapsed.TotalSeconds, 1)
            summary = (Test-Path $summaryFile); scenarios = $names.Count; dir = $dir; names = $names
        })
        Write-Host ('  run {0,2}/{1}: exit {2}, {3} scenarios, {4:n1} s' -f $i, $Runs, $code, $names.Count, $watch.Elapsed.TotalSeconds)
    }
}
finally {
    Pop-Location
}

# A scenario seen in some runs only is unstable too: count its absences as verdict "missing".
$complete = @($runRecords | Where-Object { $_.summary })
foreach ($name in @($verdicts.Keys)) {
    $seen = 0
    foreach ($count in $verdicts[$name].Values) { $seen += $count }
    if ($seen -lt $Runs) { $verdicts[$name]['missing'] = $Runs - $seen }
}
$rows = foreach ($name in $verdicts.Keys) {
    $counts = $verdicts[$name]
    $passedEveryTime = $counts.Count -eq 1 -and $counts.Contains('passed')
    if ($passedEveryTime) { continue }
    [pscustomobject]@{
        Scenario = $name
        Stable   = $counts.Count -eq 1
        Verdicts = ($counts.GetEnumerator() | ForEach-Object { "$($_.Key) $($_.Value)" }) -join ', '
    }
}
$unstable = @($rows | Where-Object { -not $_.Stable })
$steady = @($rows | Where-Object { $_.Stable })
$lostRuns = @($runRecords | Where-Object { -not $_.summary })

$report = [ordered]@{
    runs = $Runs; environment = $Environment; tags = $Tags; parallel = $Parallel
    scenarios = $verdicts.Count
    unstable = @($unstable | ForEach-Object { [ordered]@{ scenario = $_.Scenario; verdicts = $verdicts[$_.Scenario] } })
    stableNotPassed = @($steady | ForEach-Object { [ordered]@{ scenario = $_.Scenario; verdicts = $verdicts[$_.Scenario] } })
    runsWithoutSummary = @($lostRuns | ForEach-Object run)
    runDetails = @($runRecords | ForEach-Object { [ordered]@{ run = $_.run; exitCode = $_.exitCode; seconds = $_.seconds; scenarios = $_.scenarios } })
}
$report | ConvertTo-Json -Depth 6 | Set-Content -Encoding utf8 (Join-Path $root 'flake.json')

if ($KeepOnlyUnstable) {
    $unstableNames = [Collections.Generic.HashSet[string]]::new([string[]]@($unstable | ForEach-Object Scenario))
    foreach ($run in $complete) {
        $keep = @($run.names | Where-Object { $unstableNames.Contains($_) }).Count -gt 0 -and $unstable.Count -gt 0
        if (-not $keep) { Remove-Item -Recurse -Force $run.dir }
    }
}

$seconds = ($runRecords | Measure-Object -Property seconds -Sum -Average -Maximum)
Write-Host ''
Write-Host ("{0} runs of {1} scenarios in {2:n0} s (mean {3:n1} s, slowest {4:n1} s); exit codes: {5}" -f
    $Runs, $verdicts.Count, $seconds.Sum, $seconds.Average, $seconds.Maximum,
    (($runRecords | Group-Object exitCode | ForEach-Object { "$($_.Name) ×$($_.Count)" }) -join ', '))
if ($lostRuns.Count) { Write-Host "Runs without a summary (the run died; see run-NN.log): $(($lostRuns | ForEach-Object run) -join ', ')" }
if ($unstable.Count) {
    Write-Host "`nUNSTABLE — the verdict changed between runs ($($unstable.Count)):"
    $unstable | Format-Table -AutoSize -Wrap Scenario, Verdicts | Out-String -Width 200 | Write-Host
} else {
    Write-Host "`nUnstable scenarios: 0"
}
if ($steady.Count) {
    Write-Host "Stable but not passed (the same verdict in every run; judged by the suite's exit code) ($($steady.Count)):"
    $steady | Format-Table -AutoSize -Wrap Scenario, Verdicts | Out-String -Width 200 | Write-Host
}
Write-Host "Details: $(Join-Path $root 'flake.json')"
exit $(if ($unstable.Count -or $lostRuns.Count) { 1 } else { 0 })
