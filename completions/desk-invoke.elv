
use builtin;
use str;

set edit:completion:arg-completer[desk-invoke] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'desk-invoke'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'desk-invoke'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand hash 'Compute the HASH of an invoke request, offline (needs only the secret)'
            cand invoke 'Send a signed invoke request and print the called API''s answer'
            cand storage 'Read and write the extension''s storage'
            cand config 'Read and set the extension''s config params'
            cand log 'Post an extension log'
            cand permissions 'List the current user''s custom permissions, or check one'
            cand verify-callback 'Check that a platform event callback was signed by Desk'
            cand send-callback 'Play Desk: sign and deliver a platform event callback to a handler'
            cand listen 'Receive Desk''s platform event callbacks: verify, print, relay, save'
            cand emulator 'Run a local Desk to develop and test against'
            cand smoke 'Round-trip smoke test of a profile, for CI'
            cand project 'Check the extension project''s plugin-manifest.json and resources.json'
            cand profile 'Manage the profile file'
            cand completions 'Print a shell completion script'
            cand __complete 'Values for the completion scripts (profile names), one a line'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;hash'= {
            cand --request-url 'requestURL: the URL to call (`invoke` joins a leading `/` to the profile''s base URL; `hash` signs it as given)'
            cand --url 'requestURL: the URL to call (`invoke` joins a leading `/` to the profile''s base URL; `hash` signs it as given)'
            cand -X 'requestType: GET, POST, PUT, PATCH or DELETE'
            cand --request-type 'requestType: GET, POST, PUT, PATCH or DELETE'
            cand --query-params 'queryParams: a JSON object, sent and hashed as given'
            cand --query 'Builds queryParams as a compact JSON object, in the order given'
            cand --post-body 'postBody: the body to send, as given'
            cand --headers 'headers: a JSON object, sent and hashed as given'
            cand -H 'Builds headers as a compact JSON object, in the order given'
            cand --header 'Builds headers as a compact JSON object, in the order given'
            cand --connection-link-name 'connectionLinkName: a Desk connection whose auth Desk applies'
            cand --connection 'connectionLinkName: a Desk connection whose auth Desk applies'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --canonical 'Print the stringToHash instead of the HASH'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;invoke'= {
            cand --request-url 'requestURL: the URL to call (`invoke` joins a leading `/` to the profile''s base URL; `hash` signs it as given)'
            cand --url 'requestURL: the URL to call (`invoke` joins a leading `/` to the profile''s base URL; `hash` signs it as given)'
            cand -X 'requestType: GET, POST, PUT, PATCH or DELETE'
            cand --request-type 'requestType: GET, POST, PUT, PATCH or DELETE'
            cand --query-params 'queryParams: a JSON object, sent and hashed as given'
            cand --query 'Builds queryParams as a compact JSON object, in the order given'
            cand --post-body 'postBody: the body to send, as given'
            cand --headers 'headers: a JSON object, sent and hashed as given'
            cand -H 'Builds headers as a compact JSON object, in the order given'
            cand --header 'Builds headers as a compact JSON object, in the order given'
            cand --connection-link-name 'connectionLinkName: a Desk connection whose auth Desk applies'
            cand --connection 'connectionLinkName: a Desk connection whose auth Desk applies'
            cand --max-items 'With --paginate: stop after this many items'
            cand --rate 'With --paginate: requests per period, e.g. 50/1m [default: none]'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --dry-run 'Print the form fields, HASH, stringToHash and a curl command; send nothing'
            cand -i 'Print statusCode and responseHeaders before the body'
            cand --include 'Print statusCode and responseHeaders before the body'
            cand --envelope 'Print the whole invoke response object'
            cand --paginate 'Follow a Desk list: repeat with `from` advanced by the page size (`limit`, 100 when not given) until a short or empty page; stream the `data` items (JSON array, or NDJSON with -o ndjson)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;storage'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand get 'Read storage items by key or queriableValue'
            cand put 'Store one item, or many from NDJSON or a JSON array'
            cand delete 'Delete items: by key, from a file, or a whole queriableValue group'
            cand count 'Count the items of a queriableValue group'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;storage;get'= {
            cand --key 'Only the item with this key'
            cand --queriable-value 'Only items with this queriableValue'
            cand --from 'Index of the first item (0-based, as Desk counts)'
            cand --limit 'Items per page (Desk serves 20 when not given, at most 100)'
            cand --rate 'Reads per period for --all [default: Desk''s limit, 250/1m, for a Desk host; none for loopback]'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --all 'Follow pages until exhausted (100 a page unless --limit)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;storage;put'= {
            cand --queriable-value 'queriableValue of the item'
            cand --file 'Items to put: NDJSON, one {"key":…,"queriableValue":…,"value":{…}} a line, or the JSON array `storage get` prints (`-` = stdin)'
            cand --batch 'Items per request (Desk stores at most 10 at a time)'
            cand --concurrency 'Requests in flight at once for --file'
            cand --rate 'Requests per period for --file [default: Desk''s limit, 50/1m, for a Desk host; none for loopback]'
            cand --failed 'Write the lines that were not stored (failed, or not attempted after Ctrl-C) here, as they happen, ready to re-run'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;storage;delete'= {
            cand --file 'Keys to delete, one a line, or NDJSON items (`-` = stdin, read whole before the first delete)'
            cand --queriable-value 'Delete every item of this queriableValue group (its keys are collected first)'
            cand --concurrency 'Requests in flight at once'
            cand --rate 'Requests per period [default: Desk''s limit, 50/1m, for a Desk host; none for loopback]'
            cand --failed 'Write the keys that were not deleted (failed, or not attempted after Ctrl-C) here, ready to re-run'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --dry-run 'List what would be deleted; delete nothing'
            cand -y 'Delete a group or a --file''s keys without asking (needed where nobody can be asked: no terminal, or stdin is the input)'
            cand --yes 'Delete a group or a --file''s keys without asking (needed where nobody can be asked: no terminal, or stdin is the input)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;storage;count'= {
            cand --queriable-value 'The group to count'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;storage;help'= {
            cand get 'Read storage items by key or queriableValue'
            cand put 'Store one item, or many from NDJSON or a JSON array'
            cand delete 'Delete items: by key, from a file, or a whole queriableValue group'
            cand count 'Count the items of a queriableValue group'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;storage;help;get'= {
        }
        &'desk-invoke;storage;help;put'= {
        }
        &'desk-invoke;storage;help;delete'= {
        }
        &'desk-invoke;storage;help;count'= {
        }
        &'desk-invoke;storage;help;help'= {
        }
        &'desk-invoke;config'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand get 'Print config params (secure values masked)'
            cand set 'Set config params'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;config;get'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --show-secrets 'Show secure values instead of masking them'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;config;set'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;config;help'= {
            cand get 'Print config params (secure values masked)'
            cand set 'Set config params'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;config;help;get'= {
        }
        &'desk-invoke;config;help;set'= {
        }
        &'desk-invoke;config;help;help'= {
        }
        &'desk-invoke;log'= {
            cand --title 'Title of the log'
            cand --description 'Description: text, `@FILE` or `@-` (`@@…` for text that starts with `@`)'
            cand --reference 'Groups logs under one reference (at most 10 a reference)'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;permissions'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand check 'Exit 0 when the permission is enabled, 1 when not'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;permissions;check'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;permissions;help'= {
            cand check 'Exit 0 when the permission is enabled, 1 when not'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;permissions;help;check'= {
        }
        &'desk-invoke;permissions;help;help'= {
        }
        &'desk-invoke;verify-callback'= {
            cand --hash 'The HASH header Desk sent'
            cand --body 'The raw body: text, `@FILE` or `@-` (`@@…` for text that starts with `@`) [default: stdin]'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --save 'Store the callback''s orgId and securityContext into the profile'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;send-callback'= {
            cand --event 'The platform event'
            cand --to 'URL of the extension''s callback handler'
            cand --body 'The body to sign and send instead of the one built from the profile'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;listen'= {
            cand --addr 'Address to listen on: IP:PORT, :PORT or PORT (loopback)'
            cand --path 'The path callbacks are posted to'
            cand --forward-to 'Relay each callback, bytes and headers as received, to this URL (your handler)'
            cand --port-file 'Write the bound port to this file once listening'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --save 'Store the latest valid callback''s orgId and securityContext into the profile'
            cand --once 'Exit after the first valid callback (exit 0)'
            cand --show-secrets 'Print the securityContext in the NDJSON bodies instead of redacting it'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;emulator'= {
            cand --addr 'Address to listen on: IP:PORT, :PORT or PORT (loopback), port 0 for any free port'
            cand --port-file 'Write the bound port to this file once listening (for scripts and CI with port 0)'
            cand --db 'SQLite database file [default: <data dir>/emulator.sqlite]'
            cand --security-context-file 'securityContext the emulator expects, read from a file (`-` = stdin) [default: DESK_INVOKE_SECURITY_CONTEXT, else a fixed local one; never a profile''s]'
            cand --security-context 'securityContext as a value (visible to other users in `ps`: prefer --security-context-file or DESK_INVOKE_SECURITY_CONTEXT)'
            cand --installation-id 'Installation id substituted for {{installationId}}'
            cand --permission 'A custom permission of the current user, e.g. --permission canEdit=true'
            cand --allow-host 'A host forwarded requests may go to (loopback is always allowed)'
            cand --connection 'A connection''s auth header, applied when forwarding (https or loopback only): NAME=@FILE with the file holding ''Header: value'' keeps the credential out of argv'
            cand --fail-rate 'Fault injection: fraction of requests answered 429, 503 or dropped'
            cand --latency 'Fault injection: delay before every answer'
            cand --response-wrap 'How every reply (Desk''s APIs, stubs, forwarded calls) is wrapped in `response`, to test clients against each shape real Desk uses; `mixed` takes each in turn'
            cand --rate-limits 'Enforce Desk''s published storage rate limits (50 writes, 250 reads, 50 deletes per installation and window)'
            cand --rate-window 'The window of --rate-limits (Desk''s is a minute; shrink it to test in seconds)'
            cand --resources 'Field resources for {{fields.NAME.id}} and {{fields.NAME.apiName}}: a JSON file such as {"Priority": {"id": "4000000001", "apiName": "cf_priority"}}'
            cand --journal 'Append every invoke request received to this file as NDJSON (as GET /_emulator/requests shows them)'
            cand --stub 'Canned answers for the APIs an extension calls: a JSON array (or TOML [[stubs]]) of {method, url (exact or with *), status, headers, body | body_file}'
            cand --callback-to 'Send every lifecycle callback here instead of the manifest''s callbackListener URL'
            cand --webhook-to 'Send every webhook delivery here instead of resources.json''s webhook URL (orgId and securityContext are still appended)'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --in-memory 'Keep everything in memory'
            cand --no-project 'Run without an extension project: ignore --project, DESK_INVOKE_PROJECT and a plugin-manifest.json in the current directory'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand install 'Install the extension in a new organisation (fires onInstall); prints orgId, installationId and securityContext'
            cand installations 'List the installations (securityContext masked unless --show-secrets)'
            cand event 'Fire a platform event callback (onUpdate, onZohoAuthorise, onTPAAuthorise, …)'
            cand configure 'Set config params as the installing admin (userdefined ones too), then fire onConfigParamAdd'
            cand trigger 'Deliver an extension webhook event (Ticket_Add, Ticket_Update, …) that resources.json subscribes to'
            cand uninstall 'Fire onUninstall, then revoke the securityContext and delete the installation''s data'
            cand wait 'Wait until the emulator answers its health check (exit 6 at the timeout)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;emulator;install'= {
            cand --save-profile 'Save a profile that talks to the new installation (base URL, org id, securityContext)'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;emulator;installations'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --show-secrets 'Show securityContexts in full'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;emulator;event'= {
            cand --installation 'The installation id, or `default`'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;emulator;configure'= {
            cand --installation 'The installation id, or `default`'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;emulator;trigger'= {
            cand --installation 'The installation id, or `default`'
            cand --payload 'The event''s payload: a JSON object in FILE (- for stdin) instead of the built-in sample'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;emulator;uninstall'= {
            cand --installation 'The installation id, or `default`'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;emulator;wait'= {
            cand --port-file 'The emulator''s --port-file: wait for the port in it, then for http://127.0.0.1:PORT'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;emulator;help'= {
            cand install 'Install the extension in a new organisation (fires onInstall); prints orgId, installationId and securityContext'
            cand installations 'List the installations (securityContext masked unless --show-secrets)'
            cand event 'Fire a platform event callback (onUpdate, onZohoAuthorise, onTPAAuthorise, …)'
            cand configure 'Set config params as the installing admin (userdefined ones too), then fire onConfigParamAdd'
            cand trigger 'Deliver an extension webhook event (Ticket_Add, Ticket_Update, …) that resources.json subscribes to'
            cand uninstall 'Fire onUninstall, then revoke the securityContext and delete the installation''s data'
            cand wait 'Wait until the emulator answers its health check (exit 6 at the timeout)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;emulator;help;install'= {
        }
        &'desk-invoke;emulator;help;installations'= {
        }
        &'desk-invoke;emulator;help;event'= {
        }
        &'desk-invoke;emulator;help;configure'= {
        }
        &'desk-invoke;emulator;help;trigger'= {
        }
        &'desk-invoke;emulator;help;uninstall'= {
        }
        &'desk-invoke;emulator;help;wait'= {
        }
        &'desk-invoke;emulator;help;help'= {
        }
        &'desk-invoke;smoke'= {
            cand --junit 'Write a JUnit XML report'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --log 'Also post an extension log'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;project'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand check 'Validate plugin-manifest.json and resources.json: every problem with its JSON path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;project;check'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;project;help'= {
            cand check 'Validate plugin-manifest.json and resources.json: every problem with its JSON path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;project;help;check'= {
        }
        &'desk-invoke;project;help;help'= {
        }
        &'desk-invoke;profile'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List profiles (the default marked *)'
            cand show 'Show a profile, secrets redacted [default: the current profile]'
            cand set 'Create or update a profile: exactly the flags given (the secret from --secret-file, --secret-env or a prompt)'
            cand use 'Make a profile the default'
            cand remove 'Remove a profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;profile;list'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;profile;show'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --effective 'Every setting in effect (flags, environment, profile, defaults) and where it came from'
            cand --check 'With --effective: send one signed request to check that the target accepts the secret, securityContext and org id'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;profile;set'= {
            cand --data-center 'Data center'
            cand --security-context-file 'securityContext to store (read from this file; `-` = stdin)'
            cand --connection 'Default connectionLinkName'
            cand --secret-env 'Refer to the secret by environment variable instead of storing it'
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand --make-default 'Make this the default profile'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;profile;use'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;profile;remove'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;profile;help'= {
            cand list 'List profiles (the default marked *)'
            cand show 'Show a profile, secrets redacted [default: the current profile]'
            cand set 'Create or update a profile: exactly the flags given (the secret from --secret-file, --secret-env or a prompt)'
            cand use 'Make a profile the default'
            cand remove 'Remove a profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;profile;help;list'= {
        }
        &'desk-invoke;profile;help;show'= {
        }
        &'desk-invoke;profile;help;set'= {
        }
        &'desk-invoke;profile;help;use'= {
        }
        &'desk-invoke;profile;help;remove'= {
        }
        &'desk-invoke;profile;help;help'= {
        }
        &'desk-invoke;completions'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;__complete'= {
            cand -p 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --profile 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables'
            cand --config 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]'
            cand --org-id 'Desk organisation id [env: DESK_INVOKE_ORG_ID]'
            cand --base-url 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]'
            cand --project 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]'
            cand --secret-file 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]'
            cand --timeout 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]'
            cand --max-body-size 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]'
            cand --retries 'Retries after the first attempt for retryable failures [default: 3]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)'
            cand -v 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand --verbose 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
            cand -q 'Nothing on stderr but errors'
            cand --quiet 'Nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'desk-invoke;help'= {
            cand hash 'Compute the HASH of an invoke request, offline (needs only the secret)'
            cand invoke 'Send a signed invoke request and print the called API''s answer'
            cand storage 'Read and write the extension''s storage'
            cand config 'Read and set the extension''s config params'
            cand log 'Post an extension log'
            cand permissions 'List the current user''s custom permissions, or check one'
            cand verify-callback 'Check that a platform event callback was signed by Desk'
            cand send-callback 'Play Desk: sign and deliver a platform event callback to a handler'
            cand listen 'Receive Desk''s platform event callbacks: verify, print, relay, save'
            cand emulator 'Run a local Desk to develop and test against'
            cand smoke 'Round-trip smoke test of a profile, for CI'
            cand project 'Check the extension project''s plugin-manifest.json and resources.json'
            cand profile 'Manage the profile file'
            cand completions 'Print a shell completion script'
            cand __complete 'Values for the completion scripts (profile names), one a line'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'desk-invoke;help;hash'= {
        }
        &'desk-invoke;help;invoke'= {
        }
        &'desk-invoke;help;storage'= {
            cand get 'Read storage items by key or queriableValue'
            cand put 'Store one item, or many from NDJSON or a JSON array'
            cand delete 'Delete items: by key, from a file, or a whole queriableValue group'
            cand count 'Count the items of a queriableValue group'
        }
        &'desk-invoke;help;storage;get'= {
        }
        &'desk-invoke;help;storage;put'= {
        }
        &'desk-invoke;help;storage;delete'= {
        }
        &'desk-invoke;help;storage;count'= {
        }
        &'desk-invoke;help;config'= {
            cand get 'Print config params (secure values masked)'
            cand set 'Set config params'
        }
        &'desk-invoke;help;config;get'= {
        }
        &'desk-invoke;help;config;set'= {
        }
        &'desk-invoke;help;log'= {
        }
        &'desk-invoke;help;permissions'= {
            cand check 'Exit 0 when the permission is enabled, 1 when not'
        }
        &'desk-invoke;help;permissions;check'= {
        }
        &'desk-invoke;help;verify-callback'= {
        }
        &'desk-invoke;help;send-callback'= {
        }
        &'desk-invoke;help;listen'= {
        }
        &'desk-invoke;help;emulator'= {
            cand install 'Install the extension in a new organisation (fires onInstall); prints orgId, installationId and securityContext'
            cand installations 'List the installations (securityContext masked unless --show-secrets)'
            cand event 'Fire a platform event callback (onUpdate, onZohoAuthorise, onTPAAuthorise, …)'
            cand configure 'Set config params as the installing admin (userdefined ones too), then fire onConfigParamAdd'
            cand trigger 'Deliver an extension webhook event (Ticket_Add, Ticket_Update, …) that resources.json subscribes to'
            cand uninstall 'Fire onUninstall, then revoke the securityContext and delete the installation''s data'
            cand wait 'Wait until the emulator answers its health check (exit 6 at the timeout)'
        }
        &'desk-invoke;help;emulator;install'= {
        }
        &'desk-invoke;help;emulator;installations'= {
        }
        &'desk-invoke;help;emulator;event'= {
        }
        &'desk-invoke;help;emulator;configure'= {
        }
        &'desk-invoke;help;emulator;trigger'= {
        }
        &'desk-invoke;help;emulator;uninstall'= {
        }
        &'desk-invoke;help;emulator;wait'= {
        }
        &'desk-invoke;help;smoke'= {
        }
        &'desk-invoke;help;project'= {
            cand check 'Validate plugin-manifest.json and resources.json: every problem with its JSON path'
        }
        &'desk-invoke;help;project;check'= {
        }
        &'desk-invoke;help;profile'= {
            cand list 'List profiles (the default marked *)'
            cand show 'Show a profile, secrets redacted [default: the current profile]'
            cand set 'Create or update a profile: exactly the flags given (the secret from --secret-file, --secret-env or a prompt)'
            cand use 'Make a profile the default'
            cand remove 'Remove a profile'
        }
        &'desk-invoke;help;profile;list'= {
        }
        &'desk-invoke;help;profile;show'= {
        }
        &'desk-invoke;help;profile;set'= {
        }
        &'desk-invoke;help;profile;use'= {
        }
        &'desk-invoke;help;profile;remove'= {
        }
        &'desk-invoke;help;completions'= {
        }
        &'desk-invoke;help;__complete'= {
        }
        &'desk-invoke;help;help'= {
        }
    ]
    $completions[$command]
}
