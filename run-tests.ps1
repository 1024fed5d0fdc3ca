#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Runs the Rator contract suite against one environment and writes every report of the run.

.DESCRIPTION
  The one entry point for people and CI. Builds the suite if needed, runs the selected scenarios
  (NUnit through VSTest, with TRX and JUnit loggers), then turns the results into summary.json, the
  compliance matrix, allure-results and a manifest, scans every artifact for secrets, prints a short
  summary and exits with the documented code:
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
    # Number of parallel workers (features and scenarios run in parallel); default: twice the cores, at least 4.
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
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$project = Join-Path $root 'Rator.Contract.Tests.csproj'
$exit = @{ Passed = 0; Failures = 1; Usage = 2; Unreachable = 3; NothingSelected = 4; SecretLeaked = 5 }

function Stop-Run([int] $code, [string] $message) {
    [Console]::Error.WriteLine($message)
    exit $code
}

# --- arguments ---------------------------------------------------------------------------------
$parameters = '-Environment, -Tags, -List, -Parallel, -ReportDir, -Allure, -AllureHistory, -Baseline, -NoBuild, -Configuration'
if ($args.Count -gt 0) {
    Stop-Run $exit.Usage "Unknown parameter or argument: $($args -join ' '). The parameters are $parameters (see Get-Help ./run-tests.ps1)."
}
$workers = 0
if (-not [int]::TryParse($Parallel, [ref] $workers) -or $workers -lt 0) {
    Stop-Run $exit.Usage "-Parallel takes a number of workers, 1 or more (got '$Parallel')."
}
# Scenarios mostly wait on the target, so twice the cores (at least 4) by default.
$Parallel = if ($workers -eq 0) { [Math]::Max(4, 2 * [Environment]::ProcessorCount) } else { $workers }
if ($Configuration -notin @('Debug', 'Release')) {
    Stop-Run $exit.Usage "-Configuration is Debug or Release (got '$Configuration')."
}

$environmentFile = if ($Environment -match '[\\/]' -or $Environment.EndsWith('.json')) {
    [IO.Path]::GetFullPath($Environment, (Get-Location).Path)
} else {
    Join-Path $root "environments/$Environment.json"
}
if (-not (Test-Path -LiteralPath $environmentFile -PathType Leaf)) {
    $known = (Get-ChildItem (Join-Path $root 'environments') -Filter '*.json' | ForEach-Object BaseName) -join ', '
    Stop-Run $exit.Usage "Unknown environment '$Environment': no file $environmentFile. Known environments: $known."
}
$environmentName = [IO.Path]::GetFileNameWithoutExtension($environmentFile)
$reportPath = [IO.Path]::GetFullPath($ReportDir, (Get-Location).Path)

# --- build -------------------------------------------------------------------------------------
$dll = Join-Path $root "bin/$Configuration/net10.0/Rator.Contract.Tests.dll"
if (-not $NoBuild) {
    Write-Host "Building the suite ($Configuration)..."
    $buildLog = & dotnet build $project -c $Configuration --nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) {
        $buildLog | Select-String -Pattern 'error' | Select-Object -First 20 | ForEach-Object { [Console]::Error.WriteLine($_) }
        Stop-Run $exit.Usage 'The suite does not build; see the errors above.'
    }
}
if (-not (Test-Path $dll)) { Stop-Run $exit.Usage "The suite is not built ($dll missing); run without -NoBuild." }

# The suite's own command line (same assembly) evaluates tag expressions, lists, and finishes the run.
function Invoke-Suite([string[]] $arguments) { & dotnet $dll @arguments }

# Every process below (the suite's own commands, dotnet test, vstest, the test host) lives seconds: profile-guided re-JIT
# costs them more than it pays back (about 0.4 s a run, measured here). A value the caller set is kept.
if ($null -eq $env:DOTNET_TieredPGO) { $env:DOTNET_TieredPGO = '0' }

