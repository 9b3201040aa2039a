<#
.SYNOPSIS
    Measures how much of Import-Csv | Get-TropicalScore is PowerShell's own work on the records.

.DESCRIPTION
    Pipes nats_bench.csv into a compiled cmdlet that does only part of what Get-TropicalScore does to each record,
    without parsing or scoring, and prints each pipeline's time as a ratio to Import-Csv | ForEach-Object { $_ }, the
    baseline of the "Speed of scoring" section. Each pipeline ends in Out-Null, so records are discarded as they arrive,
    as in that section's streaming rows. The rows are:
    - None: passes the record on.
    - Find: also looks up the ArchitectureString property.
    - Add: also adds the four score properties without looking for them first.
    - CheckAndAdd: looks for each of the four properties and then adds it, as Get-TropicalScore does.
    The section script does not run this, so docs/benchmarks.md does not change. Run it after a Build from the
    repository root: dotnet pwsh build/bench/Measure-AnnotationCost.ps1
#>
param(
    [string] $Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path,
    [string] $DataPath = (Join-Path $Root '../shared/data'),
    [int] $Rounds = 15
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$natsFile = Join-Path $DataPath 'nats-tss/nats_bench.csv'
if (-not (Test-Path $natsFile)) { throw "The NATS-Bench file $natsFile was not found; pass -DataPath with the data folder." }

Import-Module (Join-Path $Root 'Canopy.psd1')
. (Join-Path $PSScriptRoot 'Timing.ps1')

if (-not ('CanopyBench.InvokeRecordWorkCommand' -as [type])) {
    $assembly = Add-Type -PassThru -TypeDefinition @'
using System.Management.Automation;

namespace CanopyBench
{
    [Cmdlet("Invoke", "RecordWork")]
    public sealed class InvokeRecordWorkCommand : PSCmdlet
    {
        private static readonly string[] Names = { "TropicalScore", "ParameterCount", "Flops", "SearchSpace" };

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateSet("None", "Find", "Add", "CheckAndAdd")]
        public string Work { get; set; }

        protected override void ProcessRecord()
        {
            PSObject record = InputObject;
            if (Work != "None")
            {
                record.Properties["ArchitectureString"]?.Value?.ToString();
            }

            if (Work == "Add" || Work == "CheckAndAdd")
            {
                // Values of the same types as a score's, boxed afresh for every record as Get-TropicalScore does.
                object[] values = { 5.5, 1288506L, 184730250L, "NatsTopology" };
                for (int i = 0; i < Names.Length; i++)
                {
                    if (Work == "Add" || record.Properties[Names[i]] is null)
                    {
                        record.Properties.Add(new PSNoteProperty(Names[i], values[i]), preValidated: true);
                    }
                }
            }

            WriteObject(record);
        }
    }
}
'@
    Import-Module ($assembly | Select-Object -First 1).Assembly
}

$scripts = [ordered]@{
    Baseline    = { Import-Csv $natsFile | ForEach-Object { $_ } | Out-Null }
    None        = { Import-Csv $natsFile | Invoke-RecordWork -Work None | Out-Null }
    Find        = { Import-Csv $natsFile | Invoke-RecordWork -Work Find | Out-Null }
    Add         = { Import-Csv $natsFile | Invoke-RecordWork -Work Add | Out-Null }
    CheckAndAdd = { Import-Csv $natsFile | Invoke-RecordWork -Work CheckAndAdd | Out-Null }
    Scoring     = { Import-Csv $natsFile | Get-TropicalScore | Out-Null }
}
$times = Measure-Interleaved -Scripts $scripts -Rounds $Rounds

"Medians of $Rounds interleaved rounds after $($times.WarmUpRounds) warm-up rounds, ratios to Baseline:"
foreach ($name in $scripts.Keys) {
    '{0,-12} wall {1:N3} s ({2:N2}), pipeline-thread CPU {3:N3} s ({4:N2})' -f $name, $times[$name].Wall,
        ($times[$name].Wall / $times.Baseline.Wall), $times[$name].Thread, ($times[$name].Thread / $times.Baseline.Thread)
}
