# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_desk_invoke_global_optspecs
    string join \n p/profile= config= org-id= base-url= project= secret-file= timeout= max-body-size= retries= o/output= jq= color= v/verbose q/quiet h/help V/version
end

function __fish_desk_invoke_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_desk_invoke_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_desk_invoke_using_subcommand
    set -l cmd (__fish_desk_invoke_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -s V -l version -d 'Print version'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "hash" -d 'Compute the HASH of an invoke request, offline (needs only the secret)'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "invoke" -d 'Send a signed invoke request and print the called API\'s answer'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "storage" -d 'Read and write the extension\'s storage'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "config" -d 'Read and set the extension\'s config params'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "log" -d 'Post an extension log'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "permissions" -d 'List the current user\'s custom permissions, or check one'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "verify-callback" -d 'Check that a platform event callback was signed by Desk'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "send-callback" -d 'Play Desk: sign and deliver a platform event callback to a handler'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "listen" -d 'Receive Desk\'s platform event callbacks: verify, print, relay, save'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "emulator" -d 'Run a local Desk to develop and test against'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "smoke" -d 'Round-trip smoke test of a profile, for CI'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "project" -d 'Check the extension project\'s plugin-manifest.json and resources.json'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "profile" -d 'Manage the profile file'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c desk-invoke -n "__fish_desk_invoke_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l request-url -l url -d 'requestURL: the URL to call (`invoke` joins a leading `/` to the profile\'s base URL; `hash` signs it as given)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -s X -l request-type -d 'requestType: GET, POST, PUT, PATCH or DELETE' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l query-params -d 'queryParams: a JSON object, sent and hashed as given' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l query -d 'Builds queryParams as a compact JSON object, in the order given' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l post-body -d 'postBody: the body to send, as given' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l headers -d 'headers: a JSON object, sent and hashed as given' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -s H -l header -d 'Builds headers as a compact JSON object, in the order given' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l connection-link-name -l connection -d 'connectionLinkName: a Desk connection whose auth Desk applies' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -l canonical -d 'Print the stringToHash instead of the HASH'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand hash" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l request-url -l url -d 'requestURL: the URL to call (`invoke` joins a leading `/` to the profile\'s base URL; `hash` signs it as given)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -s X -l request-type -d 'requestType: GET, POST, PUT, PATCH or DELETE' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l query-params -d 'queryParams: a JSON object, sent and hashed as given' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l query -d 'Builds queryParams as a compact JSON object, in the order given' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l post-body -d 'postBody: the body to send, as given' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l headers -d 'headers: a JSON object, sent and hashed as given' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -s H -l header -d 'Builds headers as a compact JSON object, in the order given' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l connection-link-name -l connection -d 'connectionLinkName: a Desk connection whose auth Desk applies' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l max-items -d 'With --paginate: stop after this many items' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l rate -d 'With --paginate: requests per period, e.g. 50/1m [default: none]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l dry-run -d 'Print the form fields, HASH, stringToHash and a curl command; send nothing'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -s i -l include -d 'Print statusCode and responseHeaders before the body'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l envelope -d 'Print the whole invoke response object'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -l paginate -d 'Follow a Desk list: repeat with `from` advanced by the page size (`limit`, 100 when not given) until a short or empty page; stream the `data` items (JSON array, or NDJSON with -o ndjson)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand invoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -f -a "get" -d 'Read storage items by key or queriableValue'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -f -a "put" -d 'Store one item, or many from NDJSON or a JSON array'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -f -a "delete" -d 'Delete items: by key, from a file, or a whole queriableValue group'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -f -a "count" -d 'Count the items of a queriableValue group'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and not __fish_seen_subcommand_from get put delete count help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l key -d 'Only the item with this key (Desk needs --key, --queriable-value or both)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l queriable-value -d 'Only items with this queriableValue' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l from -d 'Index of the first item (0-based, as Desk counts)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l limit -d 'Items per page (Desk serves 20 when not given, at most 100)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l rate -d 'Reads per period for --all [default: Desk\'s limit, 250/1m, for a Desk host; none for loopback]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -l all -d 'Follow pages until exhausted (100 a page unless --limit)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l queriable-value -d 'queriableValue of the item: its group [default: the key]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l file -d 'Items to put: NDJSON, one {"key":…,"queriableValue":…,"value":{…}} a line, or the JSON array `storage get` prints (`-` = stdin)' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l batch -d 'Items per request (Desk stores at most 10 at a time)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l concurrency -d 'Requests in flight at once for --file' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l rate -d 'Requests per period for --file [default: Desk\'s limit, 50/1m, for a Desk host; none for loopback]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l failed -d 'Write the lines that were not stored (failed, or not attempted after Ctrl-C) here, as they happen, ready to re-run' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from put" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l file -d 'Keys to delete, one a line, or NDJSON items (`-` = stdin, read whole before the first delete)' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l queriable-value -d 'Delete every item of this queriableValue group (its keys are collected first)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l concurrency -d 'Requests in flight at once' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l rate -d 'Requests per period [default: Desk\'s limit, 50/1m, for a Desk host; none for loopback]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l failed -d 'Write the keys that were not deleted (failed, or not attempted after Ctrl-C) here, ready to re-run' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -l dry-run -d 'List what would be deleted; delete nothing'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete a group or a --file\'s keys without asking (needed where nobody can be asked: no terminal, or stdin is the input)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -l queriable-value -d 'The group to count' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from count" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from help" -f -a "get" -d 'Read storage items by key or queriableValue'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from help" -f -a "put" -d 'Store one item, or many from NDJSON or a JSON array'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete items: by key, from a file, or a whole queriableValue group'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from help" -f -a "count" -d 'Count the items of a queriableValue group'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand storage; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -f -a "get" -d 'Print config params (secure values masked)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -f -a "set" -d 'Set config params'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and not __fish_seen_subcommand_from get set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -l show-secrets -d 'Show secure values instead of masking them'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -l secure -d 'Make these params secure: their values are masked in `config get` (unless --show-secrets), in traces and in the emulator\'s journal'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print config params (secure values masked)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set config params'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l title -d 'Title of the log' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l description -d 'Description: text, `@FILE` or `@-` (`@@…` for text that starts with `@`)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l reference -d 'Groups logs under one reference (at most 10 a reference)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -f -a "check" -d 'Exit 0 when the permission is enabled, 1 when not'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and not __fish_seen_subcommand_from check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from help" -f -a "check" -d 'Exit 0 when the permission is enabled, 1 when not'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand permissions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l hash -d 'The HASH header Desk sent' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l body -d 'The raw body: text, `@FILE` or `@-` (`@@…` for text that starts with `@`) [default: stdin]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -l save -d 'Store the callback\'s orgId and securityContext into the profile'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand verify-callback" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l event -d 'The platform event' -r -f -a "onInstall\t''
onUninstall\t''
onUpdate\t''
onConfigParamAdd\t''
onConfigParamDelete\t''
onZohoAuthorise\t''
onTPAAuthorise\t''
onTPARevoke\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l to -d 'URL of the extension\'s callback handler' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l body -d 'The body to sign and send instead of the one built from the profile' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l dry-run -d 'Print the request (URL, HASH, body) instead of sending it; nothing is sent'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -l show-secrets -d 'With --dry-run, show the securityContext in the body instead of masking it'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand send-callback" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l addr -d 'Address to listen on: IP:PORT, :PORT or PORT (loopback)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l path -d 'The path callbacks are posted to' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l forward-to -d 'Relay each callback, bytes and headers as received, to this URL (your handler)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l port-file -d 'Write the bound port to this file once listening' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l save -d 'Store the latest valid callback\'s orgId and securityContext into the profile'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l once -d 'Exit after the first valid callback (exit 0)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -l show-secrets -d 'Print the securityContext in the NDJSON bodies instead of redacting it'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l addr -d 'Address to listen on: IP:PORT, :PORT or PORT (loopback), port 0 for any free port' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l port-file -d 'Write the bound port to this file once listening (for scripts and CI with port 0)' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l db -d 'SQLite database file [default: <data dir>/emulator.sqlite]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l security-context-file -d 'securityContext the emulator expects, read from a file (`-` = stdin) [default: DESK_INVOKE_SECURITY_CONTEXT, else a fixed local one; never a profile\'s]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l security-context -d 'securityContext as a value (visible to other users in `ps`: prefer --security-context-file or DESK_INVOKE_SECURITY_CONTEXT)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l installation-id -d 'Installation id substituted for {{installationId}}' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l permission -d 'A custom permission of the current user, e.g. --permission canEdit=true' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l allow-host -d 'A host forwarded requests may go to (loopback is always allowed)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l connection -d 'A connection\'s auth header, applied when forwarding (https or loopback only): NAME=@FILE with the file holding \'Header: value\' keeps the credential out of argv' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l fail-rate -d 'Fault injection: fraction of requests answered 429, 503 or dropped' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l latency -d 'Fault injection: delay before every answer' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l response-wrap -d 'How every reply (Desk\'s APIs, stubs, forwarded calls) is wrapped in `response`, to test clients against each shape real Desk uses; `mixed` takes each in turn' -r -f -a "none\t'`response` is the API\'s body as it is'
object\t'`response` is `{"statusMessage": <body>}` (the body as JSON when it is JSON)'
string\t'`response` is `{"statusMessage": "<body as a string>"}`'
status\t'`response` is `{"statusMessage": <body>, "status": "true"}`, as captured from real Desk'
sample\t'Zoho\'s published sample: `response` is the API\'s body as it is, and `statusCode` a string ("200")'
mixed\t'Each reply takes the next shape of none, object, string, status, sample in turn'"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l rate-limits -d 'Enforce Desk\'s published storage rate limits (50 writes, 250 reads, 50 deletes per installation and window)' -r -f -a "none\t'No limits'
desk\t'Desk\'s published per-installation limits for storage'"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l rate-window -d 'The window of --rate-limits (Desk\'s is a minute; shrink it to test in seconds)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l resources -d 'Field resources for {{fields.NAME.id}} and {{fields.NAME.apiName}}: a JSON file such as {"Priority": {"id": "4000000001", "apiName": "cf_priority"}}' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l journal -d 'Append every invoke request received to this file as NDJSON (as GET /_emulator/requests shows them)' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l stub -d 'Canned answers for the APIs an extension calls: a JSON array (or TOML [[stubs]]) of {method, url (exact or with *), status, headers, body | body_file}' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l callback-to -d 'Send every lifecycle callback here instead of the manifest\'s callbackListener URL' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l webhook-to -d 'Send every webhook delivery here instead of resources.json\'s webhook URL (orgId and securityContext are still appended)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l in-memory -d 'Keep everything in memory'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -l no-project -d 'Run without an extension project: ignore --project, DESK_INVOKE_PROJECT and a plugin-manifest.json in the current directory'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -f -a "install" -d 'Install the extension in a new organisation (fires onInstall); prints orgId, installationId and securityContext'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -f -a "installations" -d 'List the installations (securityContext masked unless --show-secrets)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -f -a "event" -d 'Fire a platform event callback (onUpdate, onZohoAuthorise, onTPAAuthorise, …)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -f -a "configure" -d 'Set config params as the installing admin (userdefined ones too), then fire onConfigParamAdd'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -f -a "trigger" -d 'Deliver an extension webhook event (Ticket_Add, Ticket_Update, …) that resources.json subscribes to'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -f -a "uninstall" -d 'Fire onUninstall, then revoke the securityContext and delete the installation\'s data'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -f -a "wait" -d 'Wait until the emulator answers its health check (exit 6 at the timeout)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and not __fish_seen_subcommand_from install installations event configure trigger uninstall wait help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -l save-profile -d 'Save a profile that talks to the new installation (base URL, org id, securityContext)' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -l show-secrets -d 'Show securityContexts in full'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from installations" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -l installation -d 'The installation id, or `default`' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from event" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -l installation -d 'The installation id, or `default`' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from configure" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l installation -d 'The installation id, or `default`' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l payload -d 'The event\'s payload: a JSON object in FILE (- for stdin) instead of the built-in sample' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from trigger" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -l installation -d 'The installation id, or `default`' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from uninstall" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -l port-file -d 'The emulator\'s --port-file: wait for the port in it, then for http://127.0.0.1:PORT' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "install" -d 'Install the extension in a new organisation (fires onInstall); prints orgId, installationId and securityContext'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "installations" -d 'List the installations (securityContext masked unless --show-secrets)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "event" -d 'Fire a platform event callback (onUpdate, onZohoAuthorise, onTPAAuthorise, …)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "configure" -d 'Set config params as the installing admin (userdefined ones too), then fire onConfigParamAdd'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "trigger" -d 'Deliver an extension webhook event (Ticket_Add, Ticket_Update, …) that resources.json subscribes to'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "uninstall" -d 'Fire onUninstall, then revoke the securityContext and delete the installation\'s data'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until the emulator answers its health check (exit 6 at the timeout)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l junit -d 'Write a JUnit XML report' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -l log -d 'Also post an extension log'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand smoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -f -a "check" -d 'Validate plugin-manifest.json and resources.json: every problem with its JSON path'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and not __fish_seen_subcommand_from check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "check" -d 'Validate plugin-manifest.json and resources.json: every problem with its JSON path'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -f -a "list" -d 'List profiles (the default marked *)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -f -a "show" -d 'Show a profile, secrets redacted [default: the current profile]'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -f -a "set" -d 'Create or update a profile: exactly the flags given (the secret from --secret-file, --secret-env or a prompt)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -f -a "use" -d 'Make a profile the default'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -f -a "remove" -d 'Remove a profile'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and not __fish_seen_subcommand_from list show set use remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l effective -d 'Every setting in effect (flags, environment, profile, defaults) and where it came from'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -l check -d 'With --effective: send one signed request to check that the target accepts the secret, securityContext and org id'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l data-center -d 'Data center' -r -f -a "us\t''
eu\t''
in\t''
au\t''
jp\t''
cn\t''
ca\t''
sa\t''
uk\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l security-context-file -d 'securityContext to store (read from this file; `-` = stdin)' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l connection -d 'Default connectionLinkName' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l secret-env -d 'Refer to the secret by environment variable instead of storing it' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -l make-default -d 'Make this the default profile'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List profiles (the default marked *)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a profile, secrets redacted [default: the current profile]'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "set" -d 'Create or update a profile: exactly the flags given (the secret from --secret-file, --secret-env or a prompt)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a profile the default'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a profile'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -s p -l profile -d 'Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else `default`]; a profile named here ranks above the DESK_INVOKE_* variables' -r -f -a '(desk-invoke __complete profiles 2>/dev/null)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -l config -d 'Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -l org-id -d 'Desk organisation id [env: DESK_INVOKE_ORG_ID]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -l base-url -d 'Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or DESK_INVOKE_DATA_CENTER]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -l project -d 'Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]' -r -f -a "(__fish_complete_directories)"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -l secret-file -d 'Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]' -r -F
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -l timeout -d 'Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -l max-body-size -d 'Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -l retries -d 'Retries after the first attempt for retryable failures [default: 3]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "auto\t'Pretty and coloured on a terminal, plain when piped'
json\t''
ndjson\t''
table\t''
raw\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -l jq -d 'Filter the JSON printed through a jq expression (in-process), e.g. \'.[].value\'; results one a line, strings raw, as gh\'s --jq [implies -o json; -o ndjson filters each line]' -r
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -l color -d 'When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -s v -l verbose -d 'Request/response trace on stderr, secrets redacted (-vv adds bodies)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -s q -l quiet -d 'Nothing on stderr but errors'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "hash" -d 'Compute the HASH of an invoke request, offline (needs only the secret)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "invoke" -d 'Send a signed invoke request and print the called API\'s answer'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "storage" -d 'Read and write the extension\'s storage'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "config" -d 'Read and set the extension\'s config params'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "log" -d 'Post an extension log'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "permissions" -d 'List the current user\'s custom permissions, or check one'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "verify-callback" -d 'Check that a platform event callback was signed by Desk'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "send-callback" -d 'Play Desk: sign and deliver a platform event callback to a handler'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "listen" -d 'Receive Desk\'s platform event callbacks: verify, print, relay, save'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "emulator" -d 'Run a local Desk to develop and test against'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "smoke" -d 'Round-trip smoke test of a profile, for CI'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "project" -d 'Check the extension project\'s plugin-manifest.json and resources.json'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "profile" -d 'Manage the profile file'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and not __fish_seen_subcommand_from hash invoke storage config log permissions verify-callback send-callback listen emulator smoke project profile completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from storage" -f -a "get" -d 'Read storage items by key or queriableValue'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from storage" -f -a "put" -d 'Store one item, or many from NDJSON or a JSON array'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from storage" -f -a "delete" -d 'Delete items: by key, from a file, or a whole queriableValue group'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from storage" -f -a "count" -d 'Count the items of a queriableValue group'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print config params (secure values masked)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set config params'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from permissions" -f -a "check" -d 'Exit 0 when the permission is enabled, 1 when not'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "install" -d 'Install the extension in a new organisation (fires onInstall); prints orgId, installationId and securityContext'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "installations" -d 'List the installations (securityContext masked unless --show-secrets)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "event" -d 'Fire a platform event callback (onUpdate, onZohoAuthorise, onTPAAuthorise, …)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "configure" -d 'Set config params as the installing admin (userdefined ones too), then fire onConfigParamAdd'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "trigger" -d 'Deliver an extension webhook event (Ticket_Add, Ticket_Update, …) that resources.json subscribes to'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "uninstall" -d 'Fire onUninstall, then revoke the securityContext and delete the installation\'s data'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "wait" -d 'Wait until the emulator answers its health check (exit 6 at the timeout)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "check" -d 'Validate plugin-manifest.json and resources.json: every problem with its JSON path'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List profiles (the default marked *)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "show" -d 'Show a profile, secrets redacted [default: the current profile]'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "set" -d 'Create or update a profile: exactly the flags given (the secret from --secret-file, --secret-env or a prompt)'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "use" -d 'Make a profile the default'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "remove" -d 'Remove a profile'
complete -c desk-invoke -n "__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from use show remove" -f -a '(desk-invoke __complete profiles 2>/dev/null)'
