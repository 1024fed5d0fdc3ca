#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Renders allure-results into a single-file Allure report that opens from disk, with the Allure
  version pinned in package-lock.json. Installs it (npm ci) on first use only; nothing is downloaded
  while rendering, and the report itself makes no outside request.
#>
param(
    [Parameter(Mandatory)] [string] $Results,
    [Parameter(Mandatory)] [string] $Output,
    # A previous report folder: its history.jsonl is continued, so trends span runs.
    [string] $History
)
$ErrorActionPreference = 'Stop'
$here = $PSScriptRoot

if (-not (Get-Command npm -ErrorAction SilentlyContinue)) {
    Write-Error 'The Allure report needs Node.js and npm (any LTS); the other reports do not.'
    exit 2
}
if (-not (Test-Path (Join-Path $here 'node_modules/allure'))) {
    Write-Host 'Installing the pinned Allure generator (once)...'
    & npm ci --prefix $here --no-audit --no-fund --loglevel=error | Out-Null
    if ($LASTEXITCODE -ne 0) { Write-Error 'npm ci failed for tools/allure.'; exit 2 }
}

$resultsCount = @(Get-ChildItem -Path $Results -Filter '*-result.json' -ErrorAction SilentlyContinue).Count
if ($resultsCount -eq 0) { Write-Error "No Allure results in $Results."; exit 2 }

$Output = [IO.Path]::GetFullPath($Output)
if (Test-Path $Output) { Remove-Item -Recurse -Force $Output }
New-Item -ItemType Directory -Force $Output | Out-Null
$historyFile = Join-Path $Output 'history.jsonl'
if ($History -and (Test-Path (Join-Path $History 'history.jsonl'))) {
    Copy-Item (Join-Path $History 'history.jsonl') $historyFile
}

$env:RATOR_ALLURE_OUTPUT = $Output
$env:RATOR_ALLURE_HISTORY = $historyFile
Push-Location $here
try {
    & (Join-Path $here 'node_modules/.bin/allure') generate ([IO.Path]::GetFullPath($Results)) --config (Join-Path $here 'allurerc.mjs') | Out-Null
    if ($LASTEXITCODE -ne 0) { Write-Error 'allure generate failed.'; exit 1 }
} finally { Pop-Location }

# Allure embeds an analytics script that can only fail offline; a shipped report makes no outside request.
$index = Join-Path $Output 'index.html'
$html = [IO.File]::ReadAllText($index)
$html = [Text.RegularExpressions.Regex]::Replace($html, '<script[^>]*googletagmanager[^>]*>\s*</script>\s*<script>[^<]*gtag[^<]*</script>', '')
[IO.File]::WriteAllText($index, $html)

# Allure exits 0 even when it recognised nothing: check that the report holds the scenarios.
Write-Host "Allure report: $index ($resultsCount scenarios)"
exit 0
