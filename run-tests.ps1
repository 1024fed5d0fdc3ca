#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Runs the Rator contract suite against one environment and writes every report of the run.

.DESCRIPTION
  The one entry point for people and CI. Builds the suite only when an input changed since the last
  build (a stamp of the inputs), then hands the run to the suite's own `run` command: one process runs
  the selected scenarios with NUnit's in-process runner, writes JUnit and TRX from the run's results,
  turns them into summary.json, the compliance matrix, allure-results and a manifest, scans every
  artifact for secrets, prints a short summary and exits with the documented code:
    0 every gating scenario passed     1 contract failures         2 configuration or usage error
    3 target unreachable / no token    4 nothing selected          5 a secret found in an artifact

.EXAMPLE
  dotnet pwsh ./run-tests.ps1                                  # the whole suite against the embedded sandbox
  dotnet pwsh ./run-tests.ps1 -Environment staging -Tags '@BK-06 or @RS-05'
  dotnet pwsh ./run-tests.ps1 -List -Tags '@refresh and not @slow'
#>
# Not an advanced script on purpose: PowerShell would refuse a mistyped parameter before this script runs,
# with exit code 1, which CI reads as "contract failures". Unknown arguments land in $args and exit 2 instead.
param(
    # An environment name (environments/<name>.json) or a path to an environment file.
    [string] $Environment = $(if ($env:RATOR_ENVIRONMENT) { $env:RATOR_ENVIRONMENT } else { 'local' }),
    # A Cucumber tag expression, e.g. '@PW-01 or (@brand and not @slow)'.
    [string] $Tags,
    # List the selected scenarios; nothing is sent to any target.
    [switch] $List,
    # Number of parallel workers (features and scenarios run in parallel); default: twice the cores, at least 4,
    # plus one for each selected scenario that waits for a real expiry (@slow).
    [string] $Parallel = '0',
    # Where the reports go; always the last run (emptied first).
    [string] $ReportDir = 'reports/latest',
    # Also render a single-file Allure report (installs the pinned npm package on first use).
    [switch] $Allure,
    # A previous Allure report folder whose history the new report continues.
    [string] $AllureHistory,
    # A previous run to compare with (its report folder or summary.json); default: the previous run in -ReportDir.
    [string] $Baseline,
    # Skip the build (CI steps that built already).
    [switch] $NoBuild,
    # Build configuration.
    [string] $Configuration = 'Release',
    # Draft a new environment file from the deployment at -BaseUrl (accounts from RATOR_DISCOVER_* variables).
    [string] $Discover,
    [string] $BaseUrl
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$project = Join-Path $root 'Rator.Contract.Tests.csproj'
# StaleBuild is no run's code: the suite's command says with it that the build must be redone first (BuildStamp).
$exit = @{ Passed = 0; Failures = 1; Usage = 2; Unreachable = 3; NothingSelected = 4; SecretLeaked = 5; StaleBuild = 10 }

function Stop-Run([int] $code, [string] $message) {
    [Console]::Error.WriteLine($message)
    exit $code
}

# --- arguments ---------------------------------------------------------------------------------
$parameters = '-Environment, -Tags, -List, -Parallel, -ReportDir, -Allure, -AllureHistory, -Baseline, -NoBuild, -Configuration, -Discover, -BaseUrl'
if ($args.Count -gt 0) {
    Stop-Run $exit.Usage "Unknown parameter or argument: $($args -join ' '). The parameters are $parameters (see Get-Help ./run-tests.ps1)."
}
$workers = 0
if (-not [int]::TryParse($Parallel, [ref] $workers) -or $workers -lt 0) {
    Stop-Run $exit.Usage "-Parallel takes a number of workers, 1 or more (got '$Parallel')."
}
if ($Configuration -notin @('Debug', 'Release')) {
    Stop-Run $exit.Usage "-Configuration is Debug or Release (got '$Configuration')."
}

$environmentFile = if ($Environment -match '[\\/]' -or $Environment.EndsWith('.json')) {
    [IO.Path]::GetFullPath($Environment, (Get-Location).Path)
} else {
    Join-Path $root "environments/$Environment.json"
}
if (-not (Test-Path -LiteralPath $environmentFile -PathType Leaf)) {
    $known = (Get-ChildItem (Join-Path $root 'environments') -Filter '*.json' | Where-Object Name -NotLike '*.schema.json' | ForEach-Object BaseName) -join ', '
    Stop-Run $exit.Usage "Unknown environment '$Environment': no file $environmentFile. Known environments: $known."
}
$reportPath = [IO.Path]::GetFullPath($ReportDir, (Get-Location).Path)

# --- build -------------------------------------------------------------------------------------
$dll = Join-Path $root "bin/$Configuration/net10.0/Rator.Contract.Tests.dll"
# The suite's own command line (same assembly) lists, runs and finishes the run; see Support/Cli.
function Invoke-Suite([string[]] $arguments) { & dotnet $dll @arguments }

# Every process below lives seconds: profile-guided re-JIT costs more than it pays back (about 0.4 s a run,
# measured here). A value the caller set is kept.
if ($null -eq $env:DOTNET_TieredPGO) { $env:DOTNET_TieredPGO = '0' }
# No phoning home: Reqnroll's usage telemetry stays off in every process of a run (the suite sets it itself too).
$env:REQNROLL_TELEMETRY_ENABLED = '0'

function Build-Suite {
    Write-Host "Building the suite ($Configuration)..."
    $buildLog = & dotnet build $project -c $Configuration --nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) {
        $buildLog | Select-String -Pattern 'error' | Select-Object -First 20 | ForEach-Object { [Console]::Error.WriteLine($_) }
        Stop-Run $exit.Usage 'The suite does not build; see the errors above.'
    }
    Invoke-Suite @('build-stamp', '--root', $root)
}