# A listing needs no run: `list` checks the expression (exit 2) and the selection (exit 4) itself.
if ($List) {
    $listArgs = @('list')
    if ($Tags) { $listArgs += @('--tags', $Tags) }
    Invoke-Suite $listArgs
    exit $LASTEXITCODE
}

$where = $null
$nothingSelected = $false
if ($Tags) {
    $where = Invoke-Suite @('where', '--tags', $Tags)
    if ($LASTEXITCODE -ne 0) { exit $exit.Usage }
    # A selection that matches no scenario sends nothing at all: not even the preflight's first token.
    Invoke-Suite @('list', '--tags', $Tags) | Out-Null
    $nothingSelected = $LASTEXITCODE -eq $exit.NothingSelected
}

# --- run ---------------------------------------------------------------------------------------
# The folder always holds the last run only, but only what runs wrote is ever deleted: a folder that holds
# other files (a workspace, `-ReportDir .`) is refused rather than emptied.
$marker = Join-Path $reportPath '.rator-report'
if ((Test-Path $reportPath) -and @(Get-ChildItem -Force $reportPath).Count -gt 0) {
    # A folder of an earlier run without the marker still has its run/status.json.
    if (-not (Test-Path $marker) -and -not (Test-Path (Join-Path $reportPath 'run/status.json'))) {
        Stop-Run $exit.Usage "The report folder $reportPath holds files no run of this suite wrote; choose an empty or new folder with -ReportDir."
    }
    # The previous run's summary is the default baseline of the comparison (RunFinisher reads baseline/summary.json).
    $previousSummary = if (Test-Path (Join-Path $reportPath 'summary.json')) { [IO.File]::ReadAllBytes((Join-Path $reportPath 'summary.json')) }
    Get-ChildItem -Force $reportPath | Remove-Item -Recurse -Force
}
New-Item -ItemType Directory -Force $reportPath | Out-Null
if ((Test-Path variable:previousSummary) -and $previousSummary) { New-Item -ItemType Directory -Force (Join-Path $reportPath 'baseline') | Out-Null; [IO.File]::WriteAllBytes((Join-Path $reportPath 'baseline/summary.json'), $previousSummary) }
New-Item -ItemType File -Force $marker | Out-Null
$consoleLog = Join-Path $reportPath 'console.log'

$env:RATOR_ENVIRONMENT = $environmentFile
$env:RATOR_REPORT_DIR = $reportPath
if (-not $env:RATOR_SUITE_COMMIT) {
    $commit = & git -C $root rev-parse --short HEAD 2>$null
    if ($LASTEXITCODE -eq 0) { $env:RATOR_SUITE_COMMIT = $commit }
}

if ($nothingSelected) {
    Write-Host "No scenario matches $Tags (see -List); nothing was sent."
    $finishArgs = @('finish', '--report-dir', $reportPath, '--environment', $environmentFile, '--selection', $Tags)
    Invoke-Suite $finishArgs | Out-Null
    Write-Host "Exit code $($exit.NothingSelected)."
    exit $exit.NothingSelected
}

$testArgs = @('test', $dll, '--nologo',
    '--logger', "trx;LogFileName=$(Join-Path $reportPath 'results.trx')",
    '--logger', "junit;LogFilePath=$(Join-Path $reportPath 'junit.xml');MethodFormat=Default;FailureBodyFormat=Verbose",
    '--', "NUnit.NumberOfTestWorkers=$Parallel")
# The preflight's own test goes with every selection: it is where CI reads why a run could not start.
if ($where) { $testArgs += "NUnit.Where=($where) || cat == 'preflight'" }

