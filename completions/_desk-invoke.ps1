
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'desk-invoke' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'desk-invoke'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'desk-invoke' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('hash', 'hash', [CompletionResultType]::ParameterValue, 'Compute the HASH of an invoke request, offline (needs only the secret)')
            [CompletionResult]::new('invoke', 'invoke', [CompletionResultType]::ParameterValue, 'Send a signed invoke request and print the called API''s answer')
            [CompletionResult]::new('storage', 'storage', [CompletionResultType]::ParameterValue, 'Read and write the extension''s storage')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and set the extension''s config params')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Post an extension log')
            [CompletionResult]::new('permissions', 'permissions', [CompletionResultType]::ParameterValue, 'List the current user''s custom permissions, or check one')
            [CompletionResult]::new('verify-callback', 'verify-callback', [CompletionResultType]::ParameterValue, 'Check that a platform event callback was signed by Desk')
            [CompletionResult]::new('send-callback', 'send-callback', [CompletionResultType]::ParameterValue, 'Play Desk: sign and deliver a platform event callback to a handler')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive Desk''s platform event callbacks: verify, print, relay, save')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run a local Desk to develop and test against')
            [CompletionResult]::new('smoke', 'smoke', [CompletionResultType]::ParameterValue, 'Round-trip smoke test of a profile, for CI')
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Check the extension project''s plugin-manifest.json and resources.json')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Manage the profile file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;hash' {
            [CompletionResult]::new('--request-url', '--request-url', [CompletionResultType]::ParameterName, 'requestURL: the URL to call (`invoke` joins a leading `/` to the profile''s base URL; `hash` signs it as given)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'requestURL: the URL to call (`invoke` joins a leading `/` to the profile''s base URL; `hash` signs it as given)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'requestType: GET, POST, PUT, PATCH or DELETE')
            [CompletionResult]::new('--request-type', '--request-type', [CompletionResultType]::ParameterName, 'requestType: GET, POST, PUT, PATCH or DELETE')
            [CompletionResult]::new('--query-params', '--query-params', [CompletionResultType]::ParameterName, 'queryParams: a JSON object, sent and hashed as given')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Builds queryParams as a compact JSON object, in the order given')
            [CompletionResult]::new('--post-body', '--post-body', [CompletionResultType]::ParameterName, 'postBody: the body to send, as given')
            [CompletionResult]::new('--headers', '--headers', [CompletionResultType]::ParameterName, 'headers: a JSON object, sent and hashed as given')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Builds headers as a compact JSON object, in the order given')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Builds headers as a compact JSON object, in the order given')
            [CompletionResult]::new('--connection-link-name', '--connection-link-name', [CompletionResultType]::ParameterName, 'connectionLinkName: a Desk connection whose auth Desk applies')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'connectionLinkName: a Desk connection whose auth Desk applies')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--canonical', '--canonical', [CompletionResultType]::ParameterName, 'Print the stringToHash instead of the HASH')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;invoke' {
            [CompletionResult]::new('--request-url', '--request-url', [CompletionResultType]::ParameterName, 'requestURL: the URL to call (`invoke` joins a leading `/` to the profile''s base URL; `hash` signs it as given)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'requestURL: the URL to call (`invoke` joins a leading `/` to the profile''s base URL; `hash` signs it as given)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'requestType: GET, POST, PUT, PATCH or DELETE')
            [CompletionResult]::new('--request-type', '--request-type', [CompletionResultType]::ParameterName, 'requestType: GET, POST, PUT, PATCH or DELETE')
            [CompletionResult]::new('--query-params', '--query-params', [CompletionResultType]::ParameterName, 'queryParams: a JSON object, sent and hashed as given')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Builds queryParams as a compact JSON object, in the order given')
            [CompletionResult]::new('--post-body', '--post-body', [CompletionResultType]::ParameterName, 'postBody: the body to send, as given')
            [CompletionResult]::new('--headers', '--headers', [CompletionResultType]::ParameterName, 'headers: a JSON object, sent and hashed as given')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Builds headers as a compact JSON object, in the order given')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Builds headers as a compact JSON object, in the order given')
            [CompletionResult]::new('--connection-link-name', '--connection-link-name', [CompletionResultType]::ParameterName, 'connectionLinkName: a Desk connection whose auth Desk applies')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'connectionLinkName: a Desk connection whose auth Desk applies')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'With --paginate: stop after this many items')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'With --paginate: requests per period, e.g. 50/1m [default: none]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the form fields, HASH, stringToHash and a curl command; send nothing')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Print statusCode and responseHeaders before the body')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Print statusCode and responseHeaders before the body')
            [CompletionResult]::new('--envelope', '--envelope', [CompletionResultType]::ParameterName, 'Print the whole invoke response object')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Follow a Desk list: repeat with `from` advanced by the page size (`limit`, 100 when not given) until a short or empty page; stream the `data` items (JSON array, or NDJSON with -o ndjson)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;storage' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read storage items by key or queriableValue')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Store one item, or many from NDJSON or a JSON array')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete items: by key, from a file, or a whole queriableValue group')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Count the items of a queriableValue group')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;storage;get' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only the item with this key (Desk needs --key, --queriable-value or both)')
            [CompletionResult]::new('--queriable-value', '--queriable-value', [CompletionResultType]::ParameterName, 'Only items with this queriableValue')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Index of the first item (0-based, as Desk counts)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page (Desk serves 20 when not given, at most 100)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Reads per period for --all [default: Desk''s limit, 250/1m, for a Desk host; none for loopback]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow pages until exhausted (100 a page unless --limit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;storage;put' {
            [CompletionResult]::new('--queriable-value', '--queriable-value', [CompletionResultType]::ParameterName, 'queriableValue of the item: its group [default: the key]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Items to put: NDJSON, one {"key":…,"queriableValue":…,"value":{…}} a line, or the JSON array `storage get` prints (`-` = stdin)')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Items per request (Desk stores at most 10 at a time)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once for --file')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Requests per period for --file [default: Desk''s limit, 50/1m, for a Desk host; none for loopback]')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Write the lines that were not stored (failed, or not attempted after Ctrl-C) here, as they happen, ready to re-run')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;storage;delete' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Keys to delete, one a line, or NDJSON items (`-` = stdin, read whole before the first delete)')
            [CompletionResult]::new('--queriable-value', '--queriable-value', [CompletionResultType]::ParameterName, 'Delete every item of this queriableValue group (its keys are collected first)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Requests per period [default: Desk''s limit, 50/1m, for a Desk host; none for loopback]')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Write the keys that were not deleted (failed, or not attempted after Ctrl-C) here, ready to re-run')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be deleted; delete nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete a group or a --file''s keys without asking (needed where nobody can be asked: no terminal, or stdin is the input)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete a group or a --file''s keys without asking (needed where nobody can be asked: no terminal, or stdin is the input)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;storage;count' {
            [CompletionResult]::new('--queriable-value', '--queriable-value', [CompletionResultType]::ParameterName, 'The group to count')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;storage;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read storage items by key or queriableValue')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Store one item, or many from NDJSON or a JSON array')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete items: by key, from a file, or a whole queriableValue group')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Count the items of a queriableValue group')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;storage;help;get' {
            break
        }
        'desk-invoke;storage;help;put' {
            break
        }
        'desk-invoke;storage;help;delete' {
            break
        }
        'desk-invoke;storage;help;count' {
            break
        }
        'desk-invoke;storage;help;help' {
            break
        }
        'desk-invoke;config' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print config params (secure values masked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set config params')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;config;get' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secure values instead of masking them')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;config;set' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Make these params secure: their values are masked in `config get` (unless --show-secrets), in traces and in the emulator''s journal')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;config;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print config params (secure values masked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set config params')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;config;help;get' {
            break
        }
        'desk-invoke;config;help;set' {
            break
        }
        'desk-invoke;config;help;help' {
            break
        }
        'desk-invoke;log' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Title of the log')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description: text, `@FILE` or `@-` (`@@…` for text that starts with `@`)')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'Groups logs under one reference (at most 10 a reference)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;permissions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Exit 0 when the permission is enabled, 1 when not')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;permissions;check' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;permissions;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Exit 0 when the permission is enabled, 1 when not')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;permissions;help;check' {
            break
        }
        'desk-invoke;permissions;help;help' {
            break
        }
        'desk-invoke;verify-callback' {
            [CompletionResult]::new('--hash', '--hash', [CompletionResultType]::ParameterName, 'The HASH header Desk sent')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The raw body: text, `@FILE` or `@-` (`@@…` for text that starts with `@`) [default: stdin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Store the callback''s orgId and securityContext into the profile')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;send-callback' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'The platform event')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'URL of the extension''s callback handler')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The body to sign and send instead of the one built from the profile')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request (URL, HASH, body) instead of sending it; nothing is sent')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'With --dry-run, show the securityContext in the body instead of masking it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;listen' {
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'Address to listen on: IP:PORT, :PORT or PORT (loopback)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'The path callbacks are posted to')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Relay each callback, bytes and headers as received, to this URL (your handler)')
            [CompletionResult]::new('--port-file', '--port-file', [CompletionResultType]::ParameterName, 'Write the bound port to this file once listening')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Store the latest valid callback''s orgId and securityContext into the profile')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Exit after the first valid callback (exit 0)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print the securityContext in the NDJSON bodies instead of redacting it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;emulator' {
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'Address to listen on: IP:PORT, :PORT or PORT (loopback), port 0 for any free port')
            [CompletionResult]::new('--port-file', '--port-file', [CompletionResultType]::ParameterName, 'Write the bound port to this file once listening (for scripts and CI with port 0)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: <data dir>/emulator.sqlite]')
            [CompletionResult]::new('--security-context-file', '--security-context-file', [CompletionResultType]::ParameterName, 'securityContext the emulator expects, read from a file (`-` = stdin) [default: DESK_INVOKE_SECURITY_CONTEXT, else a fixed local one; never a profile''s]')
            [CompletionResult]::new('--security-context', '--security-context', [CompletionResultType]::ParameterName, 'securityContext as a value (visible to other users in `ps`: prefer --security-context-file or DESK_INVOKE_SECURITY_CONTEXT)')
            [CompletionResult]::new('--installation-id', '--installation-id', [CompletionResultType]::ParameterName, 'Installation id substituted for {{installationId}}')
            [CompletionResult]::new('--permission', '--permission', [CompletionResultType]::ParameterName, 'A custom permission of the current user, e.g. --permission canEdit=true')
            [CompletionResult]::new('--allow-host', '--allow-host', [CompletionResultType]::ParameterName, 'A host forwarded requests may go to (loopback is always allowed)')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'A connection''s auth header, applied when forwarding (https or loopback only): NAME=@FILE with the file holding ''Header: value'' keeps the credential out of argv')
            [CompletionResult]::new('--fail-rate', '--fail-rate', [CompletionResultType]::ParameterName, 'Fault injection: fraction of requests answered 429, 503 or dropped')
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Fault injection: delay before every answer')
            [CompletionResult]::new('--response-wrap', '--response-wrap', [CompletionResultType]::ParameterName, 'How every reply (Desk''s APIs, stubs, forwarded calls) is wrapped in `response`, to test clients against each shape real Desk uses; `mixed` takes each in turn')
            [CompletionResult]::new('--rate-limits', '--rate-limits', [CompletionResultType]::ParameterName, 'Enforce Desk''s published storage rate limits (50 writes, 250 reads, 50 deletes per installation and window)')
            [CompletionResult]::new('--rate-window', '--rate-window', [CompletionResultType]::ParameterName, 'The window of --rate-limits (Desk''s is a minute; shrink it to test in seconds)')
            [CompletionResult]::new('--resources', '--resources', [CompletionResultType]::ParameterName, 'Field resources for {{fields.NAME.id}} and {{fields.NAME.apiName}}: a JSON file such as {"Priority": {"id": "4000000001", "apiName": "cf_priority"}}')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Append every invoke request received to this file as NDJSON (as GET /_emulator/requests shows them)')
            [CompletionResult]::new('--stub', '--stub', [CompletionResultType]::ParameterName, 'Canned answers for the APIs an extension calls: a JSON array (or TOML [[stubs]]) of {method, url (exact or with *), status, headers, body | body_file}')
            [CompletionResult]::new('--callback-to', '--callback-to', [CompletionResultType]::ParameterName, 'Send every lifecycle callback here instead of the manifest''s callbackListener URL')
            [CompletionResult]::new('--webhook-to', '--webhook-to', [CompletionResultType]::ParameterName, 'Send every webhook delivery here instead of resources.json''s webhook URL (orgId and securityContext are still appended)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Keep everything in memory')
            [CompletionResult]::new('--no-project', '--no-project', [CompletionResultType]::ParameterName, 'Run without an extension project: ignore --project, DESK_INVOKE_PROJECT and a plugin-manifest.json in the current directory')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the extension in a new organisation (fires onInstall); prints orgId, installationId and securityContext')
            [CompletionResult]::new('installations', 'installations', [CompletionResultType]::ParameterValue, 'List the installations (securityContext masked unless --show-secrets)')
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'Fire a platform event callback (onUpdate, onZohoAuthorise, onTPAAuthorise, …)')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Set config params as the installing admin (userdefined ones too), then fire onConfigParamAdd')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Deliver an extension webhook event (Ticket_Add, Ticket_Update, …) that resources.json subscribes to')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Fire onUninstall, then revoke the securityContext and delete the installation''s data')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until the emulator answers its health check (exit 6 at the timeout)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;emulator;install' {
            [CompletionResult]::new('--save-profile', '--save-profile', [CompletionResultType]::ParameterName, 'Save a profile that talks to the new installation (base URL, org id, securityContext)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;emulator;installations' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show securityContexts in full')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;emulator;event' {
            [CompletionResult]::new('--installation', '--installation', [CompletionResultType]::ParameterName, 'The installation id, or `default`')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;emulator;configure' {
            [CompletionResult]::new('--installation', '--installation', [CompletionResultType]::ParameterName, 'The installation id, or `default`')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;emulator;trigger' {
            [CompletionResult]::new('--installation', '--installation', [CompletionResultType]::ParameterName, 'The installation id, or `default`')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'The event''s payload: a JSON object in FILE (- for stdin) instead of the built-in sample')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;emulator;uninstall' {
            [CompletionResult]::new('--installation', '--installation', [CompletionResultType]::ParameterName, 'The installation id, or `default`')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;emulator;wait' {
            [CompletionResult]::new('--port-file', '--port-file', [CompletionResultType]::ParameterName, 'The emulator''s --port-file: wait for the port in it, then for http://127.0.0.1:PORT')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;emulator;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the extension in a new organisation (fires onInstall); prints orgId, installationId and securityContext')
            [CompletionResult]::new('installations', 'installations', [CompletionResultType]::ParameterValue, 'List the installations (securityContext masked unless --show-secrets)')
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'Fire a platform event callback (onUpdate, onZohoAuthorise, onTPAAuthorise, …)')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Set config params as the installing admin (userdefined ones too), then fire onConfigParamAdd')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Deliver an extension webhook event (Ticket_Add, Ticket_Update, …) that resources.json subscribes to')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Fire onUninstall, then revoke the securityContext and delete the installation''s data')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until the emulator answers its health check (exit 6 at the timeout)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;emulator;help;install' {
            break
        }
        'desk-invoke;emulator;help;installations' {
            break
        }
        'desk-invoke;emulator;help;event' {
            break
        }
        'desk-invoke;emulator;help;configure' {
            break
        }
        'desk-invoke;emulator;help;trigger' {
            break
        }
        'desk-invoke;emulator;help;uninstall' {
            break
        }
        'desk-invoke;emulator;help;wait' {
            break
        }
        'desk-invoke;emulator;help;help' {
            break
        }
        'desk-invoke;smoke' {
            [CompletionResult]::new('--junit', '--junit', [CompletionResultType]::ParameterName, 'Write a JUnit XML report')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'Also post an extension log')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;project' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate plugin-manifest.json and resources.json: every problem with its JSON path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;project;check' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;project;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate plugin-manifest.json and resources.json: every problem with its JSON path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;project;help;check' {
            break
        }
        'desk-invoke;project;help;help' {
            break
        }
        'desk-invoke;profile' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles (the default marked *)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a profile, secrets redacted [default: the current profile]')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or update a profile: exactly the flags given (the secret from --secret-file, --secret-env or a prompt)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;profile;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;profile;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--effective', '--effective', [CompletionResultType]::ParameterName, 'Every setting in effect (flags, environment, profile, defaults) and where it came from')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'With --effective: send one signed request to check that the target accepts the secret, securityContext and org id')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;profile;set' {
            [CompletionResult]::new('--data-center', '--data-center', [CompletionResultType]::ParameterName, 'Data center')
            [CompletionResult]::new('--security-context-file', '--security-context-file', [CompletionResultType]::ParameterName, 'securityContext to store (read from this file; `-` = stdin)')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Default connectionLinkName')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Refer to the secret by environment variable instead of storing it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--make-default', '--make-default', [CompletionResultType]::ParameterName, 'Make this the default profile')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;profile;use' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;profile;remove' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;profile;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles (the default marked *)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a profile, secrets redacted [default: the current profile]')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or update a profile: exactly the flags given (the secret from --secret-file, --secret-env or a prompt)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;profile;help;list' {
            break
        }
        'desk-invoke;profile;help;show' {
            break
        }
        'desk-invoke;profile;help;set' {
            break
        }
        'desk-invoke;profile;help;use' {
            break
        }
        'desk-invoke;profile;help;remove' {
            break
        }
        'desk-invoke;profile;help;help' {
            break
        }
        'desk-invoke;completions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Desk organisation id [env: DESK_INVOKE_ORG_ID]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt for retryable failures [default: 3]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON printed through a jq expression (in-process), e.g. ''.[].value''; results one a line, strings raw, as gh''s --jq [implies -o json; -o ndjson filters each line]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Request/response trace on stderr, secrets redacted (-vv adds bodies)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'desk-invoke;help' {
            [CompletionResult]::new('hash', 'hash', [CompletionResultType]::ParameterValue, 'Compute the HASH of an invoke request, offline (needs only the secret)')
            [CompletionResult]::new('invoke', 'invoke', [CompletionResultType]::ParameterValue, 'Send a signed invoke request and print the called API''s answer')
            [CompletionResult]::new('storage', 'storage', [CompletionResultType]::ParameterValue, 'Read and write the extension''s storage')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and set the extension''s config params')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Post an extension log')
            [CompletionResult]::new('permissions', 'permissions', [CompletionResultType]::ParameterValue, 'List the current user''s custom permissions, or check one')
            [CompletionResult]::new('verify-callback', 'verify-callback', [CompletionResultType]::ParameterValue, 'Check that a platform event callback was signed by Desk')
            [CompletionResult]::new('send-callback', 'send-callback', [CompletionResultType]::ParameterValue, 'Play Desk: sign and deliver a platform event callback to a handler')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive Desk''s platform event callbacks: verify, print, relay, save')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run a local Desk to develop and test against')
            [CompletionResult]::new('smoke', 'smoke', [CompletionResultType]::ParameterValue, 'Round-trip smoke test of a profile, for CI')
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Check the extension project''s plugin-manifest.json and resources.json')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Manage the profile file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'desk-invoke;help;hash' {
            break
        }
        'desk-invoke;help;invoke' {
            break
        }
        'desk-invoke;help;storage' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read storage items by key or queriableValue')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Store one item, or many from NDJSON or a JSON array')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete items: by key, from a file, or a whole queriableValue group')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Count the items of a queriableValue group')
            break
        }
        'desk-invoke;help;storage;get' {
            break
        }
        'desk-invoke;help;storage;put' {
            break
        }
        'desk-invoke;help;storage;delete' {
            break
        }
        'desk-invoke;help;storage;count' {
            break
        }
        'desk-invoke;help;config' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print config params (secure values masked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set config params')
            break
        }
        'desk-invoke;help;config;get' {
            break
        }
        'desk-invoke;help;config;set' {
            break
        }
        'desk-invoke;help;log' {
            break
        }
        'desk-invoke;help;permissions' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Exit 0 when the permission is enabled, 1 when not')
            break
        }
        'desk-invoke;help;permissions;check' {
            break
        }
        'desk-invoke;help;verify-callback' {
            break
        }
        'desk-invoke;help;send-callback' {
            break
        }
        'desk-invoke;help;listen' {
            break
        }
        'desk-invoke;help;emulator' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the extension in a new organisation (fires onInstall); prints orgId, installationId and securityContext')
            [CompletionResult]::new('installations', 'installations', [CompletionResultType]::ParameterValue, 'List the installations (securityContext masked unless --show-secrets)')
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'Fire a platform event callback (onUpdate, onZohoAuthorise, onTPAAuthorise, …)')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Set config params as the installing admin (userdefined ones too), then fire onConfigParamAdd')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Deliver an extension webhook event (Ticket_Add, Ticket_Update, …) that resources.json subscribes to')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Fire onUninstall, then revoke the securityContext and delete the installation''s data')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until the emulator answers its health check (exit 6 at the timeout)')
            break
        }
        'desk-invoke;help;emulator;install' {
            break
        }
        'desk-invoke;help;emulator;installations' {
            break
        }
        'desk-invoke;help;emulator;event' {
            break
        }
        'desk-invoke;help;emulator;configure' {
            break
        }
        'desk-invoke;help;emulator;trigger' {
            break
        }
        'desk-invoke;help;emulator;uninstall' {
            break
        }
        'desk-invoke;help;emulator;wait' {
            break
        }
        'desk-invoke;help;smoke' {
            break
        }
        'desk-invoke;help;project' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate plugin-manifest.json and resources.json: every problem with its JSON path')
            break
        }
        'desk-invoke;help;project;check' {
            break
        }
        'desk-invoke;help;profile' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles (the default marked *)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a profile, secrets redacted [default: the current profile]')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or update a profile: exactly the flags given (the secret from --secret-file, --secret-env or a prompt)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile')
            break
        }
        'desk-invoke;help;profile;list' {
            break
        }
        'desk-invoke;help;profile;show' {
            break
        }
        'desk-invoke;help;profile;set' {
            break
        }
        'desk-invoke;help;profile;use' {
            break
        }
        'desk-invoke;help;profile;remove' {
            break
        }
        'desk-invoke;help;completions' {
            break
        }
        'desk-invoke;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
