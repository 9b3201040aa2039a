<#
.SYNOPSIS
    Builds the module's help: en-US/Canopy.dll-Help.xml from docs/cmdlets/<Verb-Noun>.md and the built cmdlets'
    metadata, and en-US/about_Canopy.help.txt from docs/about_Canopy.md.

.DESCRIPTION
    Get-Help reads a binary module's cmdlet help from <culture>/<assembly file name>-Help.xml under the module base,
    which is the folder of the manifest (the repository root), not the bin folder that holds the assembly. Checked
    with PowerShell 7.6.10: a help file in <root>/en-US is found, one in bin/en-US or bin is not, and about topics
    follow the same rule.

    The Markdown gives the text (synopsis, description, examples, parameter descriptions, inputs, outputs, notes);
    the built assembly gives syntax, parameter types, mandatory flags, positions, pipeline input, wildcard support
    ([SupportsWildcards()]), enum values and default values. A default is the parameter property's initial value in
    a new instance of the cmdlet class, unless the page gives one with a '<!-- Default: text -->' marker under the
    parameter's heading. A binary module cannot
    be unloaded, so the metadata comes from a child pwsh that imports the module; the build's own process never
    loads Canopy.dll.

    docs/cmdlets/README.md gives the Markdown layout. A cmdlet without a Markdown page, and a page that documents a
    parameter the cmdlet lacks or misses one it has, each produce a warning; tests/Pester/Help.Tests.ps1 fails on them.

.EXAMPLE
    dotnet pwsh -NoProfile -File build/ConvertTo-MamlHelp.ps1 -Root .
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Root,

    # Set only when this script runs itself as the child process that imports the module and saves its metadata.
    [string] $MetadataPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$Root = (Resolve-Path $Root).Path

# WhatIf and Confirm are common parameters too, but a page may still describe them; these texts fill the gap.
$script:StandardParameterText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Export-CommandMetadata {
    # Runs in the child process: imports the built module and writes the metadata of every exported cmdlet as JSON.
    param([string] $Root, [string] $Path)

    Import-Module (Join-Path $Root 'Canopy.psd1')
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $commands = foreach ($command in Get-Command -Module Canopy -CommandType Cmdlet | Sort-Object Name) {
        $defaults = Get-DefaultValues -Type $command.ImplementingType
        [pscustomobject]@{
            Name          = $command.Name
            Verb          = $command.Verb
            Noun          = $command.Noun
            OutputTypes   = @($command.OutputType | ForEach-Object { $_.Type.FullName ?? $_.Name })
            ParameterSets = @(foreach ($set in $command.ParameterSets) {
                [pscustomobject]@{
                    Name       = $set.Name
                    IsDefault  = $set.IsDefault
                    Parameters = @(foreach ($parameter in $set.Parameters | Where-Object Name -NotIn $common) {
                        ConvertTo-ParameterMetadata -Parameter $parameter -Defaults $defaults
                    })
                }
            })
        }
    }
    ConvertTo-Json -InputObject @($commands) -Depth 6 | Set-Content -Path $Path -Encoding utf8
}

function Get-DefaultValues {
    # Reads the initial property values of a fresh cmdlet instance, which are the parameters' defaults: enum members,
    # numbers (0 included), strings, arrays and switches. Null, an empty string or array, and a value outside the
    # parameter's own ValidateRange get none, because such a value only marks the parameter as not given.
    param([type] $Type)

    $values = @{}
    $instance = [Activator]::CreateInstance($Type)
    $parameters = $Type.GetProperties() | Where-Object { $_.GetCustomAttributes([System.Management.Automation.ParameterAttribute], $true) }
    foreach ($property in $parameters) {
        $value = $property.GetValue($instance)
        $isEmpty = $null -eq $value -or ($value -is [string] -and $value -eq '') -or ($value -is [array] -and $value.Count -eq 0)
        if ($isEmpty -or (Test-OutsideValidateRange -Property $property -Value $value)) {
            continue
        }
        if ($value -is [System.Management.Automation.SwitchParameter]) {
            $value = $value.IsPresent
        }
        $values[$property.Name] = [string]::Join(', ', @($value | ForEach-Object { [System.Convert]::ToString($_, [cultureinfo]::InvariantCulture) }))
    }
    return $values
}