# ProcessStartInfo.ArgumentList passes each argument as is (the NUnit filter holds spaces and quotes).
$startInfo = [Diagnostics.ProcessStartInfo]::new('dotnet')
foreach ($argument in $testArgs) { $startInfo.ArgumentList.Add($argument) }
$startInfo.RedirectStandardOutput = $true
$startInfo.RedirectStandardError = $true
$startInfo.UseShellExecute = $false
Write-Host "Running the Rator contract suite against '$environmentName' with $Parallel workers$(if ($Tags) { ", tags: $Tags" })..."
$process = [Diagnostics.Process]::Start($startInfo)
$logStream = [IO.File]::Open($consoleLog, 'Create', 'Write', 'Read')
$copies = @($process.StandardOutput.BaseStream.CopyToAsync($logStream), $process.StandardError.BaseStream.CopyToAsync($logStream))
$scenarioLog = Join-Path $reportPath 'run/scenarios.ndjson'
# A progress line: rewritten in place on a terminal, one line every few seconds in a CI log.
$interactive = -not [Console]::IsOutputRedirected
$lastPrinted = [DateTime]::MinValue
# Read with .NET rather than Get-Content, and only when the log has grown: the CPU is the scenarios' on a small runner.
$logLength = -1
function Read-Progress {
    $stream = [IO.FileStream]::new($scenarioLog, 'Open', 'Read', 'ReadWrite')
    try { $text = [IO.StreamReader]::new($stream).ReadToEnd() } finally { $stream.Dispose() }
    # One line per scenario, one verdict per line.
    return [regex]::Matches($text, "`n").Count, [regex]::Matches($text, '"verdict":"(failed|error)"').Count
}
while (-not $process.WaitForExit(500)) {
    $length = if (Test-Path $scenarioLog) { (Get-Item $scenarioLog).Length } else { 0 }
    if ($length -eq $logLength) { continue }
    $logLength = $length
    $done, $failed = if ($length -gt 0) { Read-Progress } else { 0, 0 }
    if ($interactive) {
        Write-Host -NoNewline "`r  $done scenarios finished, $failed failing   "
    } elseif (([DateTime]::UtcNow - $lastPrinted).TotalSeconds -ge 5) {
        Write-Host "  $done scenarios finished, $failed failing"
        $lastPrinted = [DateTime]::UtcNow
    }
}
$process.WaitForExit()
[Threading.Tasks.Task]::WaitAll($copies)
$logStream.Dispose()
if ($interactive) { Write-Host '' }

# A test host that died before the suite's first hook leaves no status: that is no contract verdict.
# (A selection that matches nothing leaves none either, but the test run itself succeeds: finish says 4.)
if ($process.ExitCode -ne 0 -and -not (Test-Path (Join-Path $reportPath 'run/status.json'))) {
    $reason = Select-String -Path $consoleLog -Pattern 'exception|error' -SimpleMatch:$false | Select-Object -First 3 | ForEach-Object { $_.Line.Trim() }
    Stop-Run $exit.Usage ("The test run did not start (see $consoleLog):`n  " + ($reason -join "`n  "))
}

# --- reports, secret scan, exit code -------------------------------------------------------------
$finishArgs = @('--report-dir', $reportPath, '--environment', $environmentFile)
if ($Tags) { $finishArgs += @('--selection', $Tags) }
if ($Baseline) { $finishArgs += @('--baseline', [IO.Path]::GetFullPath($Baseline, (Get-Location).Path)) }
if ($Allure) {
    # Rendered between the reports and the seal, so the secret scan and the manifest cover it too.
    Invoke-Suite (@('report') + $finishArgs) | Out-Null
    & (Join-Path $root 'tools/allure/render.ps1') -Results (Join-Path $reportPath 'allure-results') `
        -Output (Join-Path $reportPath 'allure-report') -History $AllureHistory
    if ($LASTEXITCODE -ne 0) { Write-Warning 'The Allure report could not be rendered; the other reports are complete.' }
    Invoke-Suite (@('seal') + $finishArgs)
} else {
    Invoke-Suite (@('finish') + $finishArgs)
}
exit $LASTEXITCODE