# The suite's command, on a build that is current. MSBuild takes seconds to find that nothing changed; instead the
# command itself first compares the inputs with the stamp of the last build (BuildStamp, milliseconds) and, when
# something changed, exits with StaleBuild before doing anything: then the suite is built and the command runs again.
function Invoke-Current([string[]] $arguments) {
    if (-not $NoBuild) {
        if (Test-Path $dll) {
            Invoke-Suite (@('--if-built', $root) + $arguments)
            if ($LASTEXITCODE -ne $exit.StaleBuild) { return }
        }
        Build-Suite
    }
    if (-not (Test-Path $dll)) { Stop-Run $exit.Usage "The suite is not built ($dll missing); run without -NoBuild." }
    Invoke-Suite $arguments
}

# Discovery is the suite's own `discover` command: it checks its arguments and variables, and never overwrites a file.
if ($Discover -or $BaseUrl) {
    Invoke-Current @('discover', '--file', $Discover, '--base-url', $BaseUrl)
    exit $LASTEXITCODE
}

# A listing needs no run: `list` checks the expression (exit 2), the selection (exit 4) and that every step is bound (exit 2) itself.
if ($List) {
    $listArgs = @('list')
    if ($Tags) { $listArgs += @('--tags', $Tags) }
    Invoke-Current $listArgs
    exit $LASTEXITCODE
}

if (-not $env:RATOR_SUITE_COMMIT) {
    $commit = & git -C $root rev-parse --short HEAD 2>$null
    if ($LASTEXITCODE -eq 0) { $env:RATOR_SUITE_COMMIT = $commit }
}

# --- run ---------------------------------------------------------------------------------------
# One process runs the scenarios in-process (NUnit's own runner), writes JUnit, TRX and every report, scans them
# and decides the exit code (Support/Cli/RunCommand.cs). Each script parameter maps to one option here, in one place.
$runOptions = [ordered]@{
    '--environment' = $environmentFile
    '--report-dir'  = $reportPath
    '--parallel'    = $workers
    '--tags'        = $Tags
    '--baseline'    = $(if ($Baseline) { [IO.Path]::GetFullPath($Baseline, (Get-Location).Path) })
}
$runArgs = @('run')
foreach ($option in $runOptions.GetEnumerator()) {
    if ($option.Value) { $runArgs += @($option.Key, [string] $option.Value) }
}
$finishArgs = @('--report-dir', $reportPath, '--environment', $environmentFile)
if ($Tags) { $finishArgs += @('--selection', $Tags) }
if ($Baseline) { $finishArgs += @('--baseline', [IO.Path]::GetFullPath($Baseline, (Get-Location).Path)) }

if ($Allure) {
    # Rendered between the reports and the seal, so the secret scan and the manifest cover it too.
    Invoke-Current ($runArgs + '--no-seal')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    & (Join-Path $root 'tools/allure/render.ps1') -Results (Join-Path $reportPath 'allure-results') `
        -Output (Join-Path $reportPath 'allure-report') -History $AllureHistory
    if ($LASTEXITCODE -ne 0) { Write-Warning 'The Allure report could not be rendered; the other reports are complete.' }
    Invoke-Suite (@('seal') + $finishArgs)
} else {
    Invoke-Current $runArgs
}
exit $LASTEXITCODE