function Test-OutsideValidateRange {
    # Tells whether a value, or any item of an array, lies outside the numeric range of the property's ValidateRange.
    param([System.Reflection.PropertyInfo] $Property, $Value)

    $range = $Property.GetCustomAttributes([System.Management.Automation.ValidateRangeAttribute], $true) | Select-Object -First 1
    if (-not $range -or $null -eq $range.MinRange) {
        return $false
    }
    foreach ($item in @($Value)) {
        if ($item -lt $range.MinRange -or $item -gt $range.MaxRange) {
            return $true
        }
    }
    return $false
}

function ConvertTo-ParameterMetadata {
    param($Parameter, [hashtable] $Defaults)

    $type = $Parameter.ParameterType
    $elementType = if ($type.IsArray) { $type.GetElementType() } else { $type }
    $underlying = [Nullable]::GetUnderlyingType($elementType) ?? $elementType
    $values = if ($underlying.IsEnum) { [enum]::GetNames($underlying) } else { @() }
    # ValidateSet and Canopy's own name validation both list their names as ValidValues.
    $validateSet = $Parameter.Attributes | Where-Object { $_.PSObject.Properties['ValidValues'] } | Select-Object -First 1
    if ($validateSet) { $values = $validateSet.ValidValues }

    [pscustomobject]@{
        Name          = $Parameter.Name
        TypeName      = $type.FullName
        ShortTypeName = Get-ShortTypeName -Type $type
        IsSwitch      = $type -eq [System.Management.Automation.SwitchParameter]
        IsMandatory   = $Parameter.IsMandatory
        Position      = if ($Parameter.Position -ge 0) { [string]$Parameter.Position } else { 'named' }
        ByValue       = $Parameter.ValueFromPipeline
        ByName        = $Parameter.ValueFromPipelineByPropertyName
        Aliases       = @($Parameter.Aliases)
        Globbing      = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
        Values        = @($values)
        Default       = if ($Parameter.IsMandatory) { $null } else { $Defaults[$Parameter.Name] }
    }
}

function Get-ShortTypeName {
    # The type as Get-Help prints it in syntax lines: String[], Int32, Nullable`1 shown as its argument.
    param([type] $Type)

    if ($Type.IsArray) { return (Get-ShortTypeName -Type $Type.GetElementType()) + '[]' }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return $underlying.Name }
    return $Type.Name
}

function Read-CommandPage {
    # Parses one docs/cmdlets page into its sections; headings are '#', '##' and '###' as in docs/cmdlets/README.md.
    param([string] $Path)

    $page = [ordered]@{
        Name = $null; Synopsis = @(); Description = @(); Examples = [System.Collections.Generic.List[object]]::new()
        Parameters = [ordered]@{}; Inputs = [ordered]@{}; Outputs = [ordered]@{}; Notes = @(); RelatedLinks = @()
    }
    $section = $null
    $current = $null
    $inFence = $false

    foreach ($line in (Get-Content -Path $Path -Encoding utf8)) {
        if ($line -match '^\s*```') {
            $inFence = -not $inFence
            if ($section -eq 'EXAMPLES' -and $current) {
                $current.InCode = $inFence
                continue
            }
        }
        elseif (-not $inFence -and $line -match '^# (\S+)\s*$') {
            $page.Name = $Matches[1]
            continue
        }
        elseif (-not $inFence -and $line -match '^## (.+?)\s*$') {
            $section = $Matches[1].ToUpperInvariant()
            $current = $null
            continue
        }
        elseif (-not $inFence -and $line -match '^### (.+?)\s*$') {
            $heading = $Matches[1]
            switch ($section) {
                'EXAMPLES' {
                    $current = [pscustomobject]@{ Title = $heading; Code = [System.Collections.Generic.List[string]]::new(); Remarks = [System.Collections.Generic.List[string]]::new(); InCode = $false }
                    $page.Examples.Add($current)
                }
                'PARAMETERS' { $current = $heading.TrimStart('-'); $page.Parameters[$current] = [System.Collections.Generic.List[string]]::new() }
                'INPUTS' { $current = $heading; $page.Inputs[$current] = [System.Collections.Generic.List[string]]::new() }
                'OUTPUTS' { $current = $heading; $page.Outputs[$current] = [System.Collections.Generic.List[string]]::new() }
            }
            continue
        }

        switch ($section) {
            'SYNOPSIS' { $page.Synopsis += $line }
            'DESCRIPTION' { $page.Description += $line }
            'NOTES' { $page.Notes += $line }
            # One link per '- Name' line; Get-Help lists them under RELATED LINKS.
            'RELATED LINKS' { if ($line -match '^- (.+?)\s*$') { $page.RelatedLinks += $Matches[1] } }
            'EXAMPLES' {
                if ($current -and $current.InCode) { $current.Code.Add($line) }
                elseif ($current) { $current.Remarks.Add($line) }
            }
            'PARAMETERS' { if ($current) { $page.Parameters[$current].Add($line) } }
            'INPUTS' { if ($current) { $page.Inputs[$current].Add($line) } }
            'OUTPUTS' { if ($current) { $page.Outputs[$current].Add($line) } }
        }
    }
    return $page
}

