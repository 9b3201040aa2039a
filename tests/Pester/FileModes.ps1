# Helpers for tests of read-only cache files, dot-sourced by the test files that need them.

# Runs a script in a new pwsh that file modes bind. Root ignores them, except without CAP_DAC_OVERRIDE.
function Invoke-BoundByFileModes([string] $Script) {
    $command = "Import-Module '$env:CANOPY_MODULE_MANIFEST'; $Script"
    if ((id -u) -eq '0') {
        return & setpriv --bounding-set -dac_override -- "$PSHOME/pwsh" -NoProfile -NonInteractive -Command $command
    }

    return & "$PSHOME/pwsh" -NoProfile -NonInteractive -Command $command
}