function ConvertTo-Paragraphs {
    # Splits Markdown lines into plain-text paragraphs: blank lines separate them, list items and code lines keep their
    # own lines, inline code and emphasis marks are dropped, and HTML comments (such as run markers) are removed.
    # NOTE: this is the Markdown the cmdlet pages use. Tables reach Get-Help as their raw pipe-separated lines, and
    # other HTML, nested emphasis and reference-style links pass through unconverted.
    param([string[]] $Lines)

    $text = ($Lines -join "`n") -replace '(?s)<!--.*?-->', ''
    $paragraphs = foreach ($block in ($text -split '\n\s*\n')) {
        $blockLines = @($block -split '\n' | ForEach-Object TrimEnd | Where-Object { $_ -ne '' })
        if ($blockLines.Count -eq 0) { continue }
        $isStructured = $blockLines | Where-Object { $_ -match '^\s*([-*] |\d+\. |\||```|    )' }
        $joined = if (Test-ListBlock $blockLines) {
            (Join-ListItems $blockLines) -join "`n"
        }
        elseif ($isStructured) { $blockLines -join "`n" }
        else { ($blockLines | ForEach-Object Trim) -join ' ' }
        $joined -replace '```\w*', '' -replace '`([^`]*)`', '$1' -replace '\*\*([^*]+)\*\*', '$1' -replace '\[([^\]]+)\]\(([^)]+)\)', '$1 ($2)'
    }
    return @($paragraphs | Where-Object { $_.Trim() -ne '' })
}

function Test-ListBlock {
    # A block that starts with a list item and holds no code or table is a list whose wrapped lines continue items.
    param([string[]] $Lines)

    $Lines[0] -match '^\s*([-*] |\d+\. )' -and -not ($Lines | Where-Object { $_ -match '^\s*(\||```)' })
}

function Join-ListItems {
    # Joins each item's wrapped lines, so that Get-Help wraps the item at the reader's width instead of the source's.
    param([string[]] $Lines)

    $items = [System.Collections.Generic.List[string]]::new()
    foreach ($line in $Lines) {
        if ($line -match '^\s*([-*] |\d+\. )' -or $items.Count -eq 0) { $items.Add($line) }
        else { $items[$items.Count - 1] += ' ' + $line.Trim() }
    }
    return $items
}

function Write-Paragraphs {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Lines, [string] $Element = 'description')

    $Writer.WriteStartElement('maml', $Element, $script:MamlNamespace)
    foreach ($paragraph in ConvertTo-Paragraphs -Lines $Lines) {
        $Writer.WriteElementString('maml', 'para', $script:MamlNamespace, $paragraph)
    }
    $Writer.WriteEndElement()
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, [string[]] $Description)

    $pipeline = if ($Parameter.ByValue -and $Parameter.ByName) { 'True (ByValue, ByPropertyName)' }
        elseif ($Parameter.ByValue) { 'True (ByValue)' }
        elseif ($Parameter.ByName) { 'True (ByPropertyName)' }
        else { 'False' }
    $aliases = if ($Parameter.Aliases.Count -gt 0) { $Parameter.Aliases -join ', ' } else { 'none' }

    $Writer.WriteStartElement('command', 'parameter', $script:CommandNamespace)
    $Writer.WriteAttributeString('required', $Parameter.IsMandatory.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $Parameter.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $pipeline)
    $Writer.WriteAttributeString('position', $Parameter.Position)
    $Writer.WriteAttributeString('aliases', $aliases)
    $Writer.WriteElementString('maml', 'name', $script:MamlNamespace, $Parameter.Name)
    Write-Paragraphs -Writer $Writer -Lines $Description

    if ($Parameter.Values.Count -gt 0) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $script:CommandNamespace)
        foreach ($value in $Parameter.Values) {
            $Writer.WriteStartElement('command', 'parameterValue', $script:CommandNamespace)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not $Parameter.IsSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $script:CommandNamespace)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Parameter.ShortTypeName)
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('dev', 'type', $script:DevNamespace)
    $Writer.WriteElementString('maml', 'name', $script:MamlNamespace, $Parameter.TypeName)
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $script:DevNamespace, (Get-DefaultText -Parameter $Parameter -Description $Description))
    $Writer.WriteEndElement()
}

function Get-DefaultText {
    # A page's '<!-- Default: text -->' marker wins, for a cmdlet that works the value out when the parameter is not
    # given; otherwise the value read from the cmdlet, or None.
    param($Parameter, [string[]] $Description)

    $marker = ($Description -join "`n") | Select-String -Pattern '<!--\s*Default:\s*(.+?)\s*-->'
    if ($marker) {
        return $marker.Matches[0].Groups[1].Value
    }
    return $Parameter.Default ?? 'None'
}

function Write-TypeList {
    # Writes the INPUTS or OUTPUTS section: one entry per '### TypeName' heading of the page.
    param([System.Xml.XmlWriter] $Writer, [System.Collections.IDictionary] $Types, [string] $ListElement, [string] $ItemElement)

    $Writer.WriteStartElement('command', $ListElement, $script:CommandNamespace)
    foreach ($typeName in $Types.Keys) {
        $Writer.WriteStartElement('command', $ItemElement, $script:CommandNamespace)
        $Writer.WriteStartElement('dev', 'type', $script:DevNamespace)
        $Writer.WriteElementString('maml', 'name', $script:MamlNamespace, $typeName)
        $Writer.WriteEndElement()
        Write-Paragraphs -Writer $Writer -Lines $Types[$typeName]
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Command {
    param([System.Xml.XmlWriter] $Writer, $Command, $Page)

    $Writer.WriteStartElement('command', 'command', $script:CommandNamespace)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $script:MamlNamespace)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $script:DevNamespace)

    $Writer.WriteStartElement('command', 'details', $script:CommandNamespace)
    $Writer.WriteElementString('command', 'name', $script:CommandNamespace, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $script:CommandNamespace, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $script:CommandNamespace, $Command.Noun)
    Write-Paragraphs -Writer $Writer -Lines $Page.Synopsis
    $Writer.WriteEndElement()
    Write-Paragraphs -Writer $Writer -Lines $Page.Description

    # The default parameter set first, as Get-Help prints the syntax lines in this order.
    $sets = @($Command.ParameterSets | Sort-Object { -not $_.IsDefault })
    $Writer.WriteStartElement('command', 'syntax', $script:CommandNamespace)
    foreach ($set in $sets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $script:CommandNamespace)
        $Writer.WriteElementString('maml', 'name', $script:MamlNamespace, $Command.Name)
        # Positional parameters by position, then mandatory ones, then the rest in declaration order, as Get-Command -Syntax prints them.
        $syntaxOrder = $set.Parameters | Sort-Object -Stable { if ($_.Position -eq 'named') { [int]::MaxValue } else { [int]$_.Position } }, { -not $_.IsMandatory }
        foreach ($parameter in $syntaxOrder) {
            Write-Parameter -Writer $Writer -Parameter $parameter -Description (Get-ParameterText -Page $Page -Name $parameter.Name)
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Each parameter once, in the order the page documents them, then any the page misses.
    $unique = [ordered]@{}
    foreach ($parameter in $sets.Parameters) {
        if (-not $unique.Contains($parameter.Name)) { $unique[$parameter.Name] = $parameter }
    }
    $ordered = @($Page.Parameters.Keys | Where-Object { $unique.Contains($_) }) + @($unique.Keys | Where-Object { -not $Page.Parameters.Contains($_) })
    $Writer.WriteStartElement('command', 'parameters', $script:CommandNamespace)
    foreach ($name in $ordered) {
        Write-Parameter -Writer $Writer -Parameter $unique[$name] -Description (Get-ParameterText -Page $Page -Name $name)
    }
    $Writer.WriteEndElement()

    Write-TypeList -Writer $Writer -Types $Page.Inputs -ListElement 'inputTypes' -ItemElement 'inputType'
    Write-TypeList -Writer $Writer -Types $Page.Outputs -ListElement 'returnValues' -ItemElement 'returnValue'

    $Writer.WriteStartElement('maml', 'alertSet', $script:MamlNamespace)
    $Writer.WriteStartElement('maml', 'alert', $script:MamlNamespace)
    foreach ($paragraph in ConvertTo-Paragraphs -Lines $Page.Notes) {
        $Writer.WriteElementString('maml', 'para', $script:MamlNamespace, $paragraph)
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $script:CommandNamespace)
    foreach ($example in $Page.Examples) {
        $Writer.WriteStartElement('command', 'example', $script:CommandNamespace)
        $Writer.WriteElementString('maml', 'title', $script:MamlNamespace, "-------------------------- $($example.Title) --------------------------")
        $Writer.WriteElementString('dev', 'code', $script:DevNamespace, ($example.Code -join "`n"))
        $Writer.WriteStartElement('dev', 'remarks', $script:DevNamespace)
        foreach ($paragraph in ConvertTo-Paragraphs -Lines $example.Remarks) {
            $Writer.WriteElementString('maml', 'para', $script:MamlNamespace, $paragraph)
        }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('maml', 'relatedLinks', $script:MamlNamespace)
    foreach ($link in $Page.RelatedLinks) {
        $Writer.WriteStartElement('maml', 'navigationLink', $script:MamlNamespace)
        $Writer.WriteElementString('maml', 'linkText', $script:MamlNamespace, $link)
        $Writer.WriteElementString('maml', 'uri', $script:MamlNamespace, '')
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Get-ParameterText {
    param($Page, [string] $Name)

    if ($Page.Parameters.Contains($Name)) { return [string[]]$Page.Parameters[$Name] }
    if ($script:StandardParameterText.ContainsKey($Name)) { return @($script:StandardParameterText[$Name]) }
    return @()
}

function Test-CommandPage {
    # Warns about a page that does not match its cmdlet, so the mismatch shows in the build log.
    param($Command, $Page, [string] $Path)

    $names = @($Command.ParameterSets.Parameters.Name | Sort-Object -Unique)
    foreach ($name in $names | Where-Object { -not $Page.Parameters.Contains($_) -and -not $script:StandardParameterText.ContainsKey($_) }) {
        Write-Warning "$Path does not document the parameter -$name of $($Command.Name)."
    }
    foreach ($name in $Page.Parameters.Keys | Where-Object { $_ -notin $names }) {
        Write-Warning "$Path documents -$name, but $($Command.Name) has no such parameter."
    }
    if ($Page.Name -ne $Command.Name) {
        Write-Warning "$Path starts with '# $($Page.Name)'; it must be '# $($Command.Name)'."
    }
}

function Write-MamlFile {
    param([object[]] $Commands, [string] $DocsFolder, [string] $Path)

    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($command in $Commands) {
            $pagePath = Join-Path $DocsFolder "$($command.Name).md"
            if (-not (Test-Path $pagePath)) {
                Write-Warning "docs/cmdlets/$($command.Name).md is missing, so Get-Help $($command.Name) shows only the syntax."
                continue
            }
            $page = Read-CommandPage -Path $pagePath
            Test-CommandPage -Command $command -Page $page -Path "docs/cmdlets/$($command.Name).md"
            Write-Command -Writer $writer -Command $command -Page $page
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

function ConvertTo-AboutText {
    # Turns docs/about_Canopy.md into the plain-text layout of about topics: headings at the margin in capitals,
    # text indented by four spaces and wrapped at 79 columns, code indented by eight and never wrapped.
    param([string] $Path)

    $output = [System.Collections.Generic.List[string]]::new()
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $inFence = $false

    $flush = {
        if ($paragraph.Count -eq 0) { return }
        $first = $paragraph[0]
        $isList = $first -match '^([-*]|\d+\.) '
        $isTable = $first -match '^\|'
        if ($isTable) {
            foreach ($row in $paragraph) { $output.Add('    ' + $row) }
        }
        elseif ($isList) {
            # Each item wraps with a hanging indent under its own text.
            $items = [System.Collections.Generic.List[string]]::new()
            foreach ($row in $paragraph) {
                if ($row -match '^([-*]|\d+\.) ') { $items.Add($row) } else { $items[$items.Count - 1] += ' ' + $row.Trim() }
            }
            foreach ($item in $items) {
                $null = $item -match '^(([-*]|\d+\.) )(.*)$'
                $marker = $Matches[1]
                foreach ($wrapped in (Split-Line -Text (Remove-Markdown $Matches[3]) -Width (75 - $marker.Length) -FirstPrefix ('    ' + $marker) -Prefix ('    ' + (' ' * $marker.Length)))) {
                    $output.Add($wrapped)
                }
            }
        }
        else {
            foreach ($wrapped in (Split-Line -Text (Remove-Markdown ($paragraph -join ' ')) -Width 75 -FirstPrefix '    ' -Prefix '    ')) {
                $output.Add($wrapped)
            }
        }
        $output.Add('')
        $paragraph.Clear()
    }

    foreach ($line in (Get-Content -Path $Path -Encoding utf8)) {
        if ($line -match '^\s*```') {
            & $flush
            $inFence = -not $inFence
            if (-not $inFence) { $output.Add('') }
            continue
        }
        if ($inFence) {
            $output.Add('        ' + $line)
            continue
        }
        if ($line -match '^# (.+)$') {
            & $flush
            $output.Add('TOPIC')
            $output.Add('    ' + $Matches[1].Trim())
            $output.Add('')
        }
        elseif ($line -match '^## (.+)$') {
            & $flush
            $output.Add($Matches[1].Trim().ToUpperInvariant())
            $output.Add('')
        }
        elseif ($line -match '^### (.+)$') {
            & $flush
            $output.Add('  ' + $Matches[1].Trim().ToUpperInvariant())
            $output.Add('')
        }
        elseif ($line.Trim() -eq '') {
            & $flush
        }
        elseif ($line -notmatch '^\s*<!--.*-->\s*$') {
            $paragraph.Add($line.TrimEnd())
        }
    }
    & $flush
    return ($output -join [Environment]::NewLine).TrimEnd() + [Environment]::NewLine
}

function Remove-Markdown {
    param([string] $Text)

    $Text -replace '`([^`]*)`', '$1' -replace '\*\*([^*]+)\*\*', '$1' -replace '\[([^\]]+)\]\(([^)]+)\)', '$1 ($2)'
}

function Split-Line {
    # Wraps text at word boundaries; a word longer than the width gets a line of its own.
    param([string] $Text, [int] $Width, [string] $FirstPrefix, [string] $Prefix)

    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ''
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        if ($line.Length -gt 0 -and $line.Length + 1 + $word.Length -gt $Width) {
            $lines.Add($line)
            $line = $word
        }
        else {
            $line = if ($line.Length -eq 0) { $word } else { "$line $word" }
        }
    }
    if ($line.Length -gt 0) { $lines.Add($line) }
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $lines[$i] = $(if ($i -eq 0) { $FirstPrefix } else { $Prefix }) + $lines[$i]
    }
    return $lines
}

if ($MetadataPath) {
    Export-CommandMetadata -Root $Root -Path $MetadataPath
    return
}

$script:MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
$script:CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'

$helpFolder = Join-Path $Root 'en-US'
New-Item -ItemType Directory -Path $helpFolder -Force | Out-Null

$metadataFile = Join-Path ([System.IO.Path]::GetTempPath()) "canopy-help-$([guid]::NewGuid().ToString('N')).json"
Push-Location $Root
try {
    & dotnet pwsh -NoProfile -NonInteractive -File $PSCommandPath -Root $Root -MetadataPath $metadataFile
    if ($LASTEXITCODE -ne 0) {
        throw "Reading the cmdlet metadata from the built module failed with exit code $LASTEXITCODE."
    }
    $commands = @(Get-Content -Raw -Path $metadataFile | ConvertFrom-Json)
}
finally {
    Pop-Location
    Remove-Item -Path $metadataFile -ErrorAction SilentlyContinue
}

$mamlPath = Join-Path $helpFolder 'Canopy.dll-Help.xml'
Write-MamlFile -Commands $commands -DocsFolder (Join-Path $Root 'docs/cmdlets') -Path $mamlPath

$aboutSource = Join-Path $Root 'docs/about_Canopy.md'
if (Test-Path $aboutSource) {
    $aboutText = ConvertTo-AboutText -Path $aboutSource
    Set-Content -Path (Join-Path $helpFolder 'about_Canopy.help.txt') -Value $aboutText -Encoding utf8 -NoNewline
}
else {
    Write-Warning 'docs/about_Canopy.md is missing, so Get-Help about_Canopy finds nothing.'
}
Write-Host "Built help for $($commands.Count) cmdlets into $helpFolder"
